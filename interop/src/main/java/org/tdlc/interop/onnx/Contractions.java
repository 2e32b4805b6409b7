// Conv, Gemm and MatMul with constant weights become Layers (tdl's conv2d and matmul); BatchNormalization
// folds into the layer before it; Add either folds a constant into that layer's bias or adds two values at one
// scale. A MatMul of two activations is a matmul of two i8 operands (batched over its leading axes, as
// attention's Q K^T and P V per head are). One whose weights a DequantizeLinear gives is Quantized's, exact.
package org.tdlc.interop.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.Arrays;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class Contractions {
  private Contractions() {}

  static void conv(OnnxImporter im, NodeProto n) {
    if (Quantized.readsDequantizedWeights(im, n)) {
      Quantized.conv(im, n);
      return;
    }
    Val x = im.i8(im.scaled(n, 0));
    OnnxFile.Constant w = im.constant(n, 1);
    int[] ws = w.shape();
    ConvShape shape = convShape(im, n, x, ws);
    int k = ws[0];
    float[] bias = im.hasInput(n, 2) ? vector(im, n, 2, k) : new float[k];
    Layer l = new Layer(im.fresh(im.nameFor(n)), "conv2d", x.name(), shape.attributes(), absorb(w.floats(), x), ws, bias,
        shape.out(), 1, x.exponent(), x.unitMs(), ws[1] * ws[2] * ws[3]);
    im.layer(l, n);
    im.define(n, Val.of(l));
  }

  /** A Conv's tdl attributes (", stride = 2" and the like) and output shape, for input x and a weight of shape ws. */
  record ConvShape(String attributes, int[] out) {}

  static ConvShape convShape(OnnxImporter im, NodeProto n, Val x, int[] ws) {
    if (x.rank() != 4) throw im.error(n, "input of rank " + x.rank() + "; tdlc's conv2d takes [N, C, H, W]");
    if (ws.length != 4) throw im.error(n, "weight of rank " + ws.length + "; tdlc's conv2d is 2-D ([K, C/groups, R, S])");
    int groups = (int) NodeRules.attr(n, "group", 1);
    int c = x.shape()[1], k = ws[0];
    if (groups < 1 || ws[1] * groups != c || k % groups != 0) {
      throw im.error(n, "weight " + Arrays.toString(ws) + " with group " + groups + " does not fit an input of " + c + " channels");
    }
    Window win = Window.of(im, n, x.shape()[2], x.shape()[3], ws[2], ws[3]);
    String attrs = win.stride() + win.pad() + (groups == 1 ? "" : ", groups = " + groups);
    return new ConvShape(attrs, new int[] {x.shape()[0], k, win.p(), win.q()});
  }

  static void gemm(OnnxImporter im, NodeProto n) {
    if (Quantized.readsDequantizedWeights(im, n)) {
      Quantized.gemm(im, n);
      return;
    }
    Val a = im.i8(im.scaled(n, 0));
    if (a.rank() != 2) throw im.error(n, "A of rank " + a.rank() + "; Gemm multiplies matrices");
    if (NodeRules.attr(n, "transA", 0) != 0) throw im.error(n, "transA = 1: tdlc imports Gemm with A untransposed");
    if (!im.isConstant(n, 1)) throw im.error(n, "B is not a constant; tdlc imports Gemm with constant weights");
    OnnxFile.Constant b = im.constant(n, 1);
    int[] bs = b.shape();
    if (bs.length != 2) throw im.error(n, "B of rank " + bs.length + "; Gemm multiplies matrices");
    boolean transB = NodeRules.attr(n, "transB", 0) != 0;
    int kk = transB ? bs[1] : bs[0], nn = transB ? bs[0] : bs[1];
    if (kk != a.shape()[1]) throw im.error(n, "A is " + Arrays.toString(a.shape()) + ", B gives K = " + kk);
    float alpha = NodeRules.floatAttr(n, "alpha", 1f), beta = NodeRules.floatAttr(n, "beta", 1f);
    float[] src = b.floats(), w = new float[kk * nn];
    for (int i = 0; i < kk; i++) {
      for (int j = 0; j < nn; j++) w[i * nn + j] = alpha * (transB ? src[j * kk + i] : src[i * nn + j]);
    }
    float[] bias = im.hasInput(n, 2) ? vector(im, n, 2, nn) : new float[nn];
    for (int j = 0; j < nn; j++) bias[j] *= beta;
    matmulLayer(im, n, a, w, kk, nn, bias);
  }

  static void matmul(OnnxImporter im, NodeProto n) {
    if (Quantized.readsDequantizedWeights(im, n)) {
      Quantized.matmul(im, n);
      return;
    }
    if (im.isConstant(n, 1)) {
      Val a = im.i8(im.scaled(n, 0));
      OnnxFile.Constant b = im.constant(n, 1);
      int[] bs = b.shape();
      if (bs.length != 2) throw im.error(n, "constant B of rank " + bs.length + "; tdlc's matmul takes a [K, N] weight");
      if ((a.rank() != 2 && a.rank() != 3) || a.shape()[a.rank() - 1] != bs[0]) {
        throw im.error(n, "A is " + Arrays.toString(a.shape()) + ", B is " + Arrays.toString(bs) + "; tdlc's matmul takes [M, K] or [B, M, K] times [K, N]");
      }
      matmulLayer(im, n, a, b.floats(), bs[0], bs[1], new float[bs[1]]);
      return;
    }
    Val a = im.i8(im.in(n, 0)), b = im.i8(im.in(n, 1));
    int[] as = a.shape(), bs = b.shape();
    int r = as.length;
    // [..., M, K] x [..., K, N] with equal leading axes: tdl's batched matmul over their product, reshaped back
    boolean batched = r >= 3 && bs.length == r && as[r - 1] == bs[r - 2]
        && Arrays.equals(Arrays.copyOf(as, r - 2), Arrays.copyOf(bs, r - 2));
    boolean fits = batched || as.length == 2 && bs.length == 2 && as[1] == bs[0]
        || as.length == 3 && bs.length == 2 && as[2] == bs[0];
    if (!fits) {
      throw im.error(n, "A is " + Arrays.toString(as) + ", B is " + Arrays.toString(bs)
          + "; tdlc's matmul takes [M, K] x [K, N], [B, M, K] x [K, N] or [..., M, K] x [..., K, N] (equal leading axes)");
    }
    int[] out = as.clone();
    out[out.length - 1] = bs[bs.length - 1];
    int k = as[as.length - 1];
    String hint = im.nameFor(n);
    String lhs = a.name(), rhs = b.name();
    if (batched && r > 3) {
      int batch = 1;
      for (int i = 0; i < r - 2; i++) batch *= as[i];
      lhs = im.statement(hint + "_a", "reshape(" + lhs + ", shape = " + OnnxImporter.ints(batch, as[r - 2], k) + ")");
      rhs = im.statement(hint + "_b", "reshape(" + rhs + ", shape = " + OnnxImporter.ints(batch, k, bs[r - 1]) + ")");
      String product = im.statement(hint + "_mm", "matmul(" + lhs + ", " + rhs + ")");
      String name = im.statement(hint, "reshape(" + product + ", shape = " + OnnxImporter.ints(out) + ")");
      im.define(n, Val.of(name, out, true, a.exponent() + b.exponent(), k * a.ms() * b.ms()));
      return;
    }
    String name = im.statement(hint, "matmul(" + lhs + ", " + rhs + ")");
    im.define(n, Val.of(name, out, true, a.exponent() + b.exponent(), k * a.ms() * b.ms()));
  }

  private static void matmulLayer(OnnxImporter im, NodeProto n, Val a, float[] w, int k, int nn, float[] bias) {
    int[] out = a.shape().clone();
    out[out.length - 1] = nn;
    Layer l = new Layer(im.fresh(im.nameFor(n)), "matmul", a.name(), "", absorb(w, a), new int[] {k, nn}, bias, out,
        out.length - 1, a.exponent(), a.unitMs(), k);
    im.layer(l, n);
    im.define(n, Val.of(l));
  }

  /**
   * The weights times the input's scale factor (1 but after gelu): the layer reads the integers at 2^-exponent
   * and its weights carry the rest of the input's scale, so the product keeps its real value.
   */
  private static float[] absorb(float[] w, Val x) {
    if (x.factor() == 1) return w;
    float[] out = new float[w.length];
    for (int i = 0; i < w.length; i++) out[i] = (float) (w[i] * x.factor());
    return out;
  }

  /** Folds y = scale * (x - mean) / sqrt(var + epsilon) + B into the layer that computes x. */
  static void batchNorm(OnnxImporter im, NodeProto n) {
    Val x = im.in(n, 0);
    if (!im.ownsLayer(n, 0) || x.layer().channelAxis != 1) {
      throw im.error(n, "tdlc folds batch normalization into the Conv (or Gemm) whose output only it reads; "
          + "this one reads '" + n.getInput(0) + "'");
    }
    if (NodeRules.attr(n, "training_mode", 0) != 0) throw im.error(n, "training_mode = 1: export the model for inference");
    int k = x.layer().channels();
    float[] gamma = vector(im, n, 1, k), beta = vector(im, n, 2, k), mean = vector(im, n, 3, k), var = vector(im, n, 4, k);
    double eps = NodeRules.floatAttr(n, "epsilon", 1e-5f);
    double[] scale = new double[k], shift = new double[k];
    for (int i = 0; i < k; i++) {
      scale[i] = gamma[i] / Math.sqrt(var[i] + eps);
      shift[i] = beta[i] - mean[i] * scale[i];
    }
    x.layer().fold(scale, shift);
    im.define(n, Val.of(x.layer()));
  }

  /**
   * A constant operand folds into the bias of the layer it is added to; two values are added at one scale:
   * the finer operand is brought to the coarser's exponent, by coarsening its weights if it is a layer only this
   * add reads, by a requant shift if it is an i8 activation (an accumulator beside such a layer is requantized
   * to i8 first).
   */
  static void add(OnnxImporter im, NodeProto n) { sum(im, n, "add"); }

  /** Sub as Add: a - b at one scale, or a layer's output minus a constant folded into its bias. */
  static void sub(OnnxImporter im, NodeProto n) { sum(im, n, "sub"); }

  private static void sum(OnnxImporter im, NodeProto n, String op) {
    boolean sub = op.equals("sub");
    if (readsExact(im, n, 0) || readsExact(im, n, 1)) {
      if (sub) Quantized.sub(im, n);
      else Quantized.add(im, n);
      return;
    }
    for (int i = 0; i < 2; i++) {
      if (im.isConstant(n, i)) {
        if (sub && i == 0) throw im.error(n, "subtracts from a constant; tdlc folds only a constant subtracted from a layer's output");
        addConstant(im, n, 1 - i, im.constant(n, i), sub ? -1 : 1);
        return;
      }
    }
    Val a = im.in(n, 0), b = im.in(n, 1);
    if (!Arrays.equals(a.shape(), b.shape())) {
      throw im.error(n, "adds " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape())
          + "; tdlc's add takes operands of one shape");
    }
    // an accumulator no layer of which can change its scale (a shortcut read by the block's first conv too) is
    // added as the i8 activation that conv reads, so that the other operand, a layer, can meet its scale
    if (im.ownsLayer(n, 1) && a.acc() && !im.ownsLayer(n, 0)) a = im.i8(a);
    if (im.ownsLayer(n, 0) && b.acc() && !im.ownsLayer(n, 1)) b = im.i8(b);
    if (!a.acc() && !b.acc()) {
      throw im.error(n, "adds two i8 activations, which would wrap in i8; tdlc imports adds with at least one "
          + "accumulator (a Conv, Gemm or MatMul output) operand");
    }
    // an i8 operand coarser than the other is raised to the finer scale exactly, times 2^d in i32; what stays
    // apart (two accumulators) meets at the coarser scale
    int fine = Math.max(a.exponent(), b.exponent());
    a = raise(im, a, fine);
    b = raise(im, b, fine);
    int common = Math.min(a.exponent(), b.exponent());
    a = align(im, n, 0, a, common);
    b = align(im, n, 1, b, common);
    String name = im.statement(im.nameFor(n), op + "(" + a.name() + ", " + b.name() + ")");
    im.define(n, Val.of(name, a.shape(), true, common, a.ms() + b.ms()));
  }

  /** True if input i is a value computed exactly from quantized tensors (an Add or Sub in the QDQ form reads one). */
  private static boolean readsExact(OnnxImporter im, NodeProto n, int i) {
    return !im.isConstant(n, i) && im.value(n.getInput(i)) != null && im.isExact(im.value(n.getInput(i)));
  }

  /** The largest power of two an i8 operand is raised by: 127 * 2^23 stays inside i32. */
  static final int MAX_RAISE = 23;

  /** An i8 value coarser than {@code exponent} as mul(v, 2^d), an i32 at that exponent (d up to MAX_RAISE); else v. */
  private static Val raise(OnnxImporter im, Val v, int exponent) {
    int d = exponent - v.exponent();
    if (v.acc() || d <= 0 || d > MAX_RAISE) return v;
    String k = im.param(v.name() + "_k", TensorType.of(ElementType.I32, 1), new int[] {1 << d},
        "2^" + d + ": " + v.name() + " at the scale 2^-" + exponent);
    String name = im.statement(v.name() + "_up", "mul(" + v.name() + ", " + k + ")");
    return v.as(name, v.shape(), true, exponent);
  }

  private static Val align(OnnxImporter im, NodeProto n, int i, Val v, int exponent) {
    int by = v.exponent() - exponent;
    if (by == 0) return v;
    if (im.ownsLayer(n, i)) {
      v.layer().weightExponent -= by;
      return v;
    }
    if (!v.acc()) {
      String name = im.statement(v.name() + "_s", "requant(" + v.name() + ", shift = " + by + ")");
      return Val.of(name, v.shape(), false, exponent, v.ms());
    }
    throw im.error(n, "operand " + i + " is at scale 2^-" + v.exponent() + ", the other at 2^-" + exponent
        + ", and no layer of it can change its scale (it has other readers)");
  }

  private static void addConstant(OnnxImporter im, NodeProto n, int i, OnnxFile.Constant c, int sign) {
    Val x = im.in(n, i);
    if (!im.ownsLayer(n, i)) {
      throw im.error(n, "adds a constant to '" + n.getInput(i) + "'; tdlc folds a constant only into the bias of "
          + "the Conv, Gemm or MatMul whose output only this Add reads");
    }
    Layer l = x.layer();
    int k = l.channels();
    int[] cs = c.shape();
    long count = c.values().length;
    // ONNX broadcasts from the last axis: [N] runs along a matmul's columns, [K, 1, 1] along a conv's channels
    boolean perChannel = count == k && (l.channelAxis == l.outShape.length - 1 && cs[cs.length - 1] == k
        || l.channelAxis == 1 && l.outShape.length == 4 && cs.length >= 3 && cs[cs.length - 3] == k);
    if (!perChannel) {
      throw im.error(n, "adds a constant of shape " + Arrays.toString(cs) + "; tdlc folds only one value per output "
          + "channel (" + k + ") into the layer's bias");
    }
    for (int j = 0; j < k; j++) l.bias[j] += (float) (sign * c.values()[j]);
    im.define(n, Val.of(l));
  }

  /** Input {@code i} as a constant vector of {@code k} floats. */
  private static float[] vector(OnnxImporter im, NodeProto n, int i, int k) {
    OnnxFile.Constant c = im.constant(n, i);
    if (c.values().length != k) {
      throw im.error(n, "input " + i + " ('" + n.getInput(i) + "') has " + c.values().length + " values, expected " + k);
    }
    return c.floats();
  }
}
