// How many distinct elements a loop nest touches through one operand: the count the simulator charges a MAC's
// global-buffer reads with, and the one the cost model averages over a layer's tiles. Stated once so the two
// agree on strided windows (a 3x3 window at stride 2 touches fewer elements than its box).
package org.tdlc.machine;

import java.util.Arrays;
import java.util.BitSet;

public final class Footprint {
  private Footprint() {}

  /**
   * The distinct values of sum(strides[l] * x_l) over 0 <= x_l < extents[l]: a loop of stride 0 adds none, a
   * negative stride mirrors its loop's offsets (same count). Disjoint strides give the product of the extents;
   * otherwise the offsets are enumerated.
   */
  public static long distinct(long[] extents, long[] strides) {
    int k = 0;
    long[][] m = new long[extents.length][];
    for (int l = 0; l < extents.length; l++) {
      if (strides[l] != 0 && extents[l] > 1) m[k++] = new long[] {extents[l], Math.abs(strides[l])};
    }
    Arrays.sort(m, 0, k, (x, y) -> Long.compare(x[1], y[1]));
    long span = 0, product = 1;
    boolean disjoint = true;
    for (int j = 0; j < k; j++) {
      if (m[j][1] <= span) disjoint = false;
      span += (m[j][0] - 1) * m[j][1];
      product *= m[j][0];
    }
    if (disjoint) return product;
    if (k == 2 && m[0][1] == 1 && m[0][0] >= m[1][1]) return span + 1;   // a stride the window covers
    BitSet seen = new BitSet((int) Math.min(Integer.MAX_VALUE, span + 1));
    int[] idx = new int[k];
    long offset = 0;
    for (long p = 0; p < product; p++) {
      seen.set((int) offset);
      for (int j = k - 1; j >= 0; j--) {
        offset += m[j][1];
        if (++idx[j] < m[j][0]) break;
        idx[j] = 0;
        offset -= m[j][0] * m[j][1];
      }
    }
    return seen.cardinality();
  }
}
