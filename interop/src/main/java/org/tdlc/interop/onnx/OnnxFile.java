// One ONNX model file, read through the ONNX protobuf classes (ai.onnx.proto.OnnxMl): the graph, its opsets,
// and its constant tensors (initializers and Constant nodes) as floats or integers. Everything that can be
// wrong with the bytes (truncation, a field of the wrong kind, an initializer whose data does not fill its
// shape) becomes an OnnxException naming the file and what is wrong.
package org.tdlc.interop.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class OnnxFile {
  /** A constant tensor: its dims, its values as doubles (floats and integers alike) and its ONNX data type. */
  record Constant(String name, long[] dims, double[] values, TensorProto.DataType type) {
    int[] shape() { return Arrays.stream(dims).mapToInt(d -> (int) d).toArray(); }

    float[] floats() {
      float[] f = new float[values.length];
      for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
      return f;
    }
  }

  final String label;
  final OnnxMl.ModelProto model;
  final OnnxMl.GraphProto graph;
  private final Map<String, Long> opsets = new HashMap<>();
  private final Map<String, Constant> constants = new HashMap<>();

  private OnnxFile(String label, OnnxMl.ModelProto model) {
    this.label = label;
    this.model = model;
    this.graph = model.getGraph();
    for (OnnxMl.OperatorSetIdProto o : model.getOpsetImportList()) opsets.put(domain(o.getDomain()), o.getVersion());
    for (TensorProto t : graph.getInitializerList()) constants.put(t.getName(), constant(t.getName(), t));
  }

  /** Parses {@code bytes}; {@code label} names the file in messages. */
  static OnnxFile parse(byte[] bytes, String label) {
    OnnxMl.ModelProto model;
    try {
      model = OnnxMl.ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new OnnxException(label, "not a valid ONNX model (" + bytes.length + " bytes): " + reason(e));
    }
    if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
      throw new OnnxException(label, "not an ONNX model: it has no graph nodes (" + bytes.length
          + " bytes; a truncated or empty file?)");
    }
    if (model.getOpsetImportCount() == 0) throw new OnnxException(label, "the model imports no opset");
    return new OnnxFile(label, model);
  }

  private static String reason(InvalidProtocolBufferException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("ended unexpectedly")) return "the file ends in the middle of a field (truncated?)";
    if (m.contains("invalid wire type") || m.contains("invalid tag")) return "bytes that are not a protobuf message";
    return m;
  }

  private static String domain(String d) { return d.equals("ai.onnx") ? "" : d; }

  /** The opset version a node is read under (its domain's import), or -1 if the model imports none for it. */
  long opset(NodeProto node) { return opsets.getOrDefault(domain(node.getDomain()), -1L); }

  /** The default domain's opset version. */
  long opset() { return opsets.getOrDefault("", -1L); }

  Optional<Constant> constant(String name) { return Optional.ofNullable(constants.get(name)); }

  /** Makes {@code alias} name the constant {@code name} (an Identity of a constant). */
  void aliasConstant(String alias, String name) { constants.put(alias, constants.get(name)); }

  /** Records a Constant node's value under its output's name. */
  void addConstant(String name, TensorProto t) { constants.put(name, constant(name, t)); }

  private Constant constant(String name, TensorProto t) {
    long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    long count = 1;
    for (long d : dims) {
      if (d < 0) throw new OnnxException(label, "tensor '" + name + "' has a negative dimension " + d);
      count = Math.multiplyExact(count, d);
    }
    if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      throw new OnnxException(label, "tensor '" + name + "' keeps its data in an external file; save the model "
          + "with its weights inside (onnx.save(model, path, save_as_external_data=False))");
    }
    TensorProto.DataType type = TensorProto.DataType.forNumber(t.getDataType());
    if (type == null) throw new OnnxException(label, "tensor '" + name + "' has unknown data type " + t.getDataType());
    double[] v = switch (type) {
      case FLOAT -> t.hasRawData() ? raw(t.getRawData(), 4, count, name, type)
          : t.getFloatDataList().stream().mapToDouble(Float::doubleValue).toArray();
      case DOUBLE -> t.hasRawData() ? raw(t.getRawData(), 8, count, name, type)
          : t.getDoubleDataList().stream().mapToDouble(Double::doubleValue).toArray();
      case INT64 -> t.hasRawData() ? raw(t.getRawData(), 8, count, name, type)
          : t.getInt64DataList().stream().mapToDouble(Long::doubleValue).toArray();
      case INT32, INT16, INT8, UINT8, UINT16, BOOL -> t.hasRawData()
          ? raw(t.getRawData(), rawBytes(type), count, name, type)
          : t.getInt32DataList().stream().mapToDouble(Integer::doubleValue).toArray();
      default -> throw new OnnxException(label, "tensor '" + name + "' has data type " + type
          + ", which tdlc does not read (float, double and integer tensors only)");
    };
    if (v.length != count) {
      throw new OnnxException(label, "tensor '" + name + "' of shape " + Arrays.toString(dims) + " needs " + count
          + " values, the file holds " + v.length);
    }
    return new Constant(name, dims, v, type);
  }

  private static int rawBytes(TensorProto.DataType type) {
    return switch (type) {
      case INT32 -> 4;
      case INT16, UINT16 -> 2;
      default -> 1;
    };
  }

  private double[] raw(ByteString bytes, int width, long count, String name, TensorProto.DataType type) {
    if (bytes.size() != count * width) {
      throw new OnnxException(label, "tensor '" + name + "' (" + type + ", " + count + " values) needs "
          + count * width + " bytes of data, the file holds " + bytes.size());
    }
    ByteBuffer b = bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    double[] v = new double[(int) count];
    for (int i = 0; i < v.length; i++) {
      v[i] = switch (type) {
        case FLOAT -> b.getFloat();
        case DOUBLE -> b.getDouble();
        case INT64 -> b.getLong();
        case INT32 -> b.getInt();
        case INT16 -> b.getShort();
        case UINT16 -> b.getShort() & 0xffff;
        case UINT8, BOOL -> b.get() & 0xff;
        default -> b.get();
      };
    }
    return v;
  }

  /** A node's attributes by name. */
  static Map<String, AttributeProto> attributes(NodeProto node) {
    Map<String, AttributeProto> m = new HashMap<>();
    for (AttributeProto a : node.getAttributeList()) m.put(a.getName(), a);
    return m;
  }

  static long[] ints(AttributeProto a) { return a.getIntsList().stream().mapToLong(Long::longValue).toArray(); }
}
