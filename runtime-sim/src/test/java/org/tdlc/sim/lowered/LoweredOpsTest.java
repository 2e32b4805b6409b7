// The backend's corner-case models (strides and padding, groups, batched matmuls, affine einsums, pools,
// layouts, epilogues, remainder tiles), fused and unfused, lowered for every test machine plus a 1 KiB one
// and simulated: outputs equal the reference interpreter's bit for bit, for two input seeds.
package org.tdlc.sim.lowered;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tdlc.backend.isa.Dataflow;
import org.tdlc.backend.isa.MachineConfig;
import org.tdlc.ir.Model;

class LoweredOpsTest {
  static final MachineConfig CRUMB = Fixtures.machine("crumb2x2", 2, 2, Set.of(Dataflow.OS), 1 << 10, true);

  @TestFactory
  Stream<DynamicTest> cornerCasesAreBitExact() {
    List<MachineConfig> machines = new ArrayList<>(Fixtures.MACHINES);
    machines.add(CRUMB);
    List<DynamicTest> tests = new ArrayList<>();
    for (String pipeline : List.of("", Fixtures.FUSED)) {
      for (Model model : Fixtures.models(Fixtures.opsFile(), pipeline)) {
        for (MachineConfig m : machines) {
          String name = model.name() + " [" + (pipeline.isEmpty() ? "unfused" : "fused") + "] on " + m.target();
          tests.add(DynamicTest.dynamicTest(name, () -> {
            Fixtures.assertBitExact(model, m, 1);
            Fixtures.assertBitExact(model, m, 2);
          }));
        }
      }
    }
    return tests.stream();
  }
}
