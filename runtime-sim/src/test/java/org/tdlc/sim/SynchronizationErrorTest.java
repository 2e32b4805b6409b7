// Token errors are reported, never hung on: a deadlock lists each blocked queue head with the token it waits
// for and the token counts; a token still in a FIFO at HALT is named with its FIFO and count.
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tdlc.sim.TestPrograms.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Program;

class SynchronizationErrorTest {
  @Test
  void deadlockListsEveryBlockedQueueHead() {
    Program p = new ProgramBuilder(machine(), 64)
        .load(NONE, dma(I8, dim(8, 1, 1)), 0, 0)                                        // 0: pushes nothing
        .mac(POP_PREV_PUSH_NEXT, macDesc(I8, I8, -1, -1, loop(8, 0, 1, 1)), 0, 0, 64)  // 1: waits for l2c
        .store(POP_PREV_PUSH_PREV, dma(I32, dim(1, 1, 1)), 64, 32)                      // 2: waits for c2s
        .halt(POP_NEXT)
        .build();
    SimulationException e = assertThrows(SimulationException.class, () -> Simulator.run(p, Map.of()));
    assertEquals("""
        deadlock: every non-empty queue is blocked (tokens: l2c=0 c2l=0 c2s=0 s2c=0)
          load queue: empty
          compute queue: instruction 1 (mac d1 a=0 b=0 c=64 [pop_prev push_next]) waits for a token in l2c
          store queue: instruction 2 (store d2 buf=64 dram=32 [pop_prev push_prev]) waits for a token in c2s""",
        e.getMessage());
    assertEquals(1, e.instruction());
  }

  @Test
  void haltWaitingForADrainIsPartOfTheReport() {
    Program p = new ProgramBuilder(machine(), 64)
        .load(POP_NEXT, dma(I8, dim(8, 1, 1)), 0, 0)                                    // 0: c2l never comes
        .halt(NONE)
        .build();
    SimulationException e = assertThrows(SimulationException.class, () -> Simulator.run(p, Map.of()));
    assertEquals("""
        deadlock: every non-empty queue is blocked (tokens: l2c=0 c2l=0 c2s=0 s2c=0)
          load queue: instruction 0 (load d0 dram=0 buf=0 [pop_next]) waits for a token in c2l
          compute queue: instruction 1 (halt) waits for the load and store queues to drain
          store queue: empty""", e.getMessage());
  }

  @Test
  void unbalancedTokenAtHalt() {
    Program p = new ProgramBuilder(machine(), 64)
        .load(PUSH_NEXT, dma(I8, dim(8, 1, 1)), 0, 0)
        .alu(NONE, aluDesc(AluOp.FILL, I8, I8, I8, 1, loop(4, 1, 0, 0)), 16, 0, 0)
        .halt(NONE)
        .build();
    SimulationException e = assertThrows(SimulationException.class, () -> Simulator.run(p, Map.of()));
    assertEquals("unbalanced token: 1 token left in l2c", e.getMessage());
  }

  @Test
  void severalUnbalancedFifosAreAllNamed() {
    Program p = new ProgramBuilder(machine(), 64)
        .load(PUSH_NEXT, dma(I8, dim(8, 1, 1)), 0, 0)
        .load(PUSH_NEXT, dma(I8, dim(8, 1, 1)), 0, 8)
        .alu(PUSH_NEXT, aluDesc(AluOp.FILL, I8, I8, I8, 1, loop(4, 1, 0, 0)), 16, 0, 0)
        .halt(NONE)
        .build();
    SimulationException e = assertThrows(SimulationException.class, () -> Simulator.run(p, Map.of()));
    assertEquals("unbalanced token: 2 tokens left in l2c; 1 token left in c2s", e.getMessage());
  }
}
