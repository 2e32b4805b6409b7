// A race detector for lowered programs that does not depend on the simulator's timing: it matches every
// token pop with its push (the k-th of each FIFO), runs the queues in some order the tokens allow (failing on
// a deadlock), gives each instruction a vector clock of what must have finished before it starts, and checks
// with shadow memory that every two accesses to the same bytes from different queues, one of them a write,
// are ordered by those clocks. Bytes are tracked in granules (16 in the buffer, 64 in DRAM: the alignments).
package org.tdlc.backend.lower;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tdlc.backend.isa.Deps;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.Queue;

public final class RaceCheck {
  private RaceCheck() {}

  private static final int BUF_GRAIN = 16;
  private static final int DRAM_GRAIN = 64;

  /** Per granule: the last writer and, per queue, the latest reader since (instruction indices, -1: none). */
  private static final class Shadow {
    final int[] writer;
    final int[][] readers = new int[3][];

    Shadow(long bytes, int grain) {
      int n = (int) ((bytes + grain - 1) / grain);
      writer = new int[n];
      Arrays.fill(writer, -1);
      for (int q = 0; q < 3; q++) {
        readers[q] = new int[n];
        Arrays.fill(readers[q], -1);
      }
    }
  }

  public static void check(Program p) {
    List<Instruction> in = p.instructions();
    int n = in.size();
    int[] queueOf = new int[n], posInQueue = new int[n];
    List<List<Integer>> queues = new ArrayList<>();
    for (int q = 0; q < 3; q++) queues.add(new ArrayList<>());
    for (int i = 0; i < n; i++) {
      queueOf[i] = in.get(i).queue().ordinal();
      posInQueue[i] = queues.get(queueOf[i]).size();
      queues.get(queueOf[i]).add(i);
    }
    int[][] clock = new int[n][];
    List<ArrayDeque<Integer>> fifos = new ArrayList<>();
    for (int f = 0; f < 4; f++) fifos.add(new ArrayDeque<>());
    Shadow buf = new Shadow(p.machine().global().sizeBytes(), BUF_GRAIN);
    Shadow dram = new Shadow(p.dramSize(), DRAM_GRAIN);
    int[] head = new int[3];
    int done = 0;
    while (done < n) {
      boolean progressed = false;
      for (int q = 0; q < 3; q++) {
        if (head[q] == queues.get(q).size()) continue;
        int x = queues.get(q).get(head[q]);
        int[] pops = fifosPopped(in.get(x).queue(), in.get(x).deps());
        boolean ready = true;
        for (int f : pops) if (f >= 0 && fifos.get(f).isEmpty()) ready = false;
        if (!ready) continue;
        int[] vc = head[q] == 0 ? new int[] {-1, -1, -1} : clock[queues.get(q).get(head[q] - 1)].clone();
        for (int f : pops) if (f >= 0) join(vc, clock[fifos.get(f).poll()]);
        clock[x] = vc;
        accesses(p, in.get(x), x, queueOf, posInQueue, clock, buf, dram);
        vc[q] = posInQueue[x];
        for (int f : fifosPushed(in.get(x).queue(), in.get(x).deps())) if (f >= 0) fifos.get(f).add(x);
        head[q]++;
        done++;
        progressed = true;
      }
      if (!progressed) fail("deadlock: no queue can advance; heads " + Arrays.toString(head));
    }
    for (int f = 0; f < 4; f++) if (!fifos.get(f).isEmpty()) fail("FIFO " + f + " holds tokens at the end");
  }

  private static void join(int[] into, int[] other) {
    for (int q = 0; q < 3; q++) into[q] = Math.max(into[q], other[q]);
  }

  /** Whether instruction y finished before x starts (x's clock is not yet updated with x itself). */
  private static boolean before(int y, int x, int[] queueOf, int[] posInQueue, int[][] clock) {
    return queueOf[y] == queueOf[x] || clock[x][queueOf[y]] >= posInQueue[y];
  }

  private static void accesses(Program p, Instruction ins, int x, int[] queueOf, int[] pos, int[][] clock,
                               Shadow buf, Shadow dram) {
    for (Footprints.Access a : Footprints.of(p, ins)) {
      Shadow s = a.dram() ? dram : buf;
      int grain = a.dram() ? DRAM_GRAIN : BUF_GRAIN;
      for (long g = a.lo() / grain; g * grain < a.hi(); g++) {
        int gi = (int) g;
        int w = s.writer[gi];
        if (w >= 0 && !before(w, x, queueOf, pos, clock)) race(p, w, x, a);
        if (a.write()) {
          for (int q = 0; q < 3; q++) {
            int r = s.readers[q][gi];
            if (r >= 0 && r != x && !before(r, x, queueOf, pos, clock)) race(p, r, x, a);
          }
        }
      }
      for (long g = a.lo() / grain; g * grain < a.hi(); g++) {
        int gi = (int) g;
        if (a.write()) {
          s.writer[gi] = x;
          for (int q = 0; q < 3; q++) s.readers[q][gi] = -1;
        } else {
          s.readers[queueOf[x]][gi] = x;
        }
      }
    }
  }

  private static void race(Program p, int y, int x, Footprints.Access a) {
    fail("race on " + (a.dram() ? "DRAM" : "buffer") + " bytes [" + a.lo() + ", " + a.hi() + "): instruction " + y
        + " " + p.instructions().get(y) + " is not ordered before instruction " + x + " " + p.instructions().get(x));
  }

  // FIFOs: 0 l2c, 1 c2l, 2 c2s, 3 s2c
  private static int[] fifosPopped(Queue q, Deps d) {
    return switch (q) {
      case LOAD -> new int[] {d.popNext() ? 1 : -1};
      case COMPUTE -> new int[] {d.popPrev() ? 0 : -1, d.popNext() ? 3 : -1};
      case STORE -> new int[] {d.popPrev() ? 2 : -1};
    };
  }

  private static int[] fifosPushed(Queue q, Deps d) {
    return switch (q) {
      case LOAD -> new int[] {d.pushNext() ? 0 : -1};
      case COMPUTE -> new int[] {d.pushPrev() ? 1 : -1, d.pushNext() ? 2 : -1};
      case STORE -> new int[] {d.pushPrev() ? 3 : -1};
    };
  }
}
