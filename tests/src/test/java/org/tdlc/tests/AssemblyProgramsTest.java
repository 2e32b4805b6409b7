// Hand-written assembly programs (tests/src/test/resources/lit/sim/*.s, which are lit tests too) run on the
// simulator: exact counters for a small one (worked out in its comments), and a deadlock and an unbalanced
// token reported, not hung on.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.asm.Assembler;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;
import org.tdlc.sim.Counters;
import org.tdlc.sim.SimResult;
import org.tdlc.sim.SimulationException;
import org.tdlc.sim.Simulator;

class AssemblyProgramsTest {
  static final Path DIR = Path.of("tests/src/test/resources/lit/sim");
  static final Tensor X = Tensor.of(TensorType.of(ElementType.I8, 8), -3, 5, 0, -128, 127, 1, -1, 9);

  static Program program(String name) throws Exception {
    return Assembler.parse(Files.readString(DIR.resolve(name)), DIR.resolve(name).toString());
  }

  @Test
  void reluCountersAreExact() throws Exception {
    SimResult r = Simulator.run(program("relu.s"), Map.of("x", X));
    assertEquals(Tensor.of(TensorType.of(ElementType.I8, 8), 0, 5, 0, 0, 127, 1, 0, 9), r.outputs().get("y"));
    Counters c = r.total();
    assertEquals(30, c.cycles());
    assertEquals(24, c.loadBusyCycles() + c.storeBusyCycles());
    assertEquals(6, c.computeBusyCycles());
    assertEquals(8, c.level("dram").bytesRead());      // the load
    assertEquals(8, c.level("dram").bytesWritten());   // the store
    assertEquals(16, c.level("global").bytesRead());   // relu reads 8, store reads 8
    assertEquals(16, c.level("global").bytesWritten()); // load writes 8, relu writes 8
    assertEquals(16 * 100.0 + 32 * 2.0, c.energyPj(), 1e-9);
    assertEquals(0, c.macs());
  }

  @Test
  void aDeadlockIsReportedWithEachBlockedQueueHead() throws Exception {
    SimulationException e = assertThrows(SimulationException.class,
        () -> Simulator.run(program("deadlock.s"), Map.of("x", X)));
    assertTrue(e.getMessage().contains("deadlock"), e.getMessage());
    assertTrue(e.getMessage().contains("instruction 0") && e.getMessage().contains("l2c"), e.getMessage());
    assertTrue(e.getMessage().contains("instruction 1") && e.getMessage().contains("c2s"), e.getMessage());
  }

  @Test
  void anUnbalancedTokenIsReportedAtHalt() throws Exception {
    SimulationException e = assertThrows(SimulationException.class,
        () -> Simulator.run(program("unbalanced.s"), Map.of("x", X)));
    assertTrue(e.getMessage().contains("unbalanced token: 1 token left in l2c"), e.getMessage());
  }

  @Test
  void theCliRefusesTheDeadlockBeforeRunningIt() throws Exception {
    Path out = Files.createTempFile("deadlock", ".tdlx");
    Tdlc.Result r = Tdlc.run("asm", DIR.resolve("deadlock.s").toString(), "-o", out.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("deadlock"), r.err());
  }
}
