// Token planning on small hand-made streams: waits become matched push/pop pairs on the right FIFOs,
// same-queue and implied waits cost nothing, and a wait between load and store queues is refused.
package org.tdlc.backend.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.Deps;
import org.tdlc.backend.isa.Queue;

class TokenPlannerTest {
  private static final Queue L = Queue.LOAD, C = Queue.COMPUTE, S = Queue.STORE;

  @Test
  void loadComputeStoreChainUsesOneTokenPerWait() {
    // 0 load, 1 compute (waits 0), 2 store (waits 1), 3 load (waits 1: buffer reuse), 4 compute (waits 3, 2)
    Deps[] d = TokenPlanner.plan(List.of(L, C, S, L, C),
        List.of(List.of(), List.of(0), List.of(1), List.of(1), List.of(3, 2)));
    assertEquals(new Deps(false, false, false, true), d[0]);
    assertEquals(new Deps(true, false, true, true), d[1]);
    assertEquals(new Deps(true, false, true, false), d[2]);
    assertEquals(new Deps(false, true, false, true), d[3]);
    assertEquals(new Deps(true, true, false, false), d[4]);
  }

  @Test
  void waitsImpliedByAnEarlierWaitOfTheSameQueueAreDropped() {
    // 0, 1 loads; 2 compute waits 1; 3 compute waits 0 (already implied) and 1 (already waited)
    Deps[] d = TokenPlanner.plan(List.of(L, L, C, C), List.of(List.of(), List.of(), List.of(1), List.of(0, 1)));
    assertEquals(Deps.NONE, d[0]);
    assertEquals(new Deps(false, false, false, true), d[1]);
    assertEquals(new Deps(true, false, false, false), d[2]);
    assertEquals(Deps.NONE, d[3]);
  }

  @Test
  void loadCannotWaitForStoreDirectly() {
    assertThrows(IllegalStateException.class,
        () -> TokenPlanner.plan(List.of(S, L), List.of(List.of(), List.of(0))));
  }
}
