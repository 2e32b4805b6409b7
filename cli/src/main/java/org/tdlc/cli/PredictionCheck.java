// The HTML report's check of the cost model against the simulator: per mapped layer, the predicted cycles,
// energy and DRAM bytes beside the simulated ones. Both apply the machine model's rules to the same mapping,
// so they are equal by construction; a difference is a bug, and the report says so at the top of the run.
package org.tdlc.cli;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.passes.mapping.Cost;
import org.tdlc.sim.Counters;
import org.tdlc.sim.LayerCounters;

final class PredictionCheck {
  private PredictionCheck() {}

  /** The predicted layers whose cycles, energy or DRAM bytes differ from the simulator's, by name. */
  static List<String> differences(RunReport.ModelRun run) {
    List<String> out = new ArrayList<>();
    for (LayerCounters lc : run.sim().layers()) {
      Cost c = run.predicted().get(lc.name());
      if (c != null && !differing(c, lc.counters()).isEmpty()) out.add(lc.name());
    }
    return out;
  }

  /** What differs between a prediction and the counts, predicted vs simulated ("" when nothing does). */
  private static String differing(Cost c, Counters s) {
    List<String> out = new ArrayList<>();
    if (c.cycles() != s.cycles()) out.add("cycles " + c.cycles() + " vs " + s.cycles());
    if (c.energyPj() != s.energyPj()) out.add("energy " + c.energyPj() + " vs " + s.energyPj() + " pJ");
    if (c.dramBytes() != Roofline.dramBytes(s)) out.add("DRAM bytes " + c.dramBytes() + " vs " + Roofline.dramBytes(s));
    return String.join(", ", out);
  }

  /** A loud line at the top of a run when any prediction differs. */
  static void alarm(StringBuilder b, RunReport.ModelRun run) {
    List<String> bad = differences(run);
    if (bad.isEmpty()) return;
    b.append("<p class=\"alarm\">").append(HtmlReport.esc("The cost model's prediction differs from the simulator "
        + "in " + bad.size() + " layer" + (bad.size() == 1 ? "" : "s") + " (" + String.join(", ", bad) + "): they "
        + "apply the same rules, so this is a bug in tdlc; please report it with this page.")).append("</p>\n");
  }

  static void section(StringBuilder b, RunReport.ModelRun run) {
    b.append("<h3>Predicted beside simulated</h3>\n");
    if (run.predicted().isEmpty()) {
      b.append("<p>This run carries no predictions of the cost model.</p>\n");
      return;
    }
    String dram = run.program().machine().dram().name();
    List<HtmlReport.Row> rows = new ArrayList<>();
    for (LayerCounters lc : run.sim().layers()) {
      Cost c = run.predicted().get(lc.name());
      if (c == null) continue;
      Counters s = lc.counters();
      String diff = differing(c, s);
      rows.add(new HtmlReport.Row(diff.isEmpty() ? "predicted" : "predicted bad", List.of(lc.name(),
          Long.toString(c.cycles()), Long.toString(s.cycles()), RunReport.energy(c.energyPj()),
          RunReport.energy(s.energyPj()), Long.toString(c.dramBytes()), Long.toString(Roofline.dramBytes(s)),
          diff.isEmpty() ? "equal" : "DIFFERENT " + diff)));
    }
    b.append("<p>The cost model the mapper searches with predicts each mapped layer; the simulator counts it. They "
        + "apply the same rules of the machine model, so every row should read equal.</p>\n");
    HtmlReport.table(b, "predictions", List.of("layer", "cycles predicted", "cycles simulated", "energy predicted",
        "energy simulated", dram + " bytes predicted", dram + " bytes simulated", "verdict"), rows);
  }
}
