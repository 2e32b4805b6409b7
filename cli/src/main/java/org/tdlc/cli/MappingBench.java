// `tdlc bench mapping` (dispatched from BenchCommand): the figures the mapping work is judged by, per target
// (every built-in one unless --target names some): cost-model evaluations per second; for every ResNet-50 and
// MobileNetV2 conv layer (one row per distinct shape; LayersTest holds the tables to models/) the mapper
// against an exhaustive search of the same space under the same model (gap, evaluations, time); and the
// cycles its mappings reach over those layers against the roofline bound (max of compute and DRAM bound).
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
import org.tdlc.passes.mapping.MappingPlanner;
import org.tdlc.passes.mapping.MappingSearch;
import org.tdlc.passes.mapping.MappingSpace;
import org.tdlc.passes.mapping.Objective;

final class MappingBench {
  /** ResNet-50 conv layers (torchvision v1.5): name, C, H, W, K, R, S, stride, pad (N = 1), one row per distinct shape. */
  static final String[] RESNET50 = {
      "conv1 3 224 224 64 7 7 2 3", "l1.0.conv1 64 56 56 64 1 1 1 0", "l1.conv2 64 56 56 64 3 3 1 1",
      "l1.conv3 64 56 56 256 1 1 1 0", "l1.x.conv1 256 56 56 64 1 1 1 0", "l2.0.conv1 256 56 56 128 1 1 1 0",
      "l2.0.conv2 128 56 56 128 3 3 2 1", "l2.conv3 128 28 28 512 1 1 1 0", "l2.0.down 256 56 56 512 1 1 2 0",
      "l2.x.conv1 512 28 28 128 1 1 1 0", "l2.x.conv2 128 28 28 128 3 3 1 1", "l3.0.conv1 512 28 28 256 1 1 1 0",
      "l3.0.conv2 256 28 28 256 3 3 2 1", "l3.conv3 256 14 14 1024 1 1 1 0", "l3.0.down 512 28 28 1024 1 1 2 0",
      "l3.x.conv1 1024 14 14 256 1 1 1 0", "l3.x.conv2 256 14 14 256 3 3 1 1", "l4.0.conv1 1024 14 14 512 1 1 1 0",
      "l4.0.conv2 512 14 14 512 3 3 2 1", "l4.conv3 512 7 7 2048 1 1 1 0", "l4.0.down 1024 14 14 2048 1 1 2 0",
      "l4.x.conv1 2048 7 7 512 1 1 1 0", "l4.x.conv2 512 7 7 512 3 3 1 1"};

  /**
   * MobileNetV2 conv layers (torchvision, models/mobilenetv2.tdl): name, C, H, W, K, R, S, stride, pad, groups
   * (N = 1; groups = C is depthwise), one row per distinct shape, named after its first block.
   */
  static final String[] MOBILENETV2 = {
      "stem 3 224 224 32 3 3 2 1 1", "b1.dw 32 112 112 32 3 3 1 1 32", "b1.project 32 112 112 16 1 1 1 0 1",
      "b2.expand 16 112 112 96 1 1 1 0 1", "b2.dw 96 112 112 96 3 3 2 1 96", "b2.project 96 56 56 24 1 1 1 0 1",
      "b3.expand 24 56 56 144 1 1 1 0 1", "b3.dw 144 56 56 144 3 3 1 1 144", "b3.project 144 56 56 24 1 1 1 0 1",
      "b4.dw 144 56 56 144 3 3 2 1 144", "b4.project 144 28 28 32 1 1 1 0 1", "b5.expand 32 28 28 192 1 1 1 0 1",
      "b5.dw 192 28 28 192 3 3 1 1 192", "b5.project 192 28 28 32 1 1 1 0 1", "b7.dw 192 28 28 192 3 3 2 1 192",
      "b7.project 192 14 14 64 1 1 1 0 1", "b8.expand 64 14 14 384 1 1 1 0 1", "b8.dw 384 14 14 384 3 3 1 1 384",
      "b8.project 384 14 14 64 1 1 1 0 1", "b11.project 384 14 14 96 1 1 1 0 1", "b12.expand 96 14 14 576 1 1 1 0 1",
      "b12.dw 576 14 14 576 3 3 1 1 576", "b12.project 576 14 14 96 1 1 1 0 1", "b14.dw 576 14 14 576 3 3 2 1 576",
      "b14.project 576 7 7 160 1 1 1 0 1", "b15.expand 160 7 7 960 1 1 1 0 1", "b15.dw 960 7 7 960 3 3 1 1 960",
      "b15.project 960 7 7 160 1 1 1 0 1", "b17.project 960 7 7 320 1 1 1 0 1", "last 320 7 7 1280 1 1 1 0 1"};

