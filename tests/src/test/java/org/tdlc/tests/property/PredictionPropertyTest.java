// Seeded property test of the cost model against the simulator on mappings the mapper would not pick: a
// random small conv2d or matmul with a random fully pinned mapping (tiles that need not divide, any loop
// order, any dataflow of a random built-in target), compiled, simulated (outputs bit-exact against the
// reference interpreter), and its predicted MACs, bytes and cycles compared with the counted ones exactly.
// Half the cases prune the weight (density 0.1, 0.3 or 0.6) and pin it to a random format of the target,
// so compressed blocks, decode or conversion cycles and skipped MACs are compared too.
// A failure prints the seed, the case and the replay command; -Dproperty.cases=N runs more.
package org.tdlc.tests.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.lower.Lowering;
import org.tdlc.frontend.Frontend;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.interp.Interpreter;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.Target;
import org.tdlc.machine.MachineConfig;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;
import org.tdlc.passes.mapping.Cost;
import org.tdlc.passes.mapping.Predictions;
import org.tdlc.sim.Counters;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.SimResult;
import org.tdlc.sim.Simulator;

class PredictionPropertyTest {
  static final int DEFAULT_CASES = 60;

  @TempDir Path dir;

  /** One case: the target and the .tdl text with its one pinned layer. */
  record Case(long seed, Target target, String tdl) {
    @Override public String toString() { return "case " + seed + " on " + target.name() + ":\n" + tdl; }
  }

  @Test
  void predictedEqualsSimulatedOnRandomPinnedMappings() throws Exception {
    int compared = 0, compressed = 0, skipping = 0;
    for (long seed : CompilerPropertiesTest.seeds(DEFAULT_CASES)) {
      Case c = null;
      Model model = null;
      for (int attempt = 0; model == null; attempt++) {   // a pinned tile may not fit the buffer: draw again
        c = generate(seed * 31 + attempt);
        model = compile(c);
        assertTrue(attempt < 50, "no pinned mapping fits for seed " + seed);
      }
      try {
        Counters s = check(c, model);
        compared++;
        if (s.compressedBytes() > 0) compressed++;
        if (s.macsSkipped() > 0) skipping++;
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(c + "\n" + e.getMessage() + "\nreplay: mvn -B -o verify -pl tests -am"
            + " -Dtest=PredictionPropertyTest -Dproperty.seed=" + seed + " -Dsurefire.failIfNoSpecifiedTests=false", e);
      }
    }
    System.out.printf("PredictionPropertyTest: %d random pinned mappings (%d with compressed weights, %d skipping"
        + " MACs), predictions exact%n", compared, compressed, skipping);
    assertTrue(compressed >= compared / 5, "only " + compressed + " cases read compressed weights");
  }

  /** Checks one compiled case; returns the layer's counters. */
  private static Counters check(Case c, Model model) {
    Program p = new Lowering().lower(model, MachineConfig.of(c.target()));
    Map<String, org.tdlc.ir.data.Tensor> inputs = Interpreter.randomInputs(model, c.seed());
    SimResult sim = Simulator.run(p, inputs);
    assertEquals(new Interpreter().run(model, inputs), sim.outputs(), "simulated outputs, bit for bit");
    Map<String, Cost> predicted = Predictions.of(model, c.target());
    assertEquals(1, predicted.size(), "mapped layers: " + predicted.keySet());
    String name = predicted.keySet().iterator().next();
    Cost cost = predicted.get(name);
    LayerCounters layer = sim.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    Counters s = layer.counters();
    String global = c.target().global().name();
    long[] counted = {s.macs(), s.macsSkipped(), s.level("dram").bytesRead(), s.level("dram").bytesWritten(),
        s.level(global).bytesRead(), s.level(global).bytesWritten(), s.decodeCycles(), s.convertCycles()};
    long[] model2 = {cost.macs(), cost.macsSkipped(), sum(cost.dramRead()), sum(cost.dramWrite()),
        sum(cost.globalRead()), sum(cost.globalWrite()), cost.decodeCycles(), cost.convertCycles()};
    assertArrayEquals(counted, model2, "MACs, skipped MACs, DRAM read/write, global read/write, decode, convert");
    assertEquals(s.cycles(), cost.cycles(), "cycles");
    return s;
  }

