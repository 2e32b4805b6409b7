// tdlc import onnx: reads an ONNX model and writes the .tdl model (text) and its weights (tensors the caller
// writes as .npy files). Nodes are converted in the graph's order, each by its entry in NodeRules; shapes are
// inferred here as each node is converted, so exports without value_info shapes import alike. Float models
// are quantized by Quantization's rules, already-quantized nodes imported exactly by Quantized's; a node tdlc
// cannot represent stops the import with an error naming the node, its op type and the opset, before
// anything is written.
package org.tdlc.interop.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

public final class OnnxImporter {
  /** A weight file to write beside the model: its file name and contents. */
  public record WeightFile(String fileName, Tensor data) {}

  /** One PE-array layer of the imported model, as run names it. */
  public record LayerInfo(String name, String op, String onnxNode) {}

  /** What an import produced: the .tdl text, the weight files it refers to, and what it holds. */
  public record Imported(String model, String text, List<WeightFile> weights, List<LayerInfo> layers, int nodes,
      long opset) {}

  private static final Set<String> KEYWORDS = Set.of("import", "init", "input", "model", "output", "target",
      "tensor", "weight");

  final OnnxFile file;
  private final String modelName;
  private final String weightPrefix;
  private final Map<String, Val> values = new HashMap<>();
  private final Map<String, Integer> consumers = new HashMap<>();
  private final Set<String> names = new HashSet<>();
  private final Map<Val, Val> asI8 = new IdentityHashMap<>();
  private final List<String> inputs = new ArrayList<>();
  private final List<Object> body = new ArrayList<>();     // statement lines, Layers and Params, in order
  private final List<LayerInfo> layers = new ArrayList<>();
  // already-quantized graphs (Quantized): the values computed exactly as ONNX defines them, the ONNX element
  // type of each int8 or uint8 tensor (a uint8 tensor is held in i8 as x - 128), DequantizeLinear's constants,
  // the line of each graph input, and the i32 scalars declared once for all requants
  private final Set<Val> exact = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, TensorProto.DataType> quantizedTypes = new HashMap<>();
  final Map<String, QuantizedOperands.Dequantized> dequantized = new HashMap<>();
  final Map<Val, Quantized.Channels> channels = new IdentityHashMap<>();
  private final Map<String, Integer> inputLines = new HashMap<>();
  private final Map<Integer, String> scalars = new HashMap<>();
  private NodeProto current;

  private OnnxImporter(OnnxFile file, String modelName, String weightPrefix) {
    this.file = file;
    this.modelName = modelName;
    this.weightPrefix = weightPrefix;
  }

  /**
   * Imports {@code bytes} (the file {@code label}) as model {@code modelName}; weight files are named
   * MODEL_WEIGHT.npy and referred to as {@code weightPrefix} + that name, relative to the .tdl file.
   */
  public static Imported read(byte[] bytes, String label, String modelName, String weightPrefix) {
    OnnxImporter im = new OnnxImporter(OnnxFile.parse(bytes, label), identifier(modelName), weightPrefix);
    return im.convert();
  }

  /** A parameter tensor an op reads (layernorm's gamma and beta), declared as a weight. */
  private record Param(String name, TensorType type, int[] values, String comment) {}