  /** One benchmark layer: the model it comes from, its name and its loop space. */
  record Layer(String model, String name, LoopSpace space) {}

  /** Every layer of both tables, ResNet-50's first. */
  static List<Layer> layers() {
    List<Layer> out = new java.util.ArrayList<>();
    for (String row : RESNET50) out.add(layer("resnet50", row));
    for (String row : MOBILENETV2) out.add(layer("mobilenetv2", row));
    return out;
  }

  private static Layer layer(String model, String row) {
    String[] f = row.split(" ");
    int groups = f.length > 9 ? i(f[9]) : 1;
    return new Layer(model, f[0], LoopSpace.conv(1, i(f[1]), i(f[2]), i(f[3]), i(f[4]), i(f[5]), i(f[6]), i(f[7]),
        i(f[8]), groups));
  }

  /** The mapper's bar per layer (issue 14): gap to exhaustive, fewer evaluations, milliseconds. */
  static final double GAP_TARGET = 0.02, FEWER_TARGET = 50, MS_TARGET = 2000;

  private MappingBench() {}

  static Options options() {
    return new Options()
        .addOption(Option.builder().longOpt("layers").hasArg().argName("N").desc("mapping: only the first N layers "
            + "(ResNet-50's, then MobileNetV2's)").get())
        .addOption(Option.builder().longOpt("objective").hasArg().argName("O").desc("mapping: cycles, energy or edp (default edp)").get());
  }

  /** One layer: the mapper's and the exhaustive search's best scores, evaluations and milliseconds. */
  record LayerRow(String model, String layer, double mapperScore, double exhaustiveScore, long mapperEvaluations,
                  long mapperChecks, long exhaustiveEvaluations, double mapperMs, double exhaustiveMs) {
    double gap() { return mapperScore / exhaustiveScore - 1; }

    /** Issue 14's bar: within 2% of exhaustive, with at least 50x fewer evaluations, in under 2 s. */
    boolean onTarget() { return gap() <= GAP_TARGET && fewer() >= FEWER_TARGET && mapperMs < MS_TARGET; }

    double fewer() { return (double) exhaustiveEvaluations / mapperEvaluations; }
  }

  /** One target: its evaluation rate, its layers, and the cycles of the mapper's mappings (objective cycles) against the roofline bound. */
  record TargetRow(String target, double rate, List<LayerRow> layers, long cycles, long bound) {
    double achieved() { return cycles == 0 ? 0 : (double) bound / cycles; }

    double worstGap() { return layers.stream().mapToDouble(LayerRow::gap).max().orElse(0); }

    double medianGap() {
      double[] g = layers.stream().mapToDouble(LayerRow::gap).sorted().toArray();
      if (g.length == 0) return 0;
      return g.length % 2 == 1 ? g[g.length / 2] : (g[g.length / 2 - 1] + g[g.length / 2]) / 2;
    }

    double minFewer() { return layers.stream().mapToDouble(LayerRow::fewer).min().orElse(0); }

    double maxMapperMs() { return layers.stream().mapToDouble(LayerRow::mapperMs).max().orElse(0); }

    long onTarget() { return layers.stream().filter(LayerRow::onTarget).count(); }

    String worstLayer() {
      return layers.stream().max(java.util.Comparator.comparingDouble(LayerRow::gap)).map(LayerRow::layer).orElse("-");
    }
  }

  static int run(CommandLine cl, Io io) {
    List<Target> targets = new java.util.ArrayList<>();
    String[] named = cl.getOptionValues("target");
    if (named == null) {
      for (String t : Targets.BUILT_IN_NAMES) targets.add(Targets.resolve(t, List.of()));
    } else {
      for (String t : named) targets.add(TargetChoice.resolve(t, List.of(), new org.tdlc.ir.diag.SourceCache()));
    }
    String text = cl.getOptionValue("objective", Objective.EDP.toString());
    Objective objective = Objective.of(text).orElseThrow(
        () -> new UsageException("--objective takes " + Objective.choices() + ", got '" + text + "'"));
    List<Layer> all = layers();
    String n = cl.getOptionValue("layers", Integer.toString(all.size()));
    if (!n.matches("[0-9]{1,4}")) throw new UsageException("--layers takes a count, got '" + n + "'");
    List<Layer> layers = all.subList(0, Math.min(Integer.parseInt(n), all.size()));
    boolean quiet = cl.hasOption("json") || System.console() == null;
    List<TargetRow> rows = new java.util.ArrayList<>();
    for (Target target : targets) {
      if (!quiet) io.err().println("tdlc bench mapping: " + target.name() + " ...");
      rows.add(target(target, objective, layers));
    }
    io.out().print(cl.hasOption("json") ? Json.write(json(objective, rows)) : text(objective, layers.size(), rows));
    return Main.OK;
  }

