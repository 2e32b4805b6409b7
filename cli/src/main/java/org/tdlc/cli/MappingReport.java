// The text `tdlc explain` prints for one layer: the chosen mapping (loop nest, MAESTRO directives, pin line), its
// cost by memory level and operand, and the runners-up with the figure that made each lose.
package org.tdlc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tdlc.ir.Operation;
import org.tdlc.ir.mapping.IndexSpace;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.target.Target;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.Timing;
import org.tdlc.passes.mapping.Cost;
import org.tdlc.passes.mapping.MappingPlanner;
import org.tdlc.passes.mapping.MappingSearch;

final class MappingReport {
  private MappingReport() {}

  /**
   * The mapping report; {@code e} is the chosen mapping's cost with the weights' data (compressed blocks,
   * skipped MACs: what run --json predicts and the simulator counts), while the alternatives are compared on
   * the search's costs (weights dense in the exact walk), as the mapper compared them.
   */
  static String explain(String layer, Operation op, Target target, MappingPlanner.Planned p, Cost e,
                        String objective) {
    var space = p.model().space();
    Mapping m = p.mapping();
    Cost c = p.search().best().cost();
    StringBuilder b = new StringBuilder();
    b.append("layer ").append(layer).append(" (").append(op.shortName())
        .append(") on target ").append(target.name()).append(" (").append(target.rows()).append('x')
        .append(target.cols()).append(" PEs, ").append(target.global().name()).append(' ')
        .append(target.global().sizeBytes()).append(" B)\n");
    b.append("loop space: ");
    for (int d = 0; d < space.dims().size(); d++) {
      b.append(d == 0 ? "" : " ").append(space.dims().get(d)).append('=').append(space.ranges()[d])
          .append(space.reduced(d) ? "(sum)" : "");
    }
    b.append("\n\nchosen mapping (").append(m.dataflow().keyword()).append(", rows ").append(Mapping.axisText(m.rows()))
        .append(", cols ").append(Mapping.axisText(m.cols())).append(", objective ").append(objective).append("):\n");
    Mapping.Pe rule = MappingPlanner.ruleWalk(op, target, m);
    b.append(m.loopNest(IndexSpace.of(op).orElseThrow(), target.rows(), target.cols(), rule).indent(2));
    if (target.network().cluster() > 0) {
      var t = MappingPlanner.stepTraffic(op, target, m);
      long cycles = Timing.startUp(MachineConfig.of(target), t);
      b.append(String.format("  clusters of %d PEs start afresh %d times in a full tile's MAC step, each taking in %d B"
          + " over its link, then %d steps: %d cycles at least (the network's cluster)%n", target.network().cluster(),
          t.startUps(), t.startUpBytes(), t.startUpSteps(), cycles));
    }
    b.append("\ndirectives (MAESTRO's Dataflow block for this layer, as `tdlc export maestro` writes it):\n");
    directives(layer, op, m, target).forEach(l -> b.append("  ").append(l).append('\n'));
    b.append("\npredicted cost (the exact schedule, weights from their data, as run --json predicts):\n");
    b.append(String.format("  cycles %d (busy: compute %d, load %d, store %d), energy %.4g pJ, utilization %.1f%%%n",
        e.cycles(), e.computeCycles(), e.loadCycles(), e.storeCycles(), e.energyPj(),
        100 * e.utilization(target.peCount())));
    b.append(String.format("  MACs %d (%d skipped: a zero weight that arrived compressed); decode cycles %d, "
        + "convert cycles %d%n", e.macs(), e.macsSkipped(), e.decodeCycles(), e.convertCycles()));
    b.append(String.format("  global buffer footprint %d of %d B (%d input and %d accumulator slots)%n",
        e.footprint(), e.capacity(), e.nIn(), e.nOut()));
    String[] names = {operand(op, 0), operand(op, 1), "result"};
    b.append(String.format("  %-10s %12s %12s %12s %12s%n", "operand", "dram read", "dram write", "global read",
        "global write"));
    for (int i = 0; i < 3; i++) {
      b.append(String.format("  %-10s %12d %12d %12d %12d%n", names[i], e.dramRead()[i], e.dramWrite()[i],
          e.globalRead()[i], e.globalWrite()[i]));
    }
    b.append(String.format("  %-10s %12s %12s %12d (per-PE levels, read and written)%n", "local", "", "",
        e.localBytes()));
    b.append("\nalternatives the search saw (best first; compared on the search's costs, weights dense):\n");
    for (MappingSearch.Point q : p.search().runnersUp()) {
      Mapping alt = MappingPlanner.toMapping(space, q);
      b.append(String.format("  %s rows %-9s cols %-9s %-36s order %-22s %s +%.2f%%: %s%n", alt.dataflow().keyword(),
          Mapping.axisText(alt.rows()), Mapping.axisText(alt.cols()), alt.tileText(), String.join(",", alt.order()),
          objective,
          100 * (q.score() / p.search().best().score() - 1), whyLost(q.cost(), c, objective)));
    }
    b.append(String.format("%nsearch: %d mappings visited, %d valid, %.1f ms%n", p.search().visited(),
        p.search().valid(), p.search().nanos() / 1e6));
    b.append("\npin it by pasting before the statement:\n  ").append(MappingPlanner.pinText(m, op)).append('\n');
    return b.toString();
  }

