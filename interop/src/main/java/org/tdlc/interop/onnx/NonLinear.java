// Softmax, LayerNormalization and GELU become tdl's integer-only softmax, layernorm and gelu (I-BERT's), each
// told its input's power-of-two scale through its frac; Div and Mul by a power-of-two constant change a value's
// scale and emit nothing (attention's 1/sqrt(d) folds into the softmax's frac that way). A GELU or LayerNorm
// an exporter wrote as several nodes (Erf, ReduceMean, ...) arrives here as one node, fused by Patterns.
package org.tdlc.interop.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import org.tdlc.ir.interp.IntegerFunctions;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class NonLinear {
  /** softmax's result has 7 fractional bits (y / 128 approximates the probability). */
  static final int SOFTMAX_OUT_EXPONENT = 7;
  /** layernorm's normalized value keeps 16 fractional bits before gamma and beta (tdl's default). */
  static final int LAYERNORM_FRAC = 16;

  private NonLinear() {}

  /**
   * Softmax over the last axis: tdl's softmax of the value at its scale 2^-e, frac = e, when e is within 1..14
   * (an accumulator is read as it is); otherwise of its i8 requant, at most 14 fractional bits.
   */
  static void softmax(OnnxImporter im, NodeProto n) {
    Val x = im.in(n, 0);
    int r = x.rank();
    long axis = NodeRules.attr(n, "axis", im.file.opset(n) >= 13 ? -1 : 1);
    if (axis < 0) axis += r;
    // before opset 13 Softmax flattens to 2-D at axis; at the last axis that is a softmax over the last axis too
    if (axis != r - 1) throw im.error(n, "softmax over axis " + axis + " of a rank " + r + " input; tdl's softmax runs over the last axis");
    if (x.exponent() > IntegerFunctions.EXP_MAX_FRAC || x.exponent() < 1) x = im.i8AtMost(x, IntegerFunctions.EXP_MAX_FRAC);
    if (x.exponent() < 1) {
      throw im.error(n, "the input's scale is 2^" + (-x.exponent()) + "; tdl's softmax takes 1 to "
          + IntegerFunctions.EXP_MAX_FRAC + " fractional bits");
    }
    String name = im.statement(im.nameFor(n), "softmax(" + x.name() + ", frac = " + x.exponent() + ")");
    // each row sums to 1: a probability's mean square is at most 1/N (one-hot rows), 1/N^2 for uniform ones
    im.define(n, Val.of(name, x.shape(), false, SOFTMAX_OUT_EXPONENT, 1.0 / x.shape()[r - 1]));
  }

  /**
   * LayerNormalization over the last axis: tdl's layernorm of the i8 value (it is scale-free in its input) with
   * gamma * sqrt(C) quantized as a weight (tdl's normalized value n carries 1/sqrt(C), I-BERT's sigma being
   * sqrt(C) times the standard deviation) and beta as an i32 vector at the result's scale 2^-(16 + e_gamma).
   */
  static void layerNorm(OnnxImporter im, NodeProto n) {
    Val x = im.in(n, 0);
    int r = x.rank();
    long axis = NodeRules.attr(n, "axis", -1);
    if (axis < 0) axis += r;
    if (axis != r - 1) throw im.error(n, "normalizes from axis " + axis + " of a rank " + r + " input; tdl's layernorm normalizes the last axis");
    int c = x.shape()[r - 1];
    double[] gamma = vector(im, n, 1, c);
    double[] beta = im.hasInput(n, 2) ? vector(im, n, 2, c) : new double[c];
    Val q = im.i8(x);
    float[] g = new float[c];
    for (int j = 0; j < c; j++) g[j] = (float) (gamma[j] * Math.sqrt(c));
    int eg = Quantization.weightExponent(g), ey = LAYERNORM_FRAC + eg;
    int[] gi = new int[c], bi = new int[c];
    double ms = 0;
    for (int j = 0; j < c; j++) {
      gi[j] = Quantization.weight(g[j], eg);
      bi[j] = Quantization.bias((float) beta[j], ey);
      ms += (gamma[j] * gamma[j] + beta[j] * beta[j]) / c;
    }
    String hint = im.nameFor(n);
    String gn = im.param(hint + "_gamma", TensorType.of(ElementType.I8, c), gi, "gamma * sqrt(" + c + "), scale 2^-" + eg);
    String bn = im.param(hint + "_beta", TensorType.of(ElementType.I32, c), bi, "beta at the result's scale 2^-" + ey);
    String name = im.statement(hint, "layernorm(" + q.name() + ", " + gn + ", " + bn + ", frac = " + LAYERNORM_FRAC + ")");
    im.define(n, Val.of(name, x.shape(), true, ey, ms));
  }

  /**
   * Gelu (either approximation, as I-BERT's i-GELU approximates both): tdl's gelu of the i8 value at frac = its
   * exponent, at most 13; the result's scale 0.2888 * 2^-(3 frac + 2) is not a power of two, so it is carried as
   * the value's factor into the weights of the Conv, Gemm or MatMul that reads it.
   */
  static void gelu(OnnxImporter im, NodeProto n) {
    String approximate = NodeRules.stringAttr(n, "approximate", "none");
    if (!approximate.equals("none") && !approximate.equals("tanh")) throw im.error(n, "approximate = '" + approximate + "'");
    Val x = im.i8AtMost(im.in(n, 0), IntegerFunctions.GELU_MAX_FRAC);
    int frac = x.exponent();
    if (frac < 0) throw im.error(n, "the input's scale is 2^" + (-frac) + "; tdl's gelu takes 0 to " + IntegerFunctions.GELU_MAX_FRAC + " fractional bits");
    String name = im.statement(im.nameFor(n), "gelu(" + x.name() + ", frac = " + frac + ")");
    double scale = IntegerFunctions.geluScale(frac);
    int e = 3 * frac + 2;
    // GELU passes the positive half and nearly zeroes the negative one: a ReLU's mean square
    im.define(n, Val.of(name, x.shape(), true, e, x.ms() / 2).withFactor(scale * Math.scalb(1.0, e)));
  }

  /**
   * Div or Mul by a constant scalar that is a power of two, 2^p: the same integers read at another scale
   * (exponent e + p for Div, e - p for Mul); nothing is emitted. Any other constant, or two computed operands,
   * is refused.
   */
  static void scale(OnnxImporter im, NodeProto n) {
    boolean div = n.getOpType().equals("Div");
    int c = im.isConstant(n, 1) ? 1 : !div && im.isConstant(n, 0) ? 0 : -1;
    if (c < 0) {
      throw im.error(n, (div ? "divides by" : "multiplies by") + " a value computed at run time; tdlc takes "
          + n.getOpType() + " only by a constant power of two, which changes the value's scale");
    }
    double[] v = im.constant(n, c).values();
    if (v.length != 1) throw im.error(n, "by a constant of " + v.length + " values; tdlc takes " + n.getOpType() + " by a scalar");
    double k = v[0];
    int p = Math.getExponent(k);
    if (!(k > 0) || Math.scalb(1.0, p) != k) {
      throw im.error(n, (div ? "divides by " : "multiplies by ") + k + ", not a power of two: tdl's scales are powers"
          + " of two, so only a power-of-two constant folds into the value's scale (1/sqrt(d) does for d = 4, 16, 64, 256)");
    }
    Val x = im.scaled(n, 1 - c);
    im.define(n, x.scaledBy(x.exponent() + (div ? p : -p), div ? 1 / k : k));
  }

  private static double[] vector(OnnxImporter im, NodeProto n, int i, int c) {
    double[] v = im.constant(n, i).values();
    if (v.length != c) throw im.error(n, "input " + i + " ('" + n.getInput(i) + "') has " + v.length + " values, expected " + c);
    return v;
  }
}
