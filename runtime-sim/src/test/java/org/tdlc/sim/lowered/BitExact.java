// The end-to-end check of the lowering: lower, simulate on seeded inputs, and compare every output with the
// reference interpreter's, bit for bit. Machines and models come from the backend's test fixtures.
package org.tdlc.sim.lowered;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.lower.Lowering;
import org.tdlc.ir.Model;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.interp.Interpreter;
import org.tdlc.machine.MachineConfig;
import org.tdlc.sim.SimResult;
import org.tdlc.sim.Simulator;

public final class BitExact {
  private BitExact() {}

  public static SimResult check(Model model, MachineConfig machine, long seed) {
    Map<String, Tensor> inputs = Interpreter.randomInputs(model, seed);
    Map<String, Tensor> expected = new Interpreter().run(model, inputs);
    Program program = new Lowering().lower(model, machine);
    SimResult result = Simulator.run(program, inputs);
    String where = "model " + model.name() + " on " + machine.target() + " (seed " + seed + ")";
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(result.outputs().keySet()), where + ": output names");
    for (Map.Entry<String, Tensor> e : expected.entrySet()) {
      e.getValue().diff(result.outputs().get(e.getKey()))
          .ifPresent(d -> fail(where + ": output " + e.getKey() + ": " + d));
    }
    return result;
  }
}
