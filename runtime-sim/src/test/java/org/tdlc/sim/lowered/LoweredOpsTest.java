// The backend's corner-case models (strides and padding, groups, batched matmuls, affine einsums, pools,
// layouts, epilogues, remainder tiles), fused and unfused, lowered for every test machine plus a 1 KiB one
// and simulated: outputs equal the reference interpreter's bit for bit, for two input seeds.
package org.tdlc.sim.lowered;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tdlc.backend.lower.LoweringFixtures;
import org.tdlc.ir.Model;
import org.tdlc.machine.MachineConfig;

class LoweredOpsTest {
  @TestFactory
  Stream<DynamicTest> cornerCasesAreBitExact() {
    List<MachineConfig> machines = new ArrayList<>(LoweringFixtures.MACHINES);
    machines.add(LoweringFixtures.CRUMB);
    List<DynamicTest> tests = new ArrayList<>();
    for (Model model : LoweringFixtures.models(LoweringFixtures.opsFile())) {
      for (MachineConfig m : machines) {
        tests.add(DynamicTest.dynamicTest(model.name() + " on " + m.target(), () -> {
          BitExact.check(model, m, 1);
          BitExact.check(model, m, 2);
        }));
      }
    }
    return tests.stream();
  }
}
