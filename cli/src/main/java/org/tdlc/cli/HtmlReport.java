// `tdlc run --report out.html`: one self-contained page an architect reads in a browser, offline, or printed.
// When a model ran on several targets, a comparison of them first (TargetComparison); then per run the target
// (TargetSummary), the per-layer table, plots of cycles by the unit that spent them, energy by memory level,
// utilization, bytes per level and the roofline (SvgChart, Roofline), the cost model's predictions beside the
// simulator's counts (PredictionCheck) and each layer's mapping (MappingSection). Well-formed XHTML with
// inline CSS and SVG, no script, so tests parse it with the JDK.
package org.tdlc.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Program;
import org.tdlc.sim.Counters;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.LevelCounters;

final class HtmlReport {
  private static final String STYLE = "body{font-family:sans-serif;margin:24px;color:#222;max-width:1400px}"
      + "h1{font-size:22px}h2{font-size:20px;border-top:2px solid #ccc;padding-top:12px}h3{font-size:16px}"
      + "table{border-collapse:collapse;font-size:12px;margin:8px 0}td,th{border:1px solid #ccc;padding:2px 6px;"
      + "text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}"
      + "tr.total td{font-weight:bold}tr.bad td{background:#fdd}figure{margin:16px 0;overflow-x:auto}"
      + "figcaption{font-size:13px;max-width:900px;color:#444}.ok{color:#2a7a2a}"
      + ".bad{color:#b00;font-weight:bold}p.alarm{border:2px solid #b00;padding:8px;color:#b00;font-weight:bold}"
      + "pre{background:#f7f7f7;padding:8px;font-size:12px}summary{cursor:pointer;font-size:13px}"
      + "@media print{body{margin:0}svg{max-width:100%;height:auto}figure{overflow:visible;break-inside:avoid}"
      + "details::details-content{content-visibility:visible;display:block}pre{white-space:pre-wrap}}";
  /** The two parts of the compute queue's cycles, named by the unit a layer computes on. */
  static final String PE_ARRAY = "PE array (MACs)";
  static final String VECTOR = "vector/ALU unit";
  private static final Map<String, Double> PJ_IN = Map.of("pJ", 1.0, "nJ", 1e3, "uJ", 1e6);

  /** A table row: its class (or null) and its cells, text not yet escaped. */
  record Row(String cls, List<String> cells) {
    Row(List<String> cells) { this(null, cells); }
  }

  private HtmlReport() {}

