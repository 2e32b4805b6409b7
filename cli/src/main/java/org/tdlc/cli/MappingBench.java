// `tdlc bench mapping` (dispatched from BenchCommand): the figures the mapping work is judged by. Cost-model evaluations per second; for
// every ResNet-50 conv layer (shared/anchors/workloads.md, torchvision v1.5) the mapper against an
// exhaustive search of the same space under the same model (gap, evaluations, time); per built-in target
// the utilization the mapper's mappings reach against the roofline bound (min of compute and DRAM bound).
package org.tdlc.cli;

import java.util.List;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.target.Target;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.Timing;
import org.tdlc.passes.mapping.Cost;
import org.tdlc.passes.mapping.CostModel;
import org.tdlc.passes.mapping.LoopSpace;
import org.tdlc.passes.mapping.MappingSearch;
import org.tdlc.passes.mapping.MappingSpace;
import org.tdlc.passes.mapping.Objective;

final class MappingBench {
  /** ResNet-50 conv layers: name, C, H, W, K, R, S, stride, pad (N = 1), one row per distinct shape. */
  static final String[] RESNET50 = {
      "conv1 3 224 224 64 7 7 2 3", "l1.0.conv1 64 56 56 64 1 1 1 0", "l1.conv2 64 56 56 64 3 3 1 1",
      "l1.conv3 64 56 56 256 1 1 1 0", "l1.x.conv1 256 56 56 64 1 1 1 0", "l2.0.conv1 256 56 56 128 1 1 1 0",
      "l2.0.conv2 128 56 56 128 3 3 2 1", "l2.conv3 128 28 28 512 1 1 1 0", "l2.0.down 256 56 56 512 1 1 2 0",
      "l2.x.conv1 512 28 28 128 1 1 1 0", "l2.x.conv2 128 28 28 128 3 3 1 1", "l3.0.conv1 512 28 28 256 1 1 1 0",
      "l3.0.conv2 256 28 28 256 3 3 2 1", "l3.conv3 256 14 14 1024 1 1 1 0", "l3.0.down 512 28 28 1024 1 1 2 0",
      "l3.x.conv1 1024 14 14 256 1 1 1 0", "l3.x.conv2 256 14 14 256 3 3 1 1", "l4.0.conv1 1024 14 14 512 1 1 1 0",
      "l4.0.conv2 512 14 14 512 3 3 2 1", "l4.conv3 512 7 7 2048 1 1 1 0", "l4.0.down 1024 14 14 2048 1 1 2 0",
      "l4.x.conv1 2048 7 7 512 1 1 1 0", "l4.x.conv2 512 7 7 512 3 3 1 1"};

  private MappingBench() {}

  static Options options() {
    return new Options()
        .addOption(Option.builder().longOpt("layers").hasArg().argName("N").desc("mapping: only the first N ResNet-50 layers").get())
        .addOption(Option.builder().longOpt("objective").hasArg().argName("O").desc("mapping: cycles, energy or edp (default edp)").get());
  }

  /** One layer: the mapper's and the exhaustive search's best scores, evaluations and milliseconds. */
  record LayerRow(String layer, double mapperScore, double exhaustiveScore, long mapperEvaluations,
                  long exhaustiveEvaluations, double mapperMs, double exhaustiveMs) {
    double gap() { return mapperScore / exhaustiveScore - 1; }

    double fewer() { return (double) exhaustiveEvaluations / mapperEvaluations; }
  }

  /** One built-in target: the cycles of the mapper's mappings of every ResNet-50 conv and their roofline bound. */
  record RooflineRow(String target, long cycles, long bound) {
    double achieved() { return (double) bound / cycles; }
  }

