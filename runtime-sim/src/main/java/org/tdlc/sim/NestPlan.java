// The base-independent facts of one MAC or ALU loop nest, computed once per descriptor: extents, byte
// strides per operand, the byte range each operand spans relative to its base (for bounds checks) and,
// lazily, how many distinct elements it touches (the footprint the counters charge a MAC for).
package org.tdlc.sim;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.backend.isa.Loop;
import org.tdlc.machine.Footprint;

final class NestPlan {
  static final int DST = 0;
  static final int SRC1 = 1;
  static final int SRC2 = 2;

  /** At least 1: an empty nest is one loop of extent 1, so executors always have an innermost loop. */
  final int depth;
  final int[] extent;
  final long points;
  /** [operand][loop] in bytes; 0 for loops of extent 1, whose stride never matters. */
  final long[][] byteStride;
  /** [operand]: first byte and one past the last byte touched, relative to the operand's base. */
  final long[] lowByte = new long[3];
  final long[] endByte = new long[3];
  private final long[][] elemStride;
  private final long[] footprint = {-1, -1, -1};
  private long[][] strides;
  private final int[] size;
  private RowMac.Shape rowShape;
  private boolean rowShapeKnown;
  private NestPlan coalesced;

  /** Throws IllegalArgumentException when the nest has more points than a long counts. */
  NestPlan(List<Loop> loops, int dstSize, int src1Size, int src2Size) {
    depth = Math.max(1, loops.size());
    extent = new int[depth];
    elemStride = new long[3][depth];
    byteStride = new long[3][depth];
    size = new int[] {dstSize, src1Size, src2Size};
    long n = 1;
    for (int l = 0; l < depth; l++) {
      Loop loop = l < loops.size() ? loops.get(l) : new Loop(1, 0, 0, 0);
      extent[l] = loop.extent();
      try {
        n = Math.multiplyExact(n, loop.extent());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("the loop nest has more than 2^63 points");
      }
      if (loop.extent() > 1) {
        long[] s = {loop.dst(), loop.src1(), loop.src2()};
        for (int op = 0; op < 3; op++) {
          elemStride[op][l] = s[op];
          byteStride[op][l] = s[op] * size[op];
        }
      }
    }
    points = n;
    for (int op = 0; op < 3; op++) {
      long lo = 0;
      long hi = 0;
      for (int l = 0; l < depth; l++) {
        long span = (extent[l] - 1L) * byteStride[op][l];
        if (span < 0) lo += span; else hi += span;
      }
      lowByte[op] = lo;
      endByte[op] = hi + size[op];
    }
  }

  /** The extent of loop {@code l}, or 1 for l = -1 (no loop). */
  int extentOf(int l) { return l < 0 ? 1 : extent[l]; }

  /**
   * The same points in the same order over fewer loops: loops of extent 1 dropped, and a loop merged with the
   * next one when every operand's stride is the next loop's extent times its stride (a row that continues
   * into the next). Executors run this; bounds and footprints are the same as this plan's.
   */
  NestPlan coalesced() {
    if (coalesced == null) coalesced = coalesce();
    return coalesced;
  }

  private NestPlan coalesce() {
    List<Loop> out = new ArrayList<>();
    for (int l = 0; l < depth; l++) {
      if (extent[l] == 1) continue;
      Loop cur = new Loop(extent[l], (int) elemStride[DST][l], (int) elemStride[SRC1][l], (int) elemStride[SRC2][l]);
      int last = out.size() - 1;
      if (last >= 0 && continues(out.get(last), cur)) {
        Loop prev = out.get(last);
        out.set(last, new Loop(prev.extent() * cur.extent(), cur.dst(), cur.src1(), cur.src2()));
      } else {
        out.add(cur);
      }
    }
    return out.size() == depth ? this : new NestPlan(out, size[DST], size[SRC1], size[SRC2]);
  }

  private static boolean continues(Loop outer, Loop inner) {
    long e = inner.extent();
    return (long) outer.extent() * e <= Integer.MAX_VALUE && outer.dst() == e * inner.dst()
        && outer.src1() == e * inner.src1() && outer.src2() == e * inner.src2();
  }

  /** RowMac's split of this nest (computed once), or null when it has no row loop. */
  RowMac.Shape rowShape() {
    if (!rowShapeKnown) {
      rowShape = RowMac.shape(this);
      rowShapeKnown = true;
    }
    return rowShape;
  }

  /**
   * How many distinct elements operand {@code op} touches. Only called after a bounds check passed, so
   * the span of offsets fits in the memory and a bitmap over it is affordable.
   */
  long footprint(int op) {
    if (footprint[op] < 0) footprint[op] = countDistinct(op);
    return footprint[op];
  }

  /**
   * Per operand as ArrayTraffic takes them ({A, B, C}: src1, src2, dst), the element stride of each loop in
   * the buffer (0: the loop does not move it).
   */
  long[][] strides() {
    if (strides == null) strides = new long[][] {elemStride[SRC1], elemStride[SRC2], elemStride[DST]};
    return strides;
  }

  private long countDistinct(int op) {
    long[] ext = new long[depth];
    for (int l = 0; l < depth; l++) ext[l] = extent[l];
    return Footprint.distinct(ext, elemStride[op]);
  }
}