  static String page(List<RunReport.ModelRun> runs) {
    List<String> ids = ids(runs);
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"
        + "<head><meta charset=\"utf-8\"/><title>").append(esc(title(runs))).append("</title><style>").append(STYLE)
        .append("</style></head><body>\n<h1>").append(esc(title(runs))).append("</h1>\n");
    List<TargetComparison.Group> groups = TargetComparison.groups(runs);
    contents(b, runs, ids, groups);
    for (TargetComparison.Group g : groups) TargetComparison.section(b, g);
    for (int i = 0; i < runs.size(); i++) model(b, runs.get(i), ids.get(i));
    return b.append("</body></html>\n").toString();
  }

  private static String title(List<RunReport.ModelRun> runs) {
    List<String> names = runs.stream().map(r -> r.model() + " on " + r.target()).distinct().toList();
    return "tdlc report: " + (names.size() <= 3 ? String.join(", ", names) : names.size() + " runs");
  }

  /** Each run's id in the page, model-target, made unique should the same pair run twice. */
  private static List<String> ids(List<RunReport.ModelRun> runs) {
    List<String> ids = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (RunReport.ModelRun r : runs) {
      String id = r.model() + "-" + r.target();
      while (!seen.add(id)) id = id + "-" + ids.size();
      ids.add(id);
    }
    return ids;
  }

  /** Links to every section, when there is more than one. */
  private static void contents(StringBuilder b, List<RunReport.ModelRun> runs, List<String> ids,
                               List<TargetComparison.Group> groups) {
    if (runs.size() + groups.size() < 2) return;
    b.append("<nav><ul>");
    for (TargetComparison.Group g : groups) {
      b.append("<li><a href=\"#").append(esc(g.id())).append("\">").append(esc(g.model())).append(": ")
          .append(esc(String.join(" vs ", g.targets()))).append("</a></li>");
    }
    for (int i = 0; i < runs.size(); i++) {
      b.append("<li><a href=\"#run-").append(esc(ids.get(i))).append("\">").append(esc(runs.get(i).model()))
          .append(" on ").append(esc(runs.get(i).target())).append("</a></li>");
    }
    b.append("</ul></nav>\n");
  }

  private static void model(StringBuilder b, RunReport.ModelRun run, String id) {
    Program p = run.program();
    Counters t = run.sim().total();
    b.append("<section class=\"model\" id=\"run-").append(esc(id)).append("\"><h2>").append(esc(run.model()))
        .append(" on ").append(esc(run.target())).append("</h2>\n<p>")
        .append(esc(String.format(Locale.ROOT, "%d cycles (%s ms at %s MHz), %s, %d MACs (%d skipped), "
            + "utilization %.1f%%. ", t.cycles(), ChartAxis.label(millis(run)),
            RunReport.fmt(p.machine().frequencyMhz()), RunReport.energy(t.energyPj()), t.macs(), t.macsSkipped(),
            100 * t.utilization())));
    String verdict = RunReport.verdict(run).strip();
    if (!verdict.isEmpty()) {
      b.append("<span class=\"").append(run.verified() ? "ok" : "bad").append("\">").append(esc(verdict)).append("</span>");
    }
    b.append("</p>\n");
    PredictionCheck.alarm(b, run);
    TargetSummary.section(b, p.machine());
    b.append("<h3>Layers</h3>\n");
    layers(b, run);
    plots(b, run, id);
    PredictionCheck.section(b, run);
    MappingSection.section(b, run);
    b.append("</section>\n");
  }

  private static void layers(StringBuilder b, RunReport.ModelRun run) {
    Program p = run.program();
    List<String> header = new ArrayList<>(List.of("layer", "op", "dataflow", "tile", "format", "MACs", "cycles",
        "energy"));
    p.machine().levels().forEach(l -> header.add(l.name() + " read / written"));
    header.add("utilization");
    List<Row> rows = new ArrayList<>();
    for (LayerCounters lc : run.sim().layers()) {
      Layer layer = new Layer(lc.name(), lc.op(), lc.first(), lc.last());
      rows.add(new Row("layer", cells(List.of(lc.name(), lc.op(), RunReport.dataflow(p, layer), RunReport.tile(p, layer),
          RunReport.formats(run, layer)), lc.counters())));
    }
    rows.add(new Row("total", cells(List.of("total", "", "", "", ""), run.sim().total())));
    table(b, "layers", header, rows);
  }

  private static List<String> cells(List<String> first, Counters c) {
    List<String> cells = new ArrayList<>(first);
    cells.addAll(List.of(Long.toString(c.macs()), Long.toString(c.cycles()), RunReport.energy(c.energyPj())));
    for (LevelCounters l : c.levels()) cells.add(RunReport.bytes(l.bytesRead()) + " / " + RunReport.bytes(l.bytesWritten()));
    cells.add(percent(c.utilization()));
    return cells;
  }

  /**
   * Converts energies in pJ, in place, to the unit (pJ, nJ or uJ) the text table writes {@code largestPj} in,
   * and returns that unit.
   */
  static String toEnergyUnit(double[][] pj, double largestPj) {
    String text = RunReport.energy(largestPj);
    String unit = text.substring(text.indexOf(' ') + 1);
    for (double[] series : pj) for (int i = 0; i < series.length; i++) series[i] /= PJ_IN.get(unit);
    return unit;
  }

  /** The run's time in milliseconds at its target's clock. */
  static double millis(RunReport.ModelRun run) {
    return run.sim().total().cycles() / (run.program().machine().frequencyMhz() * 1e3);
  }

  static String percent(double fraction) { return String.format(Locale.ROOT, "%.1f%%", 100 * fraction); }

  private static void plots(StringBuilder b, RunReport.ModelRun run, String id) {
    List<LayerCounters> layers = run.sim().layers();
    int n = layers.size();
    List<String> names = layers.stream().map(LayerCounters::name).toList();
    List<String> levels = run.program().machine().levels().stream().map(l -> l.name()).toList();
    double[][] cycles = new double[4][n];
    double[] util = new double[n];
    double[][] energy = new double[levels.size() + 1][n];
    for (int i = 0; i < n; i++) {
      Counters c = layers.get(i).counters();
      cycles[c.macs() > 0 ? 0 : 1][i] = c.computingCycles();
      cycles[2][i] = c.transferOnlyCycles();
      cycles[3][i] = c.idleCycles();
      util[i] = 100 * c.utilization();
      for (int l = 0; l < levels.size(); l++) energy[l][i] = c.levels().get(l).energyPj();
      energy[levels.size()][i] = c.macEnergyPj();
    }
    String dram = levels.get(0), global = levels.get(1);
    figure(b, SvgChart.bars(new SvgChart.Bars("plot-cycles-" + id, "Cycles per layer, by the unit that spent them",
        "cycles", names, List.of(PE_ARRAY, VECTOR, dram + " transfers only", "idle"), cycles, true, null)),
        "Each layer's elapsed cycles split four ways: the compute queue busy, on the PE array in a layer that issues "
            + "MACs (its fused epilogue included) or on the vector/ALU unit in one that issues none (pools, adds); "
            + "only " + dram + " <-> " + global + " transfers running, the compute queue waiting for them; or nothing "
            + "running. The parts add up to the layer's cycles.");
    List<String> energySeries = new ArrayList<>(levels);
    energySeries.add("MACs");
    String unit = toEnergyUnit(energy, layers.stream().mapToDouble(l -> l.counters().energyPj()).max().orElse(0));
    figure(b, SvgChart.bars(new SvgChart.Bars("plot-energy-" + id, "Energy per layer, by memory level", unit, names,
        energySeries, energy, true, null)), null);
    figure(b, SvgChart.bars(new SvgChart.Bars("plot-utilization-" + id, "PE utilization per layer", "%", names,
        List.of("utilization"), new double[][] {util}, true, ChartAxis.percent())),
        "MACs issued per PE and cycle; 100% is every PE busy in every cycle of the layer.");
    bytes(b, run, id, levels);
    roofline(b, run, id, dram);
  }

  private static void roofline(StringBuilder b, RunReport.ModelRun run, String id, String dram) {
    if (run.sim().total().macsIssued() == 0) {
      b.append("<p>No layer issues MACs, so there is no roofline to draw.</p>\n");
      return;
    }
    List<String> plotted = Roofline.points(run).stream().map(Roofline.Point::layer).toList();
    List<String> offPlot = run.sim().layers().stream()
        .filter(l -> l.counters().macsIssued() > 0 && !plotted.contains(l.name())).map(LayerCounters::name).toList();
    figure(b, Roofline.svg("plot-roofline-" + id, run), "Each layer that issues MACs (hover a point for its name), "
        + "at its MACs issued per " + dram + " byte read or written, against the MACs it issued per cycle. Under the "
        + "slanted roof DRAM bandwidth bounds a layer, under the flat one the PE array; see docs/report.md."
        + (offPlot.isEmpty() ? "" : " Not shown, as they moved no " + dram + " byte: " + String.join(", ", offPlot) + "."));
  }

  private static void bytes(StringBuilder b, RunReport.ModelRun run, String id, List<String> levels) {
    Counters t = run.sim().total();
    double[][] bytes = new double[2][levels.size()];
    for (int l = 0; l < levels.size(); l++) {
      bytes[0][l] = t.levels().get(l).bytesRead();
      bytes[1][l] = t.levels().get(l).bytesWritten();
    }
    figure(b, SvgChart.bars(new SvgChart.Bars("plot-bytes-" + id, "Bytes per memory level (whole model)", "bytes",
        levels, List.of("read", "written"), bytes, false, ChartAxis.log(bytes))),
        "On a log scale: each gridline is ten times the one below it.");
  }

  /** A plot, with a caption under it unless {@code caption} is null. */
  static void figure(StringBuilder b, String svg, String caption) {
    b.append("<figure class=\"plot\">").append(svg);
    if (caption != null) b.append("<figcaption>").append(esc(caption)).append("</figcaption>");
    b.append("</figure>\n");
  }

  /** A table of escaped cells; numbers are aligned right. */
  static void table(StringBuilder b, String cls, List<String> header, List<Row> rows) {
    b.append("<table class=\"").append(cls).append("\"><thead><tr>");
    header.forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
    b.append("</tr></thead><tbody>\n");
    for (Row r : rows) {
      b.append(r.cls() == null ? "<tr>" : "<tr class=\"" + r.cls() + "\">");
      for (String c : r.cells()) {
        b.append(c.matches("[-+]?[0-9.]+.*") ? "<td class=\"n\">" : "<td>").append(esc(c)).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody></table>\n");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
