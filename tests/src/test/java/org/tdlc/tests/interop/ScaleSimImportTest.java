// `tdlc import scalesim` against SCALE-Sim itself: every configuration x topology SCALE-Sim ran
// (validation/reference/scalesim, with the commands), imported from the committed cfg and CSV, mapped and
// costed; each layer must do SCALE-Sim's MACs, its compute queue must take SCALE-Sim's cycles plus CONFIG
// and the 1 SCALE-Sim leaves out (ScaleSimComparison.computeCycles), and its cycles must be within 1 % of
// SCALE-Sim's wherever the hand-written stand-in targets (validation/tdlc/scalesim.csv) are. Then the files
// SCALE-Sim would refuse.
package org.tdlc.tests.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.interop.scalesim.ScaleSimImport;
import org.tdlc.passes.mapping.Cost;
import org.tdlc.tests.Tdlc;
import org.tdlc.tests.validation.Csv;
import org.tdlc.tests.validation.OneLayer;
import org.tdlc.tests.validation.Ratios;
import org.tdlc.tests.validation.ScaleSimComparison;

class ScaleSimImportTest {
  private static final Path REF = Path.of("validation/reference/scalesim");
  private static final Path STAND_IN = Path.of("validation/tdlc/scalesim.csv");
  private static final Path WORK = Path.of("tests/target/scalesim-import");

  @Test
  void importedConfigsAndTopologiesReproduceScaleSimsCycles() throws Exception {
    Map<String, Boolean> standInWithin = new LinkedHashMap<>();   // config/layer -> stand-in within 1 %
    for (Map<String, String> row : Csv.read(STAND_IN)) {
      double ratio = Double.parseDouble(row.get("tdlc_cycles")) / Double.parseDouble(row.get("scalesim_cycles"));
      standInWithin.put(row.get("config") + "/" + row.get("layer"), Math.abs(ratio - 1) <= 0.01);
    }
    Map<String, List<Map<String, String>>> runs = new LinkedHashMap<>();   // config/topology -> its rows
    for (Map<String, String> row : Csv.read(ScaleSimComparison.SUMMARY)) {
      runs.computeIfAbsent(row.get("config") + "/" + row.get("topology"), k -> new ArrayList<>()).add(row);
    }
    Files.createDirectories(WORK);
    Map<String, Ratios> byConfig = new LinkedHashMap<>();
    Map<String, int[]> within = new LinkedHashMap<>();
    List<String> wrong = new ArrayList<>();
    int compared = 0;
    for (var run : runs.entrySet()) {
      String config = run.getValue().get(0).get("config"), topology = run.getValue().get(0).get("topology");
      ScaleSimImport.Result imported = ScaleSimImport.run(REF.resolve("configs/" + config + ".cfg").toString(),
          REF.resolve("topologies/" + topology + ".csv").toString());
      Path file = WORK.resolve(config + "_" + topology + ".tdl");
      Files.writeString(file, imported.text(), StandardCharsets.UTF_8);
      assertEquals(config, imported.target());
      Map<String, Cost> costs = OneLayer.compile(file, imported.target(), imported.model()).costs();
      for (Map<String, String> row : run.getValue()) {
        String layer = row.get("layer");
        Cost cost = costs.get(layer);
        assertTrue(cost != null, run.getKey() + ": no layer " + layer + " in " + costs.keySet());
        compared++;
        if (cost.macs() != Long.parseLong(row.get("macs"))) {
          wrong.add(run.getKey() + "/" + layer + ": " + cost.macs() + " MACs, SCALE-Sim " + row.get("macs"));
        }
        if (cost.computeCycles() != ScaleSimComparison.computeCycles(Long.parseLong(row.get("cycles")))) {
          wrong.add(run.getKey() + "/" + layer + ": compute " + cost.computeCycles() + " cycles, SCALE-Sim "
              + row.get("cycles") + " (ScaleSimComparison.computeCycles)");
        }
        double ratio = (double) cost.cycles() / Long.parseLong(row.get("cycles"));
        byConfig.computeIfAbsent(config, k -> new Ratios()).add(cost.cycles(), Long.parseLong(row.get("cycles")));
        boolean ok = Math.abs(ratio - 1) <= 0.01;
        within.computeIfAbsent(config, k -> new int[2])[ok ? 0 : 1]++;
        if (!ok && standInWithin.getOrDefault(config + "/" + layer, false)) {
          wrong.add(run.getKey() + "/" + layer + ": " + cost.cycles() + " cycles, SCALE-Sim " + row.get("cycles")
              + " (the stand-in target is within 1 %)");
        }
      }
    }
    StringBuilder table = new StringBuilder("imported configuration: cycles tdlc/SCALE-Sim median (worst), within 1 %\n");
    byConfig.forEach((c, r) -> table.append("  ").append(c).append(": ").append(r.cell()).append(", ")
        .append(within.get(c)[0]).append(" of ").append(r.count()).append('\n'));
    System.err.print(table);
    assertTrue(compared >= 150, "only " + compared + " layers compared");
    assertTrue(wrong.isEmpty(), String.join("\n", wrong) + "\n" + table);
  }