  private Imported convert() {
    OnnxMl.GraphProto g = file.graph;
    List<NodeProto> nodes = Patterns.fuse(file, g.getNodeList());
    for (NodeProto n : nodes) for (String in : n.getInputList()) consumers.merge(in, 1, Integer::sum);
    for (OnnxMl.ValueInfoProto o : g.getOutputList()) consumers.merge(o.getName(), 1, Integer::sum);
    Set<String> initializers = new HashSet<>();
    for (TensorProto t : g.getInitializerList()) initializers.add(t.getName());
    for (OnnxMl.ValueInfoProto in : g.getInputList()) {
      if (!initializers.contains(in.getName())) input(in);
    }
    if (inputs.isEmpty()) throw new OnnxException(file.label, "the graph has no inputs");
    for (NodeProto n : nodes) {
      try {
        current = n;
        NodeRules.rule(n.getOpType()).apply(this, n);
        Quantized.passThrough(this, n);
      } catch (ArithmeticException | IndexOutOfBoundsException | IllegalArgumentException | NegativeArraySizeException e) {
        // a malformed node (an attribute too short, a dimension that overflows) that no rule anticipated
        throw error(n, "malformed node: " + e.getMessage());
      }
    }
    List<String> outs = new ArrayList<>();
    for (OnnxMl.ValueInfoProto o : g.getOutputList()) {
      Val v = values.get(o.getName());
      if (v == null) throw new OnnxException(file.label, "graph output '" + o.getName() + "' is computed by no node");
      outs.add(v.name());
    }
    if (outs.isEmpty()) throw new OnnxException(file.label, "the graph has no outputs");
    return render(outs);
  }

  private void input(OnnxMl.ValueInfoProto in) {
    if (!in.getType().hasTensorType()) {
      throw new OnnxException(file.label, "graph input '" + in.getName() + "' is not a tensor");
    }
    OnnxMl.TypeProto.Tensor t = in.getType().getTensorType();
    int elem = t.getElemType();
    boolean floats = elem == TensorProto.DataType.FLOAT_VALUE || elem == TensorProto.DataType.DOUBLE_VALUE;
    boolean unsigned = elem == TensorProto.DataType.UINT8_VALUE;
    if (!floats && !unsigned && elem != TensorProto.DataType.INT8_VALUE) {
      throw new OnnxException(file.label, "graph input '" + in.getName() + "' has element type "
          + TensorProto.DataType.forNumber(elem) + "; tdlc imports float, int8 and uint8 inputs");
    }
    List<OnnxMl.TensorShapeProto.Dimension> dims = t.getShape().getDimList();
    if (dims.isEmpty()) throw new OnnxException(file.label, "graph input '" + in.getName() + "' has no shape");
    int[] shape = new int[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      OnnxMl.TensorShapeProto.Dimension d = dims.get(i);
      if (d.hasDimValue() && d.getDimValue() > 0) {
        shape[i] = Math.toIntExact(d.getDimValue());
      } else if (i == 0) {
        shape[i] = 1;    // a symbolic batch: one sample, as the models in models/ take
      } else {
        throw new OnnxException(file.label, "graph input '" + in.getName() + "' has a symbolic dimension "
            + (d.hasDimParam() ? "'" + d.getDimParam() + "' " : "") + "at axis " + i
            + "; export the model with a fixed input shape");
      }
    }
    String name = fresh(in.getName());
    // a float input is taken to have unit variance and read at that activation's exponent; an int8 input is
    // taken as is (exponent 0), with the spread of a uniform random i8 tensor (mean square 5461)
    int exp = floats ? Quantization.activationExponent(1.0) : 0;
    Val v = Val.of(name, shape, false, exp, floats ? 1.0 : 5461);
    inputLines.put(in.getName(), inputs.size());
    inputs.add("  input " + name + " : " + v.type() + ";" + (floats ? "   // the float input times 2^" + exp
        + ", rounded, clamped to -128..127" : unsigned ? "   // the uint8 input minus 128" : ""));
    if (!floats) quantizedTypes.put(in.getName(), TensorProto.DataType.forNumber(elem));
    values.put(in.getName(), v);
  }

  // ---- what the node rules call

  /**
   * The node's input {@code i}, converted already by an earlier node (ONNX graphs are topologically sorted), at a
   * power-of-two scale: a value whose scale has another factor (gelu's result) is refused here.
   */
  Val in(NodeProto n, int i) {
    Val v = scaled(n, i);
    if (v.factor() != 1) {
      throw error(n, "input " + i + " ('" + n.getInput(i) + "') has the scale " + v.factor() + " * 2^-" + v.exponent()
          + " (gelu's result), not a power of two; only a Conv, Gemm or MatMul with constant weights reads it (the "
          + "factor folds into the weights)");
    }
    return v;
  }