  static int run(CommandLine cl, Io io) {
    Target target = TargetChoice.resolve(cl, List.of(), new org.tdlc.ir.diag.SourceCache());
    String text = cl.getOptionValue("objective", Objective.EDP.toString());
    Objective objective = Objective.of(text).orElseThrow(
        () -> new UsageException("--objective takes " + Objective.choices() + ", got '" + text + "'"));
    String n = cl.getOptionValue("layers", Integer.toString(RESNET50.length));
    if (!n.matches("[0-9]{1,4}")) throw new UsageException("--layers takes a count, got '" + n + "'");
    int layers = Integer.parseInt(n);
    evaluationsPerSecond(target);   // warm-up: the JIT compiles the model first
    double rate = evaluationsPerSecond(target);
    List<LayerRow> rows = new java.util.ArrayList<>();
    for (int i = 0; i < Math.min(layers, RESNET50.length); i++) {
      String[] f = RESNET50[i].split(" ");
      LoopSpace s = LoopSpace.conv(1, i(f[1]), i(f[2]), i(f[3]), i(f[4]), i(f[5]), i(f[6]), i(f[7]), i(f[8]));
      CostModel model = new CostModel(s, target);
      MappingSpace space = MappingSpace.full(s, new java.util.ArrayList<>(target.dataflows()));
      MappingSearch.Result m = new MappingSearch(model, space, objective).search(1, 4, 200_000);
      MappingSearch.Result x = new MappingSearch(model, space, objective).exhaustive();
      rows.add(new LayerRow(f[0], m.best().score(), x.best().score(), m.visited(), x.visited(), m.nanos() / 1e6,
          x.nanos() / 1e6));
    }
    List<RooflineRow> roofline = new java.util.ArrayList<>();
    for (String t : Targets.BUILT_IN_NAMES) roofline.add(roofline(Targets.resolve(t, List.of())));
    io.out().print(cl.hasOption("json") ? Json.write(json(target, objective, rate, rows, roofline))
        : text(target, objective, rate, rows, roofline));
    return Main.OK;
  }

