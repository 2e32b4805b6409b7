// `tdlc import maestro` on the mapping and HW files MAESTRO ran (validation/reference/maestro, with the
// commands): every layer keeps MAESTRO's name and shape and does MAESTRO's expected MACs, each dataflow becomes
// its family (KC-P ws, RS rs, YX-P and X-P os), and the cycles beside MAESTRO's are printed per dataflow (they
// are not expected to agree yet: docs/validation.md says why). A small imported network runs verified.
package org.tdlc.tests.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.tdlc.interop.maestro.MaestroImport;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.passes.mapping.Cost;
import org.tdlc.tests.Tdlc;
import org.tdlc.tests.validation.Csv;
import org.tdlc.tests.validation.MaestroComparison;
import org.tdlc.tests.validation.OneLayer;
import org.tdlc.tests.validation.Ratios;

class MaestroImportTest {
  private static final Path INPUTS = Path.of("validation/reference/maestro/inputs");
  private static final Path WORK = Path.of("tests/target/maestro-import");

  @Test
  void importedMappingFilesKeepMaestrosLayersMacsAndDataflowFamilies() throws Exception {
    Map<String, List<Map<String, String>>> runs = new LinkedHashMap<>();   // network_dataflow -> rows
    for (Map<String, String> row : Csv.read(MaestroComparison.SUMMARY)) {
      runs.computeIfAbsent(row.get("network") + "_" + row.get("dataflow"), k -> new ArrayList<>()).add(row);
    }
    Files.createDirectories(WORK);
    List<String> wrong = new ArrayList<>();
    Map<String, Ratios> cycles = new LinkedHashMap<>();
    for (var run : runs.entrySet()) {
      MaestroImport.Result imported = MaestroImport.run(INPUTS.resolve("mapping/tdlc_" + run.getKey() + ".m").toString(),
          INPUTS.resolve("hw/tdlc_256pe_noc64.m").toString());
      assertEquals(run.getValue().stream().map(r -> r.get("layer")).toList(), imported.layers());
      Path file = WORK.resolve(run.getKey() + ".tdl");
      Files.writeString(file, imported.text(), StandardCharsets.UTF_8);
      OneLayer.Compiled c = OneLayer.compile(file, imported.target(), imported.model());
      assertEquals(256, c.target().rows() * c.target().cols(), run.getKey() + ": the HW file's num_pes");
      String family = MaestroComparison.FAMILY.get(run.getValue().get(0).get("dataflow"));
      for (Map<String, String> row : run.getValue()) {
        Cost cost = c.costs().get(row.get("layer"));
        assertTrue(cost != null, run.getKey() + ": no layer " + row.get("layer") + " in " + c.costs().keySet());
        if (cost.macs() != Long.parseLong(row.get("macs_expected"))) {
          wrong.add(run.getKey() + "/" + row.get("layer") + ": " + cost.macs() + " MACs, expected " + row.get("macs_expected"));
        }
        String df = c.model().ops().stream().filter(o -> o.result().nameHint() != null
            && o.result().nameHint().equals(row.get("layer"))).findFirst().flatMap(Mapping::of).orElseThrow()
            .dataflow().toString().toLowerCase(java.util.Locale.ROOT);
        if (!df.equals(family)) wrong.add(run.getKey() + "/" + row.get("layer") + ": dataflow " + df + ", family " + family);
        cycles.computeIfAbsent(row.get("dataflow"), k -> new Ratios()).add(cost.cycles(), Double.parseDouble(row.get("cycles")));
      }
    }
    StringBuilder table = new StringBuilder("imported MAESTRO dataflow: cycles tdlc/MAESTRO median (worst)\n");
    cycles.forEach((df, r) -> table.append("  ").append(df).append(": ").append(r.cell()).append(" over ")
        .append(r.count()).append(" layers\n"));
    System.err.print(table);
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  /** A mapping file MAESTRO ran, imported with the HW file of its runs. */
  /** The target's network line. */
  private static String network(String text) {
    return text.lines().filter(l -> l.startsWith("  network {")).findFirst().orElseThrow();
  }

  private static String imported(String run) throws Exception {
    return MaestroImport.run(INPUTS.resolve("mapping/tdlc_" + run + ".m").toString(),
        INPUTS.resolve("hw/tdlc_256pe_noc64.m").toString()).text();
  }

  @Test
  void theDirectivesOrderIsThePesWalkWhereItFinishesEachOutputBeforeTheNext() throws Exception {
    // X-P: TemporalMap(1,1) K; TemporalMap(1,1) C; TemporalMap(Sz(R),1) Y; SpatialMap(Sz(S),1) X; R and S whole:
    // k, c and p stepped in that order, r and s innermost, q (spread) and n (1) where they change nothing
    String xp = imported("mobilenetv2_xp");
    assertTrue(xp.contains("@map(dataflow = os, rows = [q], cols = [], tile = { n = 1, k = 16, c = 32, p = 112, q = 112,"
        + " r = 1, s = 1 }, walk = [k, c, p, n, q, r, s], keep = { local = { } })"), xp);
    // RS steps C outside its K chunks on b3_p: carried over, that order would send i32 partial sums out and back.
    // On the depthwise b3_d the only reductions are r (on the rows) and s, walked inside q and k: each output is
    // finished before the next, so the order is pinned
    String rs = imported("mobilenetv2_rs");
    assertTrue(rs.contains("@map(dataflow = rs, rows = [], cols = [p], tile = { n = 1, k = 24, c = 144, p = 56, q = 56,"
        + " r = 1, s = 1 })\n  b3_p ="), rs);
    assertTrue(rs.contains("@map(dataflow = rs, rows = [r], cols = [p], tile = { n = 1, k = 144, c = 1, p = 56, q = 56,"
        + " r = 3, s = 3 }, walk = [q, k, s, n, c, p, r], keep = { local = { s = all } })\n  b3_d ="), rs);
  }

  @Test
  void eachPesLevelKeepsWhatMaestrosInnermostLevelMapsWhereItFits() throws Exception {
    // KC-P's innermost level takes R and S whole and slides Y and X by one: each PE's L1 holds one output's
    // window (r and s whole), kept where it fits the 64-byte level. conv1's 7x7 window (49 inputs, 49 weights
    // and an i32 partial sum, 102 bytes) does not, so its pin keeps the walk and leaves the keep to the rule
    String kcp = imported("resnet50_kcp");
    assertTrue(kcp.contains("r = 7, s = 7 }, walk = [p, q, r, s, n, k, c])\n  conv1 ="), kcp);
    assertTrue(kcp.contains("r = 3, s = 3 }, walk = [p, q, r, s, n, k, c], keep = { local = { r = all, s = all } })\n"
        + "  l1_x_c2 ="), kcp);
  }

  @Test
  void theClustersStartAfreshWhereEveryLayersWalkIsMaestros(@TempDir Path dir) throws Exception {
    // KC-P's Cluster(64), a column of the 64 x 4 array, and YX-P's Cluster(8) become the network's clusters
    assertTrue(imported("resnet50_kcp").contains("loads_stationary yes; cluster 64 PEs; }"));
    assertTrue(imported("resnet50_yxp").contains("loads_stationary yes; cluster 8 PEs; }"));
    assertFalse(network(imported("mobilenetv2_xp")).contains("cluster"), "X-P has one level");
    assertFalse(network(imported("mobilenetv2_rs")).contains("cluster"), "RS's Cluster(Sz(R)) differs between layers");
    // RS steps C outside its K chunks on b3_p, whose walk is then tdlc's own: no clusters, and the file says why;
    // the depthwise b3_d finishes each output first: its walk is MAESTRO's, and so are its clusters of 3
    String file = Files.readString(INPUTS.resolve("mapping/tdlc_mobilenetv2_rs.m"));
    for (String layer : List.of("b3_p", "b3_d")) {
      Path m = dir.resolve(layer + ".m");
      Files.writeString(m, "Network mobilenetv2_rs {\n" + MaestroComparison.layerBlock(file, layer) + "\n}\n");
      String text = MaestroImport.run(m.toString(), INPUTS.resolve("hw/tdlc_256pe_noc64.m").toString()).text();
      if (layer.equals("b3_p")) {
        assertTrue(!network(text).contains("cluster") && text.contains("// The layers' Cluster levels are not declared (a layer's"
            + " walk is tdlc's, not MAESTRO's"), text);
      } else {
        assertTrue(text.contains("loads_stationary yes; cluster 3 PEs; }"), text);
      }
    }
  }

  @Test
  void yxpClustersTakeEightOutputColumnsAtATime() throws Exception {
    // YX-P: TemporalMap(10,8) X at the top, Cluster(8), SpatialMap(Sz(S),1) X: each cluster's 8 PEs take 8 output
    // columns at a time. Where 8 divides Q, q is split so (8 on the rows, the rest walked) and a fold is MAESTRO's
    // block of output rows by 8 columns. Where it does not, tdlc's split, which divides the tile, takes as many
    // blocks of equal size: 14 columns (MAESTRO's 8 then 6) in 2 blocks of 7, and the layer's comment says so
    String yxp = imported("resnet50_yxp");
    assertTrue(yxp.contains("@map(dataflow = os, rows = [p, q], cols = [], spatial = { q = 8 }, tile = { n = 1, k = 64,"
        + " c = 64, p = 56, q = 56, r = 3, s = 3 }"), yxp);
    assertTrue(yxp.contains("  // MAESTRO's blocks of 8 output columns (q) do not divide its 14: tdlc's split must divide the"
        + " tile, so q is split in 2 blocks of 7 (MAESTRO's 2: 1 of 8, one of 6)\n  @map(dataflow = os, rows = [p, q], cols = [],"
        + " spatial = { q = 7 }, tile = { n = 1, k = 256, c = 256, p = 14, q = 14, r = 3, s = 3 }"), yxp);
  }

  @Test
  void anExportedSplitIndexComesBackAsASpatialPin() throws Exception {
    // `tdlc export maestro` writes a split index (its tdlc mapping comment says `spatial {c=4}`) as a Cluster level
    // whose SpatialMap gives each unit a chunk of several channels: the import pins it back as @map's spatial,
    // a depthwise layer's channels (g in the export's comment, the mapping's groups) as dwconv2d's k
    Path dir = Path.of("validation/reference/maestro/export");
    int splits = 0, depthwiseSplits = 0;
    for (String run : List.of("resnet50_eyeriss", "mobilenetv2_eyeriss", "resnet50_default")) {
      Path m = Files.list(dir.resolve(run)).filter(f -> f.toString().endsWith(".m") && !f.toString().endsWith("_hw.m"))
          .findFirst().orElseThrow();
      Path hw = Files.list(dir.resolve(run)).filter(f -> f.toString().endsWith("_hw.m")).findFirst().orElseThrow();
      // layer -> its split of channel indices as the export's comment says it (a split of an output row or column,
      // p or q, is not read back where the tile is not the whole layer: docs/interop.md)
      Map<String, String> exported = new LinkedHashMap<>();
      String pending = "", layerName = null;
      for (String line : Files.readAllLines(m)) {
        java.util.regex.Matcher c = java.util.regex.Pattern.compile("// tdlc mapping: .*?(?:, spatial \\{([^}]*)\\})?, order")
            .matcher(line);
        if (c.find()) {
          pending = c.group(1) == null ? "" : java.util.Arrays.stream(c.group(1).split(", "))
              .filter(e -> !e.startsWith("p=") && !e.startsWith("q=")).map(e -> e.replace("=", " = "))
              .collect(java.util.stream.Collectors.joining(", "));
        }
        java.util.regex.Matcher layer = java.util.regex.Pattern.compile("^\\s*Layer (\\w+) \\{").matcher(line);
        if (layer.find()) exported.put(layerName = layer.group(1), pending);
        if (line.trim().equals("Type: DSCONV")) {
          exported.put(layerName, pending.replace("g = ", "k = "));
          if (!pending.isEmpty()) depthwiseSplits++;
        }
      }
      String text = MaestroImport.run(m.toString(), hw.toString()).text();
      for (var e : exported.entrySet()) {
        java.util.regex.Matcher pin = java.util.regex.Pattern.compile("@map\\(([^\\n]*)\\)\\n  " + e.getKey() + " = ")
            .matcher(text);
        assertTrue(pin.find(), run + ": no pin for " + e.getKey());
        java.util.regex.Matcher spatial = java.util.regex.Pattern.compile("spatial = \\{ ([^}]*) \\}").matcher(pin.group(1));
        assertEquals(e.getValue(), spatial.find() ? spatial.group(1) : "", run + "/" + e.getKey());
        if (!e.getValue().isEmpty()) splits++;
      }
    }
    assertTrue(splits >= 20, splits + " split layers");
    assertTrue(depthwiseSplits >= 2, depthwiseSplits + " split depthwise layers");
  }

  @Test
  void aSplitIndexImportedFromMaestroRunsVerified(@TempDir Path dir) throws Exception {
    // 8 channels over 4 units, 2 each: c spreads 4 of its 8 and each PE walks the other 2
    Path out = importFile(dir, "split", """
        Network split {
          Layer conv {
            Type: CONV
            Dimensions { K: 8, C: 8, R: 3, S: 3, Y: 10, X: 10 }
            Dataflow {
              SpatialMap(1,1) K;
              TemporalMap(8,8) C;
              TemporalMap(Sz(R),Sz(R)) R;
              TemporalMap(Sz(S),Sz(S)) S;
              TemporalMap(Sz(R),1) Y;
              TemporalMap(Sz(S),1) X;
              Cluster(4, P);
              SpatialMap(2,2) C;
              TemporalMap(Sz(R),Sz(R)) R;
              TemporalMap(Sz(S),Sz(S)) S;
            }
          }
        }
        """, "num_pes: 16\nnoc_bw_cstr: 8\n");
    String text = Files.readString(out);
    assertTrue(text.contains("@map(dataflow = ws, rows = [c], cols = [k], spatial = { c = 4 }"), text);
    runsVerified(out);
  }

  @Test
  void aDepthwiseSplitAndBlocksThatDoNotDivideTheColumnsRunVerified(@TempDir Path dir) throws Exception {
    // dw: 16 channels, 8 a step over 4 clusters, each walking 2 (SpatialMap(2,2) C): dwconv2d's k spreads 4 of its
    // tile of 16 and each PE walks the other 4 (2 a step, two steps). yx: YX-P's 8 output columns a cluster
    // (TemporalMap(10,8) X) on 14 columns: 2 blocks of 7
    Path out = importFile(dir, "blocks", """
        Network blocks {
          Layer dw {
            Type: DSCONV
            Dimensions { K: 1, C: 16, R: 3, S: 3, Y: 10, X: 10 }
            Dataflow {
              TemporalMap(8,8) C;
              TemporalMap(Sz(R),1) Y;
              TemporalMap(Sz(S),1) X;
              TemporalMap(Sz(R),Sz(R)) R;
              TemporalMap(Sz(S),Sz(S)) S;
              Cluster(4, P);
              SpatialMap(2,2) C;
              TemporalMap(Sz(R),Sz(R)) R;
              TemporalMap(Sz(S),Sz(S)) S;
            }
          }
          Layer yx {
            Type: CONV
            Dimensions { K: 4, C: 4, R: 3, S: 3, Y: 16, X: 16 }
            Dataflow {
              TemporalMap(1,1) K;
              TemporalMap(1,1) C;
              SpatialMap(Sz(R),1) Y;
              TemporalMap(10,8) X;
              Cluster(8, P);
              SpatialMap(Sz(S),1) X;
              TemporalMap(Sz(R),Sz(R)) R;
              TemporalMap(Sz(S),Sz(S)) S;
            }
          }
        }
        """, "num_pes: 64\nnoc_bw_cstr: 16\n");
    String text = Files.readString(out);
    assertTrue(text.matches("(?s).*@map\\(dataflow = ws, rows = \\[\\], cols = \\[k\\], spatial = \\{ k = 4 \\}[^\\n]*\\)\\n  dw = .*"),
        text);
    assertTrue(text.contains("// MAESTRO's blocks of 8 output columns (q) do not divide its 14: tdlc's split must divide the "
        + "tile, so q is split in 2 blocks of 7 (MAESTRO's 2: 1 of 8, one of 6)"), text);
    assertTrue(text.matches("(?s).*@map\\(dataflow = os, rows = \\[p, q\\], cols = \\[\\], spatial = \\{ q = 7 \\}[^\\n]*\\)\\n  yx = .*"),
        text);
    runsVerified(out);
  }

  @Test
  void anImportedNetworkRunsVerified(@TempDir Path dir) throws Exception {
    Path out = importFile(dir, "small", """
        Constant TileC 4;
        Network small {
          Layer conv_a {
            Type: CONV
            Stride { X: 2, Y: 2 }
            Dimensions { K: 8, C: 4, R: 3, S: 3, Y: 11, X: 11 }
            Dataflow {
              SpatialMap(1,1) K;
              TemporalMap(TileC,TileC) C;
              TemporalMap(Sz(R),Sz(R)) R;
              TemporalMap(Sz(S),Sz(S)) S;
              TemporalMap(Sz(R),1) Y;
              TemporalMap(Sz(S),1) X;
              Cluster(4, P);
              SpatialMap(1,1) C;
              TemporalMap(Sz(R),Sz(R)) R;
              TemporalMap(Sz(S),Sz(S)) S;
            }
          }
          Layer dw {
            Type: DSCONV
            Dimensions { K: 1, C: 8, R: 3, S: 3, Y': 5, X': 5 }
            Dataflow { SpatialMap(1,1) C; TemporalMap(Sz(R),1) Y; TemporalMap(Sz(S),1) X; }
          }
          Layer fc {
            Type: GEMM
            Dimensions { M: 16, N: 10, K: 32 }
          }
        }
        """, "num_pes: 16\nnoc_bw_cstr: 8\noffchip_bw_cstr: 32\n");
    String text = Files.readString(out);
    assertTrue(text.contains("pe_array 4 x 4;") && text.contains("bandwidth 8 B/cycle") && text.contains("bandwidth 32 B/cycle"),
        text);
    // the GEMM takes the DSCONV's dataflow (no Dataflow block), as MAESTRO does; the DSCONV is given by its output
    assertTrue(text.contains("input dw_x : i8[1, 8, 7, 7];"), text);
    String run = runsVerified(out);
    for (String layer : List.of("conv_a", "dw", "fc")) assertTrue(run.contains("\"name\": \"" + layer + "\""), layer);
  }

  /** Writes a MAESTRO mapping file and HW file, imports them into DIR/NAME.tdl, and returns that file. */
  private static Path importFile(Path dir, String name, String mapping, String hw) throws Exception {
    Path m = dir.resolve(name + ".m"), h = dir.resolve("hw.m"), out = dir.resolve(name + ".tdl");
    Files.writeString(m, mapping);
    Files.writeString(h, hw);
    Tdlc.Result imported = Tdlc.run("import", "maestro", m.toString(), h.toString(), "-o", out.toString());
    assertEquals(0, imported.code(), imported.toString());
    return out;
  }

  /** Runs an imported file on its target, its outputs checked bit for bit; returns the run's JSON. */
  private static String runsVerified(Path file) {
    Tdlc.Result run = Tdlc.run("run", file.toString(), "--target", "hw", "--json");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().contains("\"verified\": true"), run.out());
    return run.out();
  }

