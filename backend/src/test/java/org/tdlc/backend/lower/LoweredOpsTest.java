// Every corner-case model of lowering/ops.tdl (strides and padding, groups, batched matmuls, affine einsums,
// pools, layouts, epilogues, remainder tiles), fused and unfused, on every test machine plus a 1 KiB one:
// the programs must be well formed and free of races between the queues.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.Model;
import org.tdlc.machine.MachineConfig;

class LoweredOpsTest {
  @TestFactory
  Stream<DynamicTest> cornerCasesAreWellFormedAndRaceFree() {
    List<MachineConfig> machines = new ArrayList<>(LoweringFixtures.MACHINES);
    machines.add(LoweringFixtures.CRUMB);
    List<DynamicTest> tests = new ArrayList<>();
    for (Model model : LoweringFixtures.models(LoweringFixtures.opsFile())) {
      for (MachineConfig m : machines) {
        tests.add(DynamicTest.dynamicTest(model.name() + " on " + m.target(), () -> {
          Program p = new Lowering().lower(model, m);
          ProgramShape.check(p);
          RaceCheck.check(p);
        }));
      }
    }
    return tests.stream();
  }
}
