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

  OnnxGraph(long seed) { random = new SplittableRandom(seed); }

  String input(String name, int... shape) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (int d : shape) s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    g.addInput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s))));
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

  ModelProto model() {
    return ModelProto.newBuilder().setIrVersion(8).setProducerName("tdlc-tests")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).setGraph(g).build();
  }

  byte[] bytes() { return model().toByteArray(); }
}