  /** The node's input {@code i} at whatever scale it has (a factor other than 1 included). */
  Val scaled(NodeProto n, int i) {
    if (i >= n.getInputCount() || n.getInput(i).isEmpty()) throw error(n, "input " + i + " is missing");
    Val v = values.get(n.getInput(i));
    if (v == null) {
      if (dequantized.containsKey(n.getInput(i))) {
        throw error(n, "input " + i + " ('" + n.getInput(i) + "') is a dequantized constant; tdlc takes one only as "
            + "the weights or bias of a Conv, Gemm or MatMul");
      }
      if (file.constant(n.getInput(i)).isPresent()) {
        throw error(n, "input " + i + " ('" + n.getInput(i) + "') is a constant; tdlc takes it only where the "
            + "op's weights or parameters go");
      }
      throw error(n, "input " + i + " ('" + n.getInput(i) + "') is defined by no earlier node or graph input");
    }
    if (channels.containsKey(v) && !n.getOpType().equals("Relu") && !n.getOpType().equals("QuantizeLinear")) {
      throw error(n, "input " + i + " ('" + n.getInput(i) + "') is an accumulator whose scale differs per channel "
          + "(per-channel weight scales); tdlc carries it only through Relu to a QuantizeLinear");
    }
    return v;
  }

  boolean hasInput(NodeProto n, int i) { return i < n.getInputCount() && !n.getInput(i).isEmpty(); }

  /** The node's input {@code i} as a constant (an initializer or a Constant node's output). */
  OnnxFile.Constant constant(NodeProto n, int i) {
    if (!hasInput(n, i)) throw error(n, "input " + i + " is missing");
    return file.constant(n.getInput(i)).orElseThrow(() -> error(n, "input " + i + " ('" + n.getInput(i)
        + "') must be a constant (an initializer); tdlc takes weights and parameters only as constants"));
  }

  boolean isConstant(NodeProto n, int i) { return hasInput(n, i) && file.constant(n.getInput(i)).isPresent(); }

  void define(NodeProto n, Val v) {
    if (n.getOutputCount() == 0) throw error(n, "the node has no output");
    for (int o = 1; o < n.getOutputCount(); o++) {
      if (!n.getOutput(o).isEmpty() && consumers.containsKey(n.getOutput(o))) {
        throw error(n, "output " + o + " ('" + n.getOutput(o) + "') is used; tdlc imports only the first output");
      }
    }
    values.put(n.getOutput(0), v);
  }

  /** How many nodes (and graph outputs) read the value named {@code onnxName}. */
  int consumers(String onnxName) { return consumers.getOrDefault(onnxName, 0); }

  /** True if input {@code i} is a layer's fresh result that only this node reads, so its scale may still change. */
  boolean ownsLayer(NodeProto n, int i) {
    Val v = values.get(n.getInput(i));
    return v != null && v.layer() != null && consumers(n.getInput(i)) == 1;
  }

  /** Emits {@code name = rhs;} under a fresh name derived from {@code hint}; returns the name. */
  String statement(String hint, String rhs) {
    String name = fresh(hint);
    body.add("  " + name + " = " + rhs + ";");
    return name;
  }

  void layer(Layer l, NodeProto n) {
    names.add(l.weightName());
    names.add(l.biasName());
    names.add(l.name + "_b");
    body.add(l);
    layers.add(new LayerInfo(l.name, l.op, n.getName()));
  }

  /** The value as an i8 activation: itself, or a requant of the accumulator at the exponent its estimated spread asks for. */
  Val i8(Val v) {
    if (!v.acc()) return v;
    if (isExact(v)) {
      throw error(current, "reads the exact accumulator of a quantized Conv, Gemm or MatMul; tdlc requantizes it "
          + "only where a QuantizeLinear says how (choosing a scale itself would approximate the quantized graph)");
    }
    return asI8.computeIfAbsent(v, a -> {
      int shift = Quantization.shift(a.exponent(), Quantization.activationExponent(a.unitMs()));
      String name = statement(a.name() + "_q", "requant(" + a.name() + ", shift = " + shift + ")");
      return a.as(name, a.shape(), false, a.exponent() - shift);
    });
  }

