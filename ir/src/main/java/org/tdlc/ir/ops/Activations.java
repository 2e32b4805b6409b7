// The activation functions beyond relu: sigmoid and tanh as 256-entry tables over i8, and I-BERT's
// integer-only GELU. Declarations, typing rules and the exact tables and constants the op reference prints;
// the arithmetic itself is IntegerFunctions', which the interpreter and the vector unit share.
package org.tdlc.ir.ops;

import static org.tdlc.ir.ops.OpDef.required;
import static org.tdlc.ir.ops.OpDef.value;

import java.util.List;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.interp.ActivationKernel;
import org.tdlc.ir.interp.IntegerFunctions;
import org.tdlc.ir.ops.OpDef.Family;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class Activations {
  private Activations() {}

  /** The frac sigmoid and tanh take by default, whose tables the op reference prints: i8 covers [-8, 8). */
  static final int TABLE_FRAC = 4;

  static final OpDef SIGMOID = OpDef.op(Family.VECTOR, Ops.SIGMOID).callee("sigmoid")
      .operands("x")
      .attr("frac", AttrKind.INT, value(TABLE_FRAC), "x's fractional bits: x means x * 2^-frac; 0.."
          + IntegerFunctions.TABLE_MAX_FRAC)
      .result("i8, same shape as x (which must be i8)", (in, at, d) -> table("sigmoid", in.get(0), at))
      .loops("y[i...] = T_frac[x[i...] + 128], T_frac[v + 128] = clamp(floor(128 / (1 + exp(-v * 2^-frac)) + 1/2), 0,"
          + " 127)")
      .doc("logistic sigmoid by table lookup: one of 256 entries per i8 input; the result has 7 fractional bits"
          + " (y / 128, so 1.0 saturates at 127)")
      .kernel(ActivationKernel.SIGMOID)
      .details(tableDetails("sigmoid", IntegerFunctions.sigmoidTable(TABLE_FRAC),
          "exp is StrictMath.exp (fdlibm, the same on every JVM) in IEEE double"))
      .build();

  static final OpDef TANH = OpDef.op(Family.VECTOR, Ops.TANH).callee("tanh")
      .operands("x")
      .attr("frac", AttrKind.INT, value(TABLE_FRAC), "x's fractional bits: x means x * 2^-frac; 0.."
          + IntegerFunctions.TABLE_MAX_FRAC)
      .result("i8, same shape as x (which must be i8)", (in, at, d) -> table("tanh", in.get(0), at))
      .loops("y[i...] = T_frac[x[i...] + 128], T_frac[v + 128] = clamp(floor(128 * tanh(v * 2^-frac) + 1/2), -128,"
          + " 127)")
      .doc("hyperbolic tangent by table lookup: one of 256 entries per i8 input; the result has 7 fractional bits"
          + " (y / 128, so 1.0 saturates at 127)")
      .kernel(ActivationKernel.TANH)
      .details(tableDetails("tanh", IntegerFunctions.tanhTable(TABLE_FRAC),
          "tanh is StrictMath.tanh (fdlibm, the same on every JVM) in IEEE double"))
      .build();

  static final OpDef GELU = OpDef.op(Family.VECTOR, Ops.GELU).callee("gelu")
      .operands("x")
      .attr("frac", AttrKind.INT, required(), "x's fractional bits: x means x * 2^-frac; 0.."
          + IntegerFunctions.GELU_MAX_FRAC)
      .result("i32, same shape as x; y means y * 0.2888 * 2^-(3 frac + 2)", Activations::gelu)
      .loops("y[i...] = -q * (sgn(q) * ((min(|q|, -q_b) + q_b)^2 + q_c) + q_c), q = x[i...], saturated to i32")
      .doc("GELU, integer-only: I-BERT's i-GELU (Kim et al. 2021, Algorithm 3), x * (1 + erf(x / sqrt 2)) / 2 with"
          + " erf from the second-order polynomial -0.2888 (x + -1.769)^2 + 1 on [0, 1.769] and its sign symmetry")
      .kernel(ActivationKernel.GELU)
      .details(geluDetails())
      .build();

  private static TensorType table(String op, TensorType x, DictAttr attrs) {
    if (x.element() != ElementType.I8) {
      throw new OpTypeException(op + ": x must be i8 (the table has one entry per i8 value), got "
          + x.toSourceString() + "; requant it first");
    }
    frac(op, attrs, 0, IntegerFunctions.TABLE_MAX_FRAC);
    return TensorType.of(ElementType.I8, x.shape());
  }

  private static TensorType gelu(List<TensorType> in, DictAttr attrs, TensorType declared) {
    frac("gelu", attrs, 0, IntegerFunctions.GELU_MAX_FRAC);
    return TensorType.of(ElementType.I32, in.get(0).shape());
  }

  /** The frac attribute, in [lo, hi]. */
  static int frac(String op, DictAttr attrs, int lo, int hi) {
    long f = attrs.getInt("frac");
    if (f < lo || f > hi) throw new OpTypeException(op + ": frac must be in " + lo + ".." + hi + ", got " + f);
    return (int) f;
  }

  private static String tableDetails(String name, int[] table, String how) {
    StringBuilder b = new StringBuilder("The table for the default frac = " + TABLE_FRAC + " (" + how
        + "), row by row from x = -128; each row holds 16 entries, x = -128 + 16 r + c:\n\n```\n");
    for (int r = 0; r < 16; r++) {
      b.append(String.format("%5d:", -128 + 16 * r));
      for (int c = 0; c < 16; c++) b.append(String.format("%5d", table[16 * r + c]));
      b.append('\n');
    }
    return b.append("```\n\nOther values of frac give other tables by the same rule.").toString();
  }

  private static String geluDetails() {
    StringBuilder b = new StringBuilder();
    b.append("With S = 2^-frac the scale of q = x and S' = S / sqrt(2) the scale erf is evaluated at (I-BERT's"
        + " I-GELU), in IEEE double with sqrt(2) = StrictMath.sqrt(2.0), a = -0.2888, b = -1.769, c = 1:\n\n")
        .append("- q_b = floor(b * sqrt(2) * 2^frac) = floor(b / S'), q_c = floor(c / (a * 2^-(2 frac + 1))) ="
            + " floor(c / (a S'^2));\n")
        .append("- i-erf: erf = sgn(q) * ((min(|q|, -q_b) + q_b)^2 + q_c), of scale S_erf = a S'^2 (negative:"
            + " a < 0);\n")
        .append("- q_1 = floor(1 / S_erf) = q_c;\n")
        .append("- y = -q * (erf + q_1), computed in 64 bits and saturated to i32. I-BERT's q (erf + q_1) has the"
            + " scale S S_erf / 2 < 0; the sign makes it positive: y * 0.2888 * 2^-(3 frac + 2) approximates GELU(x)."
            + " Requant it to the next layer's scale.\n\n")
        .append("| frac | q_b | q_c | scale of y |\n|---|---|---|---|\n");
    for (int f = 0; f <= IntegerFunctions.GELU_MAX_FRAC; f++) {
      IntegerFunctions.GeluConstants k = IntegerFunctions.gelu(f);
      b.append("| ").append(f).append(" | ").append(k.qB()).append(" | ").append(k.qC()).append(" | 0.2888 * 2^-")
          .append(3 * f + 2).append(" |\n");
    }
    return b.toString();
  }
}
