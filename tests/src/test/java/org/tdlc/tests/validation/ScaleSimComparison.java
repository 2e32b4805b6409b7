// tdlc against SCALE-Sim v2 (validation/reference/scalesim): every layer SCALE-Sim ran, as the GEMM it
// lowers the layer to (M = output pixels, N = filters, K = window elements), on the stand-in target of its
// configuration (validation/tdlc/targets.tdl). Compared: cycles, the SRAM reads of each operand and the
// output writes (tdlc's global buffer per operand), and DRAM traffic per operand.
package org.tdlc.tests.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class ScaleSimComparison {
  public static final Path SUMMARY = Path.of("validation/reference/scalesim/summary.csv");

  /**
   * The cycles tdlc's compute queue takes for a layer SCALE-Sim reports {@code scaleSimCycles} for, under
   * SCALE-Sim's semantics: the same folds, plus the CONFIG before the MACs, plus the 1 SCALE-Sim leaves out by
   * reporting the index of its last cycle (its CALC mode counts no prefetch before the first fold and no drain
   * after the last, so tdlc's loads and stores are not in it).
   */
  public static long computeCycles(long scaleSimCycles) { return scaleSimCycles + 1 + org.tdlc.machine.Timing.CONFIG; }

  /** One compared layer. */
  public record Layer(Map<String, String> tool, OneLayer.Result tdlc) {
    long tool(String column) { return Math.round(Double.parseDouble(tool.get(column))); }
  }

  public final List<Layer> layers = new ArrayList<>();

  public static ScaleSimComparison run() {
    ScaleSimComparison c = new ScaleSimComparison();
    Set<String> seen = new LinkedHashSet<>();
    for (Map<String, String> row : Csv.read(SUMMARY)) {
      String config = row.get("config");
      if (!seen.add(config + " " + row.get("M") + " " + row.get("N") + " " + row.get("K"))) continue;
      c.layers.add(new Layer(row, OneLayer.gemm(Long.parseLong(row.get("M")), Long.parseLong(row.get("N")),
          Long.parseLong(row.get("K")), config)));   // the stand-in target is named as the configuration
    }
    return c;
  }

  /** The per-configuration table of docs/validation.md. */
  public String table() {
    Map<String, Ratios[]> by = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Layer l : layers) {
      String config = l.tool().get("config");
      counts.merge(config, 1, Integer::sum);
      Ratios[] r = by.computeIfAbsent(config, k -> new Ratios[] {new Ratios(), new Ratios(), new Ratios(), new Ratios(),
          new Ratios(), new Ratios()});
      var t = l.tdlc().cost();
      r[0].add(t.cycles(), l.tool("cycles"));
      r[1].add(t.globalRead()[0], l.tool("sram_ifmap_reads"));
      r[2].add(t.globalRead()[1], l.tool("sram_filter_reads"));
      r[3].add(t.globalWrite()[2], l.tool("sram_ofmap_writes"));
      r[4].add(t.dramBytes(), l.tool("dram_ifmap_reads") + l.tool("dram_filter_reads") + l.tool("dram_ofmap_writes"));
      r[5].add(t.computeCycles(), l.tool("cycles"));
    }
    StringBuilder b = new StringBuilder("| configuration | layers | cycles | within 1 % | compute cycles | within 1 % "
        + "| input SRAM reads | filter SRAM reads | output SRAM writes | DRAM bytes |\n|---|---|---|---|---|---|---|---|---|---|\n");
    counts.forEach((config, n) -> {
      Ratios[] r = by.get(config);
      b.append("| `").append(config).append("` | ").append(n);
      b.append(" | ").append(r[0].cell()).append(" | ").append(r[0].within(0.01)).append(" of ").append(r[0].count());
      b.append(" | ").append(r[5].cell()).append(" | ").append(r[5].within(0.01)).append(" of ").append(r[5].count());
      for (int i = 1; i < 5; i++) b.append(" | ").append(r[i].cell());
      b.append(" |\n");
    });
    return b.toString();
  }

  /** One line per compared layer: the tool's figures beside tdlc's, and tdlc's mapping. */
  public String csv() {
    StringBuilder b = new StringBuilder("config,layer,M,N,K,macs,scalesim_cycles,tdlc_cycles,tdlc_compute_cycles,scalesim_sram_ifmap_reads,"
        + "tdlc_global_reads_x,scalesim_sram_filter_reads,tdlc_global_reads_w,scalesim_sram_ofmap_writes,"
        + "tdlc_global_writes_y,scalesim_dram_bytes,tdlc_dram_bytes,tdlc_spatial,tdlc_tile\n");
    for (Layer l : layers) {
      var t = l.tdlc().cost();
      var m = l.tdlc().mapping();
      b.append(String.join(",", l.tool().get("config"), l.tool().get("layer"), l.tool().get("M"), l.tool().get("N"),
          l.tool().get("K"), l.tool().get("macs"), l.tool().get("cycles"), Long.toString(t.cycles()),
          Long.toString(t.computeCycles()), l.tool().get("sram_ifmap_reads"), Long.toString(t.globalRead()[0]), l.tool().get("sram_filter_reads"),
          Long.toString(t.globalRead()[1]), l.tool().get("sram_ofmap_writes"), Long.toString(t.globalWrite()[2]),
          Long.toString(l.tool("dram_ifmap_reads") + l.tool("dram_filter_reads") + l.tool("dram_ofmap_writes")),
          Long.toString(t.dramBytes()), Mappings.spatial(l.tdlc()), Mappings.tile(m))).append('\n');
    }
    return b.toString();
  }
}
