// What each ONNX op becomes in tdl: one table, RULES, from op type to the rule that converts such a node (or
// to the reason tdlc cannot represent it yet). Adding an op once tdl has it (Sigmoid)
// is one entry here and, when it needs more than a call, one method. docs/interop.md has the table in words
// (QuantizationTest checks that every op here is in it).
package org.tdlc.interop.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

final class NodeRules {
  /** Converts one node: defines its output's value, emitting statements or layers as it goes. */
  interface Rule {
    void apply(OnnxImporter im, NodeProto n);
  }

  private static final String DYNAMIC = "integer convolutions and products come from dynamically quantized graphs, "
      + "whose scales are computed at run time (DynamicQuantizeLinear, then Cast and Mul); tdl's scales are fixed "
      + "shifts, so they are not imported; import the float model";

  static final Map<String, Rule> RULES = Map.ofEntries(
      Map.entry("Conv", Contractions::conv),
      Map.entry("Gemm", Contractions::gemm),
      Map.entry("MatMul", Contractions::matmul),
      Map.entry("BatchNormalization", Contractions::batchNorm),
      Map.entry("Add", Contractions::add),
      Map.entry("Sub", Contractions::sub),
      Map.entry("Div", NonLinear::scale),
      Map.entry("Mul", NonLinear::scale),
      Map.entry("Softmax", NonLinear::softmax),
      Map.entry("LayerNormalization", NonLinear::layerNorm),
      Map.entry("Gelu", NonLinear::gelu),
      Map.entry("Transpose", NodeRules::transpose),
      Map.entry("Squeeze", NodeRules::squeeze),
      Map.entry("Unsqueeze", NodeRules::unsqueeze),
      Map.entry("Relu", NodeRules::relu),
      Map.entry("Clip", NodeRules::clip),
      Map.entry("MaxPool", Pooling::maxPool),
      Map.entry("AveragePool", Pooling::averagePool),
      Map.entry("GlobalAveragePool", Pooling::globalAveragePool),
      Map.entry("Flatten", NodeRules::flatten),
      Map.entry("Reshape", NodeRules::reshape),
      Map.entry("Identity", NodeRules::identity),
      Map.entry("Dropout", NodeRules::identity),
      Map.entry("Constant", NodeRules::constant),
      Map.entry("QuantizeLinear", Quantized::quantizeLinear),
      Map.entry("DequantizeLinear", Quantized::dequantizeLinear),
      Map.entry("QLinearConv", Quantized::qlinearConv),
      Map.entry("QLinearMatMul", Quantized::qlinearMatMul),
      Map.entry("Concat", Quantized::concat),
      Map.entry("ConvInteger", unsupported(DYNAMIC)),
      Map.entry("MatMulInteger", unsupported(DYNAMIC)));

  private NodeRules() {}

  static Rule rule(String opType) {
    return RULES.getOrDefault(opType, unsupported("tdlc has no operation that computes " + opType));
  }

  static Rule unsupported(String why) {
    return (im, n) -> {
      throw im.error(n, why);
    };
  }

  private static void relu(OnnxImporter im, NodeProto n) {
    Val x = im.in(n, 0);
    String name = im.statement(im.nameFor(n), "relu(" + x.name() + ")");
    im.define(n, Val.of(name, x.shape(), x.acc(), x.exponent(), x.ms() / 2));
  }

  /**
   * Clip(0, +inf) is a ReLU; other bounds are tdl's clip at the value's scale (integer = real * 2^exponent,
   * rounded half away from zero, as the weights are): ReLU6 on an accumulator of exponent 14 clips to
   * [0, 98304]. An infinite bound is the integer type's limit.
   */
  private static void clip(OnnxImporter im, NodeProto n) {
    Map<String, AttributeProto> a = OnnxFile.attributes(n);
    double min = a.containsKey("min") ? a.get("min").getF() : Double.NEGATIVE_INFINITY;
    double max = a.containsKey("max") ? a.get("max").getF() : Double.POSITIVE_INFINITY;
    if (im.hasInput(n, 1)) min = im.constant(n, 1).values()[0];
    if (im.hasInput(n, 2)) max = im.constant(n, 2).values()[0];
    if (min == 0 && max == Double.POSITIVE_INFINITY) {
      relu(im, n);
      return;
    }
    if (!(min <= max)) throw im.error(n, "Clip(" + min + ", " + max + "): min is above max");
    Val x = im.in(n, 0);
    long limit = x.acc() ? Integer.MAX_VALUE : Byte.MAX_VALUE, floor = x.acc() ? Integer.MIN_VALUE : Byte.MIN_VALUE;
    long lo = bound(min, x.exponent(), floor, limit), hi = bound(max, x.exponent(), floor, limit);
    String name = im.statement(im.nameFor(n), "clip(" + x.name() + ", min = " + lo + ", max = " + hi + ")");
    im.define(n, Val.of(name, x.shape(), x.acc(), x.exponent(), min >= 0 ? x.ms() / 2 : x.ms()));
  }

