// The fast shape of an i8 MAC nest without aliasing: C's row along one output loop (j) is held in an int
// array while every reduction loop (C stride 0) sweeps over it, so the innermost loop is C[j] += X[j] * y
// with one operand fixed per row, and a zero y skips its whole row. Wrapping int addition makes any order of
// the points bit-exact; the zero-operand count is exact too (a row's count of zero X is cached per base).
package org.tdlc.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

final class RowMac {
  static final int MIN_ROW = 8;

  private RowMac() {}

  /** Reduction rows per output row up to which their A and B offsets are tabulated. */
  private static final int MAX_TABLE = 1 << 16;

  /**
   * The loop split RowMac runs a nest with. rowA and rowB hold each reduction row's byte offset from the
   * output row's A and B positions (reductions in loop order), or are null when there are too many rows.
   */
  record Shape(int row, int[] outer, int[] reduction, int[] rowA, int[] rowB) {}

  /**
   * Picks the row loop among the loops that move C: one where B stays fixed (B holds the weights, the
   * operand most often zero, so zero rows are skipped whole), else the longest. Reductions run inside it.
   */
  static Shape shape(NestPlan p) {
    long[] sc = p.byteStride[NestPlan.DST];
    long[] sa = p.byteStride[NestPlan.SRC1];
    long[] sb = p.byteStride[NestPlan.SRC2];
    int j = -1;
    for (int l = 0; l < p.depth; l++) {
      if (sc[l] == 0 || p.extent[l] < MIN_ROW) continue;
      if (j < 0 || rank(sa[l], sb[l]) > rank(sa[j], sb[j])
          || rank(sa[l], sb[l]) == rank(sa[j], sb[j]) && p.extent[l] > p.extent[j]) {
        j = l;
      }
    }
    if (j < 0) return null;
    int outer = 0;
    for (int l = 0; l < p.depth; l++) if (l != j && sc[l] != 0) outer++;
    int[] o = new int[outer];
    int[] r = new int[p.depth - 1 - outer];
    int no = 0;
    int nr = 0;
    for (int l = 0; l < p.depth; l++) {
      if (l == j) continue;
      if (sc[l] != 0) o[no++] = l; else r[nr++] = l;
    }
    long rows = 1;
    for (int l : r) rows *= p.extent[l];
    if (rows > MAX_TABLE) return new Shape(j, o, r, null, null);
    int[] rowA = new int[(int) rows];
    int[] rowB = new int[(int) rows];
    int[] idx = new int[r.length];
    for (int k = 0; k < rows; k++) {
      long oa = 0;
      long ob = 0;
      for (int i = 0; i < r.length; i++) {
        oa += idx[i] * sa[r[i]];
        ob += idx[i] * sb[r[i]];
      }
      rowA[k] = (int) oa;
      rowB[k] = (int) ob;
      for (int i = r.length - 1; i >= 0 && ++idx[i] == p.extent[r[i]]; i--) idx[i] = 0;
    }
    return new Shape(j, o, r, rowA, rowB);
  }

  private static int rank(long sa, long sb) { return sb == 0 && sa != 0 ? 1 : 0; }

  /**
   * Runs the nest and returns the zero-operand points (0 unless zeros != null), or -1 when it does not fit.
   * {@code zeros} caches row counts for this instruction only (A and B do not change during it).
   */
  static long run(byte[] g, NestPlan p, int a, int b, int c, ZeroRows zeros) {
    Shape s = p.rowShape();
    if (s == null) return -1;
    long[] sc = p.byteStride[NestPlan.DST];
    long[] sa = p.byteStride[NestPlan.SRC1];
    long[] sb = p.byteStride[NestPlan.SRC2];
    int j = s.row();
    int nj = p.extent[j];
    int dc = (int) sc[j];
    int da = (int) sa[j];
    int db = (int) sb[j];
    int[] o = s.outer();
    int[] r = s.reduction();
    if (zeros != null) zeros.next();
    int[] acc = new int[nj];
    int[] live = s.rowA() != null ? new int[s.rowA().length] : null;
    int[] oi = new int[o.length];
    int[] ri = new int[r.length];
    long rowsPerAcc = 1;
    for (int l : r) rowsPerAcc *= p.extent[l];
    long outerPoints = p.points / (rowsPerAcc * nj);
    long pc = c;
    long pa = a;
    long pb = b;
    long count = 0;
    // a contiguous, aligned C row moves as one bulk copy (about twice as fast as element by element)
    IntBuffer words = dc == 4 && c % 4 == 0 && outerStepsAligned(sc, o)
        ? ByteBuffer.wrap(g).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer() : null;
    for (long x = 0; x < outerPoints; x++) {
      if (words != null) words.get((int) pc >> 2, acc, 0, nj);
      else for (int q = 0; q < nj; q++) acc[q] = Memory.readInt(g, (int) pc + q * dc);
      count += s.rowA() != null ? tabulatedRows(g, acc, live, s, (int) pa, da, (int) pb, db, zeros)
          : steppedRows(g, acc, p, r, ri, pa, da, pb, db, zeros);
      if (words != null) words.put((int) pc >> 2, acc, 0, nj);
      else for (int q = 0; q < nj; q++) Memory.writeInt(g, (int) pc + q * dc, acc[q]);
      for (int l = o.length - 1; l >= 0; l--) {
        int lp = o[l];
        pc += sc[lp];
        pa += sa[lp];
        pb += sb[lp];
        if (++oi[l] < p.extent[lp]) break;
        oi[l] = 0;
        pc -= sc[lp] * p.extent[lp];
        pa -= sa[lp] * p.extent[lp];
        pb -= sb[lp] * p.extent[lp];
      }
    }
    return zeros != null ? count : 0;
  }