  /** One target's figures: the evaluation rate, each layer's mapper against exhaustive search, the roofline. */
  private static TargetRow target(Target target, Objective objective, List<Layer> layers) {
    evaluationsPerSecond(target);   // warm-up: the JIT compiles the model first, and the search
    if (!layers.isEmpty()) {
      Layer l = layers.get(0);
      search(new CostModel(l.space(), target), MappingSpace.full(l.space(), target), objective);
    }
    double rate = evaluationsPerSecond(target);
    List<LayerRow> rows = new java.util.ArrayList<>();
    long cycles = 0, bound = 0;
    MachineConfig machine = MachineConfig.of(target);
    for (Layer l : layers) {
      CostModel model = new CostModel(l.space(), target);
      MappingSpace space = MappingSpace.full(l.space(), target);
      MappingSearch.Result m = search(model, space, objective);
      MappingSearch.Result x = new MappingSearch(model, space, objective).exhaustive();
      rows.add(new LayerRow(l.model(), l.name(), m.best().score(), x.best().score(), m.visited(), m.checks(),
          x.visited(), m.nanos() / 1e6, x.nanos() / 1e6));
      MappingSearch.Result fastest = objective == Objective.CYCLES ? m : search(model, space, Objective.CYCLES);
      cycles += fastest.best().cost().cycles();
      bound += roofline(machine, l.space());
    }
    return new TargetRow(target.name(), rate, rows, cycles, bound);
  }

  /** The mapper's search, with the mapper pass's default seed, starts and budget. */
  private static MappingSearch.Result search(CostModel model, MappingSpace space, Objective objective) {
    MappingPlanner.Options o = MappingPlanner.Options.DEFAULT;
    return new MappingSearch(model, space, objective).search(o.seed(), o.starts(), o.budget());
  }

  /**
   * The larger of the compute bound and the DRAM time of the compulsory traffic: each input element the layer
   * reads once (a strided 1x1 conv reads a quarter of its input; padding is not read), the i32 result once.
   */
  static long roofline(MachineConfig machine, LoopSpace s) {
    long compulsory = 0;
    for (int k = 0; k < 2; k++) {
      long e = 1;
      for (int pos = 0; pos < s.maps().get(k).size(); pos++) e *= read(s, s.maps().get(k).get(pos), s.shapes()[k][pos]);
      compulsory += e * s.bytes()[k];
    }
    long out = 1;
    for (int d = 0; d < s.dims().size(); d++) if (!s.reduced(d)) out *= s.ranges()[d];
    compulsory += out * 4;
    long compute = (long) Math.ceil(Timing.computeBound(machine, s.macs()));
    return Math.max(compute, Timing.transfer(machine, Timing.Dma.LOAD, compulsory, 0));
  }

  /** How many of the positions 0..extent-1 subscript {@code e} reaches over the layer's index space. */
  private static long read(LoopSpace s, org.tdlc.ir.attr.AffineExpr e, int extent) {
    java.util.BitSet seen = new java.util.BitSet(extent);
    List<Integer> used = new java.util.ArrayList<>();
    for (int d = 0; d < s.dims().size(); d++) if (e.coeffs().get(d) != 0) used.add(d);
    int[] x = new int[used.size()];
    while (true) {
      long v = e.constant();
      for (int j = 0; j < x.length; j++) v += (long) e.coeffs().get(used.get(j)) * x[j];
      if (v >= 0 && v < extent) seen.set((int) v);
      int j = x.length - 1;
      while (j >= 0 && ++x[j] == s.ranges()[used.get(j)]) x[j--] = 0;
      if (j < 0) return seen.cardinality();
    }
  }

