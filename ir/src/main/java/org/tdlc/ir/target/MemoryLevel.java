// One memory level of a target, outermost (DRAM) first: capacity, read and write bandwidth, energy per byte,
// whether it is replicated in every PE or double-buffered, and (inside the global buffer) which operands it
// holds. The numbers the cost model and simulator use.
package org.tdlc.ir.target;

/**
 * sizeBytes: capacity, per PE when perPe; 0 for the outermost level (DRAM), which is sized by the program.
 * bandwidth: bytes per cycle this level delivers to the next inner one (its read bandwidth); 0 = not a limit.
 * writeBandwidth: bytes per cycle written into this level; 0 exactly when bandwidth is 0. A level declared
 * with one `bandwidth` has both equal; `bandwidth 16 B/cycle read, 8 B/cycle write;` sets them apart.
 * latencyCycles: fixed cycles before a transfer from this level delivers its first byte (written
 * `latency N cycles;`; default {@link #DEFAULT_DRAM_LATENCY} for DRAM and 0 on chip).
 * holds: the Operand mask of what the level keeps (`holds inputs, outputs;`); the others bypass it. DRAM and
 * the global buffer hold all three (Target); a shared level between the global buffer and the PEs stages, and
 * a per-PE level keeps, what it says, all three when it does not.
 * port: whether the level's reads and writes share one port (Port.DEFAULT, shared, when its block does not
 * say) or each have their own (`port split;`).
 */
public record MemoryLevel(String name, long sizeBytes, boolean perPe, double bandwidth, double energyPjPerByte,
                          boolean doubleBuffer, int latencyCycles, double writeBandwidth, int holds, Port port) {
  /** Cycles before a DRAM transfer starts delivering, when the target does not say: a typical DMA round trip. */
  public static final int DEFAULT_DRAM_LATENCY = 64;

  /**
   * The largest on-chip memory tdlc simulates, in one place: a level's size (the target is refused where the size
   * is written), and the largest data segment (a program's dense weights). The simulator holds the global buffer
   * in one Java byte array, instructions carry at most 31-bit buffer addresses, and the data segment is one
   * array too; 1 GiB is a round limit inside all three. DRAM itself is paged and 48-bit addressed (IsaLayout).
   */
  public static final long MAX_BYTES = Quantities.GIB;

  public MemoryLevel {
    if (name == null || name.isEmpty()) throw new IllegalArgumentException("memory level without a name");
    if (sizeBytes < 0) throw new IllegalArgumentException(name + ": negative size " + sizeBytes);
    if (!(bandwidth >= 0) || Double.isInfinite(bandwidth)) {
      throw new IllegalArgumentException(name + ": bandwidth " + bandwidth);
    }
    if (!(energyPjPerByte >= 0) || Double.isInfinite(energyPjPerByte)) {
      throw new IllegalArgumentException(name + ": energy " + energyPjPerByte);
    }
    if (!(writeBandwidth >= 0) || Double.isInfinite(writeBandwidth) || (writeBandwidth > 0) != (bandwidth > 0)) {
      throw new IllegalArgumentException(name + ": write bandwidth " + writeBandwidth + " beside " + bandwidth);
    }
    if (latencyCycles < 0) throw new IllegalArgumentException(name + ": negative latency " + latencyCycles);
    if (holds < 1 || holds > Operand.ALL) {
      throw new IllegalArgumentException(name + ": holds " + holds);
    }
    if (port == null) port = Port.DEFAULT;
  }

  /** A level of the default port (shared). */
  public MemoryLevel(String name, long sizeBytes, boolean perPe, double bandwidth, double energyPjPerByte,
                     boolean doubleBuffer, int latencyCycles, double writeBandwidth, int holds) {
    this(name, sizeBytes, perPe, bandwidth, energyPjPerByte, doubleBuffer, latencyCycles, writeBandwidth, holds, null);
  }

  /** A level that holds every operand. */
  public MemoryLevel(String name, long sizeBytes, boolean perPe, double bandwidth, double energyPjPerByte,
                     boolean doubleBuffer, int latencyCycles, double writeBandwidth) {
    this(name, sizeBytes, perPe, bandwidth, energyPjPerByte, doubleBuffer, latencyCycles, writeBandwidth,
        Operand.ALL);
  }

  /** A level that reads and writes at the same bandwidth. */
  public MemoryLevel(String name, long sizeBytes, boolean perPe, double bandwidth, double energyPjPerByte,
                     boolean doubleBuffer, int latencyCycles) {
    this(name, sizeBytes, perPe, bandwidth, energyPjPerByte, doubleBuffer, latencyCycles, bandwidth, Operand.ALL);
  }

  /** Bytes per cycle read out of this level (bandwidth); 0 = not a limit. */
  public double readBandwidth() { return bandwidth; }

  /** Whether reads and writes have the same bandwidth (written as one `bandwidth`). */
  public boolean symmetric() { return writeBandwidth == bandwidth; }

  /** False for DRAM, whose size is not a limit. */
  public boolean sized() { return sizeBytes > 0; }

  public boolean bandwidthLimited() { return bandwidth > 0; }

  /** All the bytes of this level on the chip: sizeBytes, times the PE count for a per-PE level. */
  public long totalBytes(int peCount) { return perPe ? sizeBytes * peCount : sizeBytes; }

  /** "256 KiB", "64 B per pe", or "unbounded" for DRAM. */
  public String sizeText() {
    if (!sized()) return "unbounded";
    return Quantities.bytes(sizeBytes) + (perPe ? " per pe" : "");
  }
}
