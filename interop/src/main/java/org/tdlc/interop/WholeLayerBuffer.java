// The global buffer an importer declares when the source tool holds whole tensors on chip (SCALE-Sim streams
// every operand without tile boundaries, MAESTRO's L2 holds whole tensors): large enough that tdlc tiles
// nothing, i.e. four times the largest layer's bytes (double buffering, with room for tdlc's own accounting),
// a power of two of at least 16 MiB, and at most 1 GiB, the most a target's level may hold.
package org.tdlc.interop;

public final class WholeLayerBuffer {
  private static final long MIB = 1L << 20, MAX = 1L << 30;

  private WholeLayerBuffer() {}

  /** The size in MiB for a largest layer of {@code footprint} bytes, at least {@code atLeast} bytes. */
  public static long mib(long footprint, long atLeast) {
    long want = Math.max(Math.max(4 * footprint, atLeast), 16 * MIB);
    long size = Long.highestOneBit(want);
    if (size < want) size <<= 1;
    return Math.min(size, MAX) / MIB;
  }
}
