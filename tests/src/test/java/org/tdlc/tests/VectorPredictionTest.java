// The vector layers' predicted cost against the simulator: every vector op (resources/prediction/vector_ops.tdl)
// compiled for every built-in target and for two small-buffer targets of its own (one with its own vector
// unit, one without double buffering), simulated, the outputs compared bit for bit with the interpreter's, and
// each layer's predicted cycles, bytes per level and energy (the lowering's LayerSchedule) compared with what
// the simulator counted, exactly. Also: a target's vector unit, not its columns, sets an ALU op's time.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.lower.LayerSchedule;
import org.tdlc.backend.lower.Lowering;
import org.tdlc.frontend.Frontend;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.interp.Interpreter;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.target.VectorUnit;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.Timing;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.SimResult;
import org.tdlc.sim.Simulator;

class VectorPredictionTest {
  static final String FILE = "tests/src/test/resources/prediction/vector_ops.tdl";
  /** The ops whose layers must each carry a prediction (a wide average pool, with its MACs, would not). */
  static final Set<String> VECTOR_OPS = Set.of("add", "sub", "mul", "max", "min", "clip", "sigmoid", "tanh", "gelu",
      "upsample", "globalavgpool", "softmax", "layernorm", "gather", "concat", "slice", "reshape", "transpose");

  @Test
  void everyVectorLayerIsPredictedExactlyOnEveryTarget() {
    Frontend.Result file = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(FILE);
    List<String> problems = new ArrayList<>();
    int compared = 0;
    List<String> names = new ArrayList<>(Targets.BUILT_IN_NAMES);
    names.addAll(List.of("small", "single"));
    for (String name : names) {
      Target target = Targets.resolve(name, file);
      IrModule optimized = new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(target))
          .run(file.module(), Pipeline.DEFAULT, new DiagnosticEngine());
      Model m = optimized.models().get(0);
      Lowering lowering = new Lowering();
      Program p = lowering.lower(m, MachineConfig.of(target));
      var inputs = Interpreter.randomInputs(m, 3);
      SimResult sim = Simulator.run(p, inputs);
      assertEquals(new Interpreter().run(m, inputs), sim.outputs(), name + ": simulated outputs, bit for bit");
      Map<String, LayerSchedule.Cost> predicted = lowering.vectorCosts();
      for (LayerCounters lc : sim.layers()) {
        LayerSchedule.Cost c = predicted.get(lc.name());
        if (c == null) {
          if (VECTOR_OPS.contains(lc.op())) problems.add(name + "/" + lc.name() + " (" + lc.op() + "): no prediction");
          continue;
        }
        compared++;
        var s = lc.counters();
        long[] counted = {s.cycles(), s.level("dram").bytesRead(), s.level("dram").bytesWritten(),
            s.level(target.global().name()).bytesRead(), s.level(target.global().name()).bytesWritten()};
        long[] model = {c.cycles(), c.read()[0], c.written()[0], c.read()[1], c.written()[1]};
        if (!java.util.Arrays.equals(counted, model) || s.energyPj() != c.energyPj()) {
          problems.add(name + "/" + lc.name() + " (" + lc.op() + "): cycles, dram r/w, global r/w "
              + java.util.Arrays.toString(counted) + " energy " + s.energyPj() + "; predicted "
              + java.util.Arrays.toString(model) + " energy " + c.energyPj());
        }
      }
    }
    System.out.printf("vector layers: %d predicted exactly on %d targets%n", compared - problems.size(), names.size());
    assertTrue(compared >= 8 * 17, "only " + compared + " layers compared");
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void theVectorUnitsLanesNotTheColumnsSetAnAluOpsTime() {
    Target small = Targets.resolve("small", new Frontend(new DiagnosticEngine(), new SourceCache()).compile(FILE));
    assertEquals(new VectorUnit(8, 3), small.vector());
    MachineConfig m = MachineConfig.of(small);
    assertEquals(100 / 8 + 1 + 3, Timing.alu(m, 100));    // ceil(100 / 8) + 3, on a 4-column array
    MachineConfig plain = MachineConfig.of(Targets.resolve("systolic", List.of()));
    assertEquals(VectorUnit.defaultFor(plain.cols()), plain.vector());
    assertEquals(100 / 16 + 1 + 2, Timing.alu(plain, 100));   // undeclared: as wide as the columns, as before
  }
}
