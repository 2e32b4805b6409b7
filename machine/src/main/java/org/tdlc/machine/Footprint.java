// How many distinct elements a loop nest touches through one operand: the count the simulator charges a MAC's
// global-buffer reads with, the one the cost model averages over a layer's tiles, and the elements ArrayTraffic
// counts entering the PE array. Stated once so they agree on strided windows (a 3x3 window at stride 2 touches
// fewer elements than its box).
package org.tdlc.machine;

import java.util.Arrays;
import java.util.BitSet;

public final class Footprint {
  private Footprint() {}

  /**
   * The distinct values of sum(strides[l] * x_l) over 0 <= x_l < extents[l]: a loop of stride 0 adds none, a
   * negative stride mirrors its loop's offsets (same count). The loops, by increasing stride, split into groups
   * wherever the strides that follow share a factor larger than the offsets the group before reaches (the
   * rows of a row-major layout above a window's columns); the count is the product of the groups' counts.
   * A group whose strides are disjoint counts the product of its extents; two loops of strides 1 and at most
   * the first one's extent (a window that covers its stride) count their span; others are enumerated.
   */
  public static long distinct(long[] extents, long[] strides) {
    int k = 0;
    long[] e = new long[extents.length], s = new long[extents.length];
    for (int l = 0; l < extents.length; l++) {
      if (strides[l] == 0 || extents[l] <= 1) continue;
      long st = Math.abs(strides[l]);
      int j = k++;
      for (; j > 0 && s[j - 1] > st; j--) {     // insertion sort by stride: a handful of loops
        s[j] = s[j - 1];
        e[j] = e[j - 1];
      }
      s[j] = st;
      e[j] = extents[l];
    }
    if (k <= 1) return k == 0 ? 1 : e[0];
    long[] gcd = new long[k];   // gcd of the strides from j on
    gcd[k - 1] = s[k - 1];
    for (int j = k - 2; j >= 0; j--) gcd[j] = gcd(gcd[j + 1], s[j]);
    long count = 1, span = 0;
    int start = 0;
    for (int j = 0; j < k; j++) {
      if (j > start && gcd[j] > span) {
        count *= group(e, s, start, j);
        start = j;
        span = 0;
      }
      span += (e[j] - 1) * s[j];
    }
    return count * group(e, s, start, k);
  }

  /** The distinct offsets of loops [from, to) (sorted by stride): see distinct. */
  private static long group(long[] e, long[] s, int from, int to) {
    if (to - from == 1) return e[from];
    long g = 0;
    for (int j = from; j < to; j++) g = gcd(g, s[j]);
    long span = 0, product = 1;
    boolean disjoint = true;
    for (int j = from; j < to; j++) {
      long st = s[j] / g;
      if (st <= span) disjoint = false;
      span += (e[j] - 1) * st;
      product *= e[j];
    }
    if (disjoint) return product;
    if (to - from == 2 && s[from] == g && e[from] >= s[from + 1] / g) return span + 1;   // a window covering its stride
    int k = to - from;
    long[] m = new long[k], st = new long[k];
    for (int j = 0; j < k; j++) {
      m[j] = e[from + j];
      st[j] = s[from + j] / g;
    }
    if (span < Integer.MAX_VALUE && span / 64 <= product) {   // a bit per offset, or a sorted list of them
      BitSet seen = new BitSet((int) span + 1);
      walk(m, st, (offset) -> seen.set((int) offset));
      return seen.cardinality();
    }
    long[] all = new long[Math.toIntExact(product)];
    int[] at = {0};
    walk(m, st, (offset) -> all[at[0]++] = offset);
    Arrays.sort(all);
    long distinct = 1;
    for (int p = 1; p < all.length; p++) if (all[p] != all[p - 1]) distinct++;
    return distinct;
  }

  /** Visits sum(st[j] * x_j) at every point of the box of extents m (the last loop fastest). */
  private static void walk(long[] m, long[] st, java.util.function.LongConsumer visit) {
    int k = m.length;
    long product = 1;
    for (long x : m) product *= x;
    int[] idx = new int[k];
    long offset = 0;
    for (long p = 0; p < product; p++) {
      visit.accept(offset);
      for (int j = k - 1; j >= 0; j--) {
        offset += st[j];
        if (++idx[j] < m[j]) break;
        idx[j] = 0;
        offset -= m[j] * st[j];
      }
    }
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
