// Every command's --json output is one object docs/schema/tdlc-report.schema.json accepts: run (one model,
// several models, several targets), sim, interp, explain, check, targets, bench mapping, and failures (a
// located error in the source, an unknown option, a missing file, a corrupt program). bench on a small model
// and bench sparse are validated where BenchCommandTest and SparseFormatsTest run them. A few values are
// checked too, and the schema is shown to refuse a key it does not describe.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.cli.Main;

class JsonSchemaTest {
  static final String TINY = "docs/examples/tiny_matmul.tdl";

  @TempDir Path dir;

  /** Runs tdlc, expects {@code code}, validates stdout against the schema and returns it parsed. */
  static JsonNode valid(int code, String... args) {
    Tdlc.Result r = Tdlc.run(args);
    assertEquals(code, r.code(), r.toString());
    JsonSchema.assertValid(String.join(" ", args), r.out());
    JsonNode report = Reports.parse(r.out());
    assertEquals(Main.version(), report.get("tdlc_version").asText());
    assertEquals(args[0], report.get("command").asText());
    return report;
  }

  @Test
  void runOfOneModelGivesItsMappingByIndexName() {
    JsonNode run = valid(0, "run", TINY, "--target", "tiny", "--json").get("runs").get(0);
    assertEquals("mm", run.get("model").asText());
    assertEquals("tiny", run.get("target").asText());
    assertTrue(run.get("pipeline").asText().contains("mapper"), run.toString());
    JsonNode y = Reports.layer(run, "y");
    // the whole 2x8 by 8x4 matmul fits the 1 KiB global buffer: the tile is every index's full range
    JsonNode level = y.get("mapping").get("levels").get(0);
    assertEquals("global", level.get("level").asText());
    assertEquals(2, level.get("tile").get("m").asInt());
    assertEquals(4, level.get("tile").get("n").asInt());
    assertEquals(8, level.get("tile").get("k").asInt());
    List<String> order = new ArrayList<>();
    level.get("order").forEach(d -> order.add(d.asText()));
    assertEquals(List.of("k", "m", "n"), order.stream().sorted().toList(), "every index in the loop order");
    // the array spreads the whole tiles of the row and column indices (folded over its 2 x 2 PEs)
    JsonNode spatial = y.get("mapping").get("spatial");
    String rows = y.get("mapping").get("rows").get(0).asText(), cols = y.get("mapping").get("cols").get(0).asText();
    assertEquals(y.get("mapping").get("rows").size() + y.get("mapping").get("cols").size(), spatial.size(), y.toString());
    assertEquals(level.get("tile").get(rows).asInt(), spatial.get(rows).asInt());
    assertEquals(level.get("tile").get(cols).asInt(), spatial.get(cols).asInt());
    // the total's prediction sums the predicted layers (one here)
    assertEquals(y.get("predicted").get("cycles"), run.get("total").get("predicted").get("cycles"));
    assertEquals(1, run.get("total").get("predicted").get("layers").asInt());
  }

  @Test
  void runOfSeveralModelsAndOfSeveralTargets() {
    JsonNode models = valid(0, "run", "examples/einsum_conv.tdl", "--json");
    assertEquals(2, models.get("runs").size(), models.toString());
    JsonNode targets = valid(0, "run", "examples/quickstart.tdl", "--target", "default", "--target", "systolic", "--json");
    assertEquals(2, targets.get("runs").size(), targets.toString());
    assertEquals("default", targets.get("runs").get(0).get("target").asText());
    assertEquals("systolic", targets.get("runs").get(1).get("target").asText());
    assertEquals("mlp", targets.get("runs").get(1).get("model").asText());
  }

  @Test
  void simNamesTheModelTheProgramRecords() {
    Path tdlx = dir.resolve("q.tdlx");
    assertEquals(0, Tdlc.run("compile", "examples/quickstart.tdl", "-o", tdlx.toString()).code());
    JsonNode run = valid(0, "sim", tdlx.toString(), "--json").get("runs").get(0);
    assertEquals("mlp", run.get("model").asText());
    assertEquals(tdlx.toString(), run.get("program").asText());
    assertFalse(run.has("verified"), "sim has no reference to verify against");
  }

  @Test
  void interpExplainCheckAndTargets() {
    assertEquals(2, valid(0, "interp", "examples/einsum_conv.tdl", "--json").get("runs").size());
    JsonNode explain = valid(0, "explain", "examples/resnet_block.tdl", "--layer", "r1", "--json");
    assertEquals("r1", explain.get("layer").asText());
    assertEquals(7, explain.get("chosen").get("mapping").get("levels").get(0).get("tile").size(), "n k c p q r s");
    assertFalse(explain.get("chosen").has("cluster_start_ups"), "the default target has no clusters");
    // a network with clusters: their start-ups in a full tile's step, as Timing.startUp counts them
    JsonNode clustered = valid(0, "explain", NetworkEndToEndTest.FILE, "--target", "cluster_net", "--layer", "a", "--json")
        .get("chosen").get("cluster_start_ups");
    assertEquals(8, clustered.get("cluster_pes").asInt());
    assertTrue(clustered.get("start_ups").asLong() > 0 && clustered.get("bytes_each").asLong() > 0, clustered.toString());
    long link = (clustered.get("bytes_each").asLong() + 63) / 64;   // cluster_net's 64 B/cycle
    assertEquals(clustered.get("start_ups").asLong() * (link + clustered.get("steps_each").asLong()),
        clustered.get("cycles").asLong());
    JsonNode check = valid(0, "check", TINY, "--json");
    assertEquals("mm", check.get("models").get(0).get("name").asText());
    assertEquals("tiny", check.get("targets").get(0).asText());
    assertEquals(6, valid(0, "targets", "--json").get("targets").size());
    valid(0, "targets", "examples/targets.tdl", "--json");
  }

