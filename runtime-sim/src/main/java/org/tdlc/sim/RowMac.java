// The fast shape of an i8 MAC nest without aliasing: C's row along one output loop (j) is held in an int
// array while a reduction loop (r) sweeps over it, so the innermost loop is C[j] += A[j] * b with unit
// strides, which the JIT vectorizes. Wrapping int addition makes any order of the points bit-exact.
package org.tdlc.sim;

final class RowMac {
  private static final int MIN_ROW = 8;

  private RowMac() {}

  /** Runs the nest and returns the zero-operand points (0 unless countZeros), or -1 when it does not fit. */
  static long run(byte[] g, NestPlan p, int a, int b, int c, boolean countZeros) {
    return run(g, p, a, b, c, countZeros, countZeros);
  }

  /** As above, counting zero A points when {@code za} and zero B points when {@code zb}. */
  static long run(byte[] g, NestPlan p, int a, int b, int c, boolean za, boolean zb) {
    boolean countZeros = za || zb;
    long[] sc = p.byteStride[NestPlan.DST];
    long[] sa = p.byteStride[NestPlan.SRC1];
    long[] sb = p.byteStride[NestPlan.SRC2];
    int j = -1;
    int r = -1;
    for (int l = 0; l < p.depth; l++) {
      if (sc[l] != 0) {
        if (j < 0 || p.extent[l] > p.extent[j]) j = l;
      } else if (r < 0 || p.extent[l] > p.extent[r]) {
        r = l;
      }
    }
    if (j < 0 || p.extent[j] < MIN_ROW) return -1;
    int nj = p.extent[j];
    int nr = r < 0 ? 1 : p.extent[r];
    int[] outer = new int[p.depth];
    int depth = 0;
    for (int l = 0; l < p.depth; l++) if (l != j && l != r) outer[depth++] = l;
    int[] acc = new int[nj];
    int[] idx = new int[depth];
    long pc = c;
    long pa = a;
    long pb = b;
    long zeros = 0;
    long outerPoints = p.points / ((long) nj * nr);
    for (long o = 0; o < outerPoints; o++) {
      int dc = (int) sc[j];
      for (int q = 0; q < nj; q++) acc[q] = Memory.readInt(g, (int) pc + q * dc);
      for (int k = 0; k < nr; k++) {
        int ra = (int) pa + (r < 0 ? 0 : k * (int) sa[r]);
        int rb = (int) pb + (r < 0 ? 0 : k * (int) sb[r]);
        zeros += row(g, acc, nj, ra, (int) sa[j], rb, (int) sb[j], za, zb);
      }
      for (int q = 0; q < nj; q++) Memory.writeInt(g, (int) pc + q * dc, acc[q]);
      for (int l = depth - 1; l >= 0; l--) {
        int lp = outer[l];
        pc += sc[lp];
        pa += sa[lp];
        pb += sb[lp];
        if (++idx[l] < p.extent[lp]) break;
        idx[l] = 0;
        pc -= sc[lp] * p.extent[lp];
        pa -= sa[lp] * p.extent[lp];
        pb -= sb[lp] * p.extent[lp];
      }
    }
    return countZeros ? zeros : 0;
  }

  /** acc[q] += A[pa + q*da] * B[pb + q*db] for q < n; returns the points with a counted zero operand. */
  private static int row(byte[] g, int[] acc, int n, int pa, int da, int pb, int db, boolean za, boolean zb) {
    if (db == 0 || da == 0) {
      // one operand is a single element y broadcast along the row; the other runs along base
      boolean yIsB = db == 0;
      int y = yIsB ? g[pb] : g[pa];
      int base = yIsB ? pa : pb;
      int d = yIsB ? da : db;
      boolean countY = yIsB ? zb : za;
      boolean countRow = yIsB ? za : zb;
      if (y == 0) {   // adds nothing
        if (countY) return n;
        if (!countRow) return 0;
      } else if (d == 1) {
        for (int q = 0; q < n; q++) acc[q] += g[base + q] * y;
      } else {
        for (int q = 0; q < n; q++) acc[q] += g[base + q * d] * y;
      }
      if (!countRow) return 0;
      int zeros = 0;
      for (int q = 0; q < n; q++) zeros += g[base + q * d] == 0 ? 1 : 0;
      return zeros;
    }
    int zeros = 0;
    for (int q = 0; q < n; q++) {
      int x = g[pa + q * da];
      int y = g[pb + q * db];
      acc[q] += x * y;
      zeros += (za & x == 0 | zb & y == 0) ? 1 : 0;
    }
    return zeros;
  }
}
