// Every shared example, fused and unfused, lowered for each test machine and simulated: the outputs must
// equal the reference interpreter's bit for bit, and every layer of the program must have run.
package org.tdlc.sim.lowered;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tdlc.backend.lower.LoweringFixtures;
import org.tdlc.ir.Model;
import org.tdlc.machine.MachineConfig;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.SimResult;

class LoweredExamplesTest {

  @TestFactory
  Stream<DynamicTest> examplesAreBitExactOnEveryMachine() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : LoweringFixtures.examples()) {
      for (MachineConfig m : LoweringFixtures.MACHINES) {
        tests.add(DynamicTest.dynamicTest(file.getFileName() + " on " + m.target(), () -> {
          for (Model model : LoweringFixtures.models(file)) {
            SimResult r = BitExact.check(model, m, 7);
            for (LayerCounters l : r.layers()) assertTrue(l.counters().cycles() > 0, l.toString());
          }
        }));
      }
    }
    return tests.stream();
  }
}