  /** import onnx of the docs' example: what was imported and the files written; a truncated file fails alike. */
  @Test
  void importOnnx(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    JsonNode im = valid(0, "import", "onnx", "docs/examples/convnet.onnx", "-o", dir.resolve("c.tdl").toString(), "--json");
    assertEquals(4, im.get("layers").size(), im.toString());
    for (JsonNode w : im.get("weights")) assertTrue(Files.exists(dir.resolve(w.asText())), w.asText());
    Path cut = dir.resolve("cut.onnx");
    Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(Path.of("docs/examples/convnet.onnx")), 100));
    valid(1, "import", "onnx", cut.toString(), "-o", dir.resolve("d.tdl").toString(), "--json");
  }

  @Test
  void benchMapping() {
    JsonNode mapping = valid(0, "bench", "mapping", "--layers", "1", "--target", "maeri", "--json");
    assertEquals("mapping", mapping.get("benchmark").asText());
    assertEquals(1, mapping.get("targets").size(), "one object per target asked for");
    assertEquals(1, mapping.get("targets").get(0).get("layers").size());
  }

  @Test
  void importAndExport() {
    JsonNode imported = valid(0, "import", "scalesim", "validation/reference/scalesim/configs/scalesim_32x32_os.cfg",
        "validation/reference/scalesim/topologies/gemm_mnk_tiny.csv", "-o", dir.resolve("g.tdl").toString(), "--json");
    assertEquals("scalesim_32x32_os", imported.get("target").asText());
    JsonNode exported = valid(0, "export", "maestro", "examples/resnet_block.tdl", "--target", "nvdla", "-o", dir.resolve("m").toString(), "--json");
    assertEquals(2, exported.get("files").size());
    String in = "validation/reference/timeloop/inputs/";
    JsonNode timeloop = valid(0, "import", "timeloop", in + "arch/eyeriss_like.yaml", in + "energy/eyeriss_like.ERT.yaml",
        in + "prob/conv2_1x1_64_256.yaml", "-o", dir.resolve("t.tdl").toString(), "--json");
    assertEquals("conv2_1x1_64_256", timeloop.get("layers").get(0).get("name").asText(), timeloop.toString());
    JsonNode yaml = valid(0, "export", "timeloop", "examples/resnet_block.tdl", "-o", dir.resolve("tl").toString(), "--json");
    assertEquals(2 + 2 * yaml.get("layers").size(), yaml.get("files").size(), yaml.toString());
  }

  @Test
  void failuresAreErrorObjects() throws Exception {
    Path bad = dir.resolve("bad.tdl");
    Files.writeString(bad, "model m {\n  input x : i8[4];\n  y = relu(z);\n  output y;\n}\n");
    JsonNode located = valid(1, "run", bad.toString(), "--json").get("error");
    assertEquals(1, located.get("exit_code").asInt());
    JsonNode d = located.get("diagnostics").get(0);
    assertEquals("error", d.get("severity").asText());
    assertEquals(bad.toString(), d.get("file").asText());
    assertEquals(3, d.get("line").asInt(), d.toString());
    assertTrue(d.get("col").asInt() > 0, d.toString());

    JsonNode usage = valid(1, "check", TINY, "--bogus", "--json").get("error").get("diagnostics").get(0);
    assertTrue(usage.get("message").asText().contains("--bogus"), usage.toString());
    assertTrue(usage.get("line").isNull(), usage.toString());
    assertTrue(usage.get("notes").get(0).get("message").asText().startsWith("usage: tdlc check"), usage.toString());

    valid(1, "interp", dir.resolve("absent.tdl").toString(), "--json");
    Path corrupt = Files.write(dir.resolve("corrupt.tdlx"), new byte[] {'T', 'D', 'L', 'X', 9});
    valid(1, "sim", corrupt.toString(), "--json");
    valid(1, "targets", TINY, "extra.tdl", "--json");
  }

  @Test
  void aFileThatCannotBeWrittenIsTheErrorBesideTheResults() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "");
    JsonNode report = valid(1, "run", "examples/quickstart.tdl", "--save-outputs", file.toString(), "--json");
    assertEquals(1, report.get("runs").size(), "the results are kept");
    assertTrue(report.get("error").get("diagnostics").get(0).get("message").asText().contains("not a directory"),
        report.toString());
  }

  @Test
  void theSchemaRefusesAKeyItDoesNotDescribe() {
    Tdlc.Result r = Tdlc.run("run", TINY, "--target", "tiny", "--json");
    ObjectNode report = (ObjectNode) Reports.parse(r.out());
    ((ObjectNode) report.get("runs").get(0)).put("bogus", 1);
    assertFalse(JsonSchema.problems(report.toString()).isEmpty(), "a run with an unknown key");
    report = (ObjectNode) Reports.parse(r.out());
    ((ObjectNode) report.get("runs").get(0).get("layers").get(0)).put("bogus", 1);
    assertFalse(JsonSchema.problems(report.toString()).isEmpty(), "a layer with an unknown key");
    report = (ObjectNode) Reports.parse(r.out());
    ((ObjectNode) report.get("runs").get(0).get("total")).remove("cycles");
    assertFalse(JsonSchema.problems(report.toString()).isEmpty(), "a total without cycles");
  }
}
