// tdlc import timeloop on the files we ran Timeloop with (validation/reference/timeloop/inputs and each run's
// best mapping): every layer imports, the imported models run verified bit for bit with Timeloop's MAC count,
// malformed files are located errors that write nothing, and Timeloop -> tdl -> Timeloop -> tdl keeps the shapes.
package org.tdlc.tests.interop;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.tests.Tdlc;
import org.tdlc.tests.validation.Csv;
import org.tdlc.tests.validation.TimeloopComparison;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeloopImportTest {
  static final Path REF = Path.of("validation/reference/timeloop");
  static final Path IN = REF.resolve("inputs");
  @TempDir Path dir;

  /** The files Timeloop's mapper read for a layer (minus its settings) and the best mapping it wrote. */
  static List<String> files(String layer) {
    Path mapping = layer.equals("conv5_3x3_512") ? IN.resolve("mapping_conv5_3x3_512_best.yaml")
        : REF.resolve("runs").resolve(layer).resolve("timeloop-mapper.map.yaml");
    return List.of(IN.resolve("arch/eyeriss_like.yaml").toString(),
        IN.resolve("constraints/eyeriss_like_arch_constraints.yaml").toString(),
        IN.resolve("constraints/eyeriss_like_map_constraints.yaml").toString(),
        IN.resolve("energy/eyeriss_like.ERT.yaml").toString(), IN.resolve("energy/eyeriss_like.ART.yaml").toString(),
        IN.resolve("prob").resolve(layer + ".yaml").toString(), mapping.toString());
  }

  static Tdlc.Result importFiles(List<String> files, Path out) {
    List<String> args = new ArrayList<>(List.of("import", "timeloop"));
    args.addAll(files);
    args.addAll(List.of("-o", out.toString()));
    return Tdlc.run(args.toArray(String[]::new));
  }

  @Test
  void everyLayerTimeloopRanImportsWithItsHardwareAndMapping() throws Exception {
    for (Map<String, String> row : Csv.read(TimeloopComparison.SUMMARY)) {
      String layer = row.get("layer");
      Path out = dir.resolve(layer + ".tdl");
      Tdlc.Result r = importFiles(files(layer), out);
      assertEquals(0, r.code(), layer + ": " + r);
      String text = Files.readString(out);
      assertTrue(text.contains("pe_array 12 x 14;"), layer + ": 168 PEs, meshX 14:\n" + text);
      // Timeloop's read_bandwidth and write_bandwidth are limited apart: a port each way
      assertTrue(text.contains("memory shared_glb { size 128 KiB; bandwidth 32 B/cycle; port split;"), layer + ":\n" + text);
      // the constraints' keep lists give each scratchpad its data space: three per-PE levels, a partial sum 4 bytes;
      // each reads and writes 2 words a cycle
      assertTrue(text.contains("memory ifmap_spad { size 24 B per pe; bandwidth 4 B/cycle; port split; energy 0.1185 pJ/B; "
          + "holds inputs; }"), layer + ": 12 words of 2 B:\n" + text);
      assertTrue(text.contains("memory weights_spad { size 384 B per pe; bandwidth 4 B/cycle; port split; energy 0.793 pJ/B; "
          + "holds weights; }"), layer + ": 192 words of 2 B:\n" + text);
      assertTrue(text.contains("memory psum_spad { size 64 B per pe; bandwidth 8 B/cycle; port split; energy 0.06275 pJ/B; "
          + "holds outputs; }"), layer + ": 16 partial sums of 4 B:\n" + text);
      assertTrue(text.contains("mac { energy 2.2 pJ; }"), layer + ":\n" + text);
      // Timeloop's outputs are 16-bit words: the layer, named as Timeloop names it, requantizes its sums to i16
      assertTrue(text.contains("  " + layer + "_acc = conv2d(Inputs, Weights"), layer + ":\n" + text);
      assertTrue(text.contains("  " + layer + " = requant(" + layer + "_acc, shift = 16, bits = 16);\n  output " + layer + ";"),
          layer + ": the layer keeps its name:\n" + text);
      assertTrue(text.contains("@map("), layer + ": Timeloop's mapping is pinned where tdlc takes it:\n" + text);
      assertTrue(text.contains("DummyBuffer (14 instances of 16 words) is not carried over"), layer + ":\n" + text);
      assertTrue(r.err().contains(String.format(java.util.Locale.ROOT, "%,d MACs", Long.parseLong(row.get("macs")))),
          layer + ": " + r);
    }
  }

  @Test
  void importedLayersRunVerifiedWithTimeloopsMacs() throws Exception {
    for (String layer : List.of("conv1_7x7", "conv2_3x3_64")) {
      Path out = dir.resolve(layer + ".tdl");
      assertEquals(0, importFiles(files(layer), out).code());
      Tdlc.Result run = Tdlc.run("run", out.toString(), "--target", layer + "_arch", "--json");
      assertEquals(0, run.code(), run.toString());
      JsonNode j = new ObjectMapper().readTree(run.out()).get("runs").get(0);
      assertTrue(j.get("verified").asBoolean(), run.toString());
      long macs = Csv.read(TimeloopComparison.SUMMARY).stream().filter(row -> row.get("layer").equals(layer))
          .mapToLong(row -> Long.parseLong(row.get("macs"))).findFirst().orElseThrow();
      assertEquals(macs, j.get("total").get("macs").asLong(), layer + ": Timeloop's MACs");
      assertEquals(layer, j.get("layers").get(0).get("name").asText());
    }
  }

  @Test
  void anIndexSpreadOnBothAxesIsACommentNotAPin() throws Exception {
    // conv5 with C2 spread on X (shared_glb, split 3 of QMC...) beside C4 on Y (DummyBuffer), C32 left at DRAM: tdlc
    // puts an index on one axis, so the spread indices are not pinned, and the file says why
    String mapping = Files.readString(IN.resolve("mapping_conv5_3x3_512_best.yaml"))
        .replace("C1 M2 R1 S1 N1 P1 Q7", "C2 M2 R1 S1 N1 P1 Q7").replace("C64 M1 R1 S1 N1 P1 Q1", "C32 M1 R1 S1 N1 P1 Q1")
        .replace("permutation: QMCRSNP\n    split: 2", "permutation: QMCRSNP\n    split: 3");
    Path map = dir.resolve("both_map.yaml");
    Files.writeString(map, mapping);
    List<String> f = new ArrayList<>(files("conv5_3x3_512"));
    f.set(f.size() - 1, map.toString());
    Path out = dir.resolve("both.tdl");
    Tdlc.Result r = importFiles(f, out);
    assertEquals(0, r.code(), r.toString());
    String text = Files.readString(out);
    assertTrue(text.contains("Timeloop spreads C on both X and Y; tdlc puts an index on one axis"), text);
    assertTrue(text.contains("@map(order = [p, n, s, r, k, q, c])"), text);
    assertEquals(0, Tdlc.run("check", out.toString()).code());
  }

  @Test
  void aTileTdlcCanHoldIsPinnedAndOneItCannotIsAComment() throws Exception {
    // conv5: Timeloop's shared_glb tile (k=512 c=8 p=7 q=7) needs 175,376 B with tdlc's i32 partial sums (the
    // requant writes its i16 results over them): refused.
    Path out = dir.resolve("conv5.tdl");
    assertEquals(0, importFiles(files("conv5_3x3_512"), out).code());
    String text = Files.readString(out);
    // the spatial directives: shared_glb spreads Q7 M2 on X (split 2 of QMCRSNP), DummyBuffer S3 C4 on Y (split 0);
    // C and M have more of their tiles inside shared_glb than they spread (C64, M32 below it): the PEs walk the rest
    assertTrue(text.contains("@map(rows = [c, s], cols = [k, q], spatial = { c = 4, k = 2 }, order = [p, n, s, r, k, q, c], "),
        "spread indices, and the DRAM permutation CQMRSNP outermost first:\n" + text);
    // the PEs walk shared_glb's temporal loops, then weights_spad's R3 C2, psum_spad's M8 inside; each scratchpad
    // keeps the product of its factors and those of the scratchpads inside it, and weights_spad, with two factors
    // of its own, walks them in its permutation (CR, inner to outer)
    assertTrue(text.contains("walk = [n, q, s, k, p, r, c], keep = { ifmap_spad = { r = 3, c = 2, k = 8 }, "
        + "weights_spad = { r = 3, c = 2, k = 8 }, psum_spad = { k = 8 } }, orders = { weights_spad = [r, c] })"), text);
    assertTrue(text.contains("needs 175376 bytes of the shared_glb buffer, which holds 131072 bytes"), text);
    // Without the per-PE levels' partial sums the same mapping on a smaller problem fits: P = Q = 7, M = 64.
    String small = Files.readString(IN.resolve("prob/conv5_3x3_512.yaml")).replace("M: 512", "M: 16").replace("C: 512", "C: 64");
    Path prob = dir.resolve("small.yaml");
    Files.writeString(prob, small);
    String mapping = Files.readString(IN.resolve("mapping_conv5_3x3_512_best.yaml")).replace("M32", "M1")
        .replace("C64 M1 R1 S1 N1 P1 Q1", "C8 M1 R1 S1 N1 P1 Q1");
    Path map = dir.resolve("small_map.yaml");
    Files.writeString(map, mapping);
    List<String> f = new ArrayList<>(files("conv5_3x3_512").subList(0, 5));
    f.addAll(List.of(prob.toString(), map.toString()));
    Path out2 = dir.resolve("small.tdl");
    Tdlc.Result r = importFiles(f, out2);
    assertEquals(0, r.code(), r.toString());
    assertTrue(Files.readString(out2).contains("@map(tile = { n = 1, k = 16, c = 8, p = 7, q = 7, r = 3, s = 3 }, "
        + "rows = [c, s], cols = [k, q], spatial = { c = 4, k = 2 }, order = "),
        Files.readString(out2));
    assertEquals(0, Tdlc.run("run", out2.toString(), "--target", "small_arch").code());
  }

  @Test
  void malformedFilesAreLocatedErrorsAndWriteNothing() throws Exception {
    String arch = IN.resolve("arch/eyeriss_like.yaml").toString(), ert = IN.resolve("energy/eyeriss_like.ERT.yaml").toString();
    String prob = Files.readString(IN.resolve("prob/conv2_3x3_64.yaml"));
    Object[][] cases = {
        {"problem:\n  shape: [unclosed\n", 2, "malformed YAML: while parsing a flow sequence; expected ',' or ']'"},
        {prob + "extra_key: 1\n", 36, "unknown Timeloop key 'extra_key'"},
        {prob.replace("    Q: 56\n", "    Q: 56\n    Z: 3\n"), 32, "problem.instance has an unknown key 'Z'"},
        {prob.replace("    Q: 56\n", ""), 25, "problem.instance has no bound for Q"},
        {prob.replace("C: 64", "C: many"), 25, "bound C must be an integer"},
        {prob.replace("[[R, Wdilation], [P, Wstride]]", "[[R, Wdilation]]"), 13, "not the CNN-layer shape's"},
    };
    for (Object[] c : cases) {
      Path p = dir.resolve("bad.yaml");
      Files.writeString(p, (String) c[0]);
      Path out = dir.resolve("bad.tdl");
      Tdlc.Result r = importFiles(List.of(arch, ert, p.toString()), out);
      assertEquals(1, r.code(), r.toString());
      assertTrue(Pattern.compile("(?m)^" + Pattern.quote(p.toString()) + ":" + c[1] + ":\\d+: error: .*" + c[2]).matcher(r.err()).find(),
          "expected " + p + ":" + c[1] + ":COL: error: ..." + c[2] + "\n" + r);
      assertFalse(Files.exists(out), "nothing is written on an error");
    }
    Path p = dir.resolve("prob.yaml");
    Files.writeString(p, prob);
    Tdlc.Result noErt = importFiles(List.of(arch, p.toString()), dir.resolve("x.tdl"));
    assertEquals(1, noErt.code());
    assertTrue(noErt.err().contains(":1:1: error: no file gives 'ERT:'"), noErt.toString());
    Path p2 = dir.resolve("prob2.yaml");
    Files.writeString(p2, prob);
    Tdlc.Result twice = importFiles(List.of(arch, ert, p.toString(), p2.toString()), dir.resolve("x.tdl"));
    assertEquals(1, twice.code());
    assertTrue(twice.err().contains(p2 + ":3:1: error: 'problem' is also given by " + p), twice.toString());
    Path tiny = dir.resolve("tiny_glb.yaml");   // a 4-word global buffer under 440 B of scratchpads per PE
    Files.writeString(tiny, Files.readString(Path.of(arch)).replace("memory_depth: 16384", "memory_depth: 1"));
    Tdlc.Result noFit = importFiles(List.of(tiny.toString(), ert, p.toString()), dir.resolve("x.tdl"));
    assertEquals(1, noFit.code());
    assertTrue(noFit.err().contains(tiny + ":5:3: error: tdlc cannot take what this architecture and problem become: "
        + "memory level 'pe_local' (440 B per pe) is larger than 'shared_glb' (8 B)"), noFit.toString());
    assertFalse(Files.exists(dir.resolve("x.tdl")));
    String badMap = Files.readString(IN.resolve("mapping_conv5_3x3_512_best.yaml")).replace("C64 M1", "C32 M1");
    Path m = dir.resolve("map.yaml");
    Files.writeString(m, badMap);
    Files.writeString(p, Files.readString(IN.resolve("prob/conv5_3x3_512.yaml")));
    Tdlc.Result factors = importFiles(List.of(arch, ert, p.toString(), m.toString()), dir.resolve("x.tdl"));
    assertEquals(1, factors.code());
    assertTrue(factors.err().contains("the mapping's factors of C cover 256, not its bound 512"), factors.toString());
  }

  @Test
  void timeloopToTdlToTimeloopToTdlKeepsTheShapes() throws Exception {
    Path first = dir.resolve("conv1.tdl");
    assertEquals(0, importFiles(files("conv1_7x7"), first).code());
    Tdlc.Result run = Tdlc.run("run", first.toString(), "--target", "conv1_arch");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().contains("verified: 1 output bit-exact"), run.toString());
    // the PEs' walk and keeps name the imported design's scratchpads: another target runs the layer without them
    Files.writeString(first, Files.readString(first).replaceFirst(", walk = \\[[^]]*\\], keep = \\{.*\\}\\)", ")"));
    // tdlc's mapping on the 12 x 14 array folds unevenly inside every tile, which Timeloop cannot say: export for a
    // 16 x 16 i16 array instead (the shapes do not depend on the array).
    Path targets = dir.resolve("t.tdl");
    Files.writeString(targets, "target sq16 { pe_array 16 x 16; dataflows ws, os, rs; frequency 1000 MHz; datatype i16 accumulate i32;\n"
        + "  memory dram { bandwidth 64 B/cycle; energy 100 pJ/B; latency 0 cycles; }\n"
        + "  memory global { size 512 KiB; bandwidth 64 B/cycle; energy 2 pJ/B; }\n"
        + "  memory local { size 64 B per pe; energy 0.1 pJ/B; }\n  mac { energy 1 pJ; } }\n");
    Path exported = dir.resolve("exported");
    Tdlc.Result ex = Tdlc.run("export", "timeloop", first.toString(), "--target", targets + ":sq16", "-o", exported.toString());
    assertEquals(0, ex.code(), ex.toString());
    String problem = Files.readString(exported.resolve("conv1_7x7.problem.yaml"));
    String original = Files.readString(IN.resolve("prob/conv1_7x7.yaml"));
    for (String d : List.of("C", "M", "R", "S", "N", "P", "Q", "Wstride", "Hstride")) {
      assertEquals(bound(original, d), bound(problem, d), d + " of the exported problem");
    }
    Path second = dir.resolve("conv1_again.tdl");
    Tdlc.Result again = importFiles(List.of(exported.resolve("arch.yaml").toString(), exported.resolve("ERT.yaml").toString(),
        exported.resolve("conv1_7x7.problem.yaml").toString(), exported.resolve("conv1_7x7.mapping.yaml").toString()), second);
    assertEquals(0, again.code(), again.toString());
    assertEquals(shapes(Files.readString(first)), shapes(Files.readString(second)));
    assertTrue(Files.readString(second).contains("pe_array 16 x 16;"), Files.readString(second));
  }

  private static String bound(String yaml, String key) {
    var m = Pattern.compile("(?m)^\\s+" + key + ":\\s*(\\d+)\\s*$").matcher(yaml);
    assertTrue(m.find(), key + " in\n" + yaml);
    return m.group(1);
  }

  /** The model's input and weight declarations and its conv2d statement. */
  private static List<String> shapes(String tdl) {
    return tdl.lines().filter(l -> l.startsWith("  input ") || l.startsWith("  weight ") || l.contains("= conv2d(")).toList();
  }
}
