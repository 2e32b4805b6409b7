// tdlc import onnx on already-quantized models built here (QLinearConv, QLinearMatMul, and the QDQ form
// DequantizeLinear -> Conv -> Relu -> QuantizeLinear): each imported model runs verified, and the reference
// interpreter's outputs equal what ONNX's definition computes, evaluated here independently (real arithmetic
// on the dequantized values, rounded half to even as QuantizeLinear does), on inputs chosen so that many
// accumulators fall exactly on a tie. What tdl cannot represent exactly is refused, naming node, op and opset.
package org.tdlc.tests.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.ir.data.Npy;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;
import org.tdlc.tests.Reports;
import org.tdlc.tests.Tdlc;

class OnnxQuantizedTest {
  @TempDir Path dir;

  // ---- a quantized graph built with the ONNX protobuf builders (OnnxGraph's, with integer tensors)

  static final class QGraph {
    final OnnxGraph graph;
    final SplittableRandom random;

    QGraph(long seed) {
      graph = new OnnxGraph(seed);
      random = new SplittableRandom(seed);
    }

    String input(String name, DataType type, int... shape) { return graph.input(name, type, shape); }

    void output(String name) { graph.output(name); }

    String node(String op, String name, List<String> inputs, AttributeProto... attributes) {
      return graph.node(op, name, inputs, attributes);
    }

    byte[] bytes() { return graph.bytes(); }

    String ints(String name, DataType type, int[] values, long... dims) { return graph.integers(name, type, values, dims); }

    String floats(String name, float[] values, long... dims) { return graph.constant(name, values, dims); }

    String scale(String name, float v) { return floats(name, new float[] {v}); }

    String zero(String name, DataType type, int v) { return ints(name, type, new int[] {v}); }

    int[] uniform(int n, int lo, int hi) {
      int[] v = new int[n];
      for (int i = 0; i < n; i++) v[i] = random.nextInt(lo, hi + 1);
      return v;
    }
  }

  // ---- ONNX's definition, evaluated here: real arithmetic on dequantized values (exact in double: every value
  // is a small integer times a power of two), then QuantizeLinear's round half to even and saturation

  /** saturate(round_half_even(real / scale) + zero), as QuantizeLinear; lo..hi the type's range. */
  static int quantize(double real, double scale, int zero, int lo, int hi) {
    return (int) Math.max(lo, Math.min(hi, Math.rint(real / scale) + zero));
  }

