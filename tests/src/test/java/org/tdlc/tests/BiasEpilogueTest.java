// A per-channel bias as an epilogue operand: fuse-epilogue folds an add whose other operand broadcasts to the
// conv2d or matmul's result (one value per output channel, per column), the lowering loads it with DRAM stride 0
// where it repeats, and DRAM gives only its distinct values. Checked on every built-in target: outputs bit-exact
// against the reference interpreter, predicted cost == simulated cost, and the bytes a full-shape bias costs more.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.lower.Lowering;
import org.tdlc.frontend.Frontend;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.interp.Interpreter;
import org.tdlc.ir.ops.Epilogue;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.target.Target;
import org.tdlc.machine.MachineConfig;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.Simulator;

class BiasEpilogueTest {
  static final String FILE = "tests/src/test/resources/prediction/bias.tdl";

  private static IrModule compile() {
    return new Frontend(new DiagnosticEngine(), new SourceCache()).compile(FILE).module();
  }

  @Test
  void everyBiasIsFusedAsABroadcastEpilogueOperand() {
    IrModule fused = new PassManager(PassManager.Instrumentation.defaults(System.err))
        .run(compile(), Pipeline.FUSED, new DiagnosticEngine());
    Model m = fused.models().get(0);
    List<Operation> contractions = m.ops().stream()
        .filter(op -> op.is(Ops.CONV2D) || op.is(Ops.MATMUL)).toList();
    assertEquals(4, contractions.size());
    assertTrue(m.ops().stream().noneMatch(op -> op.is(Ops.ADD)), "every bias add is fused");
    List<String> biases = List.of("[1, 24, 1, 1]", "[24, 1, 1]", "[40]", "[24]");
    for (int i = 0; i < 4; i++) {
      Operation op = contractions.get(i);
      assertTrue(Epilogue.of(op.attributes()).hasAdd(), op.result().nameHint());
      assertEquals(3, op.operands().size());
      assertEquals(biases.get(i), java.util.Arrays.toString(op.operand(2).type().shape().dims()));
    }
  }

  @Test
  void predictedMatchesSimulatedOnEveryTarget() {
    IrModule module = compile();
    PredictionTest.Tally t = new PredictionTest.Tally();
    for (String name : Targets.BUILT_IN_NAMES) {
      Target target = Targets.resolve(name, List.of());
      PredictionTest.compare(module, target, Pipeline.NO_FORMATS, "bias/" + name, t);
      PredictionTest.compare(module, target, Pipeline.DEFAULT, "bias/" + name + "/default", t);
    }
    t.print("per-channel biases");
    assertTrue(t.compared >= 2 * 5 * Targets.BUILT_IN_NAMES.size(), "only " + t.compared + " layers compared");
    assertTrue(t.problems.isEmpty(), String.join("\n", t.problems));
  }

  @Test
  void aBroadcastBiasReadsItsDistinctValuesFromDram() {
    Target target = Targets.resolve("default", List.of());
    IrModule mapped = new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(target))
        .run(compile(), Pipeline.NO_FORMATS, new DiagnosticEngine());
    long[] read = new long[2];
    for (int i = 0; i < 2; i++) {
      Model m = mapped.models().get(i);
      var sim = Simulator.run(new Lowering().lower(m, MachineConfig.of(target)), Interpreter.randomInputs(m, 1));
      LayerCounters r1 = sim.layers().stream().filter(l -> l.name().equals("r1")).findFirst().orElseThrow();
      read[i] = r1.counters().level("dram").bytesRead();
    }
    // one tile holds the whole layer: the broadcast bias is read once, 24 i32 values, the full one 24 x 12 x 12
    assertEquals((24L * 12 * 12 - 24) * 4, read[1] - read[0]);
  }
}
