// Bar charts as inline SVG for the HTML report: per category (a layer, a memory level) one bar stacked from
// its series (cycles by unit, energy by level) or one bar per series side by side (read beside written, one
// target beside another), on a linear or logarithmic ChartAxis. Plain SVG text, well-formed XML, nothing
// fetched from the network, so the page works offline and a test can parse it. The chart grows to fit its
// title, legend and category names, so none is clipped.
package org.tdlc.cli;

import java.util.List;
import java.util.Locale;

final class SvgChart {
  static final String[] COLORS = {"#4e79a7", "#f28e2b", "#59a14f", "#bab0ac", "#e15759", "#76b7b2", "#edc948",
      "#b07aa1"};
  static final int HEIGHT = 260;
  static final int LEFT = 70;
  static final int TOP = 30;
  /** Charts with at most this many categories print each bar's value above it. */
  private static final int LABELLED_BARS = 12;
  /** Rough width of one character of the 10-11 px labels, for sizing the chart around its text. */
  static final double CHAR = 6.5;

  /**
   * values[series][category]; stacked: one bar per category summing its series, else a bar per series side by
   * side; axis: the value axis (null: linear up to the largest bar).
   */
  record Bars(String id, String title, String unit, List<String> categories, List<String> series,
              double[][] values, boolean stacked, ChartAxis axis) {}

  private SvgChart() {}

  static String bars(Bars c) {
    int n = c.categories().size();
    int perGroup = c.stacked() ? 1 : c.series().size();
    int bar = Math.max(3, Math.min(40, 900 / Math.max(1, n * perGroup)));
    int group = bar * perGroup + 4;
    int legend = legendWidth(c.series());
    int width = Math.max(LEFT + n * group + legend + 10, titleWidth(c.title()));
    int bottom = 30 + (int) (longest(c.categories()) * CHAR * 0.87);   // category names turned 60 degrees
    ChartAxis axis = c.axis() != null ? c.axis() : ChartAxis.linear(largestBar(c));
    StringBuilder b = header(c.id(), c.title(), width, TOP + HEIGHT + bottom);
    axis(b, axis, c.unit(), LEFT, LEFT + n * group);
    for (int i = 0; i < n; i++) {
      int x = LEFT + 4 + i * group;
      String category = c.categories().get(i);
      b.append("<g class=\"bar\" data-category=\"").append(HtmlReport.esc(category)).append("\">");
      double base = 0;
      for (int s = 0; s < c.series().size(); s++) {
        double v = c.values()[s][i];
        double top = c.stacked() ? base + v : v;
        double y0 = y(axis, c.stacked() ? base : 0), y1 = y(axis, top);
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.2f\" width=\"%d\" height=\"%.2f\" fill=\"%s\" "
            + "data-series=\"%s\" data-value=\"%s\"><title>%s %s: %s %s</title></rect>",
            c.stacked() ? x : x + s * bar, y1, bar, y0 - y1, COLORS[s % COLORS.length], HtmlReport.esc(c.series().get(s)),
            exact(v), HtmlReport.esc(category), HtmlReport.esc(c.series().get(s)), ChartAxis.label(v),
            HtmlReport.esc(c.unit())));
        if (c.stacked()) base = top;
      }
      if (n <= LABELLED_BARS && c.stacked()) {   // few bars: their totals in figures, so a short bar is still read
        b.append(text(x + bar / 2.0, y(axis, base) - 3, 10, "middle", ChartAxis.label(base)));
      }
      double lx = x + (group - 4) / 2.0;
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" "
          + "transform=\"rotate(-60 %.1f %d)\">%s</text></g>", lx, TOP + HEIGHT + 12, lx, TOP + HEIGHT + 12,
          HtmlReport.esc(category)));
    }
    legend(b, c.series(), LEFT + n * group + 10);
    return b.append("</svg>").toString();
  }

  private static double largestBar(Bars c) {
    double max = 0;
    for (int i = 0; i < c.categories().size(); i++) {
      double sum = 0;
      for (double[] s : c.values()) sum = c.stacked() ? sum + s[i] : Math.max(sum, s[i]);
      max = Math.max(max, sum);
    }
    return max;
  }

  /** The height of v on a chart's value axis. */
  static double y(ChartAxis axis, double v) { return TOP + HEIGHT - HEIGHT * axis.fraction(v); }

  static StringBuilder header(String id, String title, int width, int height) {
    return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\" "
        + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\"><text x=\"%d\" y=\"18\" "
        + "font-size=\"14\" font-weight=\"bold\">%s</text>", HtmlReport.esc(id), width, height, width, height, LEFT,
        HtmlReport.esc(title)));
  }

  /** The width a chart needs to show its title whole. */
  static int titleWidth(String title) { return LEFT + (int) (title.length() * 8.2) + 10; }

  /** A vertical value axis at x = left: gridlines to right, each tick labelled, the unit along it. */
  static void axis(StringBuilder b, ChartAxis axis, String unit, int left, int right) {
    for (double t : axis.ticks()) {
      double y = y(axis, t);
      b.append(String.format(Locale.ROOT, "<line class=\"tick\" data-value=\"%s\" x1=\"%d\" x2=\"%d\" y1=\"%.2f\" "
          + "y2=\"%.2f\" stroke=\"#ddd\"/>", exact(t), left, right, y, y))
          .append(text(left - 4, y + 3, 10, "end", ChartAxis.label(t)));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" font-size=\"11\" transform=\"rotate(-90 12 %d)\" "
        + "text-anchor=\"middle\">%s</text>", TOP + HEIGHT / 2, TOP + HEIGHT / 2,
        HtmlReport.esc(unit + (axis.log() ? " (log scale)" : ""))));
  }

  static void legend(StringBuilder b, List<String> series, int x) {
    int y = TOP + 10;
    for (int s = 0; s < series.size(); s++, y += 16) {
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", x, y,
          COLORS[s % COLORS.length])).append(text(x + 14, y + 9, 11, "start", series.get(s)));
    }
  }

  static int legendWidth(List<String> series) { return 30 + (int) (longest(series) * CHAR); }

  /** Escaped text at (x, y). */
  static String text(double x, double y, int size, String anchor, String s) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>", x, y,
        size, anchor, HtmlReport.esc(s));
  }

  private static int longest(List<String> names) { return names.stream().mapToInt(String::length).max().orElse(0); }

  /** The value in full, for programs reading the page (an integer without a fraction). */
  static String exact(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e18 ? Long.toString((long) v) : Double.toString(v);
  }
}