  /** A convolution on real NCHW values (weights [K, C, R, S], groups 1) plus a bias per channel. */
  static double[] conv(double[] x, int c, int h, int w, double[] wt, int k, int r, int stride, int pad, double[] bias) {
    int p = (h + 2 * pad - r) / stride + 1, q = (w + 2 * pad - r) / stride + 1;
    double[] y = new double[k * p * q];
    for (int kk = 0; kk < k; kk++) {
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < q; j++) {
          double sum = bias[kk];
          for (int cc = 0; cc < c; cc++) {
            for (int a = 0; a < r; a++) {
              for (int b = 0; b < r; b++) {
                int hi = i * stride + a - pad, wi = j * stride + b - pad;
                if (hi < 0 || hi >= h || wi < 0 || wi >= w) continue;
                sum += x[(cc * h + hi) * w + wi] * wt[((kk * c + cc) * r + a) * r + b];
              }
            }
          }
          y[(kk * p + i) * q + j] = sum;
        }
      }
    }
    return y;
  }

  /**
   * Counts the results whose real value / scale lies exactly halfway between two integers inside the type's range
   * lo..hi (after adding the zero point), where rounding halves up or to even gives two different results; per
   * parity of the lower integer.
   */
  static int[] ties(double[] real, double scale, int zero, int lo, int hi) {
    int[] byParity = new int[2];
    for (double r : real) {
      double v = r / scale, f = Math.floor(v);
      if (v - f == 0.5 && f + zero >= lo && f + zero < hi) byParity[(int) Math.floorMod((long) f, 2L)]++;
    }
    return byParity;
  }

  // ---- running the import

  private Path importOk(QGraph g, String name) throws IOException {
    Path onnx = dir.resolve(name + ".onnx"), tdl = dir.resolve(name + ".tdl");
    Files.write(onnx, g.bytes());
    Tdlc.Result r = Tdlc.run("import", "onnx", onnx.toString(), "-o", tdl.toString());
    assertEquals(0, r.code(), r.toString());
    Tdlc.Result run = Tdlc.run("run", tdl.toString(), "--json");
    assertEquals(0, run.code(), run.toString());
    JsonNode j = Reports.onlyRun(run.out());
    assertTrue(j.get("verified").asBoolean(), run.out());
    for (JsonNode o : j.get("outputs")) assertTrue(o.get("bit_exact").asBoolean(), run.out());
    return tdl;
  }

  /** The reference interpreter's one output for the i8 input {@code input} (tdl's names: the ONNX input's). */
  private int[] interp(Path tdl, String input, int[] shape, int[] values) throws IOException {
    return interp(tdl, List.of(input), List.of(shape), List.of(values));
  }

  /** The reference interpreter's one output for these i8 inputs. */
  private int[] interp(Path tdl, List<String> inputs, List<int[]> shapes, List<int[]> values) throws IOException {
    Path out = dir.resolve("out-" + tdl.getFileName());
    List<String> args = new java.util.ArrayList<>(List.of("interp", tdl.toString()));
    for (int i = 0; i < inputs.size(); i++) {
      Path in = dir.resolve(inputs.get(i) + ".npy");
      Npy.write(in, Tensor.of(TensorType.of(ElementType.I8, shapes.get(i)), values.get(i)));
      args.addAll(List.of("--input", inputs.get(i) + "=" + in));
    }
    args.addAll(List.of("--save-outputs", out.toString()));
    Tdlc.Result r = Tdlc.run(args.toArray(new String[0]));
    assertEquals(0, r.code(), r.toString());
    List<Path> files;
    try (Stream<Path> s = Files.list(out)) {
      files = s.toList();
    }
    assertEquals(1, files.size(), files.toString());
    return Npy.read(files.get(0)).toArray();
  }

  private static int[] minus128(int[] u8) {
    int[] v = u8.clone();
    for (int i = 0; i < v.length; i++) v[i] -= 128;
    return v;
  }

  // ---- the models

  /**
   * QLinearConv on a uint8 image at 2^-4 (zero point 128, held in i8 as x - 128), int8 weights with per-channel
   * scales 2^-1, 2^-2, 2^-3 and 2^-2, an int32 bias, uint8 output at 2^-2 (zero point 128): shifts of 3, 4, 5 and
   * 4 per channel. Small weights (and the two extremes) keep most results unsaturated, so ties are frequent.
   */
  @Test
  void qlinearConvWithPerChannelScalesMatchesOnnxIncludingTies() throws IOException {
    QGraph g = new QGraph(3);
    int c = 3, h = 8, w = 8, k = 4, r = 3;
    float[] wScales = {1f / 2, 1f / 4, 1f / 8, 1f / 4};
    int[] wt = g.uniform(k * c * r * r, -8, 8), bias = g.uniform(k, -300, 300);
    wt[0] = -128;
    wt[1] = 127;
    String x = g.input("image", DataType.UINT8, 1, c, h, w);
    String y = g.node("QLinearConv", "conv", List.of(x, g.scale("x_scale", 1f / 16), g.zero("x_zp", DataType.UINT8, 128),
        g.ints("w", DataType.INT8, wt, k, c, r, r), g.floats("w_scale", wScales, k), g.ints("w_zp", DataType.INT8, new int[k], k),
        g.scale("y_scale", 1f / 4), g.zero("y_zp", DataType.UINT8, 128), g.ints("bias", DataType.INT32, bias, k)),
        OnnxGraph.ints("kernel_shape", r, r), OnnxGraph.ints("pads", 1, 1, 1, 1));
    g.output(y);
    Path tdl = importOk(g, "qconv");
    String text = Files.readString(tdl);
    assertTrue(text.contains("input image : i8[1, 3, 8, 8];   // the uint8 input minus 128"), text);
    assertTrue(text.contains("conv = conv2d(image, conv_w, pad = 1);"), text);
    assertEquals(List.of(1, k, 1, 1), Npy.read(dir.resolve("qconv_conv_bias.npy")).type().shape().asList(),
        "the int32 bias, one per channel");

    int[] xu8 = g.uniform(c * h * w, 112, 144);
    xu8[0] = 0;
    xu8[1] = 255;
    // ONNX: (x - 128) * 2^-4 times (w - 0) * w_scale[k], plus bias * 2^-4 * w_scale[k], over y_scale, + 128
    double[] xr = new double[xu8.length], wr = new double[wt.length], br = new double[k], perK = new double[k];
    for (int i = 0; i < xr.length; i++) xr[i] = (xu8[i] - 128) / 16.0;
    for (int i = 0; i < wr.length; i++) wr[i] = wt[i] * (double) wScales[i / (c * r * r)];
    for (int i = 0; i < k; i++) br[i] = bias[i] / 16.0 * wScales[i];
    double[] real = conv(xr, c, h, w, wr, k, r, 1, 1, br);
    int[] expected = new int[real.length];
    for (int i = 0; i < real.length; i++) expected[i] = quantize(real[i], 0.25, 128, 0, 255) - 128;
    int[] ties = ties(real, 0.25, 128, 0, 255);
    assertTrue(ties[0] > 0 && ties[1] > 0, "ties with even and odd floors: " + ties[0] + ", " + ties[1]);
    assertArrayEquals(expected, interp(tdl, "image", new int[] {1, c, h, w}, minus128(xu8)));
  }

  /**
   * The QDQ form: a float input quantized to int8 at 2^-4 (tdl's input is that QuantizeLinear's output), Conv
   * with DequantizeLinear weights (per-channel scales 2^-6, 2^-5, 2^-7, 2^-6, 2^-6, 2^-5) and an int32 bias at
   * x_scale * w_scale, Relu, QuantizeLinear to int8 at 2^-8 (shifts 2, 1, 3, 2, 2, 1), DequantizeLinear: the
   * graph's float output is the int8 result at 2^-8.
   */
  @Test
  void qdqConvReluMatchesOnnxIncludingTies() throws IOException {
    QGraph g = new QGraph(5);
    int c = 4, h = 8, w = 8, k = 6, r = 3;
    int[] wt = g.uniform(k * c * r * r, -8, 8), bias = g.uniform(k, -100, 100);
    String x = g.input("x", DataType.FLOAT, 1, c, h, w);
    String xq = g.node("QuantizeLinear", "x_quant", List.of(x, g.scale("s_x", 1f / 16), g.zero("z_x", DataType.INT8, 0)));
    String xd = g.node("DequantizeLinear", "x_dequant", List.of(xq, "s_x", "z_x"));
    float[] sw = {1f / 64, 1f / 32, 1f / 128, 1f / 64, 1f / 64, 1f / 32}, sb = new float[k];
    for (int i = 0; i < k; i++) sb[i] = sw[i] / 16;
    String wd = g.node("DequantizeLinear", "w_dequant", List.of(g.ints("w", DataType.INT8, wt, k, c, r, r),
        g.floats("s_w", sw, k), g.ints("z_w", DataType.INT8, new int[k], k)), OnnxGraph.integer("axis", 0));
    String bd = g.node("DequantizeLinear", "b_dequant", List.of(g.ints("b", DataType.INT32, bias, k), g.floats("s_b", sb, k)),
        OnnxGraph.integer("axis", 0));
    String conv = g.node("Conv", "conv", List.of(xd, wd, bd), OnnxGraph.ints("kernel_shape", r, r),
        OnnxGraph.ints("strides", 2, 2), OnnxGraph.ints("pads", 1, 1, 1, 1));
    String relu = g.node("Relu", "relu", List.of(conv));
    String yq = g.node("QuantizeLinear", "y_quant", List.of(relu, g.scale("s_y", 1f / 256), g.zero("z_y", DataType.INT8, 0)));
    g.output(g.node("DequantizeLinear", "y_dequant", List.of(yq, "s_y", "z_y")));
    Path tdl = importOk(g, "qdq");
    String text = Files.readString(tdl);
    assertTrue(text.contains("input x : i8[1, 4, 8, 8];   // QuantizeLinear 'x_quant': x * 2^4 rounded half to even"), text);
    assertTrue(text.contains("y_quant_q_clip = mul(min(max(relu, y_quant_q_lo), y_quant_q_hi), y_quant_q_up);"), text);

    int[] xi = g.uniform(c * h * w, -8, 8);
    xi[0] = -128;
    xi[1] = 127;
    double[] xr = new double[xi.length], wr = new double[wt.length], br = new double[k];
    for (int i = 0; i < xr.length; i++) xr[i] = xi[i] / 16.0;
    for (int i = 0; i < wr.length; i++) wr[i] = wt[i] * (double) sw[i / (c * r * r)];
    for (int i = 0; i < k; i++) br[i] = bias[i] * (double) sb[i];
    double[] real = conv(xr, c, h, w, wr, k, r, 2, 1, br);
    int[] expected = new int[real.length];
    for (int i = 0; i < real.length; i++) {
      real[i] = Math.max(real[i], 0);
      expected[i] = quantize(real[i], 1 / 256.0, 0, -128, 127);
    }
    int[] ties = ties(real, 1 / 256.0, 0, -128, 127);
    assertTrue(ties[0] > 0 && ties[1] > 0, "ties with even and odd floors: " + ties[0] + ", " + ties[1]);
    assertArrayEquals(expected, interp(tdl, "x", new int[] {1, c, h, w}, xi));
  }

  /** QLinearMatMul: int8 [8, 16] activations at 2^-3 times constant int8 [16, 8] weights at 2^-5, to int8 at 2^-5 (shift 3). */
  @Test
  void qlinearMatMulMatchesOnnxIncludingTies() throws IOException {
    QGraph g = new QGraph(9);
    int m = 8, kk = 16, n = 8;
    int[] b = g.uniform(kk * n, -16, 16);
    b[0] = -128;
    String a = g.input("a", DataType.INT8, m, kk);
    g.output(g.node("QLinearMatMul", "mm", List.of(a, g.scale("a_scale", 1f / 8), g.zero("a_zp", DataType.INT8, 0),
        g.ints("b", DataType.INT8, b, kk, n), g.scale("b_scale", 1f / 32), g.zero("b_zp", DataType.INT8, 0),
        g.scale("y_scale", 1f / 32), g.zero("y_zp", DataType.INT8, 0))));
    Path tdl = importOk(g, "qmm");
    int[] ai = g.uniform(m * kk, -16, 16);
    ai[0] = 127;
    double[] real = new double[m * n];
    int[] expected = new int[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int t = 0; t < kk; t++) sum += ai[i * kk + t] / 8.0 * (b[t * n + j] / 32.0);
        real[i * n + j] = sum;
        expected[i * n + j] = quantize(sum, 1 / 32.0, 0, -128, 127);
      }
    }
    int[] ties = ties(real, 1 / 32.0, 0, -128, 127);
    assertTrue(ties[0] > 0 && ties[1] > 0, "ties with even and odd floors: " + ties[0] + ", " + ties[1]);
    assertArrayEquals(expected, interp(tdl, "a", new int[] {m, kk}, ai));
  }

  /**
   * The QDQ form of a Linear layer: Gemm (transB = 1) of an int8 activation at 2^-3 with uint8 weights [N, K] at
   * zero point 128 and per-row scales 2^-4..2^-6, a float bias that is exact at each channel's accumulator scale,
   * QuantizeLinear to int8 at 2^-4 (shifts 3 to 5).
   */
  @Test
  void qdqGemmWithTransposedUint8WeightsMatchesOnnxIncludingTies() throws IOException {
    QGraph g = new QGraph(13);
    int m = 16, kk = 12, n = 6;
    float[] sw = {1f / 16, 1f / 32, 1f / 16, 1f / 64, 1f / 32, 1f / 16}, bias = new float[n];
    int[] wt = g.uniform(n * kk, 112, 144), zero = new int[n];
    wt[0] = 0;
    wt[1] = 255;
    Arrays.fill(zero, 128);
    for (int j = 0; j < n; j++) bias[j] = g.uniform(1, -40, 40)[0] * sw[j] / 8;    // an integer at 2^-(3 + e_j)
    String a = g.input("a", DataType.INT8, m, kk);
    String ad = g.node("DequantizeLinear", "a_dq", List.of(a, g.scale("s_a", 1f / 8), g.zero("z_a", DataType.INT8, 0)));
    String wd = g.node("DequantizeLinear", "w_dq", List.of(g.ints("w", DataType.UINT8, wt, n, kk), g.floats("s_w", sw, n),
        g.ints("z_w", DataType.UINT8, zero, n)), OnnxGraph.integer("axis", 0));
    String gemm = g.node("Gemm", "fc", List.of(ad, wd, g.floats("fc_bias", bias, n)), OnnxGraph.integer("transB", 1));
    g.output(g.node("QuantizeLinear", "fc_q", List.of(gemm, g.scale("s_y", 1f / 16), g.zero("z_y", DataType.INT8, 0))));
    Path tdl = importOk(g, "qgemm");
    assertEquals(List.of(n), Npy.read(dir.resolve("qgemm_fc_bias.npy")).type().shape().asList(),
        "the bias, one per column");
    int[] ai = g.uniform(m * kk, -16, 16);
    ai[0] = -128;
    double[] real = new double[m * n];
    int[] expected = new int[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = bias[j];
        for (int t = 0; t < kk; t++) sum += ai[i * kk + t] / 8.0 * ((wt[j * kk + t] - 128) * (double) sw[j]);
        real[i * n + j] = sum;
        expected[i * n + j] = quantize(sum, 1 / 16.0, 0, -128, 127);
      }
    }
    int[] ties = ties(real, 1 / 16.0, 0, -128, 127);
    assertTrue(ties[0] > 0 && ties[1] > 0, "ties with even and odd floors: " + ties[0] + ", " + ties[1]);
    assertArrayEquals(expected, interp(tdl, "a", new int[] {m, kk}, ai));
  }

  /**
   * {@code g} as the QDQ form of a two-input elementwise {@code op}: inputs a and b of {@code shape}, each
   * dequantized at its type, scale and zero point, the node's result {@code name} quantized to int8 at 2^-2.
   */
  private static QGraph binary(QGraph g, String op, String name, int[] shape, DataType aType, float aScale, int aZero,
                               DataType bType, float bScale, int bZero) {
    String a = g.input("a", aType, shape), b = g.input("b", bType, shape);
    String ad = g.node("DequantizeLinear", "a_dq", List.of(a, g.scale("s_a", aScale), g.zero("z_a", aType, aZero)));
    String bd = g.node("DequantizeLinear", "b_dq", List.of(b, g.scale("s_b", bScale), g.zero("z_b", bType, bZero)));
    String out = g.node(op, name, List.of(ad, bd));
    g.output(g.node("QuantizeLinear", name + "_q", List.of(out, g.scale("s_y", 1f / 4), g.zero("z_y", DataType.INT8, 0))));
    return g;
  }

  /**
   * The QDQ form of Add: an int8 tensor at 2^-4 plus a uint8 one at 2^-3 (zero point 128), quantized to int8 at
   * 2^-2. The sum is exact at 2^-4 (b raised by 2), then rounded half to even by 4: a tie wherever it is 2 mod 4.
   */
  @Test
  void qdqAddMatchesOnnxIncludingTies() throws IOException {
    QGraph g = new QGraph(17);
    int[] shape = {2, 4, 6};
    int count = 2 * 4 * 6;
    Path tdl = importOk(binary(g, "Add", "sum", shape, DataType.INT8, 1f / 16, 0, DataType.UINT8, 1f / 8, 128), "qadd");
    String text = Files.readString(tdl);
    assertTrue(text.contains("sum = add(a, b_up);") && text.contains("b_up = mul(b, const_2);"), text);

    int[] ai = g.uniform(count, -40, 40), bu = g.uniform(count, 100, 156);
    ai[0] = -128;
    bu[0] = 0;
    ai[1] = 127;
    bu[1] = 255;
    double[] real = new double[count];
    int[] expected = new int[count];
    for (int i = 0; i < count; i++) {
      real[i] = ai[i] / 16.0 + (bu[i] - 128) / 8.0;
      expected[i] = quantize(real[i], 0.25, 0, -128, 127);
    }
    int[] ties = ties(real, 0.25, 0, -128, 127);
    assertTrue(ties[0] > 0 && ties[1] > 0, "ties with even and odd floors: " + ties[0] + ", " + ties[1]);
    assertArrayEquals(expected, interp(tdl, List.of("a", "b"), List.of(shape, shape), List.of(ai, minus128(bu))));
  }

  /**
   * The QDQ form of Sub, operands in the order Add's test does not cover: a uint8 tensor at 2^-3 (zero point 128)
   * minus an int8 one at 2^-4, quantized to int8 at 2^-2. The difference is exact at 2^-4 (a raised by 2, the
   * operand order kept), then rounded half to even by 4: a tie wherever it is 2 mod 4. And two int8 tensors at
   * one scale, whose difference (127 - -128) would wrap in i8: subtracted in i32.
   */
  @Test
  void qdqSubMatchesOnnxIncludingTies() throws IOException {
    QGraph g = new QGraph(23);
    int[] shape = {2, 4, 6};
    int count = 2 * 4 * 6;
    Path tdl = importOk(binary(g, "Sub", "diff", shape, DataType.UINT8, 1f / 8, 128, DataType.INT8, 1f / 16, 0), "qsub");
    String text = Files.readString(tdl);
    assertTrue(text.contains("diff = sub(a_up, b);") && text.contains("a_up = mul(a, const_2);"), text);

    int[] au = g.uniform(count, 100, 156), bi = g.uniform(count, -40, 40);
    au[0] = 0;
    bi[0] = 127;
    au[1] = 255;
    bi[1] = -128;
    double[] real = new double[count];
    int[] expected = new int[count];
    for (int i = 0; i < count; i++) {
      real[i] = (au[i] - 128) / 8.0 - bi[i] / 16.0;
      expected[i] = quantize(real[i], 0.25, 0, -128, 127);
    }
    int[] ties = ties(real, 0.25, 0, -128, 127);
    assertTrue(ties[0] > 0 && ties[1] > 0, "ties with even and odd floors: " + ties[0] + ", " + ties[1]);
    assertArrayEquals(expected, interp(tdl, List.of("a", "b"), List.of(shape, shape), List.of(minus128(au), bi)));

    g = new QGraph(29);
    tdl = importOk(binary(g, "Sub", "diff", shape, DataType.INT8, 1f / 8, 0, DataType.INT8, 1f / 8, 0), "qsub_same");
    assertTrue(Files.readString(tdl).contains("diff = sub(a_up, b);"), Files.readString(tdl));
    int[] ai = g.uniform(count, -128, 127);
    bi = g.uniform(count, -128, 127);
    ai[0] = 127;
    bi[0] = -128;
    ai[1] = -128;
    bi[1] = 127;
    for (int i = 0; i < count; i++) {
      real[i] = (ai[i] - bi[i]) / 8.0;
      expected[i] = quantize(real[i], 0.25, 0, -128, 127);
    }
    ties = ties(real, 0.25, 0, -128, 127);
    assertTrue(ties[0] > 0 && ties[1] > 0, "ties with even and odd floors: " + ties[0] + ", " + ties[1]);
    assertArrayEquals(expected, interp(tdl, List.of("a", "b"), List.of(shape, shape), List.of(ai, bi)));
  }

  /**
   * The QDQ form of Concat: int8 [1, 3, 4, 4] at 2^-3 and [1, 2, 4, 4] at 2^-5 joined along the channels and
   * quantized to int8 at 2^-4: both raised to 2^-5, then halved with ties to even (every odd b is a tie).
   */
  @Test
  void qdqConcatMatchesOnnxIncludingTies() throws IOException {
    QGraph g = new QGraph(19);
    int[] sa = {1, 3, 4, 4}, sb = {1, 2, 4, 4};
    String a = g.input("a", DataType.INT8, sa), b = g.input("b", DataType.INT8, sb);
    String ad = g.node("DequantizeLinear", "a_dq", List.of(a, g.scale("s_a", 1f / 8), g.zero("z_a", DataType.INT8, 0)));
    String bd = g.node("DequantizeLinear", "b_dq", List.of(b, g.scale("s_b", 1f / 32), g.zero("z_b", DataType.INT8, 0)));
    String cat = g.node("Concat", "cat", List.of(ad, bd), OnnxGraph.integer("axis", 1));
    g.output(g.node("QuantizeLinear", "cat_q", List.of(cat, g.scale("s_y", 1f / 16), g.zero("z_y", DataType.INT8, 0))));
    Path tdl = importOk(g, "qconcat");
    assertTrue(Files.readString(tdl).contains("cat = concat(a_up, b_up, axis = 1);"), Files.readString(tdl));

    int[] ai = g.uniform(48, -80, 80), bi = g.uniform(32, -128, 127);
    ai[0] = -128;
    ai[1] = 127;
    double[] real = new double[80];
    for (int c = 0; c < 5; c++) {
      for (int i = 0; i < 16; i++) real[c * 16 + i] = c < 3 ? ai[c * 16 + i] / 8.0 : bi[(c - 3) * 16 + i] / 32.0;
    }
    int[] expected = new int[80];
    for (int i = 0; i < 80; i++) expected[i] = quantize(real[i], 1 / 16.0, 0, -128, 127);
    int[] ties = ties(real, 1 / 16.0, 0, -128, 127);
    assertTrue(ties[0] > 0 && ties[1] > 0, "ties with even and odd floors: " + ties[0] + ", " + ties[1]);
    assertArrayEquals(expected, interp(tdl, List.of("a", "b"), List.of(sa, sb), List.of(ai, bi)));
  }

  // ---- what is refused

  /** A QLinearConv with one thing changed from an exactly representable one. */
  private static QGraph qlinearConv(float yScale, DataType xType, int xZero, int wZero, int weight0) {
    QGraph g = new QGraph(1);
    int[] wt = g.uniform(2 * 2, -100, 100);
    wt[0] = weight0;
    String x = g.input("x", xType, 1, 2, 3, 3);
    g.output(g.node("QLinearConv", "qconv", List.of(x, g.scale("xs", 1f / 8), g.zero("xz", xType, xZero),
        g.ints("w", DataType.INT8, wt, 2, 2, 1, 1), g.scale("ws", 1f / 8), g.zero("wz", DataType.INT8, wZero),
        g.scale("ys", yScale), g.zero("yz", DataType.INT8, 0))));
    return g;
  }

  private void refused(QGraph g, String name, String node, String op, String why) throws IOException {
    Path onnx = dir.resolve(name + ".onnx"), out = dir.resolve(name + ".tdl");
    Files.write(onnx, g.bytes());
    Tdlc.Result r = Tdlc.run("import", "onnx", onnx.toString(), "-o", out.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith(onnx + ": error: node '" + node + "' (" + op + ", opset 13): "), r.err());
    assertTrue(r.err().contains(why), r.err());
    assertTrue(!Files.exists(out), "nothing may be written");
  }

  @Test
  void whatTdlCannotRepresentExactlyIsRefusedNamingNodeOpAndOpset() throws IOException {
    assertEquals(0, Tdlc.run("import", "onnx", write("ok", qlinearConv(1f / 16, DataType.INT8, 0, 0, 5)), "-o",
        dir.resolve("ok.tdl").toString()).code(), "the unchanged model imports");
    refused(qlinearConv(0.3f, DataType.INT8, 0, 0, 5), "scale", "qconv", "QLinearConv",
        "y_scale ('ys') is 0.30000001192092896, not a power of two");
    refused(qlinearConv(1f / 16, DataType.INT8, 3, 0, 5), "xzero", "qconv", "QLinearConv",
        "zero point 3 of a INT8 activation");
    refused(qlinearConv(1f / 16, DataType.UINT8, 0, 0, 5), "u8zero", "qconv", "QLinearConv",
        "zero point 0 of a UINT8 activation");
    refused(qlinearConv(1f / 16, DataType.INT8, 0, 100, -100), "wzero", "qconv", "QLinearConv",
        "weight -100 at index 0 minus its zero point 100 is -200, outside i8");
    refused(qlinearConv(1f / (1 << 30), DataType.INT8, 0, 0, 5), "shift", "qconv", "QLinearConv",
        "the requantization scale is 2^24");

    // a QuantizeLinear of a float Conv's output: tdlc quantizes that Conv by its own rules, so not exactly
    QGraph g = new QGraph(2);
    String x = g.input("x", DataType.FLOAT, 1, 2, 3, 3);
    String conv = g.node("Conv", "float_conv", List.of(x, g.floats("w", new float[] {0.5f, -0.25f, 0.125f, 1f}, 2, 2, 1, 1)));
    g.output(g.node("QuantizeLinear", "quant", List.of(conv, g.scale("s", 1f / 8), g.zero("z", DataType.INT8, 0))));
    refused(g, "inexact", "quant", "QuantizeLinear", "is not computed exactly from quantized tensors");

    // per-channel weight scales along the summed axis of a MatMul's [K, N] weights
    g = new QGraph(4);
    x = g.input("x", DataType.INT8, 3, 2);
    String xd = g.node("DequantizeLinear", "xd", List.of(x, g.scale("sx", 1f / 8)));
    String wd = g.node("DequantizeLinear", "wd", List.of(g.ints("w", DataType.INT8, new int[] {1, 2, 3, 4}, 2, 2),
        g.floats("sw", new float[] {1f / 8, 1f / 16}, 2)), OnnxGraph.integer("axis", 0));
    String mm = g.node("MatMul", "qdq_mm", List.of(xd, wd));
    g.output(g.node("QuantizeLinear", "mm_q", List.of(mm, g.scale("sy", 1f / 8), g.zero("zy", DataType.INT8, 0))));
    refused(g, "summed", "qdq_mm", "MatMul", "per-channel scales along axis 0, which is summed over");

    // an accumulator with per-channel scales read by anything but Relu and QuantizeLinear
    g = new QGraph(6);
    x = g.input("x", DataType.INT8, 3, 2);
    xd = g.node("DequantizeLinear", "xd", List.of(x, g.scale("sx", 1f / 8)));
    wd = g.node("DequantizeLinear", "wd", List.of(g.ints("w", DataType.INT8, new int[] {1, 2, 3, 4}, 2, 2),
        g.floats("sw", new float[] {1f / 8, 1f / 16}, 2)), OnnxGraph.integer("axis", 1));
    mm = g.node("MatMul", "qdq_mm", List.of(xd, wd));
    g.output(g.node("Flatten", "flat", List.of(mm)));
    refused(g, "perchannel", "flat", "Flatten", "an accumulator whose scale differs per channel");

    // an Add of a dequantized tensor and a float one; a Concat of float values; an Add whose scale is 0.3
    g = new QGraph(8);
    x = g.input("x", DataType.INT8, 2, 3);
    String f = g.input("f", DataType.FLOAT, 2, 3);
    xd = g.node("DequantizeLinear", "xd", List.of(x, g.scale("sx", 1f / 8)));
    g.output(g.node("QuantizeLinear", "q", List.of(g.node("Add", "mixed", List.of(xd, f)), "sx")));
    refused(g, "mixed", "mixed", "Add", "input 1 ('f') is not computed exactly from quantized tensors");
    g = new QGraph(9);
    g.output(g.node("Concat", "float_cat", List.of(g.input("u", DataType.FLOAT, 2, 3), g.input("v", DataType.FLOAT, 2, 3)),
        OnnxGraph.integer("axis", 0)));
    refused(g, "floatcat", "float_cat", "Concat", "tdlc imports Concat only in the QDQ form");
    g = new QGraph(10);
    x = g.input("x", DataType.INT8, 2, 3);
    xd = g.node("DequantizeLinear", "xd", List.of(x, g.scale("sx", 0.3f)));
    String yd = g.node("DequantizeLinear", "yd", List.of(g.input("y", DataType.INT8, 2, 3), g.scale("sy", 1f / 8)));
    g.output(g.node("QuantizeLinear", "q", List.of(g.node("Add", "add", List.of(xd, yd)), "sy")));
    refused(g, "addscale", "xd", "DequantizeLinear", "not a power of two");

    // a Sub of a dequantized tensor and a float one; a Sub of dequantized tensors of two shapes
    g = new QGraph(11);
    xd = g.node("DequantizeLinear", "xd", List.of(g.input("x", DataType.INT8, 2, 3), g.scale("sx", 1f / 8)));
    g.output(g.node("QuantizeLinear", "q", List.of(g.node("Sub", "mixed", List.of(xd, g.input("f", DataType.FLOAT, 2, 3))),
        "sx")));
    refused(g, "submixed", "mixed", "Sub", "input 1 ('f') is not computed exactly from quantized tensors");
    g = new QGraph(12);
    xd = g.node("DequantizeLinear", "xd", List.of(g.input("x", DataType.INT8, 2, 3), g.scale("sx", 1f / 8)));
    yd = g.node("DequantizeLinear", "yd", List.of(g.input("y", DataType.INT8, 3), g.scale("sy", 1f / 8)));
    g.output(g.node("QuantizeLinear", "q", List.of(g.node("Sub", "diff", List.of(xd, yd)), "sy")));
    refused(g, "subshape", "diff", "Sub", "subtracts [3] from [2, 3]; a quantized Sub imports operands of one shape");
  }

  private String write(String name, QGraph g) throws IOException {
    Path p = dir.resolve(name + ".onnx");
    Files.write(p, g.bytes());
    return p.toString();
  }
}