  /** Whether every outer loop moves C by whole words, so a row that starts aligned stays aligned. */
  static boolean outerStepsAligned(long[] sc, int[] outer) {
    for (int l : outer) if (sc[l] % 4 != 0) return false;
    return true;
  }

  /** Every reduction row into acc, at the offsets the shape tabulated. */
  private static long tabulatedRows(byte[] g, int[] acc, int[] live, Shape s, int pa, int da, int pb, int db,
                                    ZeroRows zeros) {
    int[] rowA = s.rowA();
    int[] rowB = s.rowB();
    // one method per case, so each keeps its own loop and branch profile in the JIT: liveRows when the row
    // operand's zeros are not counted (the usual case), countedRows when they are
    boolean countA = zeros != null && zeros.countA;
    boolean countB = zeros != null && zeros.countB;
    // y = B fixed along the row (the weights, usually), X = A; or the other way round
    if (db == 0 && !countA) return liveRows(g, acc, live, rowB, pb, rowA, pa, da, countB);
    if (da == 0 && !countB) return liveRows(g, acc, live, rowA, pa, rowB, pb, db, countA);
    if (db == 0) return countedRows(g, acc, rowB, pb, rowA, pa, da, zeros, countB);
    if (da == 0) return countedRows(g, acc, rowA, pa, rowB, pb, db, zeros, countA);
    long count = 0;
    for (int k = 0; k < rowA.length; k++) count += row(g, acc, acc.length, pa + rowA[k], da, pb + rowB[k], db, zeros);
    return count;
  }

  /**
   * acc += X row * y for every tabulated row whose y = g[yBase + yOff[k]] is not zero, X at xBase + xOff[k]
   * with stride d (bytes); X's zeros are not counted, y's are (as whole rows) when countY. The rows with a
   * nonzero y are listed first without a branch (weights' zeros are random, so a branch per row mispredicts
   * half the time), then run four at a time, so acc is read and written once per four rows.
   */
  private static long liveRows(byte[] g, int[] acc, int[] live, int[] yOff, int yBase, int[] xOff, int xBase, int d,
                               boolean countY) {
    int n = acc.length;
    int m = 0;
    for (int k = 0; k < yOff.length; k++) {
      live[m] = k;
      m += g[yBase + yOff[k]] != 0 ? 1 : 0;
    }
    int i = 0;
    if (d == 1) {
      for (; i + 3 < m; i += 4) {
        int k0 = live[i], k1 = live[i + 1], k2 = live[i + 2], k3 = live[i + 3];
        int x0 = xBase + xOff[k0], x1 = xBase + xOff[k1], x2 = xBase + xOff[k2], x3 = xBase + xOff[k3];
        int y0 = g[yBase + yOff[k0]], y1 = g[yBase + yOff[k1]], y2 = g[yBase + yOff[k2]], y3 = g[yBase + yOff[k3]];
        for (int q = 0; q < n; q++) acc[q] += g[x0 + q] * y0 + g[x1 + q] * y1 + g[x2 + q] * y2 + g[x3 + q] * y3;
      }
      for (; i < m; i++) {
        int x = xBase + xOff[live[i]];
        int y = g[yBase + yOff[live[i]]];
        for (int q = 0; q < n; q++) acc[q] += g[x + q] * y;
      }
    } else {
      for (; i + 3 < m; i += 4) {
        int k0 = live[i], k1 = live[i + 1], k2 = live[i + 2], k3 = live[i + 3];
        int x0 = xBase + xOff[k0], x1 = xBase + xOff[k1], x2 = xBase + xOff[k2], x3 = xBase + xOff[k3];
        int y0 = g[yBase + yOff[k0]], y1 = g[yBase + yOff[k1]], y2 = g[yBase + yOff[k2]], y3 = g[yBase + yOff[k3]];
        for (int q = 0, e = 0; q < n; q++, e += d) {
          acc[q] += g[x0 + e] * y0 + g[x1 + e] * y1 + g[x2 + e] * y2 + g[x3 + e] * y3;
        }
      }
      for (; i < m; i++) {
        int x = xBase + xOff[live[i]];
        int y = g[yBase + yOff[live[i]]];
        for (int q = 0, e = 0; q < n; q++, e += d) acc[q] += g[x + e] * y;
      }
    }
    return countY ? (long) (yOff.length - m) * n : 0;
  }