  /** A real bound as an integer at exponent {@code e}, within [floor, limit]. */
  private static long bound(double real, int e, long floor, long limit) {
    if (real == Double.POSITIVE_INFINITY) return limit;
    if (real == Double.NEGATIVE_INFINITY) return floor;
    return Math.max(floor, Math.min(limit, Quantization.round(Math.scalb(real, e))));
  }

  private static void flatten(OnnxImporter im, NodeProto n) {
    Val x = im.scaled(n, 0);
    int axis = (int) attr(n, "axis", 1);
    if (axis < 0) axis += x.rank();
    if (axis < 0 || axis > x.rank()) throw im.error(n, "axis " + axis + " is outside rank " + x.rank());
    int outer = 1, inner = 1;
    for (int i = 0; i < x.rank(); i++) {
      if (i < axis) outer *= x.shape()[i];
      else inner *= x.shape()[i];
    }
    int[] shape = {outer, inner};
    String rhs = axis == 1 ? "flatten(" + x.name() + ")" : "reshape(" + x.name() + ", shape = " + OnnxImporter.ints(shape) + ")";
    String name = im.statement(im.nameFor(n), rhs);
    im.define(n, x.as(name, shape, x.acc(), x.exponent()));
  }

  private static void reshape(OnnxImporter im, NodeProto n) {
    Val x = im.scaled(n, 0);
    double[] want = im.constant(n, 1).values();
    boolean allowZero = attr(n, "allowzero", 0) == 1;
    int[] shape = new int[want.length];
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < shape.length; i++) {
      long d = (long) want[i];
      if (d == 0 && !allowZero) {
        if (i >= x.rank()) throw im.error(n, "shape " + Arrays.toString(want) + " copies axis " + i + " of a rank " + x.rank() + " input");
        d = x.shape()[i];
      }
      if (d == -1) {
        if (unknown >= 0) throw im.error(n, "shape " + Arrays.toString(want) + " has two -1 entries");
        unknown = i;
        continue;
      }
      if (d <= 0) throw im.error(n, "shape " + Arrays.toString(want) + " has the entry " + d);
      shape[i] = (int) d;
      known *= d;
    }
    if (unknown >= 0) {
      if (known == 0 || x.elements() % known != 0) throw im.error(n, "cannot reshape " + x.elements() + " elements to " + Arrays.toString(want));
      shape[unknown] = (int) (x.elements() / known);
    } else if (known != x.elements()) {
      throw im.error(n, "cannot reshape " + Arrays.toString(x.shape()) + " (" + x.elements() + " elements) to "
          + Arrays.toString(shape));
    }
    if (Arrays.equals(shape, x.shape())) {
      im.define(n, x);
      return;
    }
    String name = im.statement(im.nameFor(n), "reshape(" + x.name() + ", shape = " + OnnxImporter.ints(shape) + ")");
    im.define(n, x.as(name, shape, x.acc(), x.exponent()));
  }

  /** Passes its input on; an Identity of a constant (PyTorch's exports have them for weights) is that constant. */
  private static void transpose(OnnxImporter im, NodeProto n) {
    Val x = im.scaled(n, 0);
    int r = x.rank();
    int[] reversed = new int[r];
    for (int i = 0; i < r; i++) reversed[i] = r - 1 - i;
    int[] perm = intsAttr(n, "perm", reversed);
    boolean[] seen = new boolean[r];
    for (int p : perm) {
      if (perm.length != r || p < 0 || p >= r || seen[p]) throw im.error(n, "perm " + Arrays.toString(perm) + " is not a permutation of 0.." + (r - 1));
      seen[p] = true;
    }
    int[] shape = new int[r];
    for (int i = 0; i < r; i++) shape[i] = x.shape()[perm[i]];
    String name = im.statement(im.nameFor(n), "transpose(" + x.name() + ", perm = " + OnnxImporter.ints(perm) + ")");
    im.define(n, x.as(name, shape, x.acc(), x.exponent()));
  }

  /** Squeeze drops axes of extent 1 (the listed ones, or all): a reshape. */
  private static void squeeze(OnnxImporter im, NodeProto n) {
    Val x = im.scaled(n, 0);
    int[] axes = axes(im, n, x.rank());
    List<Integer> shape = new ArrayList<>();
    for (int i = 0; i < x.rank(); i++) {
      final int axis = i;
      boolean listed = axes == null ? x.shape()[i] == 1 : Arrays.stream(axes).anyMatch(a -> a == axis);
      if (listed && x.shape()[i] != 1) throw im.error(n, "axis " + i + " has extent " + x.shape()[i] + ", not 1");
      if (!listed) shape.add(x.shape()[i]);
    }
    reshapeTo(im, n, x, shape.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Unsqueeze inserts axes of extent 1: a reshape. */
  private static void unsqueeze(OnnxImporter im, NodeProto n) {
    Val x = im.scaled(n, 0);
    int rank = x.rank() + (im.hasInput(n, 1) ? im.constant(n, 1).values().length : intsAttr(n, "axes", new int[0]).length);
    int[] axes = axes(im, n, rank);
    if (axes == null) throw im.error(n, "needs axes");
    int[] shape = new int[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      final int axis = i;
      shape[i] = Arrays.stream(axes).anyMatch(a -> a == axis) ? 1 : x.shape()[j++];
    }
    reshapeTo(im, n, x, shape);
  }

  /** The axes of Squeeze or Unsqueeze (an input from opset 13, an attribute before), non-negative; null if none. */
  private static int[] axes(OnnxImporter im, NodeProto n, int rank) {
    int[] axes = im.hasInput(n, 1) ? Arrays.stream(im.constant(n, 1).values()).mapToInt(v -> (int) v).toArray()
        : intsAttr(n, "axes", null);
    if (axes == null) return null;
    for (int i = 0; i < axes.length; i++) {
      if (axes[i] < -rank || axes[i] >= rank) throw im.error(n, "axis " + axes[i] + " is outside rank " + rank);
      if (axes[i] < 0) axes[i] += rank;
    }
    return axes;
  }

  private static void reshapeTo(OnnxImporter im, NodeProto n, Val x, int[] shape) {
    if (shape.length == 0) throw im.error(n, "the result would be a scalar; tdl tensors have rank >= 1");
    String name = im.statement(im.nameFor(n), "reshape(" + x.name() + ", shape = " + OnnxImporter.ints(shape) + ")");
    im.define(n, x.as(name, shape, x.acc(), x.exponent()));
  }

  private static void identity(OnnxImporter im, NodeProto n) {
    if (im.isConstant(n, 0)) {
      im.file.aliasConstant(n.getOutput(0), n.getInput(0));
      return;
    }
    im.define(n, im.scaled(n, 0));
  }

  private static void constant(OnnxImporter im, NodeProto n) {
    AttributeProto value = OnnxFile.attributes(n).get("value");
    if (value == null || !value.hasT()) throw im.error(n, "only a Constant with a tensor 'value' is read");
    im.constantNode(n, value.getT());
  }

  // ---- attributes

  static long attr(NodeProto n, String name, long otherwise) {
    AttributeProto a = OnnxFile.attributes(n).get(name);
    return a == null ? otherwise : a.getI();
  }

  static float floatAttr(NodeProto n, String name, float otherwise) {
    AttributeProto a = OnnxFile.attributes(n).get(name);
    return a == null ? otherwise : a.getF();
  }

  static String stringAttr(NodeProto n, String name, String otherwise) {
    AttributeProto a = OnnxFile.attributes(n).get(name);
    return a == null ? otherwise : a.getS().toStringUtf8();
  }

  /** An ints attribute as ints, or {@code otherwise} when absent. */
  static int[] intsAttr(NodeProto n, String name, int[] otherwise) {
    AttributeProto a = OnnxFile.attributes(n).get(name);
    return a == null ? otherwise : Arrays.stream(OnnxFile.ints(a)).mapToInt(Math::toIntExact).toArray();
  }

  /** ", key = v" or ", key = [h, w]" for a 2-D attribute, nothing at its default. */
  static String arg(String key, int h, int w, int otherwise) {
    if (h == otherwise && w == otherwise) return "";
    return ", " + key + " = " + (h == w ? String.valueOf(h) : "[" + h + ", " + w + "]");
  }
}