  private static java.util.List<String> directives(String layer, Operation op, Mapping m, Target target) {
    return MaestroExportFormat.directives(layer, op, IndexSpace.of(op).orElseThrow(), m, target.rows(), target.cols());
  }

  /**
   * What explain prints, as JSON members of {@code o}: layer, op, objective, loop_space, chosen (dataflow, the
   * mapping as run --json gives it, directives, pin), predicted (the exact cost with the weights' data),
   * alternatives (each with its mapping, its score over the best and why it lost) and search.
   */
  static void json(ObjectNode o, String layer, Operation op, Target target, MappingPlanner.Planned p, Cost e,
                   String objective) {
    var space = p.model().space();
    Mapping m = p.mapping();
    Cost c = p.search().best().cost();
    o.put("layer", layer);
    o.put("op", op.shortName());
    o.put("objective", objective);
    ArrayNode loops = o.putArray("loop_space");
    for (int d = 0; d < space.dims().size(); d++) {
      ObjectNode l = loops.addObject();
      l.put("index", space.dims().get(d));
      l.put("range", space.ranges()[d]);
      l.put("reduced", space.reduced(d));
    }
    ObjectNode chosen = o.putObject("chosen");
    chosen.put("dataflow", m.dataflow().keyword());
    chosen.set("mapping", RunReport.mapping(m, target.rows(), target.cols(), target.global().name()));
    chosen.put("directives", String.join("\n", directives(layer, op, m, target)));
    chosen.put("pin", MappingPlanner.pinText(m, op));
    Mapping.Pe rule = MappingPlanner.ruleWalk(op, target, m);
    if (m.pe().isRule() && !rule.walk().isEmpty()) chosen.set("pe_by_rule", RunReport.pe(rule));
    if (target.network().cluster() > 0) {
      var t = MappingPlanner.stepTraffic(op, target, m);
      ObjectNode s = chosen.putObject("cluster_start_ups");
      s.put("cluster_pes", target.network().cluster());
      s.put("start_ups", t.startUps());
      s.put("bytes_each", t.startUpBytes());
      s.put("steps_each", t.startUpSteps());
      s.put("cycles", Timing.startUp(MachineConfig.of(target), t));
    }
    ObjectNode cost = o.putObject("predicted");
    cost.put("cycles", e.cycles());
    ObjectNode busy = cost.putObject("busy_cycles");
    busy.put("compute", e.computeCycles());
    busy.put("load", e.loadCycles());
    busy.put("store", e.storeCycles());
    cost.put("energy_pj", e.energyPj());
    cost.put("utilization", e.utilization(target.peCount()));
    cost.put("macs", e.macs());
    cost.put("macs_skipped", e.macsSkipped());
    cost.put("decode_cycles", e.decodeCycles());
    cost.put("convert_cycles", e.convertCycles());
    ObjectNode footprint = cost.putObject("global_footprint");
    footprint.put("bytes", e.footprint());
    footprint.put("capacity_bytes", e.capacity());
    footprint.put("input_slots", e.nIn());
    footprint.put("accumulator_slots", e.nOut());
    ObjectNode operands = cost.putObject("bytes_by_operand");
    String[] names = {operand(op, 0), operand(op, 1), "result"};
    for (int i = 0; i < 3; i++) {
      ObjectNode b = operands.putObject(names[i]);
      b.put("dram_read", e.dramRead()[i]);
      b.put("dram_write", e.dramWrite()[i]);
      b.put("global_read", e.globalRead()[i]);
      b.put("global_write", e.globalWrite()[i]);
    }
    cost.put("local_bytes", e.localBytes());
    ArrayNode alternatives = o.putArray("alternatives");
    for (MappingSearch.Point q : p.search().runnersUp()) {
      Mapping alt = MappingPlanner.toMapping(space, q);
      ObjectNode a = alternatives.addObject();
      a.put("dataflow", alt.dataflow().keyword());
      a.set("mapping", RunReport.mapping(alt, target.rows(), target.cols(), target.global().name()));
      a.put("cycles", q.cost().cycles());
      a.put("energy_pj", q.cost().energyPj());
      Json.number(a, "score_over_best", q.score() / p.search().best().score());
      a.put("why", whyLost(q.cost(), c, objective));
    }
    ObjectNode search = o.putObject("search");
    search.put("visited", p.search().visited());
    search.put("valid", p.search().valid());
    search.put("ms", p.search().nanos() / 1e6);
  }

