// `tdlc export maestro` against MAESTRO: the exporter must still write exactly the files MAESTRO was run on
// (validation/reference/maestro/export, with the commands), every mapped layer is in them, and for every layer the
// MACs MAESTRO reported on them must equal tdlc's. tdlc's cycles beside MAESTRO's runtime are printed (they are not
// expected to agree yet). Then the round trip: `tdlc import maestro` of the exported files, compiled, pins on each
// layer the indices tdlc had on each array axis, less exactly those the file says MAESTRO steps in time.
package org.tdlc.tests.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tdlc.ir.Model;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.passes.mapping.Cost;
import org.tdlc.tests.Tdlc;
import org.tdlc.tests.validation.OneLayer;
import org.tdlc.tests.validation.Ratios;

class MaestroExportTest {
  private static final Path REF = Path.of("validation/reference/maestro/export");

  @ParameterizedTest
  @CsvSource({"examples/resnet_block.tdl, nvdla, resnet_block_nvdla",
      "models/mobilenetv2.tdl, default, mobilenetv2_default", "models/mobilenetv2.tdl, eyeriss, mobilenetv2_eyeriss",
      "models/resnet50.tdl, default, resnet50_default", "models/resnet50.tdl, eyeriss, resnet50_eyeriss"})
  void exportedFilesAreWhatMaestroRanAndItsMacsAreTdlcs(String file, String target, String dir, @TempDir Path out)
      throws Exception {
    Tdlc.Result r = Tdlc.run("export", "maestro", file, "--target", target, "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    Path ref = REF.resolve(dir);
    List<Path> committed;
    try (Stream<Path> s = Files.list(ref)) {
      committed = s.filter(p -> p.toString().endsWith(".m")).sorted().toList();
    }
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(committed.stream().map(p -> p.getFileName().toString()).toList(),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    for (Path p : committed) {
      assertEquals(Files.readString(p), Files.readString(out.resolve(p.getFileName())), p + " changed: rerun MAESTRO on it ("
          + REF.resolve("README.md") + ")");
    }
    Path mapping = committed.stream().filter(p -> !p.toString().endsWith("_hw.m")).findFirst().orElseThrow();
    String model = mapping.getFileName().toString().replace(".m", "");
    List<String> layers = all(Pattern.compile("(?m)^  Layer (\\w+) \\{"), Files.readString(mapping));
    String screen = Files.readString(ref.resolve(model + ".out"));
    List<String> macs = all(Pattern.compile("(?m)^Num MACs: (\\d+)"), screen);
    List<String> runtime = all(Pattern.compile("(?m)^Num MACs: \\d+\\s+\\[Performance Analysis\\]\\s+Runtime: (\\d+) cycles"), screen);
    assertEquals(layers.size(), macs.size(), "MAESTRO reported every layer");
    OneLayer.Compiled compiled = OneLayer.compile(Path.of(file), target, model);
    Map<String, Cost> costs = compiled.costs();
    assertEquals(costs.keySet().stream().sorted().toList(), layers.stream().sorted().toList(), "every mapped layer exported");
    List<String> wrong = new ArrayList<>();
    Ratios cycles = new Ratios();
    for (int i = 0; i < layers.size(); i++) {
      Cost c = costs.get(layers.get(i));
      if (c.macs() != Long.parseLong(macs.get(i))) wrong.add(layers.get(i) + ": tdlc " + c.macs() + " MACs, MAESTRO " + macs.get(i));
      cycles.add(c.cycles(), Long.parseLong(runtime.get(i)));
    }
    System.err.println(dir + ": " + layers.size() + " layers, cycles tdlc/MAESTRO " + cycles.cell());
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    roundTrip(out, Files.readString(mapping), target, model, dir);
  }

  /**
   * Import the exported files and compare each pinned layer's axes with those of the mapping exported (the file's
   * `// tdlc mapping:` line), less what the file says MAESTRO steps in time.
   */
  private static void roundTrip(Path out, String exported, String target, String model, String dir) throws Exception {
    Path tdl = out.resolve("imported.tdl");
    Tdlc.Result r = Tdlc.run("import", "maestro", out.resolve(model + ".m").toString(), out.resolve(target + "_hw.m").toString(),
        "-o", tdl.toString());
    assertEquals(0, r.code(), r.toString());
    Map<String, Mapping> imported = mappings(OneLayer.compile(tdl, target + "_hw", model).model());
    Matcher layer = Pattern.compile("(?s)((?:  //[^\n]*\n)*)  Layer (\\w+) \\{\\s*Type: (\\w+)").matcher(exported);
    Pattern axes = Pattern.compile("tdlc mapping: (\\w+), rows ([^,]+), columns ([^,]+), tile \\{([^}]*)\\}");
    List<String> wrong = new ArrayList<>();
    int pinned = 0, exact = 0;
    while (layer.find()) {
      String name = layer.group(2);
      pinned++;
      List<String> stepped = all(Pattern.compile("differs from tdlc: \\w+ \\((\\w+)\\) is stepped in time"), layer.group(1));
      if (stepped.isEmpty()) exact++;
      Matcher want = axes.matcher(layer.group(1));
      assertTrue(want.find(), layer.group(1));
      Map<String, Integer> tile = new LinkedHashMap<>();
      for (String e : want.group(4).split(", ")) tile.put(e.split("=")[0], Integer.parseInt(e.split("=")[1]));
      List<List<String>> expected = new ArrayList<>();
      for (String axis : List.of(want.group(2), want.group(3))) {
        expected.add(axis.equals("-") ? List.of()
            : List.of(axis.split(" x ")).stream().filter(d -> !stepped.contains(d) && tile.get(d) > 1).toList());
      }
      // MAESTRO's directives do not say which axis a level is on: an rs mapping that spreads no reduction
      // index (output channels on the rows, outputs on the columns) reads back as os, its axes swapped; one
      // that spreads some reads back with its reduction indices on the rows and the others on the columns
      // (MaestroImport.Spread: rows k x r, columns p read back as rows r, columns k x p)
      java.util.Set<String> reduced = layer.group(3).equals("GEMM") ? java.util.Set.of("k") : java.util.Set.of("c", "r", "s");
      List<String> spread = expected.stream().flatMap(List::stream).toList();
      if (want.group(1).equals("rs") && spread.stream().noneMatch(reduced::contains)) {
        expected = List.of(expected.get(1), expected.get(0));
      } else if (want.group(1).equals("rs")) {
        expected = List.of(spread.stream().filter(reduced::contains).toList(),
            spread.stream().filter(d -> !reduced.contains(d)).toList());
      }
      Mapping got = imported.get(name);
      if (!expected.equals(List.of(got.rows(), got.cols()))) {
        wrong.add(name + ": tdlc rows " + want.group(2) + ", columns " + want.group(3) + (stepped.isEmpty() ? "" : ", "
            + stepped + " stepped") + "; imported rows " + got.rows() + " cols " + got.cols());
      }
    }
    System.err.println(dir + ": round trip of the array axes on " + pinned + " pinned layers, " + exact
        + " with every index spread");
    assertTrue(pinned > 0 && wrong.isEmpty(), String.join("\n", wrong));
  }

  private static Map<String, Mapping> mappings(Model model) {
    Map<String, Mapping> out = new LinkedHashMap<>();
    for (int i = 0; i < model.ops().size(); i++) {
      int at = i;
      Mapping.of(model.ops().get(i)).ifPresent(m -> out.put(model.layerName(at), m));
    }
    return out;
  }

  private static List<String> all(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /** A target's network is MAESTRO's NoC (the slower of it and the global port) and back: bandwidth and latency. */
  @Test
  void theNetworkIsMaestrosNocBothWays(@TempDir Path dir) throws Exception {
    Path tdl = dir.resolve("net.tdl");
    Files.writeString(tdl, """
        target net {
          pe_array 8 x 8; dataflows ws; frequency 1000 MHz; datatype i8 accumulate i32;
          memory dram   { bandwidth 64 B/cycle; energy 1 pJ/B; latency 10 cycles; }
          memory global { size 1 MiB; bandwidth 48 B/cycle; energy 1 pJ/B; }
          network { bandwidth 24 B/cycle; latency 2 cycles; multicast yes; reduction yes; }
          mac { energy 1 pJ; }
        }
        model m {
          input x : i8[1, 8, 10, 10];
          weight w : i8[16, 8, 3, 3] init random(seed = 1);
          y = conv2d(x, w, stride = 1, pad = 1);
          output y;
        }
        """);
    Path out = dir.resolve("out");
    Tdlc.Result r = Tdlc.run("export", "maestro", tdl.toString(), "--target", "net", "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    String hw = Files.readString(out.resolve("net_hw.m"));
    assertTrue(hw.contains("noc_bw_cstr: 24\n") && hw.contains("NoC_NumHops: 3\n"), hw);
    Path back = dir.resolve("back.tdl");
    Tdlc.Result i = Tdlc.run("import", "maestro", out.resolve("m.m").toString(), out.resolve("net_hw.m").toString(),
        "-o", back.toString());
    assertEquals(0, i.code(), i.toString());
    String text = Files.readString(back);
    // and its Cluster(8) level, a column of the 8 x 8 array, starts afresh at every step of the level above
    assertTrue(text.contains("network { bandwidth 24 B/cycle; latency 2 cycles; multicast yes; reduction yes; "
        + "loads_stationary yes; cluster 8 PEs; }"), "MAESTRO's NoC carries the stationary operands too:\n" + text);
  }

  @Test
  void anUnknownLayerIsAUsageErrorAndNothingIsWritten(@TempDir Path out) throws Exception {
    Path dir = out.resolve("x");
    Tdlc.Result r = Tdlc.run("export", "maestro", "examples/resnet_block.tdl", "--target", "nvdla", "--layer", "nope", "-o", dir.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("no mapped layer named 'nope'") && r.err().contains("r1"), r.err());
    assertTrue(!Files.exists(dir), "nothing written");
    Tdlc.Result one = Tdlc.run("export", "maestro", "examples/resnet_block.tdl", "--target", "nvdla", "--layer", "y", "-o", dir.toString(), "--json");
    assertEquals(0, one.code(), one.toString());
    assertTrue(one.out().contains("\"layers\": [\"y\"]"), one.out());
    assertTrue(Files.readString(dir.resolve("resnet_block.m")).contains("Layer y {")
        && !Files.readString(dir.resolve("resnet_block.m")).contains("Layer r1 {"));
  }
}
