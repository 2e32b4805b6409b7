// softmax and layernorm, row by row over the last axis, exactly as their declarations state (docs/ops.md):
// each row computed on its own, in long where a sum or a product could leave i32, with I-BERT's i-exp and
// i-sqrt from IntegerFunctions. The type rules guarantee that the sums the vector unit keeps in i32 fit.
package org.tdlc.ir.interp;

import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.ElementType;

public final class NormKernel {
  private NormKernel() {}

  /** Both ops scale by floor(2^RECIP_SHIFT / x). */
  public static final int RECIP_SHIFT = 31;
  /** softmax's result is floor(e * factor / 2^SOFTMAX_OUT_SHIFT): 31 - 24 = 7 fractional bits. */
  public static final int SOFTMAX_OUT_SHIFT = 24;
  /** layernorm's longest row: its sums of i16 stay inside i32. */
  public static final int LAYERNORM_MAX_ROW = 65536;

  public static final OpKernel SOFTMAX = (op, attrs, in) -> {
    Tensor x = in.get(0);
    IntegerFunctions.ExpConstants k = IntegerFunctions.exp((int) attrs.getInt("frac"));
    int n = x.type().dim(x.type().rank() - 1);
    int[] q = x.sharedArray(), y = new int[q.length];
    long[] e = new long[n];
    for (int row = 0; row < q.length; row += n) {
      int max = Integer.MIN_VALUE;
      for (int j = 0; j < n; j++) max = Math.max(max, q[row + j]);
      long sum = 0;
      for (int j = 0; j < n; j++) {
        e[j] = IntegerFunctions.expTerm(k, (long) q[row + j] - max);
        sum += e[j];
      }
      int factor = IntegerFunctions.recip(RECIP_SHIFT, sum);
      for (int j = 0; j < n; j++) {
        y[row + j] = (int) Math.min(127, IntegerFunctions.mulShift(e[j], factor, SOFTMAX_OUT_SHIFT));
      }
    }
    return Tensor.adopt(op.result().type(), y);
  };

  public static final OpKernel LAYERNORM = (op, attrs, in) -> {
    Tensor x = in.get(0);
    int c = x.type().dim(x.type().rank() - 1);
    int k = layernormShift(x.element(), c);
    int down = RECIP_SHIFT - (int) attrs.getInt("frac");
    int[] q = x.sharedArray(), gamma = in.get(1).sharedArray(), beta = in.get(2).sharedArray(), y = new int[q.length];
    long[] d = new long[c];
    for (int row = 0; row < q.length; row += c) {
      long sum = 0;
      for (int j = 0; j < c; j++) sum += q[row + j];
      long mean = Math.floorDiv(sum + c / 2, (long) c);
      long v = 0;
      for (int j = 0; j < c; j++) {
        d[j] = q[row + j] - mean;
        long s = d[j] >> k;
        v += s * s;
      }
      long sigma = IntegerFunctions.isqrt(v) << k;
      int factor = IntegerFunctions.recip(RECIP_SHIFT, sigma);
      for (int j = 0; j < c; j++) {
        long n = IntegerFunctions.mulShift(d[j], factor, down);
        int ni = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
        y[row + j] = ni * gamma[j] + beta[j];
      }
    }
    return Tensor.adopt(op.result().type(), y);
  };

  /**
   * layernorm's pre-shift k: the smallest k >= 0 with c * ceil(D / 2^k)^2 <= 2^31 - 1, D = max - min of the
   * element type (255 for i8, 65535 for i16), so that the sum of the c squares (d >> k)^2 fits i32.
   */
  public static int layernormShift(ElementType t, int c) {
    long span = (long) t.max() - t.min();
    for (int k = 0; ; k++) {
      long bound = (span + (1L << k) - 1) >> k;
      if ((long) c * bound * bound <= Integer.MAX_VALUE) return k;
    }
  }
}
