// The HTML report's comparison of one model run on several targets (`run --target a --target b --report`):
// per layer and in total, the cycles, energy and utilization on each target side by side, which target is
// fastest and which spends least, and grouped bar charts of cycles and energy per layer (log scale, as layers
// differ by orders of magnitude).
package org.tdlc.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import org.tdlc.sim.Counters;
import org.tdlc.sim.LayerCounters;

final class TargetComparison {
  /** The runs of one model, one per target, in the order given. */
  record Group(String model, List<RunReport.ModelRun> runs) {
    String id() { return "compare-" + model; }

    List<String> targets() { return runs.stream().map(RunReport.ModelRun::target).toList(); }
  }

  private TargetComparison() {}

  /** The models that ran on more than one target. */
  static List<Group> groups(List<RunReport.ModelRun> runs) {
    Map<String, List<RunReport.ModelRun>> byModel = new LinkedHashMap<>();
    runs.forEach(r -> byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r));
    return byModel.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .map(e -> new Group(e.getKey(), e.getValue())).toList();
  }

  static void section(StringBuilder b, Group g) {
    b.append("<section class=\"comparison\" id=\"").append(HtmlReport.esc(g.id())).append("\"><h2>")
        .append(HtmlReport.esc(g.model() + ": " + String.join(" vs ", g.targets()))).append("</h2>\n<p>")
        .append(HtmlReport.esc(verdict(g))).append("</p>\n");
    List<String> layers = layers(g);
    List<Map<String, Counters>> byLayer = g.runs().stream().map(TargetComparison::byLayer).toList();
    table(b, g, layers, byLayer);
    chart(b, g, layers, "cycles", "cycles", values(layers, byLayer, c -> c.cycles()));
    double[][] energy = values(layers, byLayer, Counters::energyPj);
    double largest = g.runs().stream().flatMap(r -> r.sim().layers().stream())
        .mapToDouble(l -> l.counters().energyPj()).max().orElse(0);
    chart(b, g, layers, "energy", HtmlReport.toEnergyUnit(energy, largest), energy);
    b.append("</section>\n");
  }

  /**
   * Which target runs the model in the fewest cycles, which in the least time (the clocks may differ) and which
   * on the least energy, and how many times that the others take.
   */
  private static String verdict(Group g) {
    return best(g, "Fewest cycles", r -> r.sim().total().cycles(), v -> String.format(Locale.ROOT, "%.0f cycles", v))
        + " " + best(g, "Fastest", HtmlReport::millis, v -> ChartAxis.label(v) + " ms")
        + " " + best(g, "Least energy", r -> r.sim().total().energyPj(), RunReport::energy);
  }

  private static String best(Group g, String what, ToDoubleFunction<RunReport.ModelRun> f, DoubleFunction<String> show) {
    RunReport.ModelRun win = g.runs().stream().min(Comparator.comparingDouble(f)).orElseThrow();
    double w = f.applyAsDouble(win);
    StringBuilder b = new StringBuilder(what + ": " + win.target() + " (" + show.apply(w));
    for (RunReport.ModelRun r : g.runs()) {
      if (r != win) b.append(String.format(Locale.ROOT, "; %s %.2fx", r.target(), f.applyAsDouble(r) / w));
    }
    return b.append(").").toString();
  }

  /** Every layer of any of the runs, in the order of the first run that has it. */
  private static List<String> layers(Group g) {
    Set<String> out = new LinkedHashSet<>();
    g.runs().forEach(r -> r.sim().layers().forEach(l -> out.add(l.name())));
    return List.copyOf(out);
  }

  private static Map<String, Counters> byLayer(RunReport.ModelRun run) {
    Map<String, Counters> out = new LinkedHashMap<>();
    for (LayerCounters lc : run.sim().layers()) out.put(lc.name(), lc.counters());
    return out;
  }

  private static void table(StringBuilder b, Group g, List<String> layers, List<Map<String, Counters>> byLayer) {
    List<String> header = new ArrayList<>(List.of("layer"));
    for (String what : List.of("cycles", "energy", "utilization")) {
      g.targets().forEach(t -> header.add(what + " " + t));
    }
    List<HtmlReport.Row> rows = new ArrayList<>();
    for (String layer : layers) {
      rows.add(new HtmlReport.Row("compared", cells(layer, byLayer.stream().map(m -> m.get(layer)).toList())));
    }
    rows.add(new HtmlReport.Row("total", cells("total", g.runs().stream().map(r -> r.sim().total()).toList())));
    HtmlReport.table(b, "comparison", header, rows);
  }

  /** A layer's cycles, energy and utilization on each target ("-" where a target's run lacks the layer). */
  private static List<String> cells(String name, List<Counters> perTarget) {
    List<String> cells = new ArrayList<>(List.of(name));
    perTarget.forEach(c -> cells.add(c == null ? "-" : Long.toString(c.cycles())));
    perTarget.forEach(c -> cells.add(c == null ? "-" : RunReport.energy(c.energyPj())));
    perTarget.forEach(c -> cells.add(c == null ? "-" : HtmlReport.percent(c.utilization())));
    return cells;
  }

  /** values[target][layer]: f of each layer's counters on each target (0 where a run lacks the layer). */
  private static double[][] values(List<String> layers, List<Map<String, Counters>> byLayer,
                                   ToDoubleFunction<Counters> f) {
    double[][] values = new double[byLayer.size()][layers.size()];
    for (int t = 0; t < values.length; t++) {
      for (int i = 0; i < layers.size(); i++) {
        Counters c = byLayer.get(t).get(layers.get(i));
        values[t][i] = c == null ? 0 : f.applyAsDouble(c);
      }
    }
    return values;
  }

  private static void chart(StringBuilder b, Group g, List<String> layers, String what, String unit, double[][] values) {
    HtmlReport.figure(b, SvgChart.bars(new SvgChart.Bars("compare-" + what + "-" + g.model(),
        Character.toUpperCase(what.charAt(0)) + what.substring(1) + " per layer on each target", unit, layers,
        g.targets(), values, false, ChartAxis.log(values))), null);
  }
}