  /**
   * acc += X row * y for every tabulated row, y = g[yBase + yOff[k]], X at xBase + xOff[k] with stride d
   * (bytes), counting X's zeros (the row operand arrived with metadata; liveRows serves the other case) and,
   * when countY, a zero y's whole row. A row's X zeros are counted once per instruction (ZeroRows).
   */
  private static long countedRows(byte[] g, int[] acc, int[] yOff, int yBase, int[] xOff, int xBase, int d,
                                  ZeroRows zeros, boolean countY) {
    int n = acc.length;
    long count = 0;
    for (int k = 0; k < yOff.length; k++) {
      int y = g[yBase + yOff[k]];
      int x = xBase + xOff[k];
      if (y == 0) {   // adds nothing
        count += countY ? n : zeros.count(g, x, d, n);
        continue;
      }
      if (zeros.known(x)) {
        for (int q = 0; q < n; q++) acc[q] += g[x + q * d] * y;
        count += zeros.count[x];
        continue;
      }
      int z = 0;   // first use of this row: count its zeros in the same pass
      for (int q = 0; q < n; q++) {
        int v = g[x + q * d];
        acc[q] += v * y;
        z += v == 0 ? 1 : 0;
      }
      count += zeros.remember(x, z);
    }
    return count;
  }

  /** Every reduction row into acc, stepping the reduction loops' indices (ri, left all zero). */
  private static long steppedRows(byte[] g, int[] acc, NestPlan p, int[] r, int[] ri, long pa, int da, long pb, int db,
                                  ZeroRows zeros) {
    long[] sa = p.byteStride[NestPlan.SRC1];
    long[] sb = p.byteStride[NestPlan.SRC2];
    long rows = 1;
    for (int l : r) rows *= p.extent[l];
    long count = 0;
    for (long k = 0; k < rows; k++) {
      count += row(g, acc, acc.length, (int) pa, da, (int) pb, db, zeros);
      for (int l = r.length - 1; l >= 0; l--) {
        int lp = r[l];
        pa += sa[lp];
        pb += sb[lp];
        if (++ri[l] < p.extent[lp]) break;
        ri[l] = 0;
        pa -= sa[lp] * p.extent[lp];
        pb -= sb[lp] * p.extent[lp];
      }
    }
    return count;
  }

  /** acc[q] += A[pa + q*da] * B[pb + q*db] for q < n; returns the zero-operand points when counting. */
  private static long row(byte[] g, int[] acc, int n, int pa, int da, int pb, int db, ZeroRows zeros) {
    boolean countA = zeros != null && zeros.countA;
    boolean countB = zeros != null && zeros.countB;
    if (db == 0 || da == 0) {
      // one operand is a single element y broadcast along the row; the other (X) runs along base
      boolean yIsB = db == 0;
      int y = yIsB ? g[pb] : g[pa];
      int base = yIsB ? pa : pb;
      int d = yIsB ? da : db;
      boolean countY = yIsB ? countB : countA;
      boolean countX = yIsB ? countA : countB;
      if (y == 0) {   // adds nothing
        if (countY) return n;
        return countX ? zeros.count(g, base, d, n) : 0;
      }
      if (d == 1) {
        for (int q = 0; q < n; q++) acc[q] += g[base + q] * y;
      } else {
        for (int q = 0; q < n; q++) acc[q] += g[base + q * d] * y;
      }
      return countX ? zeros.count(g, base, d, n) : 0;
    }
    int count = 0;
    for (int q = 0; q < n; q++) {
      int x = g[pa + q * da];
      int y = g[pb + q * db];
      acc[q] += x * y;
      count += (countA & x == 0 | countB & y == 0) ? 1 : 0;
    }
    return count;
  }
}
