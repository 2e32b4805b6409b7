// Functional MAC execution: C (i32) = wrap32(C + A * B) at every point of the nest, in loop order.
// i8 x i8 is the hot path (ResNet-50 runs billions of points), so its innermost loop is specialised,
// with and without counting zero operands;
// every other case, and C overlapping A or B, goes through the plain per-point path, which is the spec.
package org.tdlc.sim;

final class MacUnit {
  private MacUnit() {}

  /** Zeroes every i32 accumulator the nest writes at {@code c} (a MAC that starts its accumulators). */
  static void clearAccumulators(byte[] g, NestPlan p, int c) {
    int[] idx = new int[p.depth];
    long[] stride = p.byteStride[NestPlan.DST];
    while (true) {
      long at = c;
      for (int l = 0; l < p.depth; l++) at += idx[l] * stride[l];
      java.util.Arrays.fill(g, (int) at, (int) at + 4, (byte) 0);
      int l = p.depth - 1;
      while (l >= 0 && (stride[l] == 0 || ++idx[l] == p.extent[l])) {   // loops that keep C in place: once
        idx[l--] = 0;
      }
      if (l < 0) return;
    }
  }

  /**
   * Runs one MAC over the global buffer {@code g} (bounds already checked) and returns how many points had
   * a zero A (when zeroRows.countA) or a zero B (when zeroRows.countB) when counting ({@code zeroRows} not
   * null), else 0. Values never depend on counting.
   */
  static long execute(byte[] g, NestPlan p, int sizeA, int sizeB, int a, int b, int c, ZeroRows zeroRows) {
    boolean countZeros = zeroRows != null;
    boolean za = countZeros && zeroRows.countA;
    boolean zb = countZeros && zeroRows.countB;
    boolean fast = fastPath(p, sizeA, sizeB, a, b, c);
    if (fast) {
      long zeros = RowMac.run(g, p, a, b, c, zeroRows);
      if (zeros >= 0) return zeros;
    }
    // Integer addition wraps, so without aliasing any order of the points gives the same bits: the fast
    // path runs the longest loop innermost, where the JIT's tight loops pay off.
    int[] order = fast ? longestInnermost(p.extent) : identity(p.depth);
    int inner = p.depth - 1;
    int[] ext = new int[p.depth];
    long[] sc = new long[p.depth];
    long[] sa = new long[p.depth];
    long[] sb = new long[p.depth];
    for (int l = 0; l < p.depth; l++) {
      ext[l] = p.extent[order[l]];
      sc[l] = p.byteStride[NestPlan.DST][order[l]];
      sa[l] = p.byteStride[NestPlan.SRC1][order[l]];
      sb[l] = p.byteStride[NestPlan.SRC2][order[l]];
    }
    long outerPoints = p.points / ext[inner];
    int[] idx = new int[inner];
    long pc = c;
    long pa = a;
    long pb = b;
    long zeros = 0;
    for (long o = 0; o < outerPoints; o++) {
      if (fast && countZeros) {
        zeros += innerI8Zeros(g, ext[inner], (int) pa, (int) sa[inner], (int) pb, (int) sb[inner], (int) pc,
            (int) sc[inner], za, zb);
      } else if (fast) {
        innerI8(g, ext[inner], (int) pa, (int) sa[inner], (int) pb, (int) sb[inner], (int) pc, (int) sc[inner]);
      } else {
        zeros += innerGeneric(g, ext[inner], sizeA, sizeB, (int) pa, (int) sa[inner], (int) pb,
            (int) sb[inner], (int) pc, (int) sc[inner], za, zb);
      }
      for (int l = inner - 1; l >= 0; l--) {
        pc += sc[l];
        pa += sa[l];
        pb += sb[l];
        if (++idx[l] < ext[l]) break;
        idx[l] = 0;
        pc -= sc[l] * ext[l];
        pa -= sa[l] * ext[l];
        pb -= sb[l] * ext[l];
      }
    }
    return countZeros ? zeros : 0;
  }