  @Test
  void malformedFilesAreLocatedErrorsAndNothingIsWritten(@TempDir Path dir) throws Exception {
    String layer = "Network n {\n Layer a {\n  Type: CONV\n  Dimensions { K: 2, C: 2, R: 1, S: 1, Y: 4, X: 4 }\n"
        + "  Dataflow {\n    SpatialMap(1,1) K;\n    %s\n  }\n }\n}\n";
    assertError(dir, layer.formatted("TemporalMapp(1,1) C;"), null,
        "bad.m:7:5: error: unknown directive 'TemporalMapp'; the directives are TemporalMap, SpatialMap, Cluster");
    assertError(dir, layer.formatted("TemporalMap(1,1) Q;"), null, "bad.m:7:22: error: unknown dimension 'Q'");
    assertError(dir, layer.formatted("TemporalMap(Sz(G),1) C;"), null, "bad.m:7:20: error: Sz(G): the layer gives no dimension G");
    assertError(dir, layer.formatted("TemporalMap(1,1) C;").replace("CONV", "NGCONV"), null,
        "bad.m:3:9: error: layer type NGCONV cannot be imported");
    assertError(dir, layer.formatted("TemporalMap(1,1) C;").replace(" }\n}", ""), null, "bad.m:9:1: error: the file ends");
    assertError(dir, layer.formatted("TemporalMap(1,1) C;"), "num_pes: 16\nnum_simd_lanes: 2\n",
        "hw.m:2:1: error: unknown key 'num_simd_lanes'");
    assertError(dir, layer.formatted("TemporalMap(1,1) C;"), "num_pes: many\n", "hw.m:1:10: error: num_pes takes a positive integer");
  }

  private static void assertError(Path dir, String mapping, String hw, String expected) throws Exception {
    Files.writeString(dir.resolve("bad.m"), mapping);
    List<String> args = new ArrayList<>(List.of("import", "maestro", dir.resolve("bad.m").toString()));
    if (hw != null) {
      Files.writeString(dir.resolve("hw.m"), hw);
      args.add(dir.resolve("hw.m").toString());
    }
    Path out = dir.resolve("out.tdl");
    args.addAll(List.of("-o", out.toString()));
    Tdlc.Result r = Tdlc.run(args.toArray(String[]::new));
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith(dir + "/" + expected), "expected " + expected + "\n" + r);
    assertTrue(!Files.exists(out), "nothing written");
  }
}
