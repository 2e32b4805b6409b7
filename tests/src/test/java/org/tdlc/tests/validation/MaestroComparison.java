// tdlc against MAESTRO (validation/reference/maestro): every layer MAESTRO ran in each of its four dataflows
// (KC-P, YX-P, X-P, RS on 256 PEs, a 64-element NoC), on the stand-in target of that dataflow's family
// (validation/tdlc/targets.tdl: KC-P -> ws, YX-P and X-P -> os, RS -> rs; 16 x 16 PEs, 64 B/cycle from the
// global buffer), mapped by tdlc's mapper. Compared: cycles per dataflow, whether the fastest dataflow is
// the same, and whether energy differs between dataflows as MAESTRO's does.
package org.tdlc.tests.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class MaestroComparison {
  public static final Path SUMMARY = Path.of("validation/reference/maestro/summary.csv");
  public static final Map<String, String> FAMILY = Map.of("kcp", "ws", "yxp", "os", "xp", "os", "rs", "rs");
  private static final Map<String, String> NAME = Map.of("kcp", "KC-P", "yxp", "YX-P", "xp", "X-P", "rs", "RS");

  public record Layer(Map<String, String> tool, OneLayer.Result tdlc) {
    double tool(String column) { return Double.parseDouble(tool.get(column)); }
    String key() { return tool.get("network") + "/" + tool.get("layer"); }
  }

  public final List<Layer> layers = new ArrayList<>();

  public static MaestroComparison run() {
    MaestroComparison c = new MaestroComparison();
    for (Map<String, String> row : Csv.read(SUMMARY)) {
      int[] v = ints(row, "K", "C", "R", "S", "stride", "pad", "P_out", "Q_out");
      c.layers.add(new Layer(row, OneLayer.conv(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
          row.get("type").equals("DSCONV"), "maestro_" + FAMILY.get(row.get("dataflow")))));
    }
    return c;
  }

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
  public String agreement() {
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
      if (FAMILY.get(toolFastest.tool().get("dataflow")).equals(FAMILY.get(tdlcFastest.tool().get("dataflow")))) same++;
      if (tdlcMax > tdlcMin * 1.01) tdlcEnergyDiffers++;
      if (toolMax > toolMin * 1.01) toolEnergyDiffers++;
    }
    int n = byLayer.size();
    return "| layers | same fastest dataflow family | energy differs between dataflows by more than 1 % |\n|---|---|---|\n"
        + "| " + n + " | " + same + " of " + n + " | MAESTRO " + toolEnergyDiffers + " of " + n + ", tdlc "
        + tdlcEnergyDiffers + " of " + n + " |\n";
  }

  public String csv() {
    StringBuilder b = new StringBuilder("network,layer,dataflow,tdlc_dataflow,macs,maestro_cycles,tdlc_cycles,"
        + "maestro_energy_mac_units,tdlc_energy_pj,maestro_l2_accesses,tdlc_global_bytes,tdlc_spatial,tdlc_tile\n");
    for (Layer l : layers) {
      var t = l.tdlc().cost();
      b.append(String.join(",", l.tool().get("network"), l.tool().get("layer"), l.tool().get("dataflow"),
          FAMILY.get(l.tool().get("dataflow")), l.tool().get("macs_maestro"), l.tool().get("cycles"),
          Long.toString(t.cycles()), l.tool().get("energy_mac_units"), Double.toString(t.energyPj()),
          Long.toString(Math.round(l.tool("l2_reads") + l.tool("l2_writes"))), Long.toString(t.globalBytes()),
          Mappings.spatial(l.tdlc()), Mappings.tile(l.tdlc().mapping()))).append('\n');
    }
    return b.toString();
  }
}
