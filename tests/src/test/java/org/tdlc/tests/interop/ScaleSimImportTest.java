// `tdlc import scalesim` against SCALE-Sim itself: every configuration x topology SCALE-Sim ran
// (validation/reference/scalesim, with the commands), imported from the committed cfg and CSV, mapped and
// costed; each layer must do SCALE-Sim's MACs, and its cycles must be within 1 % of SCALE-Sim's wherever the
// hand-written stand-in targets (validation/tdlc/scalesim.csv) are. Then the files SCALE-Sim would refuse.
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
}
