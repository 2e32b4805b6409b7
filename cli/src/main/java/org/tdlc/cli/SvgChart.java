// Bar charts as inline SVG for the HTML report: stacked bars per layer (cycles, energy, utilization) and
// grouped bars per memory level. Plain SVG text, well-formed XML, nothing fetched from the network, so
// the page works offline and a test can parse it.
package org.tdlc.cli;

import java.util.List;
import java.util.Locale;

final class SvgChart {
  static final String[] COLORS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1"};
  private static final int HEIGHT = 260;
  private static final int LEFT = 70;
  private static final int TOP = 30;
  private static final int BOTTOM = 110;
  /** Charts with at most this many bars print each bar's total above it. */
  private static final int LABELLED_BARS = 12;

  /** One bar per category, stacked from series; {@code marks} (may be null) draws a tick per bar. */
  record Stacked(String id, String title, String unit, List<String> categories, List<String> series,
                 double[][] values, double[] marks, String markLabel) {}

  private SvgChart() {}

  static String stacked(Stacked c) {
    int n = c.categories().size();
    int bar = Math.max(6, Math.min(40, 900 / Math.max(1, n)));
    int width = LEFT + n * (bar + 4) + 180;
    double max = 0;
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (double[] s : c.values()) sum += s[i];
      max = Math.max(max, Math.max(sum, c.marks() == null ? 0 : c.marks()[i]));
    }
    if (max <= 0) max = 1;
    StringBuilder b = header(c.id(), c.title(), width);
    axis(b, max, c.unit(), width - 180);
    for (int i = 0; i < n; i++) {
      int x = LEFT + 4 + i * (bar + 4);
      double y = TOP + HEIGHT;
      b.append("<g class=\"bar\" data-category=\"").append(HtmlReport.esc(c.categories().get(i))).append("\">");
      for (int s = 0; s < c.series().size(); s++) {
        double h = HEIGHT * c.values()[s][i] / max;
        y -= h;
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.2f\" width=\"%d\" height=\"%.2f\" fill=\"%s\" "
            + "data-value=\"%s\"><title>%s %s: %s %s</title></rect>", x, y, bar, h, COLORS[s % COLORS.length],
            exact(c.values()[s][i]),
            HtmlReport.esc(c.categories().get(i)), HtmlReport.esc(c.series().get(s)), num(c.values()[s][i]), HtmlReport.esc(c.unit())));
      }
      if (n <= LABELLED_BARS) {   // few bars: their totals in figures, so a short bar is still read
        double sum = 0;
        for (double[] v : c.values()) sum += v[i];
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.2f\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
            x + bar / 2, y - 3, num(sum)));
      }
      if (c.marks() != null) {
        double my = TOP + HEIGHT - HEIGHT * c.marks()[i] / max;
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"#000\" "
            + "stroke-width=\"2\"/>", x - 1, x + bar + 1, my, my));
      }
      int lx = x + bar / 2;
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" "
          + "transform=\"rotate(-60 %d %d)\">%s</text></g>", lx, TOP + HEIGHT + 12, lx, TOP + HEIGHT + 12,
          HtmlReport.esc(c.categories().get(i))));
    }
    legend(b, c.series(), c.markLabel(), width - 170);
    return b.append("</svg>").toString();
  }

  private static StringBuilder header(String id, String title, int width) {
    return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\" "
        + "width=\"%d\" height=\"%d\" font-family=\"sans-serif\"><text x=\"%d\" y=\"18\" font-size=\"14\" "
        + "font-weight=\"bold\">%s</text>", id, width, TOP + HEIGHT + BOTTOM, LEFT, HtmlReport.esc(title)));
  }

  private static void axis(StringBuilder b, double max, String unit, int right) {
    for (int t = 0; t <= 4; t++) {
      double v = max * t / 4;
      double y = TOP + HEIGHT - HEIGHT * t / 4.0;
      b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>", LEFT, right, y, y,
          LEFT - 4, y + 3, num(v)));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" font-size=\"11\" transform=\"rotate(-90 12 %d)\" "
        + "text-anchor=\"middle\">%s</text>", TOP + HEIGHT / 2, TOP + HEIGHT / 2, HtmlReport.esc(unit)));
  }

  private static void legend(StringBuilder b, List<String> series, String markLabel, int x) {
    int y = TOP + 10;
    for (int s = 0; s < series.size(); s++, y += 16) {
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", x, y, COLORS[s % COLORS.length], x + 14, y + 9,
          HtmlReport.esc(series.get(s))));
    }
    if (markLabel != null) {
      b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#000\" "
          + "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", x, x + 10, y + 5, y + 5,
          x + 14, y + 9, HtmlReport.esc(markLabel)));
    }
  }

  /** The value in full, for programs reading the page (an integer without a fraction). */
  static String exact(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e18 ? Long.toString((long) v) : Double.toString(v);
  }

  static String num(double v) {
    double a = Math.abs(v);
    if (a >= 1e9) return String.format(Locale.ROOT, "%.2fG", v / 1e9);
    if (a >= 1e6) return String.format(Locale.ROOT, "%.2fM", v / 1e6);
    if (a >= 1e3) return String.format(Locale.ROOT, "%.1fK", v / 1e3);
    if (a >= 10 || v == 0) return String.format(Locale.ROOT, "%.0f", v);
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
