// The global buffer's layout during one layer, stated once for the lowering (which places every tile at these
// addresses) and the mapper's capacity model (which must accept exactly the tiles that lower): nIn input slots
// so loads of step i+1 overlap compute of step i, nOut output slots so a store overlaps the next output tile,
// and areas shared by all slots. Every area starts 16-byte aligned.
package org.tdlc.machine;

import java.util.List;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.machine.sparse.SparseCodec;

/**
 * Layout, from address 0: for each input slot, its areas in order (an input's box, its staging area for
 * software conversion, ..., as the caller lists them); then for each output slot its areas; then the shared
 * areas. An area of 0 bytes takes no room. Double buffering, where the buffer has it, tries {2, 2} slots, then
 * {2, 1}, then {1, 1} (slotOptions); a buffer without it uses {1, 1}.
 */
public final class BufferLayout {
  public static final int ALIGN = 16;

  private static final List<int[]> DOUBLE = List.of(new int[] {2, 2}, new int[] {2, 1}, new int[] {1, 1});
  private static final List<int[]> SINGLE = List.<int[]>of(new int[] {1, 1});

  private final long[][] inAddr, outAddr;
  private final long[] sharedAddr;
  private final long total;

  private BufferLayout(long[] inAreas, long[] outAreas, long[] shared, int nIn, int nOut) {
    long at = 0;
    inAddr = new long[nIn][inAreas.length];
    for (int s = 0; s < nIn; s++) {
      for (int a = 0; a < inAreas.length; a++) {
        inAddr[s][a] = at;
        at += align(inAreas[a]);
      }
    }
    outAddr = new long[nOut][outAreas.length];
    for (int s = 0; s < nOut; s++) {
      for (int a = 0; a < outAreas.length; a++) {
        outAddr[s][a] = at;
        at += align(outAreas[a]);
      }
    }
    sharedAddr = new long[shared.length];
    for (int a = 0; a < shared.length; a++) {
      sharedAddr[a] = at;
      at += align(shared[a]);
    }
    total = at;
  }

  /** The layout of these areas (bytes each) with nIn input and nOut output slots. */
  public static BufferLayout of(long[] inAreas, long[] outAreas, long[] shared, int nIn, int nOut) {
    return new BufferLayout(inAreas, outAreas, shared, nIn, nOut);
  }

  /** The bytes such a layout takes, without placing it. */
  public static long bytes(long[] inAreas, long[] outAreas, long[] shared, int nIn, int nOut) {
    return nIn * aligned(inAreas) + nOut * aligned(outAreas) + aligned(shared);
  }

  /** The {nIn, nOut} slot counts to try, most overlap first. */
  public static List<int[]> slotOptions(boolean doubleBuffer) { return doubleBuffer ? DOUBLE : SINGLE; }

  /** The first slot counts whose layout fits {@code capacity} bytes, or null when even single slots overflow. */
  public static int[] fit(long[] inAreas, long[] outAreas, long[] shared, long capacity, boolean doubleBuffer) {
    for (int[] o : slotOptions(doubleBuffer)) {
      if (bytes(inAreas, outAreas, shared, o[0], o[1]) <= capacity) return o.clone();
    }
    return null;
  }

  /**
   * The staging area a block of {@code points} elements in format {@code f} needs when software converts it
   * (the largest block those points can encode to); 0 when nothing is staged (dense, or a hardware decoder).
   */
  public static long stagingBytes(StorageFormat f, long points, int valueBytes, boolean hardwareDecode) {
    if (f == null || f == StorageFormat.DENSE || hardwareDecode) return 0;
    return (SparseCodec.maxBits(f, points, valueBytes * 8) + 7) / 8;
  }

  public static long align(long bytes) { return (bytes + ALIGN - 1) / ALIGN * ALIGN; }

  private static long aligned(long[] areas) {
    long sum = 0;
    for (long a : areas) sum += align(a);
    return sum;
  }

  public long inAddr(int slot, int area) { return inAddr[slot][area]; }
  public long outAddr(int slot, int area) { return outAddr[slot][area]; }
  public long sharedAddr(int area) { return sharedAddr[area]; }
  public long totalBytes() { return total; }
}
