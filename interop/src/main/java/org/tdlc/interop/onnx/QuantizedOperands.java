// The operands of a quantized node, read from its constants and checked against what tdl represents exactly:
// scales that are powers of two (as exponents, scale = 2^-e), zero points 0 (int8) and 128 (uint8) for
// activations, int8 or uint8 weights minus their zero points within i8, int32 biases. Each refusal names the
// node and the rule it breaks.
package org.tdlc.interop.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.Arrays;

final class QuantizedOperands {
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

  private QuantizedOperands() {}

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
  static int perTensor(OnnxImporter im, NodeProto n, int i, String what) {
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
  static DataType outputType(OnnxImporter im, NodeProto n, int z) {
    DataType t = zeroPoint(im, n, z, DataType.UINT8).type();
    activationZero(im, n, z, t);
    return t;
  }

  /** Input i, an int8 or uint8 activation whose zero point is input z: its i8 value. */
  static Val activation(OnnxImporter im, NodeProto n, int i, int z) {
    Val v = im.in(n, i);
    DataType t = im.quantizedType(n.getInput(i));
    if (t == null || v.acc()) {
      throw im.error(n, "input " + i + " ('" + n.getInput(i) + "') is not an int8 or uint8 tensor (a graph input, "
          + "or the output of a QuantizeLinear, QLinearConv or QLinearMatMul)");
    }
    activationZero(im, n, z, t);
    return v;
  }

  /**
   * The int8 or uint8 constant weights at input w minus their zero points (input z), with their scales' exponents
   * (input s), per tensor or per slice along {@code axis}; a weight that leaves i8 is refused.
   */
  static Dequantized weights(OnnxImporter im, NodeProto n, int w, int s, int z, int axis) {
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
  static Dequantized bias(OnnxImporter im, NodeProto n) {
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

  static int[] ints(double[] v) { return Arrays.stream(v).mapToInt(x -> (int) x).toArray(); }

  private static int[] filled(int n, int v) {
    int[] a = new int[n];
    Arrays.fill(a, v);
    return a;
  }
}
