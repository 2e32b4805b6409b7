// `tdlc import maestro` of depthwise (DSCONV) layers: MAESTRO's C is dwconv2d's channel index k, and the
// dimensions the levels spread are pinned as they are for a conv2d (MaestroImport.Spread). A MobileNetV2
// depthwise layer of stride 1 and one of stride 2 from the files MAESTRO ran, each imported alone in each of the
// four dataflows, gets the pin of its dataflow and runs bit-exact with its prediction equal to the simulation;
// spread channels beside input-only indices (which ws cannot put on its rows) are pinned on the columns alone
// and the rest named in a comment.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tdlc.tests.validation.Csv;
import org.tdlc.tests.validation.MaestroComparison;

class MaestroDepthwiseImportTest {
  /**
   * KC-P's depthwise form spreads C over all the PEs (ws, channels on the columns); RS spreads output rows over
   * its clusters and filter rows inside one (rs); YX-P output rows and columns, X-P output columns (os, rows).
   */
  @ParameterizedTest
  @CsvSource({"kcp, ws, '', k", "rs, rs, r, p", "yxp, os, 'p, q', ''", "xp, os, q, ''"})
  void aMobileNetV2DepthwiseLayerIsPinnedAsMaestroSpreadsItAndRunsVerified(String dataflow, String family, String rows,
                                                                          String cols, @TempDir Path dir) throws Exception {
    String file = Files.readString(MaestroComparison.INPUTS.resolve("mapping/tdlc_mobilenetv2_" + dataflow + ".m"));
    for (String layer : List.of("b15_d", "b4_d")) {
      Map<String, String> row = Csv.read(MaestroComparison.SUMMARY).stream().filter(r -> r.get("network").equals("mobilenetv2")
          && r.get("layer").equals(layer) && r.get("dataflow").equals(dataflow)).findFirst().orElseThrow();
      assertEquals("DSCONV", row.get("type"));
      Path m = dir.resolve(layer + ".m"), tdl = dir.resolve(layer + ".tdl");
      Files.writeString(m, "Network mobilenetv2_" + dataflow + " {\n" + MaestroComparison.layerBlock(file, layer) + "\n}\n");
      Tdlc.Result imported = Tdlc.run("import", "maestro", m.toString(), MaestroComparison.HW.toString(), "-o", tdl.toString());
      assertEquals(0, imported.code(), imported.toString());
      // YX-P's clusters take 8 output columns (4 at stride 2) at a time: where that divides Q, q is split so
      String split = dataflow.equals("yxp") && Integer.parseInt(row.get("Q_out")) % (8 / Integer.parseInt(row.get("stride"))) == 0
          ? "spatial = { q = " + 8 / Integer.parseInt(row.get("stride")) + " }, " : "";
      String pin = "  @map(dataflow = " + family + ", rows = [" + rows + "], cols = [" + cols + "], " + split + "tile = { n = 1, k = "
          + row.get("C") + ", c = 1, p = " + row.get("P_out") + ", q = " + row.get("Q_out") + ", r = " + row.get("R")
          + ", s = " + row.get("S") + " }";
      // the directives' order is the PEs' walk too (MaestroImport.walk): a depthwise layer's only reductions, r and s,
      // are walked inside its outputs (or spread), so each output is finished before the next (finishesOutputs)
      pin += ", walk = [";
      String text = Files.readString(tdl);
      assertTrue(text.contains(pin), "expected\n" + pin + "\nin\n" + text);

      String what = dataflow + " " + layer;
      Tdlc.Result run = Tdlc.run("run", tdl.toString(), "--target", "tdlc_256pe_noc64", "--json");
      assertEquals(0, run.code(), run.toString());
      assertTrue(run.out().contains("\"verified\": true") && !run.out().contains("\"bit_exact\": false"), what + ": " + run.out());
      ModelsTest.assertPredictedEqualsSimulated(what, run.out());
      JsonNode l = Reports.layer(Reports.onlyRun(run.out()), layer);
      assertEquals("pin", l.get("mapping_source").asText(), what);
      assertEquals(family, l.get("dataflow").asText(), what);
      // mapped in the space of groups: the channel index k is g there
      assertEquals(axis(rows), names(l.get("mapping").get("rows")), what + " rows");
      assertEquals(axis(cols), names(l.get("mapping").get("cols")), what + " cols");
      assertEquals(Long.parseLong(row.get("macs_expected")), l.get("macs").asLong(), what + " MACs");
    }
  }

  /**
   * A depthwise layer whose levels spread its channels and its output rows (no reduction index) is ws: its
   * channels go on the columns, and the output rows, which ws's rows cannot hold, are named unpinned.
   */
  @Test
  void outputRowsSpreadBesideTheChannelsAreNamedUnpinned(@TempDir Path dir) throws Exception {
    Path m = dir.resolve("dw.m"), hw = dir.resolve("hw.m"), tdl = dir.resolve("dw.tdl");
    Files.writeString(m, """
        Network n {
          Layer dw {
            Type: DSCONV
            Dimensions { K: 1, C: 8, R: 3, S: 3, Y: 10, X: 10 }
            Dataflow { SpatialMap(1,1) C; Cluster(4, P); SpatialMap(Sz(R),1) Y; TemporalMap(Sz(S),1) X; }
          }
        }
        """);
    Files.writeString(hw, "num_pes: 16\nnoc_bw_cstr: 8\n");
    Tdlc.Result imported = Tdlc.run("import", "maestro", m.toString(), hw.toString(), "-o", tdl.toString());
    assertEquals(0, imported.code(), imported.toString());
    String text = Files.readString(tdl);
    assertTrue(text.contains("pe_array 4 x 4;"), "the PEs of C's level on the columns, Y's on the rows:\n" + text);
    assertTrue(text.contains("  // not pinned: the levels also spread p beside the channels k, but ws puts only reduction"
        + " indices on the rows\n  @map(dataflow = ws, rows = [], cols = [k], tile = { n = 1, k = 8, c = 1, p = 8, q = 8,"
        + " r = 3, s = 3 }, walk = ["), text);
    Tdlc.Result run = Tdlc.run("run", tdl.toString(), "--target", "hw", "--json");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().contains("\"verified\": true") && !run.out().contains("\"bit_exact\": false"), run.out());
    ModelsTest.assertPredictedEqualsSimulated("dw", run.out());
    assertEquals("pin", Reports.layer(Reports.onlyRun(run.out()), "dw").get("mapping_source").asText());
  }

  /** An axis as written in the pin, in the space of groups (k is g). */
  private static List<String> axis(String written) {
    return written.isEmpty() ? List.of() : List.of(written.split(", ")).stream().map(d -> d.equals("k") ? "g" : d).toList();
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
