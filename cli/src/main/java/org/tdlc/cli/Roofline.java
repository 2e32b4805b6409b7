// The roofline plot of one run, as inline SVG on log-log axes: per layer that issued MACs, the MACs it achieved
// per cycle against its arithmetic intensity (MACs per byte it moved to or from DRAM), under the target's two
// roofs: the PE array's peak (one MAC per PE per cycle) and DRAM's bandwidth times the intensity. A point near
// the slanted roof is bound by DRAM bandwidth, near the flat one by the array; far under both, by neither
// (fill and drain, folds, waiting). Hovering a point names its layer.
package org.tdlc.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tdlc.ir.target.Quantities;
import org.tdlc.machine.MachineConfig;
import org.tdlc.sim.Counters;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.LevelCounters;

final class Roofline {
  /** One layer: issued MACs per DRAM byte, and per cycle. */
  record Point(String layer, double intensity, double macsPerCycle) {}

  private static final int WIDTH = 560;
  private static final int BOTTOM = 50;
  /** Room right of the plot for the roofs' legend. */
  private static final int LEGEND = 240;
  private static final String ROOF = "#e15759";
  /** With at most this many points each is labelled on the plot too, so a printed page names them. */
  private static final int LABELLED_POINTS = 12;
  /** Points closer than this many pixels share a label. */
  private static final int NEAR = 10;

  private Roofline() {}

  /** The layers that issued MACs and moved DRAM bytes (the others have no place on the plot). */
  static List<Point> points(RunReport.ModelRun run) {
    List<Point> out = new ArrayList<>();
    for (LayerCounters lc : run.sim().layers()) {
      Counters c = lc.counters();
      long dram = dramBytes(c);
      if (c.macsIssued() > 0 && dram > 0 && c.cycles() > 0) {
        out.add(new Point(lc.name(), c.macsIssued() / (double) dram, c.macsIssued() / (double) c.cycles()));
      }
    }
    return out;
  }

  static long dramBytes(Counters c) {
    LevelCounters dram = c.levels().get(0);
    return dram.bytesRead() + dram.bytesWritten();
  }

