// The schedule the simulator's Scheduler gives a sequence of instructions, computed without running them:
// the compiler's exact predictors (TileTimeline for mapped layers, LayerSchedule for vector layers) add each
// instruction in emission order with its duration (Timing) and the instructions it waits for (its buffer
// hazards, which the program's tokens enforce), then run() processes them as the Scheduler does, so that
// DRAM's port (DramArbiter) is granted in the same order.
package org.tdlc.machine;

import java.util.Arrays;

/**
 * Three in-order queues (LOAD, COMPUTE, STORE, as Queue orders them). An instruction starts at max(its queue's
 * free time, {@code after}, the end of every instruction it waits for); the head that can start earliest goes
 * next (ties: load, compute, store), so instructions are processed in the order they start. A LOAD or STORE ends
 * when DramArbiter says; any other instruction after its duration. A queue is busy from each instruction's
 * start to its end.
 */
public final class QueueSchedule {
  public static final int LOAD = 0, COMPUTE = 1, STORE = 2;

  private final MachineConfig machine;
  private int count;
  private int[] queueOf = new int[256];
  private long[] duration = new long[256], dram = new long[256], after = new long[256], end;
  private int[][] waits = new int[256][];
  private final long[] busy = new long[3];

  public QueueSchedule(MachineConfig machine) { this.machine = machine; }

  /**
   * Adds the next instruction in emission order; returns its id (0, 1, ...). Waits name earlier ids;
   * {@code dramCycles}: a LOAD's or STORE's cycles on DRAM's port (Timing.dramCycles), 0 for the others.
   */
  public int add(int queue, long cycles, long dramCycles, int[] waitFor, long notBefore) {
    if (count == queueOf.length) {
      int n = 2 * count;
      queueOf = Arrays.copyOf(queueOf, n);
      duration = Arrays.copyOf(duration, n);
      dram = Arrays.copyOf(dram, n);
      after = Arrays.copyOf(after, n);
      waits = Arrays.copyOf(waits, n);
    }
    queueOf[count] = queue;
    duration[count] = cycles;
    dram[count] = dramCycles;
    after[count] = notBefore;
    waits[count] = waitFor;
    return count++;
  }

  public int size() { return count; }

  /** Schedules every instruction added; end(id) and busy(q) read the result. */
  public QueueSchedule run() {
    end = new long[count];
    int[][] queue = new int[3][];
    int[] fill = new int[3], head = new int[3];
    for (int i = 0; i < count; i++) fill[queueOf[i]]++;
    for (int q = 0; q < 3; q++) queue[q] = new int[fill[q]];
    Arrays.fill(fill, 0);
    for (int i = 0; i < count; i++) queue[queueOf[i]][fill[queueOf[i]]++] = i;
    boolean[] done = new boolean[count];
    long[] free = new long[3];
    DramArbiter port = new DramArbiter(machine);
    for (int processed = 0; processed < count; processed++) {
      int best = -1;
      long bestStart = 0;
      for (int q = 0; q < 3; q++) {
        if (head[q] == queue[q].length) continue;
        int i = queue[q][head[q]];
        long start = Math.max(free[q], after[i]);
        boolean ready = true;
        for (int w : waits[i]) {
          if (!done[w]) {
            ready = false;
            break;
          }
          start = Math.max(start, end[w]);
        }
        if (ready && (best < 0 || start < bestStart)) {
          best = q;
          bestStart = start;
        }
      }
      int i = queue[best][head[best]++];   // the earliest instruction not yet processed is always ready
      end[i] = best == COMPUTE ? bestStart + duration[i] : port.end(bestStart, duration[i], dram[i]);
      free[best] = end[i];
      busy[best] += end[i] - bestStart;
      done[i] = true;
    }
    return this;
  }

  public long end(int id) { return end[id]; }

  /** The cycles queue q is busy. */
  public long busy(int q) { return busy[q]; }
}
