// tdlc against MAESTRO (validation/reference/maestro): every layer MAESTRO ran in each of its four dataflows
// (KC-P, YX-P, X-P, RS on 256 PEs, a 64-element NoC), compared twice:
// - on the same mapping (sameMapping): each layer of the mapping file MAESTRO ran, imported alone with its HW file
//   by `tdlc import maestro` (MaestroImport), so the target has that layer's clusters as its array (RS's
//   Cluster(Sz(R)) changes with the filter), the NoC as tdlc's network (64 B/cycle, multicast, reduction) and the
//   layer the dimensions each cluster level spreads pinned on the rows and columns in its dataflow's family;
// - with tdlc's own mapper (layers) on the stand-in target of that dataflow's family (validation/tdlc/
//   targets.tdl: KC-P -> ws, YX-P and X-P -> os, RS -> rs; 16 x 16 PEs, 64 B/cycle from the global buffer).
// Compared: cycles per dataflow, whether the fastest dataflow is the same, and whether energy differs between
// dataflows as MAESTRO's does.
package org.tdlc.tests.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.interop.maestro.MaestroImport;
import org.tdlc.ir.Operation;
import org.tdlc.ir.mapping.Mapping;

public final class MaestroComparison {
  public static final Path SUMMARY = Path.of("validation/reference/maestro/summary.csv");
  public static final Map<String, String> FAMILY = Map.of("kcp", "ws", "yxp", "os", "xp", "os", "rs", "rs");
  private static final Map<String, String> NAME = Map.of("kcp", "KC-P", "yxp", "YX-P", "xp", "X-P", "rs", "RS");

  public record Layer(Map<String, String> tool, OneLayer.Result tdlc) {
    double tool(String column) { return Double.parseDouble(tool.get(column)); }
    String key() { return tool.get("network") + "/" + tool.get("layer"); }
  }

  public static final Path INPUTS = Path.of("validation/reference/maestro/inputs");
  public static final Path HW = INPUTS.resolve("hw/tdlc_256pe_noc64.m");
  private static final Path WORK = Path.of("tests/target/validation/maestro");

  /** With tdlc's mapper on the family's 16 x 16 stand-in. */
  public final List<Layer> layers = new ArrayList<>();
  /** On MAESTRO's own mapping: each layer imported alone from the file MAESTRO ran. */
  public final List<Layer> sameMapping = new ArrayList<>();

  public static MaestroComparison run() {
    MaestroComparison c = new MaestroComparison();
    Map<String, String> files = new LinkedHashMap<>();
    for (Map<String, String> row : Csv.read(SUMMARY)) {
      int[] v = ints(row, "K", "C", "R", "S", "stride", "pad", "P_out", "Q_out");
      c.layers.add(new Layer(row, OneLayer.conv(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
          row.get("type").equals("DSCONV"), "maestro_" + FAMILY.get(row.get("dataflow")))));
      String run = "tdlc_" + row.get("network") + "_" + row.get("dataflow");
      String text = files.computeIfAbsent(run, f -> read(INPUTS.resolve("mapping/" + f + ".m")));
      c.sameMapping.add(new Layer(row, imported(run, row.get("layer"), text)));
    }
    return c;
  }

