// tdlc export timeloop against its reference data (validation/reference/timeloop/export): the exporter still
// writes exactly the files timeloop-model was run on, and the MACs timeloop-model reported for each layer are
// the MACs tdlc counts. A mapping Timeloop cannot say is a located error that writes nothing.
package org.tdlc.tests.interop;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.tests.Tdlc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportTimeloopTest {
  static final Path REF = Path.of("validation/reference/timeloop/export");
  static final String TARGET = "export_16x16";
  @TempDir Path dir;

  @Test
  void theExporterWritesTheFilesTimeloopRan() throws Exception {
    Path out = dir.resolve("files");
    Tdlc.Result r = Tdlc.run("export", "timeloop", REF.resolve("layers.tdl").toString(), "--target", TARGET,
        "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(names(REF.resolve("files")), names(out));
    for (String f : names(out)) {
      assertEquals(Files.readString(REF.resolve("files").resolve(f)), Files.readString(out.resolve(f)),
          f + " differs from the file timeloop-model ran (regenerate with the commands in " + REF.resolve("README.md") + ")");
    }
  }

  @Test
  void timeloopCountedTdlcsMacs() throws Exception {
    Tdlc.Result run = Tdlc.run("run", REF.resolve("layers.tdl").toString(), "--target", TARGET, "--json");
    assertEquals(0, run.code(), run.toString());
    JsonNode layers = new ObjectMapper().readTree(run.out()).get("runs").get(0).get("layers");
    assertEquals(5, layers.size(), run.out());
    for (JsonNode l : layers) {
      String stats = Files.readString(REF.resolve("runs").resolve(l.get("name").asText()).resolve("timeloop-model.stats.txt"));
      Matcher m = Pattern.compile("(?m)^Computes = (\\d+)$").matcher(stats);
      assertTrue(m.find(), l.get("name").asText() + ": timeloop-model's summary has no Computes line");
      assertEquals(l.get("macs").asLong(), Long.parseLong(m.group(1)), l.get("name").asText());
    }
  }

  @Test
  void aSplitIndexIsSpreadThenWalkedInThePerPeLevel() throws Exception {
    // split pins spatial = { c = 16 } of c's tile 64: the fanout spreads C16, the per-PE level walks C4
    String m = Files.readString(REF.resolve("files/split.mapping.yaml"));
    assertTrue(m.contains("type: spatial\n    factors: C16 M16"), m);
    assertTrue(m.contains("target: local\n    type: temporal\n    factors: C4 M1 R1 S1 N1 P1 Q1"), m);
    assertTrue(m.contains("spatial {c=16}"), m);
  }

  @Test
  void aPinnedWalkPutsWhatTheLevelKeepsInItsLoops() throws Exception {
    // walked pins walk = [n, k, p, q, c, r, s] and keep = { local = { c = 4, s = all } }: the per-PE level's loops
    // are C4 (the split's walked part) and S3, innermost s (CS... inner to outer: S first); the PEs walk p, q and r
    // outside it, the global buffer's loops in the walk's order
    String m = Files.readString(REF.resolve("files/walked.mapping.yaml"));
    assertTrue(m.contains("target: local\n    type: temporal\n    factors: C4 M1 R1 S3 N1 P1 Q1\n    permutation: SC"), m);
    assertTrue(m.contains("# The PEs' walk pinned: walk [n, k, p, q, c, r, s], keep { local = { c = 4, s = all } }"), m);
    assertTrue(m.contains("target: global\n    type: temporal\n    factors: C1 M1 R3 S1 N1 P28 Q28\n    permutation: RQP"), m);
    // and import timeloop reads the same PE loops back
    Path back = dir.resolve("back.tdl");
    Tdlc.Result r = Tdlc.run("import", "timeloop", REF.resolve("files/arch.yaml").toString(),
        REF.resolve("files/ERT.yaml").toString(), REF.resolve("files/walked.problem.yaml").toString(),
        REF.resolve("files/walked.mapping.yaml").toString(), "-o", back.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(Files.readString(back).contains("keep = { local = { c = 4, s = 3 } }, orders = { local = [c, s] })"),
        Files.readString(back));
  }

  @Test
  void aMappingTimeloopCannotSayIsALocatedErrorAndWritesNothing() throws Exception {
    Path file = dir.resolve("m.tdl");
    Files.writeString(file, "target a12x14 { pe_array 12 x 14; dataflows ws; frequency 1000 MHz;\n"
        + "  memory dram { bandwidth 64 B/cycle; energy 100 pJ/B; }\n  memory global { size 256 KiB; energy 2 pJ/B; }\n"
        + "  mac { energy 1 pJ; } }\n"
        + "model m {\n  input x : i8[1, 64, 16, 16];\n  weight w : i8[64, 64, 1, 1] init random(seed = 1);\n"
        + "  @map(dataflow = ws, tile = { c = 32 })\n  y = conv2d(x, w);\n  output y;\n}\n");
    Path out = dir.resolve("out");
    Tdlc.Result r = Tdlc.run("export", "timeloop", file.toString(), "--target", "a12x14", "-o", out.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains(file + ":9:7: error: layer y: the array axis of 12 PEs holding c (tiles [c=32]) folds 3 times"), r.toString());
    assertFalse(Files.exists(out), "nothing is written on an error");
  }

  private static List<String> names(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
