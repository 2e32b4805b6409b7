// Builds small ONNX models in Java with the ONNX protobuf builders, so that the import tests need no
// downloads: conv, batch norm, relu, pools, gemm and add nodes with seeded random float weights. Intermediate
// values get no value_info (as many exporters leave them), so the importer must infer every shape itself.
package org.tdlc.tests.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.List;
import java.util.SplittableRandom;

final class OnnxGraph {
  static final long OPSET = 13;
  private final GraphProto.Builder g = GraphProto.newBuilder().setName("test_graph");
  private final SplittableRandom random;
  private final long opset;

  OnnxGraph(long seed) { this(seed, OPSET); }

  OnnxGraph(long seed, long opset) {
    random = new SplittableRandom(seed);
    this.opset = opset;
  }

  String input(String name, int... shape) { return input(name, TensorProto.DataType.FLOAT, shape); }

  /** A graph input of element type {@code type} (int8, uint8: an already-quantized model's). */
  String input(String name, TensorProto.DataType type, int... shape) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (int d : shape) s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    g.addInput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(s))));
    return name;
  }

  /** An integer initializer (int8, uint8 or int32), in int32_data as ONNX stores them. */
  String integers(String name, TensorProto.DataType type, int[] values, long... dims) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
    for (long d : dims) t.addDims(d);
    for (int v : values) t.addInt32Data(v);
    g.addInitializer(t);
    return name;
  }

  void output(String name) {
    g.addOutput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE))));
  }

  String constant(String name, float[] values, long... dims) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
    for (long d : dims) t.addDims(d);
    for (float v : values) t.addFloatData(v);
    g.addInitializer(t);
    return name;
  }

  String int64s(String name, long... values) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
        .addDims(values.length);
    for (long v : values) t.addInt64Data(v);
    g.addInitializer(t);
    return name;
  }

  /** Uniform in [-scale, scale). */
  float[] random(int n, double scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) v[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
    return v;
  }

  String node(String op, String name, List<String> inputs, AttributeProto... attributes) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(name + "_out");
    for (AttributeProto a : attributes) n.addAttribute(a);
    g.addNode(n);
    return name + "_out";
  }

  static AttributeProto ints(String name, long... v) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long x : v) a.addInts(x);
    return a.build();
  }

  static AttributeProto integer(String name, long v) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
  }

  String conv(String name, String x, int c, int k, int r, int stride, int pad, int groups, boolean bias) {
    String w = constant(name + ".weight", random(k * (c / groups) * r * r, 1.0 / Math.sqrt(c / groups * r * r)), k, c / groups, r, r);
    List<String> in = bias ? List.of(x, w, constant(name + ".bias", random(k, 0.1), k)) : List.of(x, w);
    return node("Conv", name, in, ints("kernel_shape", r, r), ints("strides", stride, stride),
        ints("pads", pad, pad, pad, pad), integer("group", groups));
  }

  String batchNorm(String name, String x, int k) {
    float[] var = random(k, 0.5);
    for (int i = 0; i < k; i++) var[i] += 1f;
    return node("BatchNormalization", name, List.of(x, constant(name + ".gamma", random(k, 1), k),
        constant(name + ".beta", random(k, 0.2), k), constant(name + ".mean", random(k, 0.2), k),
        constant(name + ".var", var, k)));
  }

  String relu(String name, String x) { return node("Relu", name, List.of(x)); }

  String maxPool(String name, String x, int k, int stride, int pad) {
    return node("MaxPool", name, List.of(x), ints("kernel_shape", k, k), ints("strides", stride, stride),
        ints("pads", pad, pad, pad, pad));
  }

  String globalAveragePool(String name, String x) { return node("GlobalAveragePool", name, List.of(x)); }

  String flatten(String name, String x) { return node("Flatten", name, List.of(x)); }

  String add(String name, String a, String b) { return node("Add", name, List.of(a, b)); }

  /** y = x * W^T + b with W stored [n, k] (transB = 1), as PyTorch's Linear exports it. */
  String gemm(String name, String x, int k, int n) {
    return node("Gemm", name, List.of(x, constant(name + ".weight", random(n * k, 1.0 / Math.sqrt(k)), n, k),
        constant(name + ".bias", random(n, 0.1), n)), integer("transB", 1));
  }

  static AttributeProto real(String name, float v) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(v).build();
  }

  static AttributeProto string(String name, String v) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
        .setS(com.google.protobuf.ByteString.copyFromUtf8(v)).build();
  }

  /** A scalar float constant, as a Constant node (PyTorch writes scalars so). */
  String scalar(String name, float v) {
    g.addNode(NodeProto.newBuilder().setOpType("Constant").setName(name).addOutput(name + "_out")
        .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
            .setT(TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE).addFloatData(v))));
    return name + "_out";
  }

  /** PyTorch's Linear on a [.., k] input: MatMul by the [k, n] weight, then Add of the bias. */
  String linear(String name, String x, int k, int n) {
    String mm = node("MatMul", name + "/MatMul", List.of(x, constant(name + ".weight", random(k * n, 1.0 / Math.sqrt(k)), k, n)));
    return node("Add", name + "/Add", List.of(mm, constant(name + ".bias", random(n, 0.1), n)));
  }

  String reshape(String name, String x, long... shape) {
    return node("Reshape", name, List.of(x, int64s(name + ".shape", shape)));
  }

  String transpose(String name, String x, long... perm) { return node("Transpose", name, List.of(x), ints("perm", perm)); }

  /** gamma and beta near 1 and 0, as a trained LayerNorm's. */
  float[] near(int n, float centre) {
    float[] v = random(n, 0.2);
    for (int i = 0; i < n; i++) v[i] += centre;
    return v;
  }

  /** LayerNormalization (opset 17) over the last axis. */
  String layerNorm(String name, String x, int c) {
    return node("LayerNormalization", name, List.of(x, constant(name + ".weight", near(c, 1), c),
        constant(name + ".bias", near(c, 0), c)), integer("axis", -1), real("epsilon", 1e-12f));
  }

  /**
   * LayerNorm as PyTorch exports it before opset 17: ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div, Mul, Add;
   * with {@code identity} its gamma is an Identity of the initializer, as PyTorch writes a duplicate initializer.
   */
  String layerNormNodes(String name, String x, int c, boolean identity) {
    String mean = node("ReduceMean", name + "/ReduceMean", List.of(x), ints("axes", -1));
    String d = node("Sub", name + "/Sub", List.of(x, mean));
    String sq = node("Pow", name + "/Pow", List.of(d, scalar(name + "/Constant", 2f)));
    String var = node("ReduceMean", name + "/ReduceMean_1", List.of(sq), ints("axes", -1));
    String std = node("Sqrt", name + "/Sqrt", List.of(node("Add", name + "/Add", List.of(var, scalar(name + "/Constant_1", 1e-12f)))));
    String norm = node("Div", name + "/Div", List.of(d, std));
    String gamma = constant(name + ".weight", near(c, 1), c);
    if (identity) gamma = node("Identity", name + "/gamma", List.of(gamma));
    String scaled = node("Mul", name + "/Mul", List.of(norm, gamma));
    return node("Add", name + "/Add_1", List.of(scaled, constant(name + ".bias", near(c, 0), c)));
  }

  /**
   * GELU as PyTorch exports nn.GELU(): Div by sqrt(2), Erf, Add 1, Mul by x, Mul by 0.5; with {@code halfFirst}
   * as Hugging Face's Python gelu writes it, x * 0.5 * (1 + erf(x / sqrt(2))).
   */
  String geluNodes(String name, String x, boolean halfFirst) {
    String half = halfFirst ? node("Mul", name + "/Mul_half", List.of(x, scalar(name + "/Constant_2", 0.5f))) : null;
    String erf = node("Erf", name + "/Erf", List.of(node("Div", name + "/Div", List.of(x, scalar(name + "/Constant", (float) Math.sqrt(2))))));
    String plus = node("Add", name + "/Add", List.of(scalar(name + "/Constant_1", 1f), erf));
    if (halfFirst) return node("Mul", name + "/Mul", List.of(half, plus));
    return node("Mul", name + "/Mul_1", List.of(node("Mul", name + "/Mul", List.of(x, plus)), scalar(name + "/Constant_2", 0.5f)));
  }

  /**
   * A BERT-like encoder layer of {@code heads} heads of {@code head} features over {@code seq} tokens, as
   * Hugging Face's BertLayer exports: Q, K, V projections, heads split by Reshape and Transpose, scores Q K^T
   * divided by sqrt(head), Softmax, context, output projection, residual Add and LayerNorm, the FFN with GELU,
   * its residual Add and LayerNorm. {@code lnNode} and {@code geluNode} write the LayerNorms and the GELU as one
   * node each, or as the nodes exporters write: then the second LayerNorm's gamma is an Identity of its
   * initializer, and the GELU's nodes are PyTorch's next to LayerNormalization nodes, Hugging Face's
   * (0.5 first) next to LayerNorm nodes.
   */
  String bertLayer(String x, int seq, int heads, int head, int ffn, boolean lnNode, boolean geluNode) {
    int hidden = heads * head;
    String q = transpose("q_heads", reshape("q_split", linear("query", x, hidden, hidden), 1, seq, heads, head), 0, 2, 1, 3);
    String kt = transpose("k_heads", reshape("k_split", linear("key", x, hidden, hidden), 1, seq, heads, head), 0, 2, 3, 1);
    String v = transpose("v_heads", reshape("v_split", linear("value", x, hidden, hidden), 1, seq, heads, head), 0, 2, 1, 3);
    String scores = node("Div", "scale", List.of(node("MatMul", "scores", List.of(q, kt)), scalar("sqrt_d", (float) Math.sqrt(head))));
    String p = node("Softmax", "softmax", List.of(scores), integer("axis", -1));
    String ctx = reshape("merge", transpose("ctx_t", node("MatMul", "context", List.of(p, v)), 0, 2, 1, 3), 1, seq, hidden);
    String a = node("Add", "residual1", List.of(linear("attention_output", ctx, hidden, hidden), x));
    a = lnNode ? layerNorm("attention_norm", a, hidden) : layerNormNodes("attention_norm", a, hidden, false);
    String h = linear("intermediate", a, hidden, ffn);
    h = geluNode ? node("Gelu", "gelu", List.of(h), string("approximate", "none")) : geluNodes("gelu", h, !lnNode);
    String y = node("Add", "residual2", List.of(linear("output", h, ffn, hidden), a));
    return lnNode ? layerNorm("output_norm", y, hidden) : layerNormNodes("output_norm", y, hidden, true);
  }

  ModelProto model() {
    return ModelProto.newBuilder().setIrVersion(8).setProducerName("tdlc-tests")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).setGraph(g).build();
  }

  byte[] bytes() { return model().toByteArray(); }
}
