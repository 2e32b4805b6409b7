// tdlc import onnx of a BERT-like encoder layer built here (2 heads of 16 over 16 tokens, FFN 64): the
// attention's batched MatMuls, the 1/sqrt(d) Div folded into the softmax's frac, Softmax, LayerNorm (one
// LayerNormalization node, or PyTorch's pre-opset-17 nodes) and GELU (a Gelu node, or the Erf nodes PyTorch
// writes) import as tdl's matmul, softmax, layernorm and gelu; the model checks and runs verified bit for bit.
// The slow OnnxBertTest does the same for a BERT-base layer exported by PyTorch.
package org.tdlc.tests.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.tests.Reports;
import org.tdlc.tests.Tdlc;

class OnnxBertLayerTest {
  static final int SEQ = 16, HEADS = 2, HEAD = 16, HIDDEN = HEADS * HEAD, FFN = 64;
  /** Q, K, V and output projections, scores and context per head, the two FFN GEMMs. */
  static final long MACS = 4L * SEQ * HIDDEN * HIDDEN + 2L * HEADS * SEQ * SEQ * HEAD + 2L * SEQ * HIDDEN * FFN;

  @TempDir Path dir;

  static OnnxGraph layer(long opset, boolean lnNode, boolean geluNode) {
    OnnxGraph g = new OnnxGraph(21, opset);
    g.output(g.bertLayer(g.input("x", 1, SEQ, HIDDEN), SEQ, HEADS, HEAD, FFN, lnNode, geluNode));
    return g;
  }

  private Path importOk(OnnxGraph g, String name) throws IOException {
    Path onnx = dir.resolve(name + ".onnx"), tdl = dir.resolve(name + ".tdl");
    Files.write(onnx, g.bytes());
    Tdlc.Result r = Tdlc.run("import", "onnx", onnx.toString(), "-o", tdl.toString());
    assertEquals(0, r.code(), r.toString());
    return tdl;
  }

  /** Imports, checks and runs verified; returns the model's text. */
  private String importsChecksAndRunsVerified(OnnxGraph g, String name) throws IOException {
    Path tdl = importOk(g, name);
    String text = Files.readString(tdl);
    Tdlc.Result check = Tdlc.run("check", tdl.toString());
    assertEquals(0, check.code(), check + "\n" + text);
    Tdlc.Result run = Tdlc.run("run", tdl.toString(), "--json");
    assertEquals(0, run.code(), run + "\n" + text);
    JsonNode r = Reports.onlyRun(run.out());
    assertTrue(r.get("verified").asBoolean(), run.out());
    assertEquals(MACS, r.get("total").get("macs").asLong(), run.out());
    PeLayers layers = PeLayers.of(tdl);
    assertEquals(MACS, layers.macs(), text);
    assertEquals(8, layers.layers().size(), text);     // six projections, scores and context
    return text;
  }

  @Test
  void aBertLayerWithLayerNormalizationAndErfGeluRunsVerified() throws IOException {
    String text = importsChecksAndRunsVerified(layer(17, true, false), "bert17");
    // scores at 2^-e divided by sqrt(16) = 4 are read at 2^-(e + 2): the softmax's frac, no op
    assertTrue(text.matches("(?s).*softmax\\(scores, frac = \\d+\\);.*"), text);
    assertEquals(2, count(text, " = layernorm("), text);
    assertEquals(1, count(text, " = gelu("), text);
    assertFalse(text.contains("Erf") || text.contains("erf"), text);
  }

  @Test
  void pyTorchsPreOpset17LayerNormNodesAndAGeluNodeRunVerified() throws IOException {
    String text = importsChecksAndRunsVerified(layer(20, false, true), "bert_nodes");
    assertEquals(2, count(text, " = layernorm("), text);
    assertEquals(1, count(text, " = gelu("), text);
  }

  @Test
  void layerNormAndGeluAsNodesOnlyRunVerified() throws IOException {
    String text = importsChecksAndRunsVerified(layer(13, false, false), "bert_all_nodes");
    assertEquals(2, count(text, " = layernorm("), text);
    assertEquals(1, count(text, " = gelu("), text);
  }

  @Test
  void theSoftmaxFracIsTheScoresExponentPlusTheFoldedDivisor() throws IOException {
    String text = Files.readString(importOk(layer(17, true, false), "frac"));
    // scores = matmul of the two i8 heads: its exponent is the sum of theirs; sqrt(16) = 2^2 adds 2
    int qe = exponent(text, "query", "q_heads"), ke = exponent(text, "key", "k_heads");
    assertTrue(text.contains("softmax(scores, frac = " + (qe + ke + 2) + ")"), qe + " " + ke + "\n" + text);
  }

  @Test
  void aDivisorThatIsNotAPowerOfTwoIsAnErrorNamingTheNode() throws IOException {
    OnnxGraph g = new OnnxGraph(3, 17);
    String x = g.input("x", 1, 4, 8);
    g.output(g.node("Softmax", "sm", List.of(g.node("Div", "by3", List.of(g.linear("fc", x, 8, 8), g.scalar("three", 3f))))));
    Path onnx = dir.resolve("div.onnx"), tdl = dir.resolve("div.tdl");
    Files.write(onnx, g.bytes());
    Tdlc.Result r = Tdlc.run("import", "onnx", onnx.toString(), "-o", tdl.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("node 'by3' (Div, opset 17): divides by 3.0, not a power of two"), r.err());
    assertFalse(Files.exists(tdl));
  }

  private static int count(String text, String what) { return text.split(java.util.regex.Pattern.quote(what), -1).length - 1; }

  /**
   * The exponent of the i8 requant of a head: the input's 5 (a unit-variance float input) plus the projection's
   * weight exponent, less the requant's shift, all read from the model's text.
   */
  private static int exponent(String text, String projection, String head) {
    java.util.regex.Matcher w = java.util.regex.Pattern.compile("weight " + projection + "_w : .*// scale 2\\^-(\\d+)").matcher(text);
    java.util.regex.Matcher s = java.util.regex.Pattern.compile(head + "_q = requant\\(" + head + ", shift = (\\d+)\\);").matcher(text);
    assertTrue(w.find() && s.find(), head + "\n" + text);
    return 5 + Integer.parseInt(w.group(1)) - Integer.parseInt(s.group(1));
  }
}