  /** Whether the i8 paths may run: both operands i8 and C apart from A and B. */
  static boolean fastPath(NestPlan p, int sizeA, int sizeB, int a, int b, int c) {
    return sizeA == 1 && sizeB == 1 && !overlapsC(p, a, b, c);
  }

  private static int[] identity(int depth) {
    int[] order = new int[depth];
    for (int l = 0; l < depth; l++) order[l] = l;
    return order;
  }

  /** The loop order with the (last) longest loop moved innermost, the others in their order. */
  private static int[] longestInnermost(int[] extent) {
    int longest = extent.length - 1;
    for (int l = 0; l < extent.length; l++) if (extent[l] > extent[longest]) longest = l;
    int[] order = new int[extent.length];
    int k = 0;
    for (int l = 0; l < extent.length; l++) if (l != longest) order[k++] = l;
    order[k] = longest;
    return order;
  }

  /** Whether C's bytes may meet A's or B's: then the accumulator cannot stay in a register. */
  private static boolean overlapsC(NestPlan p, int a, int b, int c) {
    long cLo = c + p.lowByte[NestPlan.DST];
    long cHi = c + p.endByte[NestPlan.DST];
    return cLo < a + p.endByte[NestPlan.SRC1] && a + p.lowByte[NestPlan.SRC1] < cHi
        || cLo < b + p.endByte[NestPlan.SRC2] && b + p.lowByte[NestPlan.SRC2] < cHi;
  }

  private static void innerI8(byte[] g, int n, int pa, int da, int pb, int db, int pc, int dc) {
    if (dc == 0) {
      int acc = Memory.readInt(g, pc);
      for (int k = 0; k < n; k++) {
        acc += g[pa] * g[pb];
        pa += da;
        pb += db;
      }
      Memory.writeInt(g, pc, acc);
      return;
    }
    if (da == 0) {
      // one A element against a row of B (no aliasing here, so it may stay in a register)
      int x = g[pa];
      for (int k = 0; k < n; k++) {
        Memory.writeInt(g, pc, Memory.readInt(g, pc) + x * g[pb]);
        pb += db;
        pc += dc;
      }
      return;
    }
    for (int k = 0; k < n; k++) {
      Memory.writeInt(g, pc, Memory.readInt(g, pc) + g[pa] * g[pb]);
      pa += da;
      pb += db;
      pc += dc;
    }
  }

  /** innerI8 that also counts the points with a zero operand (what a zero-skipping array skips). */
  private static long innerI8Zeros(byte[] g, int n, int pa, int da, int pb, int db, int pc, int dc, boolean za,
                                   boolean zb) {
    int zeros = 0;
    if (dc == 0) {
      int acc = Memory.readInt(g, pc);
      for (int k = 0; k < n; k++) {
        int x = g[pa];
        int y = g[pb];
        acc += x * y;
        zeros += (za & x == 0 | zb & y == 0) ? 1 : 0;
        pa += da;
        pb += db;
      }
      Memory.writeInt(g, pc, acc);
      return zeros;
    }
    for (int k = 0; k < n; k++) {
      int x = g[pa];
      int y = g[pb];
      Memory.writeInt(g, pc, Memory.readInt(g, pc) + x * y);
      zeros += (za & x == 0 | zb & y == 0) ? 1 : 0;
      pa += da;
      pb += db;
      pc += dc;
    }
    return zeros;
  }

  private static long innerGeneric(byte[] g, int n, int sizeA, int sizeB, int pa, int da, int pb, int db,
                                   int pc, int dc, boolean za, boolean zb) {
    long zeros = 0;
    for (int k = 0; k < n; k++) {
      int x = Memory.read(g, pa, sizeA);
      int y = Memory.read(g, pb, sizeB);
      if (za && x == 0 || zb && y == 0) zeros++;
      Memory.writeInt(g, pc, Memory.readInt(g, pc) + x * y);
      pa += da;
      pb += db;
      pc += dc;
    }
    return zeros;
  }
}