  @Test
  void malformedFilesAreLocatedErrorsAndNothingIsWritten(@TempDir Path dir) throws Exception {
    String cfg = Files.readString(REF.resolve("configs/scalesim_32x32_os.cfg"));
    String csv = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n"
        + "c1,8,8,3,3,2,4,1,\n";
    assertError(dir, cfg.replace("MemoryBanks:", "ArrayDepth: 2\nMemoryBanks:"), csv, "bad.cfg:15:1: error: unknown key 'ArrayDepth'");
    assertError(dir, cfg.replace("Dataflow : os", "Dataflow : rs"), csv, "bad.cfg:14:12: error: Dataflow is os, ws or is, got 'rs'");
    assertError(dir, cfg.replace("ArrayWidth:     32\n", ""), csv, "bad.cfg:1:1: error: missing key 'ArrayWidth'");
    assertError(dir, cfg, csv + "c2,8,x8,3,3,2,4,1,\n", "bad.csv:3:6: error: IFMAP Width takes a positive integer, got 'x8'");
    assertError(dir, cfg, csv + "c3,8,8,3,3,2,4,\n", "bad.csv:3:1: error: a layer row has 8 or 9");
    assertError(dir, cfg, csv + "c4,8,8,9,3,2,4,1,\n", "bad.csv:3:8: error: filter height 9 is larger than the IFMAP height 8");
    assertError(dir, cfg, "Name, Rows, Cols,\n", "bad.csv:1:1: error: not a SCALE-Sim topology header");
  }

  private static void assertError(Path dir, String cfg, String csv, String expected) throws Exception {
    Files.writeString(dir.resolve("bad.cfg"), cfg);
    Files.writeString(dir.resolve("bad.csv"), csv);
    Path out = dir.resolve("out.tdl");
    Tdlc.Result r = Tdlc.run("import", "scalesim", dir.resolve("bad.cfg").toString(), dir.resolve("bad.csv").toString(),
        "-o", out.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith(dir + "/" + expected), "expected " + expected + "\n" + r);
    assertTrue(!r.err().contains("Exception"), r.err());
    assertTrue(!Files.exists(out), "nothing written");
  }

  @Test
  void aGemmTopologyWithNamesThatAreNotIdentifiersRunsVerified(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("g.csv"), "Layer Name, M, N, K,\nTest 1, 40, 24, 36,\noutput, 8, 16, 8\n");
    Path out = dir.resolve("g.tdl");
    Tdlc.Result r = Tdlc.run("import", "scalesim", REF.resolve("configs/scalesim_32x32_is.cfg").toString(),
        dir.resolve("g.csv").toString(), "-o", out.toString(), "--json");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("\"layers\": [{\"name\": \"Test_1\"}, {\"name\": \"_output\"}]"), r.out());
    Tdlc.Result run = Tdlc.run("run", out.toString(), "--target", "scalesim_32x32_is", "--json");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().contains("\"verified\": true") && run.out().contains("\"dataflow\": \"is\""), run.out());
  }

  @Test
  void aDepthwiseRowRunsItsChannelsInTurnWithRoundedUpOutputs(@TempDir Path dir) throws Exception {
    // "DP" in the name: SCALE-Sim runs 4 one-channel layers; stride 2 on 8 rows with R = 3: E = ceil(7 / 2) = 4
    Files.writeString(dir.resolve("dp.csv"), "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, "
        + "Channels, Num Filter, Strides,\nb3_DP,10,10,3,3,4,1,1,\nc1,8,8,3,3,2,4,2,\n");
    ScaleSimImport.Result imported = ScaleSimImport.run(REF.resolve("configs/scalesim_32x32_os.cfg").toString(),
        dir.resolve("dp.csv").toString());
    Path file = dir.resolve("dp.tdl");
    Files.writeString(file, imported.text());
    Map<String, Cost> costs = OneLayer.compile(file, imported.target(), imported.model()).costs();
    assertEquals(4L * 64 * 9, costs.get("b3_DP").macs());
    assertEquals(16L * 18 * 4, costs.get("c1").macs());
    // SCALE-Sim's closed form per channel (os, 32 x 32): 2 row folds x (9 + 32 + 32 - 2) - 1 = 141 cycles
    long perChannel = 2 * (9 + 32 + 32 - 2) - 1;
    double ratio = (double) costs.get("b3_DP").cycles() / (4 * perChannel);
    assertTrue(Math.abs(ratio - 1) < 0.03, "tdlc " + costs.get("b3_DP").cycles() + " cycles, SCALE-Sim " + 4 * perChannel);
    Tdlc.Result weights = Tdlc.run("import", "scalesim", REF.resolve("configs/scalesim_32x32_os.cfg").toString(),
        dir.resolve("dp.csv").toString(), "-o", file.toString(), "--weights-dir", dir.toString());
    assertEquals(1, weights.code(), weights.toString());
    assertTrue(weights.err().contains("writes no weights"), weights.err());
  }
}
