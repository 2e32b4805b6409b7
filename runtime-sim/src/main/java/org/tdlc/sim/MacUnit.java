// Functional MAC execution: C (i32) = wrap32(C + A * B) at every point of the nest, in loop order.
// i8 x i8 is the hot path (ResNet-50 runs billions of points), so its innermost loop is specialised;
// every other case, and C overlapping A or B, goes through the plain per-point path, which is the spec.
package org.tdlc.sim;

final class MacUnit {
  private MacUnit() {}

  /**
   * Runs one MAC over the global buffer {@code g} (bounds already checked) and returns how many points had
   * a zero A or B when {@code countZeros}, else 0. Values never depend on {@code countZeros}.
   */
  static long execute(byte[] g, NestPlan p, int sizeA, int sizeB, int a, int b, int c, boolean countZeros) {
    int inner = p.depth - 1;
    long outerPoints = p.points / p.extent[inner];
    boolean fast = !countZeros && sizeA == 1 && sizeB == 1 && !overlapsC(p, a, b, c);
    long[] sc = p.byteStride[NestPlan.DST];
    long[] sa = p.byteStride[NestPlan.SRC1];
    long[] sb = p.byteStride[NestPlan.SRC2];
    int[] idx = new int[inner];
    long pc = c;
    long pa = a;
    long pb = b;
    long zeros = 0;
    for (long o = 0; o < outerPoints; o++) {
      if (fast) {
        innerI8(g, p.extent[inner], (int) pa, (int) sa[inner], (int) pb, (int) sb[inner], (int) pc, (int) sc[inner]);
      } else {
        zeros += innerGeneric(g, p.extent[inner], sizeA, sizeB, (int) pa, (int) sa[inner], (int) pb,
            (int) sb[inner], (int) pc, (int) sc[inner]);
      }
      for (int l = inner - 1; l >= 0; l--) {
        pc += sc[l];
        pa += sa[l];
        pb += sb[l];
        if (++idx[l] < p.extent[l]) break;
        idx[l] = 0;
        pc -= sc[l] * p.extent[l];
        pa -= sa[l] * p.extent[l];
        pb -= sb[l] * p.extent[l];
      }
    }
    return countZeros ? zeros : 0;
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

  private static long innerGeneric(byte[] g, int n, int sizeA, int sizeB, int pa, int da, int pb, int db,
                                   int pc, int dc) {
    long zeros = 0;
    for (int k = 0; k < n; k++) {
      int x = Memory.read(g, pa, sizeA);
      int y = Memory.read(g, pb, sizeB);
      if (x == 0 || y == 0) zeros++;
      Memory.writeInt(g, pc, Memory.readInt(g, pc) + x * y);
      pa += da;
      pb += db;
      pc += dc;
    }
    return zeros;
  }
}
