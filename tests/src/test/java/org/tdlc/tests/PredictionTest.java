// The cost model against the simulator: every example on every built-in target, compiled with the mapper,
// simulated, and each mapped layer's predicted MACs and bytes per level compared with the counted ones
// (exactly) and its cycles within the 5% (the exact schedule walk usually meets them exactly).
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.TargetMachine;
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
import org.tdlc.ir.target.Target;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;
import org.tdlc.passes.mapping.Cost;
import org.tdlc.passes.mapping.Predictions;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.SimResult;
import org.tdlc.sim.Simulator;

class PredictionTest {
  static final List<String> EXAMPLES = List.of("quickstart", "resnet_block", "mobilenet_block", "einsum_conv", "mapped");
  /** The bound on cycles per layer (see README, "The cost model"). */
  static final double CYCLE_BOUND = 0.05;

  @Test
  void predictedMatchesSimulatedOnEveryExampleAndTarget() {
    List<String> problems = new ArrayList<>();
    int exact = 0, exactCycles = 0, compared = 0;
    double worst = 0;
    for (String ex : EXAMPLES) {
      IrModule module = new Frontend(new DiagnosticEngine(), new SourceCache()).compile("examples/" + ex + ".tdl")
          .module();
      for (String name : Targets.BUILT_IN_NAMES) {
        Target target = Targets.resolve(name, List.of());
        IrModule mapped;
        try {
          mapped = new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(target))
              .run(module, Pipeline.parse("canonicalize,fuse-epilogue,mapper"), new DiagnosticEngine());
        } catch (CompileException e) {
          assertEquals("mapped", ex, "only mapped.tdl pins dataflows some targets lack: " + e.getMessage());
          continue;
        }
        for (Model m : mapped.models()) {
          Program p = new Lowering().lower(m, TargetMachine.of(target));
          SimResult sim = Simulator.run(p, Interpreter.randomInputs(m, 1));
          Map<String, Cost> predicted = Predictions.of(m, target);
          for (LayerCounters lc : sim.layers()) {
            Cost c = predicted.get(lc.name());
            if (c == null) continue;
            compared++;
            String where = ex + "/" + name + "/" + lc.name();
            var s = lc.counters();
            long[] counted = {s.macs(), s.level("dram").bytesRead(), s.level("dram").bytesWritten(),
                s.level(target.global().name()).bytesRead(), s.level(target.global().name()).bytesWritten()};
            long[] model = {c.macs(), sum(c.dramRead()), sum(c.dramWrite()), sum(c.globalRead()),
                sum(c.globalWrite())};
            if (!java.util.Arrays.equals(counted, model)) {
              problems.add(where + ": MACs and bytes " + java.util.Arrays.toString(counted) + " predicted "
                  + java.util.Arrays.toString(model));
            } else {
              exact++;
            }
            if (c.cycles() == s.cycles()) exactCycles++;
            double err = Math.abs(c.cycles() - s.cycles()) / (double) s.cycles();
            worst = Math.max(worst, err);
            if (err > CYCLE_BOUND) problems.add(where + ": cycles " + s.cycles() + " predicted " + c.cycles());
          }
        }
      }
    }
    System.out.printf("cost model vs simulator: %d layers, %d exact in MACs and bytes, %d in cycles, worst cycle"
        + " error %.1f%%%n", compared, exact, exactCycles, worst * 100);
    assertTrue(compared >= 40, "only " + compared + " mapped layers compared");
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long x : a) s += x;
    return s;
  }
}