  /**
   * Why an alternative lost, as the objective compared them: its figure against the chosen mapping's (for edp
   * both factors), then what made the worse factor worse; on a tie, the figure that broke it. Only a figure
   * that is actually worse is called so.
   */
  static String whyLost(Cost alt, Cost best, String objective) {
    String figure = switch (objective) {
      case "cycles" -> String.format("more cycles (%d vs %d)", alt.cycles(), best.cycles());
      case "energy" -> String.format("more energy (%.4g vs %.4g pJ)", alt.energyPj(), best.energyPj());
      default -> String.format("higher energy-delay product (%d cycles x %.4g pJ vs %d cycles x %.4g pJ)",
          alt.cycles(), alt.energyPj(), best.cycles(), best.energyPj());
    };
    boolean slower = alt.cycles() > best.cycles() && !objective.equals("energy");
    boolean hungrier = alt.energyPj() > best.energyPj() && !objective.equals("cycles");
    if (!slower && !hungrier) {                       // a tie the objective's order broke (Objective.order)
      String tie = "equal " + objective + " (" + figure.substring(figure.indexOf('(') + 1);
      if (!objective.equals("energy") && alt.cycles() == best.cycles() && alt.energyPj() > best.energyPj()) {
        return tie + String.format(", then more energy (%.4g vs %.4g pJ)", alt.energyPj(), best.energyPj());
      }
      if (!objective.equals("cycles") && alt.cycles() > best.cycles()) {
        return tie + String.format(", then more cycles (%d vs %d)", alt.cycles(), best.cycles());
      }
      return tie;
    }
    String cause = slower ? slowerBecause(alt, best) : hungrierBecause(alt, best);
    return cause == null ? figure : figure + ": " + cause;
  }

  /** The part of the time that grew most, or null. */
  private static String slowerBecause(Cost alt, Cost best) {
    double dCompute = alt.computeCycles() - (double) best.computeCycles();
    double dLoad = alt.loadCycles() - (double) best.loadCycles();
    if (alt.dramBytes() > best.dramBytes() && dLoad >= dCompute && dLoad > 0) {
      return String.format("more DRAM traffic (%d B vs %d B)", alt.dramBytes(), best.dramBytes());
    }
    if (dCompute > 0) {
      return String.format("more compute cycles (%d vs %d: array folds or fill/drain)", alt.computeCycles(),
          best.computeCycles());
    }
    return null;
  }

  /** The traffic that grew, or null: energy is spent mostly moving bytes. */
  private static String hungrierBecause(Cost alt, Cost best) {
    if (alt.dramBytes() > best.dramBytes()) {
      return String.format("more DRAM traffic (%d B vs %d B)", alt.dramBytes(), best.dramBytes());
    }
    if (alt.globalBytes() > best.globalBytes()) {
      return String.format("more global-buffer traffic (%d B vs %d B)", alt.globalBytes(), best.globalBytes());
    }
    if (alt.localBytes() > best.localBytes()) {
      return String.format("more per-PE traffic (%d B vs %d B)", alt.localBytes(), best.localBytes());
    }
    return null;
  }

  private static String operand(Operation op, int i) {
    String n = op.operand(i).nameHint();
    return n == null ? "input " + i : n;
  }
}
