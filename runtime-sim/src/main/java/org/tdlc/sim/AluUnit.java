// Functional ALU execution, exactly as AluOp documents: every point reads the sources its op uses (and the
// destination for the reductions and GATHER), computes in int (REQUANT, AVGDIV and the special functions in
// long) and writes the destination, whose width truncation is the two's-complement wrap into dstType (RECIP,
// MULSHR and IGELU saturate first). Points run in loop order, so in-place and overlapping operands behave as
// the sequential definition says. The special functions are IntegerFunctions', which the interpreter shares.
package org.tdlc.sim;

import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Descriptor.AluDesc;
import org.tdlc.ir.interp.IntegerFunctions;
import org.tdlc.ir.type.ElementType;

final class AluUnit {
  private AluUnit() {}

  /** Runs one ALU instruction over the global buffer {@code g}; bounds are already checked. */
  static void execute(byte[] g, NestPlan p, AluDesc d, int dst, int src1, int src2) {
    AluOp op = d.op();
    if (op == AluOp.GATHER) {
      gather(g, p, d, dst, src1, src2);
      return;
    }
    int sd = d.dstType().bytes();
    int s1 = d.src1Type().bytes();
    int s2 = d.src2Type().bytes();
    boolean r1 = op.readsSrc1();
    boolean r2 = op.readsSrc2();
    boolean rd = op.readsDst();
    int imm = d.imm();
    int inner = p.depth - 1;
    long outerPoints = p.points / p.extent[inner];
    long[] st0 = p.byteStride[NestPlan.DST];
    long[] st1 = p.byteStride[NestPlan.SRC1];
    long[] st2 = p.byteStride[NestPlan.SRC2];
    int n = p.extent[inner];
    int dd = (int) st0[inner];
    int d1 = (int) st1[inner];
    int d2 = (int) st2[inner];
    int[] idx = new int[inner];
    long p0 = dst;
    long p1 = src1;
    long p2 = src2;
    Rows rows = null;   // allocated when a row first needs it
    boolean distinct = Math.abs(dd) >= sd;   // the row's destination elements do not overlap
    for (long o = 0; o < outerPoints; o++) {
      int q0 = (int) p0;
      int q1 = (int) p1;
      int q2 = (int) p2;
      if (n < Rows.MIN || !fused(g, op, imm, n, q0, dd, sd, q1, d1, s1)) {
        rows = rowOrPoints(g, op, imm, n, q0, dd, sd, r1 ? q1 : -1, d1, s1, r2 ? q2 : -1, d2, s2, rd, rows, distinct);
      }
      for (int l = inner - 1; l >= 0; l--) {
        p0 += st0[l];
        p1 += st1[l];
        p2 += st2[l];
        if (++idx[l] < p.extent[l]) break;
        idx[l] = 0;
        p0 -= st0[l] * p.extent[l];
        p1 -= st1[l] * p.extent[l];
        p2 -= st2[l] * p.extent[l];
      }
    }
  }

  /**
   * One row of n points (q1, q2 -1 when the op does not read them): as a whole (Rows, allocated here when
   * {@code rows} is null) when the operands' byte ranges allow, else point by point. Returns the Rows.
   */
  private static Rows rowOrPoints(byte[] g, AluOp op, int imm, int n, int q0, int dd, int sd, int q1, int d1, int s1,
                                  int q2, int d2, int s2, boolean rd, Rows rows, boolean distinct) {
    boolean r1 = q1 >= 0;
    boolean r2 = q2 >= 0;
    boolean byRow = n >= Rows.MIN && (distinct || !rd) && (!r1 || apart(q0, dd, sd, q1, d1, s1, n, distinct))
        && (!r2 || apart(q0, dd, sd, q2, d2, s2, n, distinct));
    if (byRow) {
      if (rows == null) rows = new Rows(n);
      rows.run(g, op, imm, n, q0, dd, sd, q1, d1, s1, q2, d2, s2, rd);
      return rows;
    }
    for (int k = 0; k < n; k++) {
      int x = r1 ? Memory.read(g, q1, s1) : 0;
      int y = r2 ? Memory.read(g, q2, s2) : 0;
      int old = rd ? Memory.read(g, q0, sd) : 0;
      Memory.write(g, q0, sd, apply(op, imm, old, x, y, sd));
      q0 += dd;
      q1 += d1;
      q2 += d2;
    }
    return rows;
  }

