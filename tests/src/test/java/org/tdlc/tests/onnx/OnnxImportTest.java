// tdlc import onnx on models built here with the ONNX protobuf builders: the imported .tdl runs verified bit
// for bit against the reference interpreter, its layers have the shapes the ONNX graph implies (no value_info
// given: the importer infers them), batch norm folds into the conv's weights by the stated rule, and what the
// importer cannot represent (an op tdl lacks, a truncated file) is an error naming the file and the node that
// leaves nothing written.
package org.tdlc.tests.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.ir.data.Npy;
import org.tdlc.ir.data.Tensor;
import org.tdlc.tests.Reports;
import org.tdlc.tests.Tdlc;

class OnnxImportTest {
  @TempDir Path dir;

  /** conv+bn+relu, maxpool, depthwise conv, relu, global average pool, flatten, gemm. */
  static OnnxGraph convNet() {
    OnnxGraph g = new OnnxGraph(7);
    String x = g.input("image", 1, 3, 16, 16);
    x = g.relu("stem_relu", g.batchNorm("stem_bn", g.conv("stem", x, 3, 8, 3, 1, 1, 1, false), 8));
    x = g.maxPool("pool", x, 3, 2, 1);                                   // 16 -> 8
    x = g.relu("dw_relu", g.conv("dw", x, 8, 8, 3, 2, 1, 8, true));      // 8 -> 4, depthwise
    x = g.relu("pw_relu", g.batchNorm("pw_bn", g.conv("pw", x, 8, 16, 1, 1, 0, 1, false), 16));
    x = g.flatten("flat", g.globalAveragePool("gap", x));
    g.output(g.gemm("fc", x, 16, 10));
    return g;
  }

