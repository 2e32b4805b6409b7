// A set of tdlc/tool ratios of one figure, summarized as the comparison tables print them: the median and
// the worst (the ratio farthest from 1 on a log scale, so 0.5 and 2 are equally bad).
package org.tdlc.tests.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public final class Ratios {
  private final List<Double> values = new ArrayList<>();

  /** Adds tdlc / tool; a pair with a zero side is skipped (no ratio), unless both are zero (ratio 1). */
  public void add(double tdlc, double tool) {
    if (tdlc == 0 && tool == 0) values.add(1.0);
    else if (tdlc != 0 && tool != 0) values.add(tdlc / tool);
  }

  public int count() { return values.size(); }

  public double median() {
    List<Double> s = values.stream().sorted().toList();
    int n = s.size();
    return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : Math.sqrt(s.get(n / 2 - 1) * s.get(n / 2));
  }

  public double worst() {
    return values.stream().max((a, b) -> Double.compare(Math.abs(Math.log(a)), Math.abs(Math.log(b)))).orElse(Double.NaN);
  }

  /** How many ratios lie within {@code tolerance} of 1 (0.1: within 10 %). */
  public long within(double tolerance) {
    return values.stream().filter(r -> Math.abs(r - 1) <= tolerance).count();
  }

  /** "median (worst)", e.g. "1.02 (3.41)". */
  public String cell() {
    return values.isEmpty() ? "-" : fmt(median()) + " (" + fmt(worst()) + ")";
  }

  public static String fmt(double r) {
    if (Double.isNaN(r)) return "-";
    return String.format(Locale.ROOT, r >= 100 ? "%.0f" : r >= 10 ? "%.1f" : r >= 0.01 ? "%.2f" : "%.4f", r);
  }
}