  /**
   * The value as an i8 activation of at most {@code maxExponent} fractional bits (an op whose integer constants
   * bound its input's scale): i8(v), shifted further by a requant when it is finer than that.
   */
  Val i8AtMost(Val v, int maxExponent) {
    Val q = i8(v);
    if (q.exponent() <= maxExponent) return q;
    int shift = q.exponent() - maxExponent;
    String name = statement(q.name() + "_s", "requant(" + q.name() + ", shift = " + shift + ")");
    return q.as(name, q.shape(), false, maxExponent);
  }

  // ---- already-quantized values (Quantized's rules)

  void markExact(Val v) { exact.add(v); }

  /** True if {@code v} holds what ONNX computes for its value, exactly (real value = integer * 2^-exponent). */
  boolean isExact(Val v) { return exact.contains(v); }

  /** The ONNX element type (INT8 or UINT8) of the quantized tensor {@code onnxName}, or null if it is not one. */
  TensorProto.DataType quantizedType(String onnxName) { return quantizedTypes.get(onnxName); }

  void quantizedType(String onnxName, TensorProto.DataType type) { quantizedTypes.put(onnxName, type); }

  /** The value {@code onnxName} as the importer holds it so far (null if none). */
  Val value(String onnxName) { return values.get(onnxName); }

  /** True if {@code onnxName} is a graph input. */
  boolean isGraphInput(String onnxName) { return inputLines.containsKey(onnxName); }

  /** Replaces the comment of graph input {@code onnxName}'s declaration (a QuantizeLinear tells what it holds). */
  void describeInput(String onnxName, String comment) {
    int line = inputLines.get(onnxName);
    String s = inputs.get(line);
    int c = s.indexOf("   //");
    inputs.set(line, (c < 0 ? s : s.substring(0, c)) + "   // " + comment);
  }

  /** An i32[1] weight holding {@code v}, declared once per value; returns its name. */
  String scalar(int v) {
    return scalars.computeIfAbsent(v, k -> param(k < 0 ? "minus_" + -(long) k : "const_" + k,
        TensorType.of(ElementType.I32, 1), new int[] {k}, "the constant " + k));
  }

  /** Records a PE-array layer written as a statement (a quantized node's conv2d or matmul). */
  void layer(String name, String op, NodeProto n) { layers.add(new LayerInfo(name, op, n.getName())); }

  /** Declares a parameter tensor (written as a weight file) under a fresh name from {@code hint}; returns the name. */
  String param(String hint, TensorType type, int[] values, String comment) {
    String name = fresh(hint);
    body.add(new Param(name, type, values, comment));
    return name;
  }

  /** A tdl name for the node's result: its ONNX name without the exporter's module path noise. */
  String nameFor(NodeProto n) {
    String raw = n.getName();
    if (raw.isEmpty()) raw = n.getOutputCount() > 0 && !n.getOutput(0).isEmpty() ? n.getOutput(0) : n.getOpType();
    List<String> parts = new ArrayList<>();
    for (String p : raw.split("/")) if (!p.isEmpty()) parts.add(p);
    if (parts.size() > 1 && parts.get(parts.size() - 1).startsWith(n.getOpType())) parts.remove(parts.size() - 1);
    for (int i = parts.size() - 2; i >= 0; i--) {
      if (parts.get(i + 1).startsWith(parts.get(i) + ".")) parts.remove(i);   // torch: layer1/layer1.0/conv1
    }
    return String.join("_", parts);
  }

  /** An unused identifier made from {@code hint}. */
  String fresh(String hint) {
    String base = identifier(hint);
    String name = base;
    for (int i = 2; !names.add(name); i++) name = base + "_" + i;
    return name;
  }

