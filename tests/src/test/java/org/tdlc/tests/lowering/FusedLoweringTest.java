// The lowering of fused models: the backend and the simulator test their own modules on models as the front
// end builds them (neither depends on the passes), and this test, which sees every module, runs the same checks
// on models after the pipeline's epilogue fusion (residual adds, relu and requant folded into their
// producers): well-formed, race-free programs, bit-exact against the reference interpreter.
package org.tdlc.tests.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.lower.Lowering;
import org.tdlc.backend.lower.LoweringFixtures;
import org.tdlc.backend.lower.ProgramShape;
import org.tdlc.backend.lower.RaceCheck;
import org.tdlc.backend.lower.RandomModels;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.machine.MachineConfig;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.SimResult;
import org.tdlc.sim.lowered.BitExact;

class FusedLoweringTest {
  /** The pipeline's fusion (canonicalize, fuse-epilogue), as the fixtures' rewrite of a module. */
  static final UnaryOperator<IrModule> FUSION = m -> new PassManager(PassManager.Instrumentation.defaults(System.err))
      .run(m, Pipeline.FUSED, new DiagnosticEngine());

  /** Lowers, checks the program's shape and races, and simulates bit-exactly. */
  private static SimResult check(Model model, MachineConfig m, long seed) {
    Program p = new Lowering().lower(model, m);
    ProgramShape.check(p);
    RaceCheck.check(p);
    return BitExact.check(model, m, seed);
  }

  @TestFactory
  Stream<DynamicTest> fusedExamplesOnEveryMachine() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : LoweringFixtures.examples()) {
      for (MachineConfig m : LoweringFixtures.MACHINES) {
        tests.add(DynamicTest.dynamicTest(file.getFileName() + " [fused] on " + m.target(), () -> {
          for (Model model : LoweringFixtures.models(file, FUSION)) {
            SimResult r = check(model, m, 7);
            for (LayerCounters l : r.layers()) assertTrue(l.counters().cycles() > 0, l.toString());
          }
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> fusedCornerCasesOnEveryMachine() {
    List<MachineConfig> machines = new ArrayList<>(LoweringFixtures.MACHINES);
    machines.add(LoweringFixtures.CRUMB);
    List<DynamicTest> tests = new ArrayList<>();
    for (Model model : LoweringFixtures.models(LoweringFixtures.opsFile(), FUSION)) {
      for (MachineConfig m : machines) {
        tests.add(DynamicTest.dynamicTest(model.name() + " [fused] on " + m.target(), () -> {
          check(model, m, 1);
          BitExact.check(model, m, 2);
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void oneLayerPerComputingOpNamedAfterItsResult() {
    Model m = LoweringFixtures.models(Path.of(LoweringFixtures.examples().get(0).getParent().toString(),
        "resnet_block.tdl"), FUSION).get(0);
    Program p = new Lowering().lower(m, LoweringFixtures.EDGE);
    assertEquals(List.of("r1:conv2d", "y:conv2d"), p.layers().stream().map(l -> l.name() + ":" + l.op()).toList());
    for (Layer l : p.layers()) assertTrue(p.instructions().get(l.first()) instanceof Instruction.Config);
  }

  @Test
  void randomModelsHalfFusedLowerAndRunBitExact() {
    RandomModels.check("FusedLoweringTest", 150, FusedLoweringTest::check, FUSION);
  }
}
