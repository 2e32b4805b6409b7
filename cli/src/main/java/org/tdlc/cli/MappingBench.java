// `tdlc bench mapping` (dispatched from BenchCommand): the figures the mapping work is judged by. Cost-model evaluations per second; for
// every ResNet-50 conv layer (shared/anchors/workloads.md, torchvision v1.5) the mapper against an
// exhaustive search of the same space under the same model (gap, evaluations, time); per built-in target
// the utilization the mapper's mappings reach against the roofline bound (min of compute and DRAM bound).
package org.tdlc.cli;

import java.util.List;
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

  static int run(CommandLine cl, Io io) {
    Target target = TargetChoice.resolve(cl, List.of(), new org.tdlc.ir.diag.SourceCache());
    String text = cl.getOptionValue("objective", Objective.EDP.toString());
    Objective objective = Objective.of(text).orElseThrow(
        () -> new UsageException("--objective takes " + Objective.choices() + ", got '" + text + "'"));
    int layers = cl.hasOption("layers") ? Integer.parseInt(cl.getOptionValue("layers")) : RESNET50.length;
    evaluationsPerSecond(target);   // warm-up: the JIT compiles the model first
    io.out().printf("cost model: %,.0f evaluations per CPU-second (one thread)%n", evaluationsPerSecond(target));
    io.out().printf("%nResNet-50 conv layers on %s, objective %s: mapper vs exhaustive search%n", target.name(), objective);
    io.out().printf("%-12s %10s %10s %8s %10s %10s %9s %9s%n", "layer", "mapper", "exhaustive", "gap", "evals",
        "exh.evals", "fewer", "time ms");
    double worstGap = 0, minRatio = Double.MAX_VALUE;
    for (int i = 0; i < Math.min(layers, RESNET50.length); i++) {
      String[] f = RESNET50[i].split(" ");
      LoopSpace s = LoopSpace.conv(1, i(f[1]), i(f[2]), i(f[3]), i(f[4]), i(f[5]), i(f[6]), i(f[7]), i(f[8]));
      CostModel model = new CostModel(s, target);
      MappingSpace space = MappingSpace.full(s, new java.util.ArrayList<>(target.dataflows()));
      MappingSearch.Result m = new MappingSearch(model, space, objective).search(1, 4, 200_000);
      MappingSearch.Result x = new MappingSearch(model, space, objective).exhaustive();
      double gap = m.best().score() / x.best().score() - 1;
      double ratio = (double) x.visited() / m.visited();
      worstGap = Math.max(worstGap, gap);
      minRatio = Math.min(minRatio, ratio);
      io.out().printf("%-12s %10.4g %10.4g %7.2f%% %10d %10d %8.0fx %4.0f/%-5.0f%n", f[0], m.best().score(),
          x.best().score(), 100 * gap, m.visited(), x.visited(), ratio, m.nanos() / 1e6, x.nanos() / 1e6);
    }
    io.out().printf("worst gap %.2f%%, at least %.0fx fewer evaluations%n", 100 * worstGap, minRatio);
    io.out().printf("%nutilization of the mapper's mappings (objective cycles) against the roofline bound, ResNet-50 convs%n");
    io.out().printf("%-10s %12s %12s %9s%n", "target", "cycles", "roofline", "achieved");
    for (String t : Targets.BUILT_IN_NAMES) roofline(io, Targets.resolve(t, List.of()));
    return Main.OK;
  }

  private static void roofline(Io io, Target t) {
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
    io.out().printf("%-10s %12d %12d %8.1f%%%n", t.name(), cycles, bound, 100.0 * bound / cycles);
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
