// softmax and layernorm over the last axis, integer-only as I-BERT computes them (Kim et al. 2021: i-exp,
// Algorithm 2, and i-sqrt, Algorithm 4): declarations, typing rules (which refuse rows whose sums could leave
// i32) and the constants the op reference prints. The arithmetic is IntegerFunctions'.
package org.tdlc.ir.ops;

import static org.tdlc.ir.ops.OpDef.required;
import static org.tdlc.ir.ops.OpDef.value;

import java.util.List;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.interp.IntegerFunctions;
import org.tdlc.ir.interp.NormKernel;
import org.tdlc.ir.ops.OpDef.Family;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class Normalizations {
  private Normalizations() {}

  /** softmax's factor is floor(2^RECIP_SHIFT / sum), and y = floor(e * factor / 2^OUT_SHIFT): 7 fractional bits. */
  static final int RECIP_SHIFT = NormKernel.RECIP_SHIFT;
  static final int OUT_SHIFT = NormKernel.SOFTMAX_OUT_SHIFT;
  /** layernorm's longest row: sums of i16 stay inside i32. */
  static final int MAX_ROW = NormKernel.LAYERNORM_MAX_ROW;

  static final OpDef SOFTMAX = OpDef.op(Family.VECTOR, Ops.SOFTMAX).callee("softmax")
      .operands("x")
      .attr("frac", AttrKind.INT, required(), "x's fractional bits: x means x * 2^-frac; 1.."
          + IntegerFunctions.EXP_MAX_FRAC)
      .result("i8, same shape as x; y / 128 approximates softmax", Normalizations::softmax)
      .loops("per row r of the last axis: e[r,j] = iexp(x[r,j] - max_k x[r,k]); y[r,j] = min(127, floor(e[r,j] *"
          + " floor(2^31 / sum_k e[r,k]) / 2^24))")
      .doc("softmax over the last axis, integer-only: I-BERT's i-exp (Kim et al. 2021, Algorithm 2) with the"
          + " polynomial 0.3585 (p + 1.353)^2 + 0.344 for exp on (-ln 2, 0], normalized by an integer reciprocal;"
          + " the result has 7 fractional bits")
      .kernel(NormKernel.SOFTMAX)
      .details(softmaxDetails())
      .build();

  static final OpDef LAYERNORM = OpDef.op(Family.VECTOR, Ops.LAYERNORM).callee("layernorm")
      .operands("x", "gamma", "beta")
      .attr("frac", AttrKind.INT, value(16), "the normalized value's fractional bits before gamma and beta, 0..30"
          + " (I-BERT keeps 30)")
      .result("i32, same shape as x (i8 or i16, whose last extent C must equal gamma's and beta's)",
          Normalizations::layernorm)
      .loops("per row r of the last axis: d = x[r,j] - mean; n = floor(d * floor(2^31 / sigma) / 2^(31 - frac));"
          + " y[r,j] = wrap32(n * gamma[j] + beta[j])")
      .doc("layer normalization over the last axis, integer-only: the mean rounded to nearest, the standard deviation"
          + " by I-BERT's i-sqrt (Kim et al. 2021, Algorithm 4), then gamma and beta; the result is an i32"
          + " accumulator to requant")
      .kernel(NormKernel.LAYERNORM)
      .details(layernormDetails())
      .build();

  private static TensorType softmax(List<TensorType> in, DictAttr attrs, TensorType declared) {
    TensorType x = in.get(0);
    int frac = Activations.frac("softmax", attrs, 1, IntegerFunctions.EXP_MAX_FRAC);
    long n = x.dim(x.rank() - 1);
    long max = IntegerFunctions.exp(frac).maxTerm();
    if (n * max > Integer.MAX_VALUE) {
      throw new OpTypeException("softmax: a row of " + n + " exp terms of up to " + max + " (frac " + frac
          + ") can sum past i32; rows may hold at most " + Integer.MAX_VALUE / max + " elements at this frac");
    }
    return TensorType.of(ElementType.I8, x.shape());
  }

  private static TensorType layernorm(List<TensorType> in, DictAttr attrs, TensorType declared) {
    TensorType x = in.get(0), gamma = in.get(1), beta = in.get(2);
    if (x.element() == ElementType.I32) {
      throw new OpTypeException("layernorm: x must be i8 or i16 (its row sums are i32), got " + x.toSourceString()
          + "; requant it first");
    }
    int c = x.dim(x.rank() - 1);
    if (c > MAX_ROW) {
      throw new OpTypeException("layernorm: rows of " + c + " elements are longer than " + MAX_ROW
          + ", whose i16 sums fit i32");
    }
    for (TensorType p : List.of(gamma, beta)) {
      if (p.rank() != 1 || p.dim(0) != c) {
        throw new OpTypeException("layernorm: gamma and beta must be [" + c + "] (the last extent of "
            + x.toSourceString() + "), got " + gamma.toSourceString() + " and " + beta.toSourceString());
      }
    }
    long frac = attrs.getInt("frac");
    if (frac < 0 || frac > 30) throw new OpTypeException("layernorm: frac must be in 0..30, got " + frac);
    return TensorType.of(ElementType.I32, x.shape());
  }

  private static String softmaxDetails() {
    StringBuilder b = new StringBuilder();
    b.append("Per row q[0..N-1] of the last axis, S = 2^-frac the input scale, in IEEE double with ln 2 ="
        + " StrictMath.log(2.0) and I-BERT's a = 0.3585, b = 1.353, c = 0.344:\n\n")
        .append("1. q_ln2 = floor(ln2 / S), q_b = floor(b / S), q_c = floor(c / (a S^2)), s = max(0, 2 frac - 14);\n")
        .append("2. m = max_j q[j];\n")
        .append("3. i-exp, per element: x = max(q[j] - m, -30 q_ln2) (I-BERT's clamp at 2^-30), z = floor(-x / q_ln2),"
            + " p = x + z q_ln2 (in (-q_ln2, 0]), e[j] = ((p + q_b)^2 + q_c) >> z >> s. The shift s keeps every term"
            + " below 2^16, as I-BERT's implementation requantizes the exponentials to 16 bits;\n")
        .append("4. sum = sum_j e[j], in i32: the type rule refuses a row of N elements when N * e_max > 2^31 - 1,"
            + " e_max = (q_b^2 + q_c) >> s;\n")
        .append("5. f = floor(2^31 / sum) (sum >= 1 always);\n")
        .append("6. y[j] = min(127, floor(e[j] * f / 2^24)), in 64 bits: 7 fractional bits, y[j] / 128 ~ softmax.\n\n")
        .append("| frac | q_ln2 | q_b | q_c | s | e_max | longest row |\n|---|---|---|---|---|---|---|\n");
    for (int f = 1; f <= IntegerFunctions.EXP_MAX_FRAC; f++) {
      IntegerFunctions.ExpConstants k = IntegerFunctions.exp(f);
      b.append("| ").append(f).append(" | ").append(k.qLn2()).append(" | ").append(k.qB()).append(" | ")
          .append(k.qC()).append(" | ").append(k.shift()).append(" | ").append(k.maxTerm()).append(" | ")
          .append(Integer.MAX_VALUE / k.maxTerm()).append(" |\n");
    }
    return b.toString();
  }

  private static String layernormDetails() {
    return "Per row q[0..C-1] of the last axis (C <= " + MAX_ROW + "):\n\n"
        + "1. mean = floorDiv(sum_j q[j] + floor(C / 2), C) (rounded to nearest, as avgpool);\n"
        + "2. d[j] = q[j] - mean;\n"
        + "3. k = the smallest k >= 0 with C * ceil(D / 2^k)^2 <= 2^31 - 1, D = 255 for i8 and 65535 for i16 (the"
        + " largest |d|): k = 0 for i8 rows up to 33,025 elements, k = 6 for i16 rows of 768;\n"
        + "4. V = sum_j (d[j] >> k)^2 (exact in i32 by the choice of k);\n"
        + "5. sigma = isqrt(V) << k, isqrt by I-BERT's i-sqrt: x_0 = 2^ceil(bits(V) / 2), x_{i+1} = floor((x_i +"
        + " floor(V / x_i)) / 2) until x_{i+1} >= x_i; 0 for V = 0. sigma is sqrt(C) times the standard deviation,"
        + " as in I-BERT;\n"
        + "6. f = floor(2^31 / max(sigma, 1));\n"
        + "7. n[j] = floor(d[j] * f / 2^(31 - frac)), in 64 bits, saturated to i32: d / sigma with frac fractional"
        + " bits, so n[j] * sqrt(C) / 2^frac is the normalized value (I-BERT folds sqrt(C) into the scale; fold it"
        + " into gamma);\n"
        + "8. y[j] = wrap32(n[j] * gamma[j] + beta[j]).\n";
  }
}