  private Model compile(Case c) throws Exception {
    Path file = dir.resolve("case.tdl");
    Files.writeString(file, c.tdl());
    IrModule m = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString()).module();
    try {
      return new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(c.target()))
          .run(m, Pipeline.DEFAULT, new DiagnosticEngine())
          .models().get(0);
    } catch (CompileException e) {
      if (e.getMessage().contains("buffer")) return null;
      throw e;
    }
  }

  static Case generate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Target> targets = Targets.builtIns();
    Target t = targets.get(r.nextInt(targets.size()));
    String pruned = pruned(new SplittableRandom(~seed), t);
    StringBuilder b = new StringBuilder("model m {\n");
    List<String> dims;
    int[] ranges;
    String call;
    if (r.nextBoolean()) {
      int c = 1 + r.nextInt(20), k = 1 + r.nextInt(36), h = 2 + r.nextInt(14), w = 2 + r.nextInt(14);
      int kr = 1 + r.nextInt(Math.min(3, h)), ks = 1 + r.nextInt(Math.min(3, w)), stride = 1 + r.nextInt(2);
      int pad = r.nextInt(kr);
      b.append("  input x : i8[1, ").append(c).append(", ").append(h).append(", ").append(w).append("];\n");
      b.append("  weight w : i8[").append(k).append(", ").append(c).append(", ").append(kr).append(", ").append(ks)
          .append("] init random(seed = ").append(seed & 0xffff).append(")").append(pruned).append(";\n");
      int p = (h + 2 * pad - kr) / stride + 1, q = (w + 2 * pad - ks) / stride + 1;
      dims = List.of("n", "k", "c", "p", "q", "r", "s");
      ranges = new int[] {1, k, c, p, q, kr, ks};
      call = "conv2d(x, w, stride = " + stride + ", pad = " + pad + ")";
    } else {
      int m = 1 + r.nextInt(40), k = 1 + r.nextInt(70), n = 1 + r.nextInt(50);
      b.append("  input a : i8[").append(m).append(", ").append(k).append("];\n");
      b.append("  weight w : i8[").append(k).append(", ").append(n).append("] init random(seed = ")
          .append(seed & 0xffff).append(")").append(pruned).append(";\n");
      dims = List.of("m", "n", "k");
      ranges = new int[] {m, n, k};
      call = "matmul(a, w)";
    }
    String tail = switch (r.nextInt(3)) {   // an epilogue the fuse-epilogue pass folds into the pinned op
      case 1 -> "relu(c)";
      case 2 -> "requant(relu(c), shift = 7)";
      default -> "";
    };
    List<Dataflow> flows = new ArrayList<>(t.dataflows());
    List<String> order = new ArrayList<>(dims);
    for (int i = order.size() - 1; i > 0; i--) java.util.Collections.swap(order, i, r.nextInt(i + 1));
    StringBuilder tile = new StringBuilder();
    for (int d = 0; d < dims.size(); d++) {
      tile.append(d == 0 ? "" : ", ").append(dims.get(d)).append(" = ").append(1 + r.nextInt(ranges[d]));
    }
    b.append("  @map(dataflow = ").append(flows.get(r.nextInt(flows.size())).keyword()).append(", tile = { ")
        .append(tile).append(" }, order = [").append(String.join(", ", order)).append("])\n");
    b.append("  c = ").append(call).append(";\n");
    if (!tail.isEmpty()) b.append("  y = ").append(tail).append(";\n");
    b.append("  output ").append(tail.isEmpty() ? "c" : "y").append(";\n}\n");
    return new Case(seed, t, b.toString());
  }

  /** Nothing (a dense weight) or a density and a format pin among the target's formats, half the time each. */
  private static String pruned(SplittableRandom r, Target t) {
    if (r.nextBoolean()) return "";
    double[] densities = {0.1, 0.3, 0.6};
    var formats = t.sparse().formats();
    return " density " + densities[r.nextInt(densities.length)] + " format "
        + formats.get(r.nextInt(formats.size())).keyword();
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long x : a) s += x;
    return s;
  }
}