  static String text(Objective objective, int layers, List<TargetRow> rows) {
    StringBuilder b = new StringBuilder();
    for (TargetRow t : rows) {
      b.append(String.format("%s: %d conv layers (ResNet-50 and MobileNetV2, distinct shapes), objective %s: mapper vs "
          + "exhaustive search; cost model %,.0f evaluations per CPU-second (one thread)%n", t.target(), layers,
          objective, t.rate()));
      b.append(String.format("%-12s %-12s %10s %10s %8s %8s %7s %9s %7s %9s %9s%n", "model", "layer", "mapper",
          "exhaustive", "gap", "evals", "checks", "exh.evals", "fewer", "mapper ms", "exh. ms"));
      for (LayerRow r : t.layers()) {
        b.append(String.format("%-12s %-12s %10.4g %10.4g %7.2f%% %8d %7d %9d %6.0fx %9.0f %9.0f%s%n", r.model(),
            r.layer(), r.mapperScore(), r.exhaustiveScore(), 100 * r.gap(), r.mapperEvaluations(), r.mapperChecks(),
            r.exhaustiveEvaluations(), r.fewer(), r.mapperMs(), r.exhaustiveMs(), r.onTarget() ? "" : "  (misses)"));
      }
      if (!t.layers().isEmpty()) {
        b.append(String.format("%s: worst gap %.2f%% (%s), median gap %.2f%%, at least %.0fx fewer evaluations, "
            + "mapper at most %.0f ms per layer; %d of %d layers within %.0f%% with at least %.0fx fewer evaluations "
            + "in under %.0f s%n", t.target(), 100 * t.worstGap(), t.worstLayer(), 100 * t.medianGap(), t.minFewer(),
            t.maxMapperMs(), t.onTarget(), t.layers().size(), 100 * GAP_TARGET, FEWER_TARGET, MS_TARGET / 1000));
      }
      b.append(String.format("%n"));
    }
    b.append(String.format("per target: cycles of the mapper's mappings (objective cycles) over these layers against the "
        + "roofline bound%n"));
    b.append(String.format("%-10s %12s %12s %9s %10s %10s %12s%n", "target", "cycles", "roofline", "achieved",
        "worst gap", "median gap", "evals/s"));
    for (TargetRow t : rows) {
      b.append(String.format("%-10s %12d %12d %8.1f%% %9.2f%% %9.2f%% %12.0f%n", t.target(), t.cycles(), t.bound(),
          100 * t.achieved(), 100 * t.worstGap(), 100 * t.medianGap(), t.rate()));
    }
    return b.toString();
  }

  /**
   * {tdlc_version, command, benchmark: "mapping", objective, targets: [{target, evaluations_per_second, layers,
   * worst_gap, median_gap, min_fewer_evaluations, max_mapper_ms, layers_on_target, cycles, roofline_cycles,
   * achieved}]}; gaps and
   * achieved fractions are ratios (0.01 is 1%); the summaries are null without layers.
   */
  static ObjectNode json(Objective objective, List<TargetRow> rows) {
    ObjectNode o = Json.report("bench");
    o.put("benchmark", "mapping");
    o.put("objective", objective.toString());
    ArrayNode targets = o.putArray("targets");
    for (TargetRow t : rows) {
      ObjectNode to = targets.addObject();
      to.put("target", t.target());
      Json.number(to, "evaluations_per_second", t.rate());
      ArrayNode layers = to.putArray("layers");
      for (LayerRow r : t.layers()) {
        ObjectNode l = layers.addObject();
        l.put("model", r.model());
        l.put("layer", r.layer());
        Json.number(l, "mapper_score", r.mapperScore());
        Json.number(l, "exhaustive_score", r.exhaustiveScore());
        Json.number(l, "gap", r.gap());
        l.put("mapper_evaluations", r.mapperEvaluations());
        l.put("mapper_capacity_checks", r.mapperChecks());
        l.put("exhaustive_evaluations", r.exhaustiveEvaluations());
        Json.number(l, "fewer_evaluations", r.fewer());
        Json.number(l, "mapper_ms", r.mapperMs());
        Json.number(l, "exhaustive_ms", r.exhaustiveMs());
        l.put("on_target", r.onTarget());
      }
      if (t.layers().isEmpty()) {
        for (String k : List.of("worst_gap", "median_gap", "min_fewer_evaluations", "max_mapper_ms")) to.putNull(k);
      } else {
        Json.number(to, "worst_gap", t.worstGap());
        Json.number(to, "median_gap", t.medianGap());
        Json.number(to, "min_fewer_evaluations", t.minFewer());
        Json.number(to, "max_mapper_ms", t.maxMapperMs());
      }
      to.put("layers_on_target", t.onTarget());
      to.put("cycles", t.cycles());
      to.put("roofline_cycles", t.bound());
      Json.number(to, "achieved", t.achieved());
    }
    return o;
  }

  /**
   * Evaluations per CPU-second (thread CPU time, so a loaded machine does not understate it) of the cost
   * model over a stream of distinct tiles of a 3x3 ResNet layer.
   */
  static double evaluationsPerSecond(Target target) {
    LoopSpace s = LoopSpace.conv(1, 128, 28, 28, 128, 3, 3, 1, 1);
    CostModel model = new CostModel(s, target);
    MappingSpace space = MappingSpace.full(s, target);
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
