// Traffic and energy per access, stated once: the bytes an instruction moves at each memory level beyond what
// its DMA descriptors say (the per-PE operands and partial sums of a MAC), and the energy those bytes and the
// issued MACs cost. The simulator's counters and the compiler's cost model both apply these rules.
package org.tdlc.machine;

/**
 * Energy = sum over levels of (bytes read + bytes written) x the level's pJ/B, plus issued MACs x the MAC's pJ.
 * What a MAC moves through the global buffer (its operands into the array, its partial sums out and back)
 * is ArrayTraffic's count; at the per-PE level every issued (not skipped) MAC point reads its two operands
 * and its partial sum and writes the partial sum.
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

  /** Bytes the per-PE level reads for {@code issued} MAC points with operands of these widths. */
  public static long localRead(long issued, int aBytes, int bBytes) { return issued * (aBytes + bBytes + PSUM_BYTES); }

  /** Bytes the per-PE level writes for {@code issued} MAC points (their partial sums). */
  public static long localWritten(long issued) { return issued * PSUM_BYTES; }
}
