// `tdlc run --report out.html`: one self-contained page a person can read in a browser, offline: per model
// the per-layer table and four inline SVG plots (cycles and energy per layer by where they go,
// utilization per layer, bytes per memory level). Well-formed XHTML, so tests parse it with the JDK.
package org.tdlc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Program;
import org.tdlc.sim.Counters;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.LevelCounters;

final class HtmlReport {
  private static final String STYLE = "body{font-family:sans-serif;margin:24px;color:#222}"
      + "table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}"
      + "td:first-child,th:first-child,td:nth-child(2),td:nth-child(3){text-align:left}"
      + "figure{margin:16px 0;overflow-x:auto}.ok{color:#2a7a2a}.bad{color:#b00}";

  private HtmlReport() {}

  static String page(List<RunReport.ModelRun> runs) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"
        + "<head><meta charset=\"utf-8\"/><title>tdlc report</title><style>" + STYLE + "</style></head><body>\n");
    for (RunReport.ModelRun run : runs) model(b, run);
    return b.append("</body></html>\n").toString();
  }

  private static void model(StringBuilder b, RunReport.ModelRun run) {
    Program p = run.program();
    Counters t = run.sim().total();
    b.append("<section class=\"model\" id=\"model-").append(esc(run.model())).append("\"><h1>")
        .append(esc(run.model())).append(" on ").append(esc(run.target())).append("</h1>\n<p>")
        .append(String.format(Locale.ROOT, "%d cycles (%.3f ms at %s MHz), %s, %d MACs (%d skipped), utilization %.1f%%. ",
            t.cycles(), t.cycles() / (p.machine().frequencyMhz() * 1e3), RunReport.fmt(p.machine().frequencyMhz()),
            RunReport.energy(t.energyPj()), t.macs(), t.macsSkipped(), 100 * t.utilization()));
    String verdict = RunReport.verdict(run).strip();
    boolean ok = run.verified();
    if (!verdict.isEmpty()) b.append("<span class=\"").append(ok ? "ok" : "bad").append("\">").append(esc(verdict)).append("</span>");
    b.append("</p>\n");
    table(b, run);
    plots(b, run);
    b.append("</section>\n");
  }

  private static void table(StringBuilder b, RunReport.ModelRun run) {
    Program p = run.program();
    b.append("<table class=\"layers\"><thead><tr><th>layer</th><th>op</th><th>dataflow</th><th>tile</th>"
        + "<th>cycles</th><th>energy</th>");
    for (var l : p.machine().levels()) b.append("<th>").append(esc(l.name())).append(" r/w (B)</th>");
    b.append("<th>util</th></tr></thead><tbody>\n");
    for (LayerCounters lc : run.sim().layers()) {
      Layer layer = new Layer(lc.name(), lc.op(), lc.first(), lc.last());
      Counters c = lc.counters();
      b.append("<tr class=\"layer\"><td>").append(esc(lc.name())).append("</td><td>").append(esc(lc.op()))
          .append("</td><td>").append(esc(RunReport.dataflow(p, layer))).append("</td><td>")
          .append(esc(RunReport.tile(p, layer))).append("</td><td>").append(c.cycles()).append("</td><td>")
          .append(esc(RunReport.energy(c.energyPj()))).append("</td>");
      for (LevelCounters l : c.levels()) b.append("<td>").append(l.bytesRead()).append(" / ").append(l.bytesWritten()).append("</td>");
      b.append(String.format(Locale.ROOT, "<td>%.2f</td></tr>%n", c.utilization()));
    }
    b.append("</tbody></table>\n");
  }

  private static void plots(StringBuilder b, RunReport.ModelRun run) {
    List<LayerCounters> layers = run.sim().layers();
    int n = layers.size();
    List<String> names = layers.stream().map(LayerCounters::name).toList();
    double[][] bound = new double[3][n];
    double[] util = new double[n];
    List<String> levels = run.program().machine().levels().stream().map(l -> l.name()).toList();
    double[][] energy = new double[levels.size() + 1][n];
    for (int i = 0; i < n; i++) {
      Counters c = layers.get(i).counters();
      bound[0][i] = c.transferOnlyCycles();
      bound[1][i] = c.computingCycles();
      bound[2][i] = c.idleCycles();
      util[i] = 100 * c.utilization();
      for (int l = 0; l < levels.size(); l++) energy[l][i] = c.levels().get(l).energyPj() / 1e6;
      energy[levels.size()][i] = c.macEnergyPj() / 1e6;
    }
    String m = run.model();
    String outer = levels.isEmpty() ? "dram" : levels.get(0);
    figure(b, SvgChart.stacked(new SvgChart.Stacked("plot-cycles-" + m,
        "Cycles per layer by the level that bounds them", "cycles", names,
        List.of(outer + " transfers only", "PE array (" + next(levels) + ")", "idle"), bound, null, null)),
        "Each layer's elapsed cycles split three ways: only " + outer + " <-> " + next(levels) + " transfers running "
            + "(the PE array waits for them), the PE array computing on " + next(levels) + " operands (transfers "
            + "may overlap), or idle; the parts add up to the layer's cycles.");
    List<String> energySeries = new ArrayList<>(levels);
    energySeries.add("MACs");
    figure(b, SvgChart.stacked(new SvgChart.Stacked("plot-energy-" + m, "Energy per layer by memory level",
        "uJ", names, energySeries, energy, null, null)));
    figure(b, SvgChart.stacked(new SvgChart.Stacked("plot-utilization-" + m, "PE utilization per layer",
        "%", names, List.of("utilization"), new double[][] {util}, null, null)));
    Counters t = run.sim().total();
    double[][] bytes = new double[2][levels.size()];
    for (int l = 0; l < levels.size(); l++) {
      bytes[0][l] = t.levels().get(l).bytesRead();
      bytes[1][l] = t.levels().get(l).bytesWritten();
    }
    figure(b, SvgChart.stacked(new SvgChart.Stacked("plot-bytes-" + m, "Bytes per memory level (whole model)",
        "bytes", levels, List.of("read", "written"), bytes, null, null)));
  }

  private static String next(List<String> levels) { return levels.size() > 1 ? levels.get(1) : "chip"; }

  private static void figure(StringBuilder b, String svg) { figure(b, svg, null); }

  /** A plot, with a caption under it unless {@code caption} is null. */
  private static void figure(StringBuilder b, String svg, String caption) {
    b.append("<figure class=\"plot\">").append(svg);
    if (caption != null) b.append("<figcaption>").append(esc(caption)).append("</figcaption>");
    b.append("</figure>\n");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
