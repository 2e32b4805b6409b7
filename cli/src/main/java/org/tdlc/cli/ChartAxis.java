// A value axis of the HTML report's plots: linear from 0 to a round maximum (exactly 100 for percentages,
// so 56% looks like half), or logarithmic over whole decades, so that values orders of magnitude apart
// (DRAM bytes beside per-PE bytes, a roofline's intensities) all stay visible. It places values and lists
// its ticks with short labels (1K, 10M, 0.01).
package org.tdlc.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tdlc.ir.target.Quantities;

/** low and high: the axis's ends (on a log axis powers of ten, low > 0); step: a linear axis's tick step. */
record ChartAxis(boolean log, double low, double high, double step) {
  /** A log axis spanning at most this many decades also labels 2 and 5 times each power of ten. */
  private static final int FINE_DECADES = 2;

  /** From 0 to the smallest multiple of a round step (1, 2, 2.5 or 5 times a power of ten) reaching max. */
  static ChartAxis linear(double max) {
    if (!(max > 0)) return new ChartAxis(false, 0, 1, 0.25);
    double magnitude = Math.pow(10, Math.floor(Math.log10(max / 4)));
    double step = magnitude * 5;
    for (double m : new double[] {1, 2, 2.5}) {
      if (magnitude * m * 4 >= max) {
        step = magnitude * m;
        break;
      }
    }
    return new ChartAxis(false, 0, step * Math.ceil(max / step - 1e-9), step);
  }

  /** 0 to 100 in steps of 25. */
  static ChartAxis percent() { return new ChartAxis(false, 0, 100, 25); }

  /** The whole decades around the positive values among {@code values} (1 to 10 when there are none). */
  static ChartAxis log(double... values) {
    double lo = Double.POSITIVE_INFINITY, hi = 0;
    for (double v : values) {
      if (v > 0 && Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (hi == 0) return new ChartAxis(true, 1, 10, 0);
    double low = Math.pow(10, Math.floor(Math.log10(lo)));
    double high = Math.pow(10, Math.ceil(Math.log10(hi)));
    return new ChartAxis(true, low, high > low ? high : low * 10, 0);
  }

  /** The whole decades around the positive values of every series. */
  static ChartAxis log(double[][] series) {
    return log(Arrays.stream(series).flatMapToDouble(Arrays::stream).toArray());
  }

  /** Where v lies along the axis, 0 at low and 1 at high, clamped (0 for v <= 0 on a log axis). */
  double fraction(double v) {
    double f;
    if (log) f = v <= 0 ? 0 : (Math.log10(v) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
    else f = (v - low) / (high - low);
    return Math.max(0, Math.min(1, f));
  }

  /** The values to mark, low to high: every step, or every power of ten (and 2x, 5x on short log axes). */
  List<Double> ticks() {
    List<Double> out = new ArrayList<>();
    if (!log) {
      for (int i = 0; i * step <= high + step / 1e6; i++) out.add(i * step);
      return out;
    }
    int first = (int) Math.round(Math.log10(low));
    int last = (int) Math.round(Math.log10(high));
    for (int e = first; e <= last; e++) {
      double decade = Math.pow(10, e);
      out.add(decade);
      if (e < last && last - first <= FINE_DECADES) {
        out.add(2 * decade);
        out.add(5 * decade);
      }
    }
    return out;
  }

  /** A tick's label: three significant digits at most, with K, M, G or T for thousands and up. */
  static String label(double v) {
    String[] units = {"", "K", "M", "G", "T"};
    int u = 0;
    while (u < units.length - 1 && Math.abs(v) >= 1000) {
      v /= 1000;
      u++;
    }
    return Quantities.number(new BigDecimal(v).round(new MathContext(3)).doubleValue()) + units[u];
  }
}