  static String text(Target target, Objective objective, double rate, List<LayerRow> rows, List<RooflineRow> roofline) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("cost model: %,.0f evaluations per CPU-second (one thread)%n", rate));
    b.append(String.format("%nResNet-50 conv layers on %s, objective %s: mapper vs exhaustive search%n", target.name(),
        objective));
    b.append(String.format("%-12s %10s %10s %8s %10s %10s %9s %9s%n", "layer", "mapper", "exhaustive", "gap", "evals",
        "exh.evals", "fewer", "time ms"));
    for (LayerRow r : rows) {
      b.append(String.format("%-12s %10.4g %10.4g %7.2f%% %10d %10d %8.0fx %4.0f/%-5.0f%n", r.layer(), r.mapperScore(),
          r.exhaustiveScore(), 100 * r.gap(), r.mapperEvaluations(), r.exhaustiveEvaluations(), r.fewer(),
          r.mapperMs(), r.exhaustiveMs()));
    }
    if (!rows.isEmpty()) {
      b.append(String.format("worst gap %.2f%%, at least %.0fx fewer evaluations%n", 100 * worstGap(rows), minFewer(rows)));
    }
    b.append(String.format("%nutilization of the mapper's mappings (objective cycles) against the roofline bound, "
        + "ResNet-50 convs%n"));
    b.append(String.format("%-10s %12s %12s %9s%n", "target", "cycles", "roofline", "achieved"));
    for (RooflineRow r : roofline) {
      b.append(String.format("%-10s %12d %12d %8.1f%%%n", r.target(), r.cycles(), r.bound(), 100 * r.achieved()));
    }
    return b.toString();
  }

  /**
   * {tdlc_version, command, benchmark: "mapping", target, objective, evaluations_per_second, layers,
   * worst_gap, min_fewer_evaluations, roofline}; gaps and achieved fractions are ratios (0.01 is 1%).
   */
  static ObjectNode json(Target target, Objective objective, double rate, List<LayerRow> rows,
                         List<RooflineRow> roofline) {
    ObjectNode o = Json.report("bench");
    o.put("benchmark", "mapping");
    o.put("target", target.name());
    o.put("objective", objective.toString());
    Json.number(o, "evaluations_per_second", rate);
    ArrayNode layers = o.putArray("layers");
    for (LayerRow r : rows) {
      ObjectNode l = layers.addObject();
      l.put("layer", r.layer());
      Json.number(l, "mapper_score", r.mapperScore());
      Json.number(l, "exhaustive_score", r.exhaustiveScore());
      Json.number(l, "gap", r.gap());
      l.put("mapper_evaluations", r.mapperEvaluations());
      l.put("exhaustive_evaluations", r.exhaustiveEvaluations());
      Json.number(l, "fewer_evaluations", r.fewer());
      Json.number(l, "mapper_ms", r.mapperMs());
      Json.number(l, "exhaustive_ms", r.exhaustiveMs());
    }
    if (rows.isEmpty()) {
      o.putNull("worst_gap");
      o.putNull("min_fewer_evaluations");
    } else {
      Json.number(o, "worst_gap", worstGap(rows));
      Json.number(o, "min_fewer_evaluations", minFewer(rows));
    }
    ArrayNode roof = o.putArray("roofline");
    for (RooflineRow r : roofline) {
      ObjectNode t = roof.addObject();
      t.put("target", r.target());
      t.put("cycles", r.cycles());
      t.put("roofline_cycles", r.bound());
      Json.number(t, "achieved", r.achieved());
    }
    return o;
  }

  private static double worstGap(List<LayerRow> rows) {
    double worst = 0;
    for (LayerRow r : rows) worst = Math.max(worst, r.gap());
    return worst;
  }

  private static double minFewer(List<LayerRow> rows) {
    double min = Double.MAX_VALUE;
    for (LayerRow r : rows) min = Math.min(min, r.fewer());
    return min;
  }

  private static RooflineRow roofline(Target t) {
    long cycles = 0, bound = 0;
    for (String row : RESNET50) {
      String[] f = row.split(" ");
      LoopSpace s = LoopSpace.conv(1, i(f[1]), i(f[2]), i(f[3]), i(f[4]), i(f[5]), i(f[6]), i(f[7]), i(f[8]));
      CostModel model = new CostModel(s, t);
      MappingSearch.Result m = new MappingSearch(model, MappingSpace.full(s, new java.util.ArrayList<>(t.dataflows())),
          Objective.CYCLES).search(1, 4, 200_000);
      cycles += m.best().cost().cycles();
      long compulsory = 0;
      for (int k = 0; k < 2; k++) {
        long e = 1;
        for (int d : s.shapes()[k]) e *= d;
        compulsory += e;
      }
      compulsory += (long) s.ranges()[1] * s.ranges()[3] * s.ranges()[4] * 4;
      MachineConfig machine = MachineConfig.of(t);
      long compute = (long) Math.ceil(Timing.computeBound(machine, s.macs()));
      long memory = Timing.transfer(machine, compulsory, 0);
      bound += Math.max(compute, memory);
    }
    return new RooflineRow(t.name(), cycles, bound);
  }

  /**
   * Evaluations per CPU-second (thread CPU time, so a loaded machine does not understate it) of the cost
   * model over a stream of distinct tiles of a 3x3 ResNet layer.
   */
  static double evaluationsPerSecond(Target target) {
    LoopSpace s = LoopSpace.conv(1, 128, 28, 28, 128, 3, 3, 1, 1);
    CostModel model = new CostModel(s, target);
    MappingSpace space = MappingSpace.full(s, new java.util.ArrayList<>(target.dataflows()));
    int[][] tiles = space.tiles();
    var flow = target.dataflows().iterator().next();
    int[] order = space.orders().get(0), roles = MappingSpace.roles(s, flow);
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    long n = 0, sink = 0, start = bean.getCurrentThreadCpuTime(), end = start + 1_000_000_000L;
    int[] tile = new int[tiles.length];
    while (bean.getCurrentThreadCpuTime() < end || n < 100_000) {
      for (int k = 0; k < 1000; k++, n++) {
        for (int d = 0; d < tile.length; d++) tile[d] = tiles[d][(int) ((n >> d) % tiles[d].length)];
        Cost c = model.evaluate(flow, roles[0], roles[1], tile, order);
        sink += c.cycles();
      }
    }
    if (sink == 42) System.out.print("");
    return n / ((bean.getCurrentThreadCpuTime() - start) / 1e9);
  }

  private static int i(String s) { return Integer.parseInt(s); }
}
