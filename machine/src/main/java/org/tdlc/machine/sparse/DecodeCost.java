// Cycles to turn one compressed block back into its dense tile, shared by the simulator's timing and the
// compiler's cost model so both charge the same. Hardware decode (a format decoder on the load path, as wide
// as a 32 B/cycle DRAM link) reads 256 metadata bits and emits 32 entries per cycle, overlapped with the
// transfer; software conversion (a 4-lane loop on the host side after the transfer) reads 32 metadata bits and
// emits 4 entries per cycle, after the transfer ends. These rates are assumptions, not measurements.
package org.tdlc.machine.sparse;

public final class DecodeCost {
  public static final int HW_METADATA_BITS_PER_CYCLE = 256;
  public static final int HW_ENTRIES_PER_CYCLE = 32;
  public static final int SW_METADATA_BITS_PER_CYCLE = 32;
  public static final int SW_ENTRIES_PER_CYCLE = 4;

  private DecodeCost() {}

  /** Decoder cycles of a block on a hardware decoder (they overlap the block's transfer). */
  public static long hardware(SparseCodec.Size s) {
    return Math.max(ceilDiv(s.metadataBits(), HW_METADATA_BITS_PER_CYCLE), ceilDiv(s.entries(), HW_ENTRIES_PER_CYCLE));
  }

  /** Cycles of the software conversion of a block (after its transfer). */
  public static long software(SparseCodec.Size s) {
    return ceilDiv(s.metadataBits(), SW_METADATA_BITS_PER_CYCLE) + ceilDiv(s.entries(), SW_ENTRIES_PER_CYCLE);
  }

  private static long ceilDiv(long a, long b) { return (a + b - 1) / b; }
}