  /**
   * GATHER, point by point: r = src1; when r >= 0 and the point's src2 offset from src2's base plus r stays below
   * imm (elements), dst = the element that far past the point's src2 address; else dst keeps its value.
   */
  private static void gather(byte[] g, NestPlan p, AluDesc d, int dst, int src1, int src2) {
    int sd = d.dstType().bytes(), s1 = d.src1Type().bytes(), s2 = d.src2Type().bytes();
    int[] idx = new int[p.depth];
    long p0 = dst, p1 = src1, p2 = src2;
    for (long k = 0; k < p.points; k++) {
      long r = Memory.read(g, (int) p1, s1);
      long offset = (p2 - src2) / s2;
      if (r >= 0 && offset + r < d.imm()) Memory.write(g, (int) p0, sd, Memory.read(g, (int) (p2 + r * s2), s2));
      for (int l = p.depth - 1; l >= 0; l--) {
        p0 += p.byteStride[NestPlan.DST][l];
        p1 += p.byteStride[NestPlan.SRC1][l];
        p2 += p.byteStride[NestPlan.SRC2][l];
        if (++idx[l] < p.extent[l]) break;
        idx[l] = 0;
        p0 -= p.byteStride[NestPlan.DST][l] * p.extent[l];
        p1 -= p.byteStride[NestPlan.SRC1][l] * p.extent[l];
        p2 -= p.byteStride[NestPlan.SRC2][l] * p.extent[l];
      }
    }
  }

  /**
   * Loops specialized to the commonest op and width pairs (the epilogue's fill, relu and requant), run point
   * by point in loop order, so they are exact for any overlap of the operands. Returns false for any other.
   */
  private static boolean fused(byte[] g, AluOp op, int imm, int n, int q0, int dd, int sd, int q1, int d1, int s1) {
    switch (op) {
      case FILL -> {
        if (sd == 4 && dd == 4 && imm == 0) java.util.Arrays.fill(g, q0, q0 + 4 * n, (byte) 0);
        else if (sd == 4) for (int k = 0; k < n; k++) Memory.I32.set(g, q0 + k * dd, imm);
        else if (sd == 1) for (int k = 0; k < n; k++) g[q0 + k * dd] = (byte) imm;
        else return false;
        return true;
      }
      case RELU -> {
        if (sd != 4 || s1 != 4) return false;
        // no branch on the sign: accumulator signs are random, and mispredictions cost more than the store
        for (int k = 0; k < n; k++) Memory.I32.set(g, q0 + k * dd, Math.max((int) Memory.I32.get(g, q1 + k * d1), 0));
        return true;
      }
      case REQUANT -> {
        if (sd != 1 || s1 != 4) return false;
        for (int k = 0; k < n; k++) {
          long v = IntegerFunctions.roundingShift((int) Memory.I32.get(g, q1 + k * d1), imm);
          g[q0 + k * dd] = (byte) ElementType.I8.saturate(v);
        }
        return true;
      }
      default -> { return false; }
    }
  }

  /**
   * Whether a row-at-a-time run (read the whole source row, then write the destination row) gives what the
   * point-by-point order gives: the source row is the destination row itself with distinct elements (each
   * point reads only what it writes) or the two byte ranges are disjoint.
   */
  private static boolean apart(int q0, int dd, int sd, int qs, int ds, int ss, int n, boolean distinct) {
    if (qs == q0 && ds == dd && ss == sd) return distinct;
    long lo0 = q0 + Math.min(0L, (n - 1L) * dd);
    long hi0 = q0 + Math.max(0L, (n - 1L) * dd) + sd;
    long lo = qs + Math.min(0L, (n - 1L) * ds);
    long hi = qs + Math.max(0L, (n - 1L) * ds) + ss;
    return hi0 <= lo || hi <= lo0;
  }

  /** The row-at-a-time path: one loop per element width and per op, so each is a tight loop. */
  private static final class Rows {
    static final int MIN = 8;
    final int[] x;
    final int[] y;
    final int[] old;

    Rows(int n) {
      x = new int[n];
      y = new int[n];
      old = new int[n];
    }

    void run(byte[] g, AluOp op, int imm, int n, int q0, int dd, int sd, int q1, int d1, int s1, int q2, int d2, int s2,
             boolean readsDst) {
      if (q1 >= 0) read(g, q1, d1, s1, n, x);
      if (q2 >= 0) read(g, q2, d2, s2, n, y);
      if (readsDst) read(g, q0, dd, sd, n, old);
      switch (op) {
        case FILL -> java.util.Arrays.fill(old, 0, n, imm);
        case COPY -> System.arraycopy(x, 0, old, 0, n);
        case RELU -> { for (int k = 0; k < n; k++) old[k] = Math.max(x[k], 0); }
        case ADD -> { for (int k = 0; k < n; k++) old[k] = x[k] + y[k]; }
        case MAX -> { for (int k = 0; k < n; k++) old[k] = Math.max(old[k], x[k]); }
        case SUM -> { for (int k = 0; k < n; k++) old[k] += x[k]; }
        default -> { for (int k = 0; k < n; k++) old[k] = apply(op, imm, old[k], x[k], y[k], sd); }
      }
      write(g, q0, dd, sd, n, old);
    }