  static String svg(String id, RunReport.ModelRun run) {
    MachineConfig m = run.program().machine();
    List<Point> points = points(run);
    double peak = m.peCount();
    double bandwidth = m.dram().bandwidth();
    double ridge = bandwidth > 0 ? peak / bandwidth : 0;
    ChartAxis x = ChartAxis.log(concat(points.stream().mapToDouble(Point::intensity).toArray(), ridge));
    ChartAxis y = ChartAxis.log(concat(points.stream().mapToDouble(Point::macsPerCycle).toArray(), peak));
    String title = "Roofline: MACs per cycle against MACs per " + m.dram().name() + " byte";
    int right = SvgChart.LEFT + WIDTH;
    StringBuilder b = SvgChart.header(id, title, Math.max(right + LEGEND, SvgChart.titleWidth(title)),
        SvgChart.TOP + SvgChart.HEIGHT + BOTTOM);
    SvgChart.axis(b, y, "MACs per cycle", SvgChart.LEFT, right);
    xAxis(b, x, "MACs per " + m.dram().name() + " byte (log scale)");
    roofs(b, x, y, peak, bandwidth, m);
    double[] px = new double[points.size()], py = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      px[i] = px(x, p.intensity());
      py[i] = SvgChart.y(y, p.macsPerCycle());
      b.append(String.format(Locale.ROOT, "<circle class=\"layer\" data-layer=\"%s\" data-intensity=\"%s\" "
          + "data-macs-per-cycle=\"%s\" cx=\"%.2f\" cy=\"%.2f\" r=\"4\" fill=\"%s\" fill-opacity=\"0.8\">"
          + "<title>%s: %s MACs/B, %s MACs/cycle (%.1f%% of peak)</title></circle>", HtmlReport.esc(p.layer()),
          SvgChart.exact(p.intensity()), SvgChart.exact(p.macsPerCycle()), px[i], py[i], SvgChart.COLORS[0],
          HtmlReport.esc(p.layer()), ChartAxis.label(p.intensity()), ChartAxis.label(p.macsPerCycle()),
          100 * p.macsPerCycle() / peak));
    }
    if (points.size() <= LABELLED_POINTS) labels(b, points, px, py);
    return b.append("</svg>").toString();
  }

  /**
   * The points' names beside them, for a printed page: points nearer than a label's height share one label
   * ("q, k, v"); a label that would overlap another or leave the plot tries the point's other sides, and
   * where none is free the name is left to hovering.
   */
  private static void labels(StringBuilder b, List<Point> points, double[] px, double[] py) {
    List<double[]> placed = new ArrayList<>();   // boxes: left, top, right, bottom
    boolean[] named = new boolean[points.size()];
    for (int i = 0; i < points.size(); i++) {
      if (named[i]) continue;
      List<String> names = new ArrayList<>();
      for (int j = i; j < points.size(); j++) {
        if (!named[j] && Math.hypot(px[j] - px[i], py[j] - py[i]) < NEAR) {
          names.add(points.get(j).layer());
          named[j] = true;
        }
      }
      String text = String.join(", ", names);
      double w = text.length() * SvgChart.CHAR;
      for (double[] at : new double[][] {{px[i] + 6, py[i] - 5}, {px[i] + 6, py[i] + 13}, {px[i] - 6 - w, py[i] - 5},
          {px[i] - 6 - w, py[i] + 13}}) {
        double[] box = {at[0], at[1] - 10, at[0] + w, at[1] + 2};
        boolean inside = box[0] >= SvgChart.LEFT && box[2] <= SvgChart.LEFT + WIDTH && box[1] >= SvgChart.TOP;
        if (inside && placed.stream().noneMatch(p -> p[0] < box[2] && box[0] < p[2] && p[1] < box[3] && box[1] < p[3])) {
          placed.add(box);
          b.append(SvgChart.text(at[0], at[1], 10, "start", text));
          break;
        }
      }
    }
  }

  /** The flat roof at the array's peak and, when DRAM's bandwidth is a limit, the slanted one up to the ridge. */
  private static void roofs(StringBuilder b, ChartAxis x, ChartAxis y, double peak, double bandwidth, MachineConfig m) {
    double from = x.low();
    StringBuilder line = new StringBuilder();
    if (bandwidth > 0) {
      from = Math.max(x.low(), y.low() / bandwidth);   // where bandwidth x intensity enters the plot
      line.append(String.format(Locale.ROOT, "%.2f,%.2f ", px(x, from), SvgChart.y(y, bandwidth * from)));
      from = peak / bandwidth;
    }
    line.append(String.format(Locale.ROOT, "%.2f,%.2f %.2f,%.2f", px(x, from), SvgChart.y(y, peak), px(x, x.high()), SvgChart.y(y, peak)));
    b.append("<polyline class=\"roof\" points=\"").append(line).append("\" fill=\"none\" stroke=\"" + ROOF
        + "\" stroke-width=\"2\"/>");
    int left = SvgChart.LEFT + WIDTH + 10;
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
        + "stroke-width=\"2\"/>", left, left + 16, SvgChart.TOP + 6, SvgChart.TOP + 6, ROOF));
    b.append(SvgChart.text(left + 20, SvgChart.TOP + 10, 11, "start", "roofs"));
    List<String> legend = new ArrayList<>(List.of("PE array peak " + ChartAxis.label(peak) + " MACs/cycle",
        "(" + m.rows() + "x" + m.cols() + " PEs)"));
    if (bandwidth > 0) {
      legend.addAll(List.of(m.dram().name() + " " + Quantities.number(bandwidth) + " B/cycle x intensity",
          "ridge at " + ChartAxis.label(peak / bandwidth) + " MACs/B"));
    }
    for (int i = 0; i < legend.size(); i++) {
      b.append(SvgChart.text(left, SvgChart.TOP + 25 + 15 * i, 11, "start", legend.get(i)));
    }
  }

  private static void xAxis(StringBuilder b, ChartAxis x, String unit) {
    int base = SvgChart.TOP + SvgChart.HEIGHT;
    for (double t : x.ticks()) {
      double px = px(x, t);
      b.append(String.format(Locale.ROOT, "<line class=\"xtick\" data-value=\"%s\" x1=\"%.2f\" x2=\"%.2f\" y1=\"%d\" "
          + "y2=\"%d\" stroke=\"#ddd\"/>", SvgChart.exact(t), px, px, SvgChart.TOP, base))
          .append(SvgChart.text(px, base + 14, 10, "middle", ChartAxis.label(t)));
    }
    b.append(SvgChart.text(SvgChart.LEFT + WIDTH / 2.0, base + 36, 11, "middle", unit));
  }

  private static double px(ChartAxis x, double v) { return SvgChart.LEFT + WIDTH * x.fraction(v); }

  private static double[] concat(double[] values, double more) {
    double[] out = Arrays.copyOf(values, values.length + 1);
    out[values.length] = more;
    return out;
  }
}
