// Traffic and energy per access, stated once: the bytes an instruction moves at each memory level beyond what
// its DMA descriptors say (the per-PE operands and partial sums of a MAC), and the energy those bytes and the
// issued MACs cost. The simulator's counters and the compiler's cost model both apply these rules.
package org.tdlc.machine;

/**
 * Energy = sum over levels of (bytes read + bytes written) x the level's pJ/B, plus issued MACs x the MAC's pJ.
 * What a MAC moves through the global buffer (its operands into the array, its partial sums out and back)
 * is ArrayTraffic's count; at the per-PE levels every issued (not skipped) MAC point reads the operands each
 * holds (its partial sum too) and writes its partial sum where the outputs are held. An operand no per-PE
 * level holds is read from the network's or the dataflow's registers, at no level's cost. Filling a per-PE
 * level is not charged to it (the global buffer's read pays for the element).
 */
public final class Energy {
  /** The bytes of one accumulator element (i32 partial sum). */
  public static final int PSUM_BYTES = 4;

  private Energy() {}

  /** The energy of this many bytes read and written at one level. */
  public static double level(MemoryLevel l, long read, long written) { return (read + written) * l.energyPjPerByte(); }

  /**
   * The energy of a run or a layer: per level (outermost first) its bytes read and written, then the issued
   * MACs, summed in that order so that every caller gets the same double to the bit.
   */
  public static double total(MachineConfig m, long[] read, long[] written, long issued) {
    double sum = 0;
    for (int i = 0; i < m.levels().size(); i++) sum += level(m.levels().get(i), read[i], written[i]);
    return sum + macs(m, issued);
  }

  /** The energy of the MACs the array issued (skipped points cost nothing). */
  public static double macs(MachineConfig m, long issued) { return issued * m.macEnergyPj(); }

  /**
   * Adds to {@code read} and {@code written} what the shared levels between the global buffer and the PEs
   * move for a MAC that moves {@code bytes[x]} of operand x (A, B, and C's partial sums both ways) between the
   * global buffer and the array (ArrayTraffic): each stages every byte of the operands it holds, written into
   * it and read out of it once; the others pass it by. They keep nothing across steps (the per-PE levels do).
   */
  public static void staged(MachineConfig m, long[] bytes, long[] read, long[] written) {
    for (int i = 2; i < m.firstPerPe(); i++) {
      long b = stagedBytes(m.levels().get(i), bytes);
      read[i] += b;
      written[i] += b;
    }
  }

  /** The bytes of {@code bytes} (per operand, as staged takes them) that shared level {@code level} stages. */
  public static long stagedBytes(MemoryLevel level, long[] bytes) {
    long b = 0;
    for (int x = ArrayTraffic.A; x <= ArrayTraffic.C; x++) if (level.holds(x)) b += bytes[x];
    return b;
  }

  /** A MAC's bytes per operand between the global buffer and the array, as staged takes them. */
  public static long[] operandBytes(ArrayTraffic.Counts c, int aBytes, int bBytes) {
    return new long[] {c.a() * aBytes, c.b() * bBytes, c.cRead() * PSUM_BYTES + c.written()};
  }

  /** Adds to {@code read} and {@code written} what the per-PE levels move for {@code issued} MAC points. */
  public static void perPe(MachineConfig m, long issued, int aBytes, int bBytes, long[] read, long[] written) {
    perPe(m, issued, aBytes, bBytes, PeWalk.RULE, read, written);
  }

  /** As above, no level serving the operands {@code pe} bypasses there (PeWalk.serves). */
  public static void perPe(MachineConfig m, long issued, int aBytes, int bBytes, PeWalk pe, long[] read,
                           long[] written) {
    for (int i = m.firstPerPe(); i < m.levels().size(); i++) {
      int served = pe.serves(m, i);
      read[i] += issued * perMacRead(served, aBytes, bBytes);
      written[i] += issued * perMacWritten(served);
    }
  }

  /**
   * The bytes one MAC point reads from a per-PE level serving the operands {@code served} (a mask: those it
   * holds, less those a mapping bypasses there): each operand, a partial sum at 4.
   */
  public static long perMacRead(int served, int aBytes, int bBytes) {
    return ((served >> ArrayTraffic.A & 1) != 0 ? aBytes : 0) + ((served >> ArrayTraffic.B & 1) != 0 ? bBytes : 0)
        + ((served >> ArrayTraffic.C & 1) != 0 ? PSUM_BYTES : 0);
  }

  /** The bytes one MAC point writes to a per-PE level serving {@code served}: its partial sum, where it serves the outputs. */
  public static long perMacWritten(int served) { return (served >> ArrayTraffic.C & 1) != 0 ? PSUM_BYTES : 0; }
}
