// Already-quantized ONNX graphs, imported exactly: QLinearConv and QLinearMatMul, and the QDQ form, in which
// DequantizeLinear gives a Conv, Gemm or MatMul its input and weights and a QuantizeLinear requantizes the
// result. ONNX computes y = saturate(round(acc * x_scale * w_scale / y_scale) + y_zero_point), rounding halves
// to even. That is tdl arithmetic when every scale is a power of two (the product is then exactly 2^-s), a
// zero point is 0 for int8 and 128 for uint8 (tdl holds a uint8 tensor in i8 as x - 128), and the weights minus
// their zero point fit i8 (QuantizedOperands reads and checks them). requant rounds halves up, so RoundHalfEven
// writes ONNX's rounding with clip, add, sub, mul and requant. Anything else is refused at its node.
package org.tdlc.interop.onnx;

import static org.tdlc.interop.onnx.QuantizedOperands.activation;
import static org.tdlc.interop.onnx.QuantizedOperands.bias;
import static org.tdlc.interop.onnx.QuantizedOperands.ints;
import static org.tdlc.interop.onnx.QuantizedOperands.outputType;
import static org.tdlc.interop.onnx.QuantizedOperands.perTensor;
import static org.tdlc.interop.onnx.QuantizedOperands.weights;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.tdlc.interop.onnx.QuantizedOperands.Dequantized;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class Quantized {
  /** An exact accumulator whose scale differs per output channel (along {@code axis}): 2^-exponents[k]. */
  record Channels(int[] exponents, int axis) {}

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
    String y = RoundHalfEven.requantize(im, n, v, shifts, ch == null ? 0 : ch.axis());
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
    String y = RoundHalfEven.requantize(im, n, acc, shifts, 1);
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
    String y = RoundHalfEven.requantize(im, n, acc, shifts, acc.rank() - 1);
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

  /**
   * An Add in the QDQ form: both operands computed exactly (dequantized, or exact values), so their real sum is
   * exact at the finer scale 2^-e: each is raised to it, times 2^d in i32 (QuantizeLinear then rounds it as ONNX
   * does). The same shapes (tdl's add would broadcast, but the ONNX rule here is kept to what is tested).
   */
  static void add(OnnxImporter im, NodeProto n) { sum(im, n, "add"); }

  /** A Sub in the QDQ form, as Add: a - b exact at the finer scale. */
  static void sub(OnnxImporter im, NodeProto n) { sum(im, n, "sub"); }

  private static void sum(OnnxImporter im, NodeProto n, String op) {
    Val a = exactOperand(im, n, 0), b = exactOperand(im, n, 1);
    if (!Arrays.equals(a.shape(), b.shape())) {
      String as = Arrays.toString(a.shape()), bs = Arrays.toString(b.shape());
      throw im.error(n, (op.equals("add") ? "adds " + as + " and " + bs : "subtracts " + bs + " from " + as)
          + "; a quantized " + n.getOpType() + " imports operands of one shape");
    }
    int e = Math.max(a.exponent(), b.exponent());
    Val x = raise(im, n, a, e, false), z = raise(im, n, b, e, false);
    if (!x.acc() && !z.acc()) x = raise(im, n, x, e, true);   // i8 +- i8 would wrap in i8: one in i32, times 1
    String name = im.statement(im.nameFor(n), op + "(" + x.name() + ", " + z.name() + ")");
    Val y = Val.of(name, a.shape(), true, e, a.ms() + b.ms());
    im.markExact(y);
    im.define(n, y);
  }

  /**
   * A Concat in the QDQ form: every input computed exactly; inputs at one scale are joined as they are, inputs at
   * several are each raised to the finest, 2^-e, times 2^d in i32 (QuantizeLinear then rounds them).
   */
  static void concat(OnnxImporter im, NodeProto n) {
    List<Val> in = new ArrayList<>();
    for (int i = 0; i < n.getInputCount(); i++) in.add(exactOperand(im, n, i));
    int rank = in.get(0).rank();
    int axis = (int) NodeRules.attr(n, "axis", Integer.MIN_VALUE);
    if (axis == Integer.MIN_VALUE) throw im.error(n, "has no axis attribute");
    if (axis < 0) axis += rank;
    if (axis < 0 || axis >= rank) throw im.error(n, "axis " + NodeRules.attr(n, "axis", 0) + " of rank-" + rank + " inputs");
    int[] out = in.get(0).shape().clone();
    out[axis] = 0;
    int e = Integer.MIN_VALUE;
    boolean oneType = true;
    for (Val v : in) {
      int[] s = v.shape();
      for (int d = 0; d < rank; d++) {
        if (s.length != rank || d != axis && s[d] != out[d]) {
          throw im.error(n, "joins " + Arrays.toString(in.get(0).shape()) + " and " + Arrays.toString(s) + " along axis "
              + axis + "; the other extents must be equal");
        }
      }
      out[axis] += s[axis];
      e = Math.max(e, v.exponent());
      oneType &= v.acc() == in.get(0).acc();
    }
    boolean raise = !oneType;
    for (Val v : in) raise |= v.exponent() != e;
    List<String> names = new ArrayList<>();
    for (Val v : in) names.add(raise ? raise(im, n, v, e, true).name() : v.name());
    String name = im.statement(im.nameFor(n), "concat(" + String.join(", ", names) + ", axis = " + axis + ")");
    Val y = Val.of(name, out, raise || in.get(0).acc(), e, in.get(0).ms());
    im.markExact(y);
    im.define(n, y);
  }

  /** Input i of an Add, Sub or Concat in the QDQ form: a value computed exactly, at one scale (not per channel). */
  private static Val exactOperand(OnnxImporter im, NodeProto n, int i) {
    Val v = im.in(n, i);
    if (!im.isExact(v)) {
      throw im.error(n, "input " + i + " ('" + n.getInput(i) + "') is not computed exactly from quantized tensors; a "
          + n.getOpType() + " imports exactly only when every input is a DequantizeLinear output or a value computed "
          + "exactly from one" + (n.getOpType().equals("Concat") ? " (tdlc imports Concat only in the QDQ form)" : ""));
    }
    return v;
  }

  /**
   * v at the finer exponent e as mul(v, 2^d), an i32 (d up to Contractions.MAX_RAISE, so i8 values stay inside
   * i32); v itself when d = 0 and it is an i32 already or {@code toI32} is false.
   */
  private static Val raise(OnnxImporter im, NodeProto n, Val v, int e, boolean toI32) {
    int d = e - v.exponent();
    if (d == 0 && (v.acc() || !toI32)) return v;
    if (v.acc() || d > Contractions.MAX_RAISE) {
      throw im.error(n, "'" + v.name() + "' at the scale 2^-" + v.exponent() + " would be multiplied by 2^" + d
          + " to meet the finer scale 2^-" + e + (v.acc() ? ", and it is an i32 accumulator, which could overflow"
          : ", more than 2^" + Contractions.MAX_RAISE + " (i32 would overflow)"));
    }
    String name = im.statement(v.name() + "_up", "mul(" + v.name() + ", " + im.scalar(1 << d) + ")");
    return v.as(name, v.shape(), true, e);
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
    String b = im.param(im.nameFor(n) + "_bias", TensorType.of(ElementType.I32, Layer.biasShape(acc.shape(), axis)),
        bias, "the bias at the accumulator's scale, one per channel");
    String name = im.statement(im.nameFor(n) + "_b", "add(" + acc.name() + ", " + b + ")");
    return acc.as(name, acc.shape(), true, acc.exponent());
  }

  private static String weightComment(NodeProto n, Dequantized w) {
    Integer e = w.exponent();
    return n.getOpType() + " '" + n.getName() + "' weights minus zero point, scale "
        + (e != null ? "2^-" + e : "2^-e per channel, e = " + Arrays.toString(w.exponents()));
  }

  private static void defineQuantized(OnnxImporter im, NodeProto n, Val y, DataType t) {
    im.quantizedType(n.getOutput(0), t);
    im.define(n, y);
  }

  // ---- the QDQ form's operands

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

}
