// tdlc against Timeloop v3's mapper (validation/reference/timeloop): ResNet-50 layers on Timeloop's
// Eyeriss-like design, tdlc on its stand-in (validation/tdlc/targets.tdl: timeloop_eyeriss_like, row
// stationary, sizes and energies per element = per Timeloop word), mapped as Timeloop's mapper ranks
// (inputs/mapper/mapper.yaml: delay, then energy): objective cycles, whose ties go to the lower energy
// (Objective.order). Compared: cycles, PEs used and energy of each tool's best mapping.
package org.tdlc.tests.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class TimeloopComparison {
  public static final Path SUMMARY = Path.of("validation/reference/timeloop/summary.csv");
  private static final Path PROBLEMS = Path.of("validation/reference/timeloop/inputs/prob");
  private static final String TARGET = "timeloop_eyeriss_like";
  /** Timeloop's optimization metrics [delay, energy], as tdlc's mapper spells them. */
  static final org.tdlc.passes.Pipeline PIPELINE = org.tdlc.passes.Pipeline.parse("canonicalize,fuse-epilogue,mapper{objective=cycles}");

  public record Layer(Map<String, String> tool, OneLayer.Result tdlc) {
    double tool(String column) { return Double.parseDouble(tool.get(column)); }
  }

  public final List<Layer> layers = new ArrayList<>();

  public static TimeloopComparison run() {
    TimeloopComparison c = new TimeloopComparison();
    for (Map<String, String> row : Csv.read(SUMMARY)) {
      Map<String, Integer> d = instance(PROBLEMS.resolve(row.get("layer") + ".yaml"));
      int r = d.get("R");
      c.layers.add(new Layer(row, OneLayer.conv(d.get("M"), d.get("C"), r, d.get("S"), d.get("Hstride"), (r - 1) / 2,
          d.get("P"), d.get("Q"), false, TARGET, PIPELINE)));
    }
    return c;
  }

  /** The problem's `instance:` block (C, M, R, S, N, P, Q, strides), the file Timeloop itself read. */
  private static Map<String, Integer> instance(Path yaml) {
    Map<String, Integer> out = new HashMap<>();
    Matcher m = Pattern.compile("(?m)^\\s+(\\w+):\\s*(\\d+)\\s*$").matcher(readString(yaml));
    while (m.find()) out.put(m.group(1), Integer.parseInt(m.group(2)));
    return out;
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + p, e);
    }
  }

  /** The PEs tdlc's mapping of {@code l} keeps busy in a full fold. */
  public static int pesUsed(Layer l) { return Mappings.pesUsed(l.tdlc()); }

  public String table() {
    StringBuilder b = new StringBuilder("| layer | MACs | Timeloop cycles | tdlc cycles | ratio | Timeloop PEs used "
        + "| tdlc PEs used | Timeloop pJ/MAC | tdlc pJ/MAC | energy ratio |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (Layer l : layers) {
      var t = l.tdlc().cost();
      double toolPj = l.tool("energy_pJ");
      b.append("| ").append(l.tool().get("layer")).append(" | ").append(String.format(Locale.ROOT, "%,d", t.macs()))
          .append(" | ").append(String.format(Locale.ROOT, "%,d", Math.round(l.tool("cycles"))))
          .append(" | ").append(String.format(Locale.ROOT, "%,d", t.cycles()))
          .append(" | ").append(Ratios.fmt(t.cycles() / l.tool("cycles")))
          .append(" | ").append(l.tool().get("pes_used")).append(" of ").append(l.tool().get("pes_total"))
          .append(" | ").append(Mappings.pesUsed(l.tdlc())).append(" of ").append(l.tdlc().target().rows() * l.tdlc().target().cols())
          .append(" | ").append(Ratios.fmt(toolPj / l.tool("macs")))
          .append(" | ").append(Ratios.fmt(t.energyPj() / t.macs()))
          .append(" | ").append(Ratios.fmt(t.energyPj() / toolPj)).append(" |\n");
    }
    return b.toString();
  }

  /** One line per layer: both tools' cycles and energy, tdlc's bytes per level and its mapping. */
  public String csv() {
    StringBuilder b = new StringBuilder("layer,macs,timeloop_cycles,tdlc_cycles,tdlc_compute_cycles,timeloop_energy_pj,"
        + "tdlc_energy_pj,timeloop_energy_pj_dram,timeloop_energy_pj_glb,tdlc_dram_bytes,tdlc_global_bytes,"
        + "tdlc_local_bytes,timeloop_spatial,tdlc_spatial,tdlc_tile\n");
    for (Layer l : layers) {
      var t = l.tdlc().cost();
      b.append(String.join(",", l.tool().get("layer"), l.tool().get("macs"), l.tool().get("cycles"),
          Long.toString(t.cycles()), Long.toString(t.computeCycles()), l.tool().get("energy_pJ"),
          Double.toString(t.energyPj()), l.tool().get("energy_pJ_DRAM"), l.tool().get("energy_pJ_shared_glb"),
          Long.toString(t.dramBytes()), Long.toString(t.globalBytes()), Long.toString(t.localBytes()),
          l.tool().get("spatial_factors"), Mappings.spatial(l.tdlc()), Mappings.tile(l.tdlc().mapping()))).append('\n');
    }
    return b.toString();
  }
}
