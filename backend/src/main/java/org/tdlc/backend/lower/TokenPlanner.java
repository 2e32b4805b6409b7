// Turns "instruction X must wait until instruction Y has finished" into VTA dependency tokens. Queues run in
// order, so a wait on the same queue is free, and a wait on an earlier producer than one already waited
// for (by X or an earlier instruction of X's queue) is implied; the remaining waits of each token FIFO have
// strictly increasing producers, so the k-th pop meets the k-th push and pushes balance pops by construction.
package org.tdlc.backend.lower;

import java.util.Arrays;
import java.util.List;
import org.tdlc.backend.isa.Deps;
import org.tdlc.backend.isa.Queue;

final class TokenPlanner {
  private TokenPlanner() {}

  /** The four FIFOs, named producer-to-consumer. */
  private enum Fifo { L2C, C2L, C2S, S2C }

  /**
   * queues.get(i) is instruction i's queue; waits.get(i) the instructions it must wait for, all earlier in
   * the stream. Returns every instruction's dependency bits.
   */
  static Deps[] plan(List<Queue> queues, List<List<Integer>> waits) {
    int n = queues.size();
    int[][] latest = new int[Fifo.values().length][n];
    for (int[] row : latest) Arrays.fill(row, -1);
    for (int x = 0; x < n; x++) {
      for (int y : waits.get(x)) {
        if (y >= x) throw new IllegalStateException("instruction " + x + " waits for a later one, " + y);
        if (queues.get(y) == queues.get(x)) continue;
        Fifo f = fifo(queues.get(y), queues.get(x));
        latest[f.ordinal()][x] = Math.max(latest[f.ordinal()][x], y);
      }
    }
    boolean[][] pop = new boolean[Fifo.values().length][n];
    boolean[][] push = new boolean[Fifo.values().length][n];
    for (Fifo f : Fifo.values()) {
      int satisfied = -1;
      for (int x = 0; x < n; x++) {
        int y = latest[f.ordinal()][x];
        if (y <= satisfied) continue;
        pop[f.ordinal()][x] = true;
        push[f.ordinal()][y] = true;
        satisfied = y;
      }
    }
    Deps[] deps = new Deps[n];
    for (int i = 0; i < n; i++) deps[i] = bits(queues.get(i), i, pop, push);
    return deps;
  }

  private static Fifo fifo(Queue from, Queue to) {
    if (from == Queue.LOAD && to == Queue.COMPUTE) return Fifo.L2C;
    if (from == Queue.COMPUTE && to == Queue.LOAD) return Fifo.C2L;
    if (from == Queue.COMPUTE && to == Queue.STORE) return Fifo.C2S;
    if (from == Queue.STORE && to == Queue.COMPUTE) return Fifo.S2C;
    throw new IllegalStateException("no token FIFO from the " + from + " queue to the " + to
        + " queue; route the wait through compute");
  }

  private static Deps bits(Queue q, int i, boolean[][] pop, boolean[][] push) {
    int l2c = Fifo.L2C.ordinal(), c2l = Fifo.C2L.ordinal(), c2s = Fifo.C2S.ordinal(), s2c = Fifo.S2C.ordinal();
    return switch (q) {
      case LOAD -> new Deps(false, pop[c2l][i], false, push[l2c][i]);
      case COMPUTE -> new Deps(pop[l2c][i], pop[s2c][i], push[c2l][i], push[c2s][i]);
      case STORE -> new Deps(pop[c2s][i], false, push[s2c][i], false);
    };
  }
}