  /** Layer {@code layer} of a MAESTRO mapping file alone, imported with the HW file MAESTRO ran, compiled and costed. */
  private static OneLayer.Result imported(String run, String layer, String text) {
    try {
      Files.createDirectories(WORK);
      Path m = WORK.resolve(run + "_" + layer + ".m");
      Files.writeString(m, "Network " + run + " {\n" + layerBlock(text, layer) + "\n}\n", StandardCharsets.UTF_8);
      MaestroImport.Result r = MaestroImport.run(m.toString(), HW.toString());
      Path tdl = WORK.resolve(run + "_" + layer + ".tdl");
      Files.writeString(tdl, r.text(), StandardCharsets.UTF_8);
      OneLayer.Compiled c = OneLayer.compile(tdl, r.target(), r.model());
      Operation op = c.model().ops().stream().filter(o -> o.attributes().has(Mapping.ATTR)).findFirst().orElseThrow();
      return new OneLayer.Result(c.costs().get(layer), Mapping.of(op).orElseThrow(), c.target());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of {@code Layer NAME { ... }} in a mapping file, braces matched. */
  public static String layerBlock(String text, String name) {
    int a = text.indexOf("Layer " + name + " {");
    if (a < 0) throw new IllegalArgumentException("no layer " + name);
    int depth = 0;
    for (int i = text.indexOf('{', a); i < text.length(); i++) {
      if (text.charAt(i) == '{') depth++;
      else if (text.charAt(i) == '}' && --depth == 0) return text.substring(a, i + 1);
    }
    throw new IllegalArgumentException("layer " + name + " is not closed");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether MAESTRO counted the layer's MACs right (YX-P and RS miscount some strided layers: README). */
  static boolean macsRight(Layer l) {
    return l.tool().get("macs_maestro").equals(l.tool().get("macs_expected"));
  }

  /**
   * On the same mapping, per dataflow over the layers whose MACs MAESTRO counts right: cycles ratio, layers
   * within 20 %, the PEs tdlc keeps busy in a full fold over MAESTRO's average of utilized PEs, and L2 traffic.
   */
  public String sameMappingTable() {
    Map<String, Ratios[]> by = new LinkedHashMap<>();
    Map<String, Integer> left = new LinkedHashMap<>();
    for (Layer l : sameMapping) {
      Ratios[] r = by.computeIfAbsent(l.tool().get("dataflow"), k -> new Ratios[] {new Ratios(), new Ratios(), new Ratios(),
          new Ratios()});
      if (!macsRight(l)) {
        left.merge(l.tool().get("dataflow"), 1, Integer::sum);
        continue;
      }
      r[0].add(l.tdlc().cost().cycles(), l.tool("cycles"));
      r[1].add(Mappings.pesUsed(l.tdlc()), l.tool("avg_utilized_pes"));
      r[2].add(l.tdlc().cost().globalBytes(), l.tool("l2_reads") + l.tool("l2_writes"));
      r[3].add(l.tdlc().cost().energyPj(), l.tool("energy_mac_units"));
    }
    StringBuilder b = new StringBuilder("| MAESTRO dataflow | tdlc dataflow (pins) | layers | cycles | within 20 % "
        + "| busy PEs | global buffer (L2) traffic | energy |\n|---|---|---|---|---|---|---|---|\n");
    by.forEach((df, r) -> b.append("| ").append(NAME.get(df)).append(" | ").append(PINS.get(df)).append(" | ")
        .append(r[0].count()).append(left.containsKey(df) ? " (" + left.get(df) + " left out)" : "").append(" | ")
        .append(r[0].cell()).append(" | ").append(r[0].within(0.2)).append(" | ").append(r[1].cell()).append(" | ")
        .append(r[2].cell()).append(" | ").append(r[3].cell()).append(" |\n"));
    return b.toString();
  }

  /** On the same mapping, per dataflow, tdlc's cycles over MAESTRO's on the layers whose MACs MAESTRO counts right. */
  public Map<String, Ratios> sameMappingCycles() {
    Map<String, Ratios> by = new LinkedHashMap<>();
    for (Layer l : sameMapping) {
      if (macsRight(l)) by.computeIfAbsent(l.tool().get("dataflow"), k -> new Ratios()).add(l.tdlc().cost().cycles(), l.tool("cycles"));
    }
    return by;
  }

  private static final Map<String, String> PINS = Map.of("kcp", "ws, c x k on 64 x 4", "rs",
      "rs, r x p on R x 256/R", "yxp", "os, p*q x - on 256 x 1", "xp", "os, q x - on 256 x 1");

  private static int[] ints(Map<String, String> row, String... columns) {
    int[] v = new int[columns.length];
    for (int i = 0; i < columns.length; i++) v[i] = Integer.parseInt(row.get(columns[i]));
    return v;
  }

  /** Per dataflow: cycles ratio, layers within 20 %, L2 (global buffer) traffic ratio. */
  public String table() {
    Map<String, Ratios[]> by = new LinkedHashMap<>();
    for (Layer l : layers) {
      Ratios[] r = by.computeIfAbsent(l.tool().get("dataflow"), k -> new Ratios[] {new Ratios(), new Ratios()});
      r[0].add(l.tdlc().cost().cycles(), l.tool("cycles"));
      r[1].add(l.tdlc().cost().globalBytes(), l.tool("l2_reads") + l.tool("l2_writes"));
    }
    StringBuilder b = new StringBuilder("| MAESTRO dataflow | tdlc dataflow | layers | cycles | within 20 % "
        + "| global buffer (L2) traffic |\n|---|---|---|---|---|---|\n");
    by.forEach((df, r) -> b.append("| ").append(NAME.get(df)).append(" | ").append(FAMILY.get(df)).append(" | ")
        .append(r[0].count()).append(" | ").append(r[0].cell()).append(" | ").append(r[0].within(0.2)).append(" | ")
        .append(r[1].cell()).append(" |\n"));
    return b.toString();
  }

  /** Per layer, the fastest dataflow's family and the energy spread between dataflows, in both tools. */
  public String agreement() { return agreement(layers, "same fastest dataflow family", l -> FAMILY.get(l.tool().get("dataflow"))); }

  /** The same on MAESTRO's own mappings, where both tools ran the same four: the same fastest dataflow. */
  public String sameMappingAgreement() {
    return agreement(sameMapping.stream().filter(MaestroComparison::macsRight).toList(), "same fastest dataflow",
        l -> l.tool().get("dataflow"));
  }

  private static String agreement(List<Layer> layers, String sameWhat, java.util.function.Function<Layer, String> kind) {
    Map<String, List<Layer>> byLayer = new LinkedHashMap<>();
    layers.forEach(l -> byLayer.computeIfAbsent(l.key(), k -> new ArrayList<>()).add(l));
    int same = 0, tdlcEnergyDiffers = 0, toolEnergyDiffers = 0;
    for (List<Layer> ls : byLayer.values()) {
      Layer toolFastest = ls.get(0), tdlcFastest = ls.get(0);
      double toolMin = Double.MAX_VALUE, toolMax = 0, tdlcMin = Double.MAX_VALUE, tdlcMax = 0;
      for (Layer l : ls) {
        if (l.tool("cycles") < toolFastest.tool("cycles")) toolFastest = l;
        if (l.tdlc().cost().cycles() < tdlcFastest.tdlc().cost().cycles()) tdlcFastest = l;
        toolMin = Math.min(toolMin, l.tool("energy_mac_units"));
        toolMax = Math.max(toolMax, l.tool("energy_mac_units"));
        tdlcMin = Math.min(tdlcMin, l.tdlc().cost().energyPj());
        tdlcMax = Math.max(tdlcMax, l.tdlc().cost().energyPj());
      }
      if (kind.apply(toolFastest).equals(kind.apply(tdlcFastest))) same++;
      if (tdlcMax > tdlcMin * 1.01) tdlcEnergyDiffers++;
      if (toolMax > toolMin * 1.01) toolEnergyDiffers++;
    }
    int n = byLayer.size();
    return "| layers | " + sameWhat + " | energy differs between dataflows by more than 1 % |\n|---|---|---|\n"
        + "| " + n + " | " + same + " of " + n + " | MAESTRO " + toolEnergyDiffers + " of " + n + ", tdlc "
        + tdlcEnergyDiffers + " of " + n + " |\n";
  }

  public String csv() { return csv(layers); }

  /** The same for MAESTRO's own mappings (tdlc_array: the imported target's rows x columns). */
  public String sameMappingCsv() { return csv(sameMapping); }

  private static String csv(List<Layer> layers) {
    StringBuilder b = new StringBuilder("network,layer,dataflow,tdlc_dataflow,macs,maestro_cycles,tdlc_cycles,"
        + "maestro_energy_mac_units,tdlc_energy_pj,maestro_l2_accesses,tdlc_global_bytes,tdlc_array,tdlc_spatial,tdlc_tile\n");
    for (Layer l : layers) {
      var t = l.tdlc().cost();
      b.append(String.join(",", l.tool().get("network"), l.tool().get("layer"), l.tool().get("dataflow"),
          l.tdlc().mapping().dataflow().toString().toLowerCase(java.util.Locale.ROOT), l.tool().get("macs_maestro"), l.tool().get("cycles"),
          Long.toString(t.cycles()), l.tool().get("energy_mac_units"), Double.toString(t.energyPj()),
          Long.toString(Math.round(l.tool("l2_reads") + l.tool("l2_writes"))), Long.toString(t.globalBytes()),
          l.tdlc().target().rows() + "x" + l.tdlc().target().cols(), Mappings.spatial(l.tdlc()), Mappings.tile(l.tdlc().mapping()))).append('\n');
    }
    return b.toString();
  }
}
