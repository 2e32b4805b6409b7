// Already-quantized ONNX graphs, imported exactly: QLinearConv and QLinearMatMul, and the QDQ form, in which
// DequantizeLinear gives a Conv, Gemm or MatMul its input and weights and a QuantizeLinear requantizes the
// result. ONNX computes y = saturate(round(acc * x_scale * w_scale / y_scale) + y_zero_point), rounding halves
// to even. That is tdl arithmetic when every scale is a power of two (the product is then exactly 2^-s), a
// zero point is 0 for int8 and 128 for uint8 (tdl holds a uint8 tensor in i8 as x - 128), and the weights minus
// their zero point fit i8. requant rounds halves up, so roundHalfEven writes ONNX's rounding with clip, add,
// sub, mul and requant. Anything else is refused at its node, never approximated.
package org.tdlc.interop.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.Arrays;
import java.util.Set;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class Quantized {
  /**
   * A DequantizeLinear of a constant: its integers minus their zero points (row-major), with the exponents of its
   * scales (scale = 2^-e; one, or one per slice along {@code axis}). A Conv, Gemm or MatMul takes it as weights
   * or bias.
   */
  record Dequantized(int[] shape, int[] values, int[] exponents, int axis, DataType type) {
    /** The one exponent of a per-tensor scale (or of per-channel scales that are all equal), else null. */
    Integer exponent() {
      for (int e : exponents) if (e != exponents[0]) return null;
      return exponents[0];
    }
  }

  /** An exact accumulator whose scale differs per output channel (along {@code axis}): 2^-exponents[k]. */
  record Channels(int[] exponents, int axis) {}

  /** The largest right shift roundHalfEven takes: -129 * 2^s and 127 * 2^s + 2^s stay inside i32. */
  static final int MAX_SHIFT = 23;

  /** Ops whose output is exact when their input is: they move, select or clamp at zero, and never round. */
  private static final Set<String> PASS_THROUGH = Set.of("Relu", "MaxPool", "Flatten", "Reshape", "Transpose",
      "Squeeze", "Unsqueeze", "Identity", "Dropout");

  private static final Set<String> QUANTIZED_OPS = Set.of("QuantizeLinear", "DequantizeLinear", "QLinearConv", "QLinearMatMul");

  private Quantized() {}

  /** True for the nodes of an already-quantized graph. */
  static boolean isQuantized(NodeProto n) { return QUANTIZED_OPS.contains(n.getOpType()); }

  /** After any node: a data-moving node keeps its input's exactness and quantized element type. */
  static void passThrough(OnnxImporter im, NodeProto n) {
    if (!PASS_THROUGH.contains(n.getOpType()) || n.getInputCount() == 0 || n.getOutputCount() == 0) return;
    Val in = im.value(n.getInput(0)), out = im.value(n.getOutput(0));
    if (in == null || out == null) return;
    if (im.isExact(in)) im.markExact(out);
    if (im.channels.containsKey(in)) im.channels.put(out, im.channels.get(in));    // a Relu (OnnxImporter.scaled)
    DataType t = im.quantizedType(n.getInput(0));
    if (t != null && !(t == DataType.UINT8 && n.getOpType().equals("Relu"))) im.quantizedType(n.getOutput(0), t);
  }

  // ---- the nodes

  /** y = saturate(round_half_even(x / y_scale) + y_zero_point), x a value computed exactly (or a float graph input). */
  static void quantizeLinear(OnnxImporter im, NodeProto n) {
    int ey = perTensor(im, n, 1, "y_scale");
    DataType t = outputType(im, n, 2);
    String x = n.getInput(0);
    Val v = im.in(n, 0);
    if (im.quantizedType(x) != null) throw im.error(n, "input 0 ('" + x + "') is already an integer tensor");
    if (im.isGraphInput(x)) {
      // the model's input is what this node computes: the user gives the quantized integers
      if (im.consumers(x) != 1) {
        throw im.error(n, "the float graph input '" + x + "' is read by other nodes too; tdlc imports it as this "
            + "node's output (the quantized integers), so only this QuantizeLinear may read it");
      }
      im.describeInput(x, "QuantizeLinear '" + n.getName() + "': x * 2^" + ey + " rounded half to even, saturated"
          + (t == DataType.UINT8 ? " to uint8, held minus 128" : " to int8"));
      defineQuantized(im, n, v.as(v.name(), v.shape(), false, 0), t);
      return;
    }
    if (!im.isExact(v)) {
      throw im.error(n, "input 0 ('" + x + "') is not computed exactly from quantized tensors (tdlc quantizes "
          + "float nodes by its own rules); a QuantizeLinear imports exactly a value that a DequantizeLinear "
          + "gives, through Conv, Gemm or MatMul with DequantizeLinear weights, Relu, MaxPool and reshapes");
    }
    Channels ch = im.channels.get(v);
    int[] shifts = ch == null ? new int[] {v.exponent()} : ch.exponents().clone();
    for (int k = 0; k < shifts.length; k++) shifts[k] -= ey;
    String y = roundHalfEven(im, n, v, shifts, ch == null ? 0 : ch.axis());
    defineQuantized(im, n, Val.of(y, v.shape(), false, 0, 5461), t);
  }

  /** A constant is kept for the Conv, Gemm or MatMul that reads it; an activation becomes its value at scale 2^-e. */
  static void dequantizeLinear(OnnxImporter im, NodeProto n) {
    if (im.isConstant(n, 0)) {
      OnnxFile.Constant c = im.constant(n, 0);
      int rank = c.dims().length;
      int axis = (int) NodeRules.attr(n, "axis", 1);
      if (axis < 0) axis += rank;
      Dequantized d = c.type() == DataType.INT32 ? bias(im, n) : weights(im, n, 0, 1, 2, axis);
      im.dequantized.put(n.getOutput(0), d);
      return;
    }
    Val x = activation(im, n, 0, 2);
    int e = perTensor(im, n, 1, "x_scale");
    Val y = x.as(x.name(), x.shape(), false, e);
    im.markExact(y);
    im.define(n, y);
  }

  /** QLinearConv(x, x_scale, x_zero_point, w, w_scale, w_zero_point, y_scale, y_zero_point, B). */
  static void qlinearConv(OnnxImporter im, NodeProto n) {
    Val x = activation(im, n, 0, 2);
    int ex = perTensor(im, n, 1, "x_scale");
    Dequantized w = weights(im, n, 3, 4, 5, 0);
    int ey = perTensor(im, n, 6, "y_scale");
    DataType t = outputType(im, n, 7);
    int k = w.shape()[0];
    int[] bias = null;
    if (im.hasInput(n, 8)) {
      OnnxFile.Constant b = im.constant(n, 8);
      if (b.type() != DataType.INT32 || b.values().length != k) {
        throw im.error(n, "B ('" + n.getInput(8) + "') is " + b.type() + " of " + b.values().length + " values; "
            + "QLinearConv's bias is " + k + " int32 values at the scale x_scale * w_scale");
      }
      bias = ints(b.values());
    }
    Val acc = conv2d(im, n, x, w, bias, ex + w.exponents()[0]);
    int[] shifts = new int[w.exponents().length];
    for (int i = 0; i < shifts.length; i++) shifts[i] = ex + w.exponents()[i] - ey;
    String y = roundHalfEven(im, n, acc, shifts, 1);
    defineQuantized(im, n, Val.of(y, acc.shape(), false, 0, 5461), t);
  }

  /** QLinearMatMul(a, a_scale, a_zero_point, b, b_scale, b_zero_point, y_scale, y_zero_point). */
  static void qlinearMatMul(OnnxImporter im, NodeProto n) {
    Val a = activation(im, n, 0, 2);
    int ea = perTensor(im, n, 1, "a_scale");
    int ey = perTensor(im, n, 6, "y_scale");
    DataType t = outputType(im, n, 7);
    Val acc;
    int[] shifts;
    if (im.isConstant(n, 3)) {
      Dequantized b = weights(im, n, 3, 4, 5, 1);
      acc = matmul(im, n, a, b, null, ea + b.exponents()[0]);
      shifts = new int[b.exponents().length];
      for (int i = 0; i < shifts.length; i++) shifts[i] = ea + b.exponents()[i] - ey;
    } else {
      Val b = activation(im, n, 3, 5);
      int eb = perTensor(im, n, 4, "b_scale");
      acc = product(im, n, a, b);
      shifts = new int[] {ea + eb - ey};
    }
    String y = roundHalfEven(im, n, acc, shifts, acc.rank() - 1);
    defineQuantized(im, n, Val.of(y, acc.shape(), false, 0, 5461), t);
  }

  /** True if the node's input 1 (a Conv's, Gemm's or MatMul's weights) is a DequantizeLinear of a constant. */
  static boolean readsDequantizedWeights(OnnxImporter im, NodeProto n) {
    return n.getInputCount() > 1 && im.dequantized.containsKey(n.getInput(1));
  }

  /**
   * A Conv in the QDQ form: its input, weights and bias dequantized, its accumulator exact at 2^-(ex + ew) (per
   * output channel when the weights' scales are).
   */
  static void conv(OnnxImporter im, NodeProto n) {
    Val x = exactInput(im, n);
    Dequantized w = qdqWeights(im, n);
    int[] acc = accExponents(im, n, x, w, 0);
    int[] bias = im.hasInput(n, 2) ? qdqBias(im, n, 2, w.shape()[0], acc) : null;
    defineExact(im, n, conv2d(im, n, x, w, bias, acc[0]), acc, 1);
  }

  /** A Gemm in the QDQ form (alpha = beta = 1, A untransposed). */
  static void gemm(OnnxImporter im, NodeProto n) {
    Val a = exactInput(im, n);
    if (NodeRules.attr(n, "transA", 0) != 0) throw im.error(n, "transA = 1: tdlc imports Gemm with A untransposed");
    if (NodeRules.floatAttr(n, "alpha", 1f) != 1f || NodeRules.floatAttr(n, "beta", 1f) != 1f) {
      throw im.error(n, "alpha or beta is not 1; a quantized Gemm imports exactly only as A B + C");
    }
    Dequantized b = qdqWeights(im, n);
    if (b.shape().length != 2) throw im.error(n, "B of rank " + b.shape().length + "; Gemm multiplies matrices");
    if (NodeRules.attr(n, "transB", 0) != 0) {
      int rows = b.shape()[0], cols = b.shape()[1];
      int[] v = new int[b.values().length];
      for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) v[j * rows + i] = b.values()[i * cols + j];
      b = new Dequantized(new int[] {cols, rows}, v, b.exponents(), 1 - b.axis(), b.type());
    }
    int[] acc = accExponents(im, n, a, b, 1);
    int[] bias = im.hasInput(n, 2) ? qdqBias(im, n, 2, b.shape()[1], acc) : null;
    Val y = matmul(im, n, a, b, bias, acc[0]);
    defineExact(im, n, y, acc, y.rank() - 1);
  }

  /** A MatMul in the QDQ form: an exact activation times dequantized [K, N] weights. */
  static void matmul(OnnxImporter im, NodeProto n) {
    Val a = exactInput(im, n);
    Dequantized b = qdqWeights(im, n);
    int[] acc = accExponents(im, n, a, b, 1);
    Val y = matmul(im, n, a, b, null, acc[0]);
    defineExact(im, n, y, acc, y.rank() - 1);
  }

  /** The accumulator's exponents, ex + ew per output channel (one if the weights have one scale). */
  private static int[] accExponents(OnnxImporter im, NodeProto n, Val x, Dequantized w, int outAxis) {
    if (w.exponent() != null) return new int[] {x.exponent() + w.exponent()};
    if (w.axis() != outAxis) {
      throw im.error(n, "its weights ('" + n.getInput(1) + "') have per-channel scales along axis " + w.axis()
          + ", which is summed over, not the output channels' axis " + outAxis);
    }
    int[] acc = w.exponents().clone();
    for (int k = 0; k < acc.length; k++) acc[k] += x.exponent();
    return acc;
  }

  private static void defineExact(OnnxImporter im, NodeProto n, Val y, int[] acc, int axis) {
    im.markExact(y);
    if (acc.length > 1) im.channels.put(y, new Channels(acc, axis));
    im.define(n, y);
  }

  // ---- ONNX's rounding in tdl's ops

  /**
   * round_half_even(v * 2^-s) saturated to i8, s per tensor or one per channel along {@code axis}; returns the
   * name of the i8 result. requant rounds halves up: (c + 2^(s-1) - 1 + p) >> s, p the parity of floor(c / 2^s),
   * rounds them to even, and p = floor(c / 2^s) - 2 floor(c / 2^(s+1)), two requants of c less half a step.
   * Clipping c to [-128 * 2^s, 127 * 2^s] first keeps those floors inside i8 and changes no saturated result.
   */
  static String roundHalfEven(OnnxImporter im, NodeProto n, Val v, int[] s, int axis) {
    String hint = im.nameFor(n) + "_q";
    int min = Arrays.stream(s).min().getAsInt(), max = Arrays.stream(s).max().getAsInt();
    if (max > MAX_SHIFT || min < -MAX_SHIFT) {
      throw im.error(n, "the requantization scale is 2^" + -(Math.abs(max) > Math.abs(min) ? max : min)
          + " (x_scale * w_scale / y_scale); tdlc imports 2^-" + MAX_SHIFT + " to 2^" + MAX_SHIFT);
    }
    if (min == max && max <= 0) {
      if (max == 0 && !v.acc()) return v.name();
      String c = v.name();
      if (max < 0) {            // a scale above 1: saturate first, so that the product cannot wrap
        int up = 1 << -max;
        c = im.statement(hint + "_up", "mul(clip(" + v.name() + ", min = " + Math.floorDiv(-128 + up - 1, up)
            + ", max = " + Math.floorDiv(127, up) + "), " + im.scalar(up) + ")");
      }
      return im.statement(hint, "requant(" + c + ", shift = 0)");
    }
    if (min < 0) throw im.error(n, "per-channel scales both above and below 1 (2^" + -min + " and 2^" + -max + ")");
    String c;
    if (min == max) {
      c = v.acc() ? im.statement(hint + "_clip", "clip(" + v.name() + ", min = " + (-128L << max) + ", max = "
          + (127L << max) + ")") : v.name();
    } else {
      // one shift per channel: clip each channel, then bring it to the largest shift by 2^(max - s[k])
      int[] lo = new int[s.length], hi = new int[s.length], up = new int[s.length];
      for (int k = 0; k < s.length; k++) {
        lo[k] = -128 << s[k];
        hi[k] = 127 << s[k];
        up[k] = 1 << (max - s[k]);
      }
      TensorType type = channelType(s.length, axis, v.rank());
      String l = im.param(hint + "_lo", type, lo, "-128 * 2^s per channel");
      String h = im.param(hint + "_hi", type, hi, "127 * 2^s per channel");
      String u = im.param(hint + "_up", type, up, "2^(" + max + " - s) per channel");
      c = im.statement(hint + "_clip", "mul(min(max(" + v.name() + ", " + l + "), " + h + "), " + u + ")");
    }
    String f = im.statement(hint + "_floor", "requant(add(" + c + ", " + im.scalar(-(1 << (max - 1))) + "), shift = " + max + ")");
    String half = im.statement(hint + "_half", "requant(add(" + c + ", " + im.scalar(-(1 << max)) + "), shift = " + (max + 1) + ")");
    String odd = im.statement(hint + "_odd", "sub(" + f + ", mul(" + half + ", " + im.scalar(2) + "))");
    return im.statement(hint, "requant(add(" + c + ", sub(" + odd + ", " + im.scalar(1) + ")), shift = " + max + ")");
  }

  /** The shape of one value per channel along {@code axis} of a rank-{@code rank} result, broadcast: [K, 1, 1] or [K]. */
  private static TensorType channelType(int k, int axis, int rank) {
    int[] shape = new int[rank - axis];
    Arrays.fill(shape, 1);
    shape[0] = k;
    return TensorType.of(ElementType.I32, shape);
  }

  // ---- emitting the contractions

  private static Val conv2d(OnnxImporter im, NodeProto n, Val x, Dequantized w, int[] bias, int accExponent) {
    Contractions.ConvShape shape = Contractions.convShape(im, n, x, w.shape());
    String hint = im.nameFor(n);
    String wName = im.param(hint + "_w", TensorType.of(ElementType.I8, w.shape()), w.values(), weightComment(n, w));
    String name = im.statement(hint, "conv2d(" + x.name() + ", " + wName + shape.attributes() + ")");
    im.layer(name, "conv2d", n);
    return withBias(im, n, Val.of(name, shape.out(), true, accExponent, 1), bias, 1);
  }

  private static Val matmul(OnnxImporter im, NodeProto n, Val a, Dequantized b, int[] bias, int accExponent) {
    int[] bs = b.shape();
    if (bs.length != 2 || (a.rank() != 2 && a.rank() != 3) || a.shape()[a.rank() - 1] != bs[0]) {
      throw im.error(n, "A is " + Arrays.toString(a.shape()) + ", B is " + Arrays.toString(bs)
          + "; tdlc's matmul takes [M, K] or [B, M, K] times constant [K, N] weights");
    }
    String hint = im.nameFor(n);
    String wName = im.param(hint + "_w", TensorType.of(ElementType.I8, bs), b.values(), weightComment(n, b));
    String name = im.statement(hint, "matmul(" + a.name() + ", " + wName + ")");
    im.layer(name, "matmul", n);
    int[] out = a.shape().clone();
    out[out.length - 1] = bs[1];
    return withBias(im, n, Val.of(name, out, true, accExponent, 1), bias, out.length - 1);
  }

  /** A product of two quantized activations: [M, K] x [K, N], [B, M, K] x [K, N] or [B, M, K] x [B, K, N]. */
  private static Val product(OnnxImporter im, NodeProto n, Val a, Val b) {
    int[] as = a.shape(), bs = b.shape();
    boolean fits = as.length >= 2 && bs.length == 2 && as.length <= 3 && as[as.length - 1] == bs[0]
        || as.length == 3 && bs.length == 3 && as[0] == bs[0] && as[2] == bs[1];
    if (!fits) {
      throw im.error(n, "A is " + Arrays.toString(as) + ", B is " + Arrays.toString(bs)
          + "; tdlc's matmul takes [M, K] x [K, N], [B, M, K] x [K, N] or [B, M, K] x [B, K, N]");
    }
    int[] out = as.clone();
    out[out.length - 1] = bs[bs.length - 1];
    String name = im.statement(im.nameFor(n), "matmul(" + a.name() + ", " + b.name() + ")");
    return Val.of(name, out, true, 0, 1);
  }

  private static Val withBias(OnnxImporter im, NodeProto n, Val acc, int[] bias, int axis) {
    if (bias == null || Arrays.stream(bias).allMatch(b -> b == 0)) return acc;
    String b = im.param(im.nameFor(n) + "_bias", TensorType.of(ElementType.I32, acc.shape()),
        Layer.broadcast(bias, acc.shape(), axis), "the bias at the accumulator's scale, broadcast");
    String name = im.statement(im.nameFor(n) + "_b", "add(" + acc.name() + ", " + b + ")");
    return acc.as(name, acc.shape(), true, acc.exponent());
  }

  private static String weightComment(NodeProto n, Dequantized w) {
    Integer e = w.exponent();
    return n.getOpType() + " '" + n.getName() + "' weights minus zero point, scale "
        + (e != null ? "2^-" + e : "2^-e per channel, e = " + Arrays.toString(w.exponents()));
  }

  // ---- reading scales, zero points, weights

  /** The exponents e of the scale at input i (scale = 2^-e), one per value; a scale that is no power of two is refused. */
  private static int[] exponents(OnnxImporter im, NodeProto n, int i, String what) {
    OnnxFile.Constant c = im.constant(n, i);
    int[] e = new int[c.values().length];
    if (e.length == 0) throw im.error(n, what + " ('" + n.getInput(i) + "') has no values");
    for (int k = 0; k < e.length; k++) {
      double v = c.values()[k];
      int p = Math.getExponent(v);
      if (!(v > 0) || Double.isInfinite(v) || v != Math.scalb(1.0, p)) {
        throw im.error(n, what + " ('" + n.getInput(i) + "') is " + v + (e.length > 1 ? " at index " + k : "")
            + ", not a power of two; tdl rescales by shifts, so only power-of-two scales import exactly");
      }
      e[k] = -p;
    }
    return e;
  }

  /** The one exponent of an activation's scale (per-tensor). */
  private static int perTensor(OnnxImporter im, NodeProto n, int i, String what) {
    int[] e = exponents(im, n, i, what);
    for (int x : e) {
      if (x != e[0]) throw im.error(n, what + " ('" + n.getInput(i) + "') has " + e.length + " different values; tdlc takes one scale per activation");
    }
    return e[0];
  }

  /** A zero point input's values (0 if absent) and type ({@code otherwise} if absent). */
  private record ZeroPoint(int[] values, DataType type) {}

  private static ZeroPoint zeroPoint(OnnxImporter im, NodeProto n, int i, DataType otherwise) {
    if (!im.hasInput(n, i)) return new ZeroPoint(new int[] {0}, otherwise);
    OnnxFile.Constant c = im.constant(n, i);
    if (c.type() != DataType.INT8 && c.type() != DataType.UINT8) {
      throw im.error(n, "zero point ('" + n.getInput(i) + "') is " + c.type() + "; tdlc imports int8 and uint8 tensors");
    }
    return new ZeroPoint(ints(c.values()), c.type());
  }

  /** The zero point at input i of an activation of type t: 0 for int8, 128 for uint8 (held as x - 128), else refused. */
  private static void activationZero(OnnxImporter im, NodeProto n, int i, DataType t) {
    ZeroPoint zp = zeroPoint(im, n, i, t);
    if (zp.type() != t) {
      throw im.error(n, "zero point ('" + n.getInput(i) + "') is " + zp.type() + ", its tensor " + t);
    }
    int want = t == DataType.UINT8 ? 128 : 0;
    for (int v : zp.values()) {
      if (v != want) {
        throw im.error(n, "zero point " + v + " of a " + t + " activation: tdl's i8 holds int8 values as they are and "
            + "uint8 values minus 128, so an activation imports exactly only with zero point " + want);
      }
    }
  }

  /** The element type of a node's quantized output, from its zero point at input z (uint8 if absent), checked. */
  private static DataType outputType(OnnxImporter im, NodeProto n, int z) {
    DataType t = zeroPoint(im, n, z, DataType.UINT8).type();
    activationZero(im, n, z, t);
    return t;
  }

  /** Input i, an int8 or uint8 activation whose zero point is input z: its i8 value. */
  private static Val activation(OnnxImporter im, NodeProto n, int i, int z) {
    Val v = im.in(n, i);
    DataType t = im.quantizedType(n.getInput(i));
    if (t == null || v.acc()) {
      throw im.error(n, "input " + i + " ('" + n.getInput(i) + "') is not an int8 or uint8 tensor (a graph input, "
          + "or the output of a QuantizeLinear, QLinearConv or QLinearMatMul)");
    }
    activationZero(im, n, z, t);
    return v;
  }

  private static void defineQuantized(OnnxImporter im, NodeProto n, Val y, DataType t) {
    im.quantizedType(n.getOutput(0), t);
    im.define(n, y);
  }

  /**
   * The int8 or uint8 constant weights at input w minus their zero points (input z), with their scales' exponents
   * (input s), per tensor or per slice along {@code axis}; a weight that leaves i8 is refused.
   */
  private static Dequantized weights(OnnxImporter im, NodeProto n, int w, int s, int z, int axis) {
    OnnxFile.Constant c = im.constant(n, w);
    if (c.type() != DataType.INT8 && c.type() != DataType.UINT8) {
      throw im.error(n, "weights ('" + n.getInput(w) + "') are " + c.type() + "; tdlc imports int8 and uint8 weights");
    }
    int[] shape = c.shape();
    int[] e = exponents(im, n, s, "weight scale");
    ZeroPoint zp = zeroPoint(im, n, z, c.type());
    if (zp.type() != c.type()) throw im.error(n, "weight zero point ('" + n.getInput(z) + "') is " + zp.type() + ", the weights " + c.type());
    boolean perChannel = e.length > 1 || zp.values().length > 1;
    if (perChannel && (axis < 0 || axis >= shape.length)) {
      throw im.error(n, "axis " + axis + " is outside the weights' rank " + shape.length);
    }
    int channels = perChannel ? shape[axis] : 1, inner = 1;
    for (int a = axis + 1; perChannel && a < shape.length; a++) inner *= shape[a];
    for (int[] per : new int[][] {e, zp.values()}) {
      if (per.length != 1 && per.length != channels) {
        throw im.error(n, "a scale or zero point of " + per.length + " values for weights " + Arrays.toString(shape)
            + "; expected 1 or " + channels + " (axis " + axis + ")");
      }
    }
    int[] v = new int[c.values().length];
    for (int i = 0; i < v.length; i++) {
      int k = perChannel ? (i / inner) % channels : 0;
      int zero = zp.values()[zp.values().length == 1 ? 0 : k];
      v[i] = (int) c.values()[i] - zero;
      if (v[i] < -128 || v[i] > 127) {
        throw im.error(n, "weight " + (int) c.values()[i] + " at index " + i + " minus its zero point " + zero + " is "
            + v[i] + ", outside i8; tdl's conv2d and matmul multiply i8 weights, so weights import exactly only "
            + "when every weight minus its zero point lies in -128..127");
      }
    }
    int[] exps = e.length == 1 && channels > 1 ? filled(channels, e[0]) : e;
    return new Dequantized(shape, v, exps, axis, c.type());
  }

  /** A DequantizeLinear of an int32 constant: a bias, zero point 0, one scale or one per value. */
  private static Dequantized bias(OnnxImporter im, NodeProto n) {
    OnnxFile.Constant c = im.constant(n, 0);
    if (im.hasInput(n, 2) && Arrays.stream(im.constant(n, 2).values()).anyMatch(z -> z != 0)) {
      throw im.error(n, "an int32 tensor (a bias) with a zero point other than 0");
    }
    int[] e = exponents(im, n, 1, "bias scale");
    if (e.length != 1 && e.length != c.values().length) {
      throw im.error(n, "bias scale of " + e.length + " values for a bias of " + c.values().length);
    }
    return new Dequantized(c.shape(), ints(c.values()), e, 0, c.type());
  }

  /** The QDQ form's input: a value computed exactly, i8 (a QuantizeLinear has requantized any accumulator). */
  private static Val exactInput(OnnxImporter im, NodeProto n) {
    Val x = im.in(n, 0);
    if (!im.isExact(x) || x.acc()) {
      throw im.error(n, "its weights are dequantized but input 0 ('" + n.getInput(0) + "') is not a dequantized "
          + "int8 or uint8 tensor; a quantized " + n.getOpType() + " imports exactly only between DequantizeLinear "
          + "and QuantizeLinear");
    }
    return x;
  }

  /** The DequantizeLinear'd weights at input 1. */
  private static Dequantized qdqWeights(OnnxImporter im, NodeProto n) {
    Dequantized w = im.dequantized.get(n.getInput(1));
    if (w.type() == DataType.INT32) throw im.error(n, "its weights ('" + n.getInput(1) + "') are int32; tdlc multiplies i8 weights");
    return w;
  }

  /**
   * A QDQ bias at input i: k values, a DequantizeLinear'd int32 tensor or a float constant, each an exact integer
   * at the accumulator's scale 2^-acc (within i32), else refused.
   */
  private static int[] qdqBias(OnnxImporter im, NodeProto n, int i, int k, int[] acc) {
    Dequantized d = im.dequantized.get(n.getInput(i));
    double[] real = d != null ? Arrays.stream(d.values()).asDoubleStream().toArray() : im.constant(n, i).values();
    if (real.length != k) throw im.error(n, "bias ('" + n.getInput(i) + "') has " + real.length + " values, expected " + k);
    int[] out = new int[k];
    for (int j = 0; j < k; j++) {
      int a = acc[acc.length == 1 ? 0 : j];
      // the bias's real value is its integer times 2^-eb (dequantized) or the float itself
      double v = Math.scalb(real[j], d != null ? a - d.exponents()[d.exponents().length == 1 ? 0 : j] : a);
      if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw im.error(n, "bias value " + real[j] + (d != null ? " (int32, dequantized)" : "") + " at index " + j
            + " is not an i32 integer at the accumulator's scale 2^-" + a + " (x_scale * w_scale)");
      }
      out[j] = (int) v;
    }
    return out;
  }

  private static int[] ints(double[] v) { return Arrays.stream(v).mapToInt(x -> (int) x).toArray(); }

  private static int[] filled(int n, int v) {
    int[] a = new int[n];
    Arrays.fill(a, v);
    return a;
  }
}