    private static void read(byte[] g, int p, int d, int size, int n, int[] out) {
      if (size == 1) for (int k = 0; k < n; k++) out[k] = g[p + k * d];
      else if (size == 2) for (int k = 0; k < n; k++) out[k] = (short) Memory.I16.get(g, p + k * d);
      else for (int k = 0; k < n; k++) out[k] = (int) Memory.I32.get(g, p + k * d);
    }

    private static void write(byte[] g, int p, int d, int size, int n, int[] v) {
      if (size == 1) for (int k = 0; k < n; k++) g[p + k * d] = (byte) v[k];
      else if (size == 2) for (int k = 0; k < n; k++) Memory.I16.set(g, p + k * d, (short) v[k]);
      else for (int k = 0; k < n; k++) Memory.I32.set(g, p + k * d, v[k]);
    }
  }

  /**
   * One point's result before the wrap into dstType (which the write performs); the saturating ops clamp
   * into the range of a {@code dstBytes}-byte integer first.
   */
  static int apply(AluOp op, int imm, int dst, int src1, int src2, int dstBytes) {
    return switch (op) {
      case FILL -> imm;
      case COPY -> src1;
      case RELU -> Math.max(src1, 0);
      case ADD -> src1 + src2;
      case SUB -> src1 - src2;
      case REQUANT -> saturate(IntegerFunctions.roundingShift(src1, imm), dstBytes);
      case MAX -> Math.max(dst, src1);
      case SUM -> dst + src1;
      case AVGDIV -> (int) Math.floorDiv((long) src1 + imm / 2, (long) imm);
      case MUL -> src1 * src2;
      case MAXIMUM -> Math.max(src1, src2);
      case MINIMUM -> Math.min(src1, src2);
      case MAXI -> Math.max(src1, imm);
      case MINI -> Math.min(src1, imm);
      case ADDI -> src1 + imm;
      case MULI -> src1 * imm;
      case MOD -> Math.floorMod(src1, imm);
      case IEXP -> IntegerFunctions.expTerm(expConstants(imm), (long) src1 - src2);
      case SUMSQ -> dst + (src1 >> imm) * (src1 >> imm);
      case ISQRT -> (int) (IntegerFunctions.isqrt(src1) << imm);
      case RECIP -> saturate(Math.floorDiv(1L << imm, Math.max(src1, 1)), dstBytes);
      case MULSHR -> saturate(((long) src1 * src2) >> imm, dstBytes);
      case IGELU -> saturate(IntegerFunctions.gelu(geluConstants(imm), src1), dstBytes);
      case SIGMOID -> table(SIGMOID_TABLES, imm, true)[src1 + 128];
      case TANH -> table(TANH_TABLES, imm, false)[src1 + 128];
      case GATHER -> throw new IllegalStateException("gather reads by address, not by value");
    };
  }

  private static int saturate(long v, int bytes) { return ElementType.ofBytes(bytes).saturate(v); }

  private static final IntegerFunctions.ExpConstants[] EXP = new IntegerFunctions.ExpConstants[64];
  private static final IntegerFunctions.GeluConstants[] GELU = new IntegerFunctions.GeluConstants[64];
  private static final int[][] SIGMOID_TABLES = new int[64][];
  private static final int[][] TANH_TABLES = new int[64][];

  private static IntegerFunctions.ExpConstants expConstants(int frac) {
    IntegerFunctions.ExpConstants k = EXP[frac];
    return k != null ? k : (EXP[frac] = IntegerFunctions.exp(frac));
  }

  private static IntegerFunctions.GeluConstants geluConstants(int frac) {
    IntegerFunctions.GeluConstants k = GELU[frac];
    return k != null ? k : (GELU[frac] = IntegerFunctions.gelu(frac));
  }

  private static int[] table(int[][] cache, int frac, boolean sigmoid) {
    int[] t = cache[frac];
    if (t == null) {
      t = sigmoid ? IntegerFunctions.sigmoidTable(frac) : IntegerFunctions.tanhTable(frac);
      cache[frac] = t;
    }
    return t;
  }

}