  static String identifier(String hint) {
    String s = hint.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
    if (s.isEmpty()) s = "v";
    if (Character.isDigit(s.charAt(0))) s = "v" + s;
    return KEYWORDS.contains(s) ? s + "_" : s;
  }

  OnnxException error(NodeProto n, String message) {
    return new OnnxException(file.label, "node '" + n.getName() + "' (" + n.getOpType() + ", opset "
        + file.opset(n) + "): " + message);
  }

  // ---- writing the model

  private Imported render(List<String> outs) {
    List<WeightFile> weights = new ArrayList<>();
    List<String> decls = new ArrayList<>(), stmts = new ArrayList<>();
    for (Object o : body) {
      if (o instanceof String s) {
        stmts.add(s);
        continue;
      }
      if (o instanceof Param p) {
        decls.add(weight(weights, p.name(), p.type(), p.values(), p.comment()));
        continue;
      }
      Layer l = (Layer) o;
      decls.add(weight(weights, l.weightName(), TensorType.of(ElementType.I8, l.weightShape), l.quantizedWeights(),
          "scale 2^-" + l.weightExponent));
      stmts.add("  " + l.name + " = " + l.op + "(" + l.input + ", " + l.weightName() + l.attributes + ");");
      if (l.hasBias()) {
        decls.add(weight(weights, l.biasName(), TensorType.of(ElementType.I32, Layer.biasShape(l.outShape,
            l.channelAxis)), l.quantizedBias(), "the bias at the accumulator's scale 2^-" + l.accExponent()
            + ", one per channel"));
        stmts.add("  " + l.resultName() + " = add(" + l.name + ", " + l.biasName() + ");");
      }
    }
    StringBuilder b = new StringBuilder();
    OnnxMl.ModelProto m = file.model;
    b.append("// ").append(modelName).append(": imported from ").append(fileName(file.label))
        .append(" by tdlc import onnx (").append(m.getProducerName().isEmpty() ? "unknown producer"
            : m.getProducerName() + (m.getProducerVersion().isEmpty() ? "" : " " + m.getProducerVersion()))
        .append(", opset ").append(file.opset()).append(").\n")
        .append(file.graph.getNodeList().stream().anyMatch(Quantized::isQuantized)
            ? "// Quantized nodes are imported exactly, rounding halves to even as ONNX does; float weights, if any,\n"
                + "// are quantized to i8 per tensor at power-of-two scales (docs/interop.md states the rules).\n"
            : "// Float weights are quantized to i8 per tensor at power-of-two scales and activations are\n"
                + "// requantized between layers (docs/interop.md states the rules).\n")
        .append("\n")
        .append("model ").append(modelName).append(" {\n");
    inputs.forEach(s -> b.append(s).append('\n'));
    decls.forEach(s -> b.append(s).append('\n'));
    b.append('\n');
    stmts.forEach(s -> b.append(s).append('\n'));
    b.append("  output ").append(String.join(", ", outs)).append(";\n}\n");
    return new Imported(modelName, b.toString(), weights, layers, file.graph.getNodeCount(), file.opset());
  }

  private String weight(List<WeightFile> files, String name, TensorType type, int[] values, String comment) {
    String fileName = modelName + "_" + name + ".npy";
    files.add(new WeightFile(fileName, Tensor.adopt(type, values)));
    return "  weight " + name + " : " + type.element().keyword() + type.shape().asList() + " init file(\""
        + weightPrefix + fileName + "\");   // " + comment;
  }

  private static String fileName(String label) {
    int slash = Math.max(label.lastIndexOf('/'), label.lastIndexOf('\\'));
    return label.substring(slash + 1);
  }

  /** Records a Constant node's value (it emits nothing: constants are read where an op takes them). */
  void constantNode(NodeProto n, TensorProto value) {
    file.addConstant(n.getOutput(0), value);
  }

  /** Shape helpers shared by the rules. */
  static String ints(int... v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) b.append(i == 0 ? "" : ", ").append(v[i]);
    return b.append(']').toString();
  }
}