  /** Two bottlenecks: a projection shortcut (two convs added) and an identity shortcut (a conv plus the i8 activation it reads). */
  static OnnxGraph residualNet() {
    OnnxGraph g = new OnnxGraph(11);
    String x = g.input("x", 1, 8, 8, 8);
    String a = g.relu("c1_relu", g.batchNorm("c1_bn", g.conv("c1", x, 8, 8, 3, 1, 1, 1, false), 8));
    String b = g.batchNorm("c2_bn", g.conv("c2", a, 8, 16, 3, 2, 1, 1, false), 16);
    String d = g.batchNorm("ds_bn", g.conv("ds", x, 8, 16, 1, 2, 0, 1, false), 16);
    String y = g.relu("add1_relu", g.add("add1", b, d));
    String c3 = g.batchNorm("c3_bn", g.conv("c3", y, 16, 16, 3, 1, 1, 1, false), 16);
    g.output(g.relu("add2_relu", g.add("add2", c3, y)));
    return g;
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private Path importOk(OnnxGraph g, String name) throws IOException {
    Path onnx = write(name + ".onnx", g.bytes()), tdl = dir.resolve(name + ".tdl");
    Tdlc.Result r = Tdlc.run("import", "onnx", onnx.toString(), "-o", tdl.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(Files.exists(tdl), r.toString());
    return tdl;
  }

  private static void runsVerified(Path tdl) throws IOException {
    Tdlc.Result r = Tdlc.run("run", tdl.toString(), "--json");
    assertEquals(0, r.code(), r.toString());
    JsonNode run = Reports.onlyRun(r.out());
    assertTrue(run.get("verified").asBoolean(), r.out());
    for (JsonNode o : run.get("outputs")) assertTrue(o.get("bit_exact").asBoolean(), r.out());
  }

  @Test
  void convBnReluPoolGemmImportsWithTheShapesOfTheGraphAndRunsBitExact() throws IOException {
    Path tdl = importOk(convNet(), "convnet");
    List<PeLayers.Shape> layers = PeLayers.of(tdl).layers();
    assertEquals(List.of(
        "conv2d K=8 C=3 R=3 S=3 P=16 Q=16 stride=[1, 1] pad=[1, 1] groups=1",
        "conv2d K=8 C=8 R=3 S=3 P=4 Q=4 stride=[2, 2] pad=[1, 1] groups=8",
        "conv2d K=16 C=8 R=1 S=1 P=4 Q=4 stride=[1, 1] pad=[0, 0] groups=1",
        "matmul K=10 C=16 R=1 S=1 P=1 Q=1 stride=[1, 1] pad=[0, 0] groups=1"),
        layers.stream().map(PeLayers.Shape::toString).toList());
    runsVerified(tdl);
  }

  /** docs/interop.md's worked example imports docs/examples/convnet.onnx, which is convNet() (rewritten with -Dtdlc.updateDocs=true). */
  @Test
  void theDocsExampleIsTheConvNetBuiltHere() throws IOException {
    Path example = Path.of("docs/examples/convnet.onnx");
    if (Boolean.getBoolean("tdlc.updateDocs")) Files.write(example, convNet().bytes());
    assertArrayEquals(convNet().bytes(), Files.readAllBytes(example), example + " is stale: run with -Dtdlc.updateDocs=true");
  }

  /**
   * Every bias (a Conv's, a folded batch norm's, a Gemm's) is written as one i32 value per output channel,
   * [1, K, 1, 1] or [N], which add broadcasts and fuse-epilogue folds into its layer.
   */
  @Test
  void biasesAreWrittenPerChannelAndFusedIntoTheirLayers() throws IOException {
    Path tdl = importOk(convNet(), "convnet");
    String text = Files.readString(tdl);
    List<String> names = List.of("stem", "dw", "pw", "fc");
    List<List<Integer>> shapes = List.of(List.of(1, 8, 1, 1), List.of(1, 8, 1, 1), List.of(1, 16, 1, 1), List.of(10));
    for (int i = 0; i < names.size(); i++) {
      Tensor b = Npy.read(dir.resolve("convnet_" + names.get(i) + "_bias.npy"));
      assertEquals(shapes.get(i), b.type().shape().asList(), names.get(i));
      assertTrue(text.contains(names.get(i) + "_b = add(" + names.get(i) + ", " + names.get(i) + "_bias);"), text);
    }
    Tdlc.Result opt = Tdlc.run("opt", tdl.toString(), "--passes", "canonicalize,fuse-epilogue");
    assertEquals(0, opt.code(), opt.toString());
    assertTrue(!opt.out().contains("tdl.add"), "every bias add is fused: " + opt.out());
    for (String n : names) {
      assertTrue(opt.out().matches("(?s).*\\(%\\w+, %" + n + "_w, %" + n + "_bias\\) \\{epilogue = \\[\\{op = \"add\"\\}.*"),
          n + ": " + opt.out());
    }
    runsVerified(tdl);
  }

  @Test
  void residualAddsImportAtOneScaleAndRunBitExact() throws IOException {
    Path tdl = importOk(residualNet(), "residual");
    String text = Files.readString(tdl);
    // two layers meet at the coarser scale; an i8 activation is raised to the layer's finer one, times 2^d
    assertTrue(text.contains("  add1 = add(c2_b, ds_b);") && text.contains("  add2 = add(c3_b, add1_relu_q_up);")
        && text.contains("  add1_relu_q_up = mul(add1_relu_q, add1_relu_q_k);"), text);
    assertEquals(4, PeLayers.of(tdl).layers().size(), text);
    runsVerified(tdl);
  }

  /** Reshape by a constant shape with -1, Gemm, a MatMul of two activations (a second graph input), Unsqueeze, Transpose, Sub. */
  @Test
  void reshapeAndAProductOfTwoActivationsRunBitExact() throws IOException {
    OnnxGraph g = new OnnxGraph(5);
    String x = g.input("x", 2, 3, 4, 4), y = g.input("y", 8, 5);
    String flat = g.node("Reshape", "rows", List.of(x, g.int64s("rows_shape", 2, -1)));
    String h = g.relu("h_relu", g.gemm("h", flat, 48, 8));
    String p = g.node("MatMul", "product", List.of(h, y));                                        // [2, 5]
    String t = g.node("Transpose", "t", List.of(g.node("Unsqueeze", "u", List.of(p, g.int64s("u_axes", 0)))),
        OnnxGraph.ints("perm", 1, 2, 0));                                                           // [2, 5, 1]
    String below = g.node("Sub", "below", List.of(g.gemm("z", flat, 48, 5), g.constant("z_off", g.random(5, 1), 5)));
    g.output(t);
    g.output(g.node("Sub", "diff", List.of(below, p)));
    Path tdl = importOk(g, "products");
    String text = Files.readString(tdl);
    assertTrue(text.contains("rows = reshape(x, shape = [2, 48]);"), text);
    assertTrue(text.contains("u = reshape(product, shape = [1, 2, 5]);") && text.contains("t = transpose(u, perm = [1, 2, 0]);"), text);
    assertTrue(text.contains(" = sub(z_b, product") && text.contains("output t, diff;"), text);
    assertEquals(List.of("matmul K=8 C=48 R=1 S=1 P=2 Q=1 stride=[1, 1] pad=[0, 0] groups=1",
        "matmul K=5 C=8 R=1 S=1 P=2 Q=1 stride=[1, 1] pad=[0, 0] groups=1",
        "matmul K=5 C=48 R=1 S=1 P=2 Q=1 stride=[1, 1] pad=[0, 0] groups=1"),
        PeLayers.of(tdl).layers().stream().map(PeLayers.Shape::toString).toList());
    runsVerified(tdl);
  }

  /** ReLU6, Clip(0, 6), and a two-sided Clip (bounds as inputs, opset 11 on) become tdl's clip at the value's scale. */
  @Test
  void clipsBecomeClipAtTheValuesScaleAndRunBitExact() throws IOException {
    OnnxGraph g = new OnnxGraph(7);
    String x = g.input("x", 1, 4, 8, 8);
    String c1 = g.conv("c1", x, 4, 8, 3, 1, 1, 1, false);
    String six = g.node("Clip", "six", List.of(c1, g.constant("lo", new float[] {0f}), g.constant("hi", new float[] {6f})));
    String c2 = g.conv("c2", six, 8, 8, 1, 1, 0, 1, false);
    g.output(g.node("Clip", "band", List.of(c2, g.constant("lo2", new float[] {-0.5f}), g.constant("hi2", new float[] {0.75f}))));
    Path tdl = importOk(g, "clips");
    String text = Files.readString(tdl);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("six = clip\\(\\w+, min = 0, max = (\\d+)\\);").matcher(text);
    assertTrue(m.find(), text);
    long max = Long.parseLong(m.group(1));
    assertTrue(max >= 6 && Long.bitCount(max / 6) == 1 && max % 6 == 0, "6 at a power-of-two scale: " + max);
    assertTrue(text.matches("(?s).*band = clip\\(\\w+, min = -\\d+, max = \\d+\\);.*"), text);
    runsVerified(tdl);
  }

  /** A 1x1 conv of weight 0.5 and a batch norm that doubles it: the folded weight is 1.0, stored as 64 at 2^-6. */
  @Test
  void batchNormFoldsIntoTheConvBeforeQuantization() throws IOException {
    OnnxGraph g = new OnnxGraph(1);
    String x = g.input("x", 1, 1, 4, 4);
    String c = g.node("Conv", "c", List.of(x, g.constant("w", new float[] {0.5f}, 1, 1, 1, 1)));
    float eps = 1e-5f;
    g.output(g.node("BatchNormalization", "bn", List.of(c, g.constant("gamma", new float[] {2f}, 1),
        g.constant("beta", new float[] {0f}, 1), g.constant("mean", new float[] {0f}, 1),
        g.constant("var", new float[] {1f - eps}, 1))));
    Path tdl = importOk(g, "folded");
    Tensor w = Npy.read(dir.resolve("folded_c_w.npy"));
    assertEquals(List.of(1, 1, 1, 1), w.type().shape().asList());
    assertEquals(64, w.get(0, 0, 0, 0), Files.readString(tdl));
    assertTrue(Files.readString(tdl).contains("scale 2^-6"), Files.readString(tdl));
  }

  @Test
  void weightsGoToTheWeightsDirectoryAndTheModelFindsThem() throws IOException {
    Path onnx = write("convnet.onnx", convNet().bytes()), out = dir.resolve("models/net.tdl");
    Files.createDirectories(out.getParent());
    Tdlc.Result r = Tdlc.run("import", "onnx", onnx.toString(), "-o", out.toString(), "--weights-dir",
        dir.resolve("weights").toString(), "--json");
    assertEquals(0, r.code(), r.toString());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(4, j.get("layers").size(), r.out());
    for (JsonNode w : j.get("weights")) assertTrue(Files.exists(dir.resolve("weights").resolve(w.asText())), w.asText());
    assertTrue(Files.readString(out).contains("init file(\"../weights/net_"), Files.readString(out));
    runsVerified(out);
  }

  @Test
  void aNodeTdlCannotRepresentIsAnErrorNamingItAndNothingIsWritten() throws IOException {
    OnnxGraph g = convNet();
    g.output(g.node("Erf", "probabilities", List.of("fc_out")));     // an Erf outside GELU's nodes
    Path onnx = write("erf.onnx", g.bytes()), out = dir.resolve("out/erf.tdl");
    Tdlc.Result r = Tdlc.run("import", "onnx", onnx.toString(), "-o", out.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith(onnx + ": error: node 'probabilities' (Erf, opset 13): tdlc has no operation that computes Erf"), r.err());
    assertTrue(!Files.exists(dir.resolve("out")), "nothing may be written");
  }

  @Test
  void aTruncatedFileIsALocatedErrorAndNothingIsWritten() throws IOException {
    byte[] whole = convNet().bytes();
    for (int cut : new int[] {whole.length / 2, whole.length - 3, 7}) {
      Path onnx = write("cut" + cut + ".onnx", Arrays.copyOf(whole, cut)), out = dir.resolve("cut" + cut + "/m.tdl");
      Tdlc.Result r = Tdlc.run("import", "onnx", onnx.toString(), "-o", out.toString());
      assertEquals(1, r.code(), r.toString());
      assertTrue(r.err().startsWith(onnx + ": error: "), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(!Files.exists(out.getParent()), "nothing may be written for a cut at " + cut);
    }
  }

  /** Prefixes of a model are refused with one located line (protobuf parses many prefixes: what is missing is named). */
  @Test
  void aPrefixOfAModelIsALocatedErrorNeverACrash() throws IOException {
    byte[] whole = convNet().bytes();
    Path onnx = dir.resolve("prefix.onnx"), out = dir.resolve("never/m.tdl");
    // every byte of the header fields, then every 23rd (a prime, so the cuts fall at every offset within fields)
    for (int cut = 0; cut < whole.length; cut += cut < 64 ? 1 : 23) {
      Files.write(onnx, Arrays.copyOf(whole, cut));
      Tdlc.Result r = Tdlc.run("import", "onnx", onnx.toString(), "-o", out.toString());
      assertEquals(1, r.code(), "cut at " + cut + ": " + r);
      assertTrue(r.err().startsWith(onnx + ": error: ") && r.err().lines().count() == 1, "cut at " + cut + ": " + r);
    }
    assertTrue(!Files.exists(out.getParent()), "nothing may be written");
  }

  @Test
  void dilationIsRefusedWithTheNode() throws IOException {
    OnnxGraph g = new OnnxGraph(3);
    String x = g.input("x", 1, 2, 8, 8);
    g.output(g.node("Conv", "dilated", List.of(x, g.constant("w", g.random(18, 1), 1, 2, 3, 3)),
        OnnxGraph.ints("dilations", 2, 2)));
    Path onnx = write("dilated.onnx", g.bytes());
    Tdlc.Result r = Tdlc.run("import", "onnx", onnx.toString(), "-o", dir.resolve("d.tdl").toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("node 'dilated' (Conv, opset 13): dilations [2, 2]"), r.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("dilated.onnx"), files.map(p -> p.getFileName().toString()).toList());
    }
  }
}
