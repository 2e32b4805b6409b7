// The event loop of the decoupled access-execute machine (VTA's TlppVerify, with time): three in-order
// queues and four token FIFOs, executed in an interleaving the tokens allow, so that missing tokens change
// results as they would on hardware. Deadlocks and leftover tokens are reported, never hung on.
package org.tdlc.sim;

import java.util.List;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.Queue;
import org.tdlc.machine.DramArbiter;
import org.tdlc.machine.Timing;

/**
 * Each step runs the head of a queue whose popped tokens are all there, choosing the one that can start
 * earliest (ties: load, compute, store), so instructions run in the order they start. An instruction starts at
 * max(its queue's free time, the push times of the tokens it pops) and pushes its tokens at its end, which for a
 * LOAD or STORE is DRAM's port's to say (DramArbiter: on a shared port its transfer waits for the port). HALT also waits until the load and store queues have
 * drained and starts no earlier than their last end, so it ends at the total cycle count. When every
 * non-empty queue is blocked the run stops with a deadlock report; after HALT every FIFO must be empty.
 */
final class Scheduler {
  private static final Queue[] QUEUES = Queue.values();
  private static final int LOAD = Queue.LOAD.ordinal();
  private static final int COMPUTE = Queue.COMPUTE.ordinal();
  private static final int STORE = Queue.STORE.ordinal();

  private final Program program;
  private final List<Instruction> insns;
  private final Machine machine;
  private final TraceListener trace;
  private final int[][] queue = new int[3][];
  private final int[] head = new int[3];
  private final long[] free = new long[3];
  private final TokenFifos tokens = new TokenFifos();
  private final DramArbiter port;
  /** Per layer, then one for instructions outside every layer. */
  final Tally[] tallies;
  /** Per layer: the latest end time of its instructions, or -1 while none ran. */
  final long[] layerEnd;
  private final int[] layerOf;
  long makespan;
  /** Per instruction: whether it runs on the compute queue, and its [start, end) cycles. */
  private final boolean[] onCompute;
  private final long[] started;
  private final long[] ended;

  Scheduler(Program program, Machine machine, TraceListener trace) {
    this.program = program;
    this.insns = program.instructions();
    this.machine = machine;
    this.trace = trace;
    this.port = new DramArbiter(program.machine());
    int[] sizes = new int[3];
    for (Instruction insn : insns) sizes[insn.queue().ordinal()]++;
    for (int q = 0; q < 3; q++) queue[q] = new int[sizes[q]];
    int[] fill = new int[3];
    for (int i = 0; i < insns.size(); i++) {
      int q = insns.get(i).queue().ordinal();
      queue[q][fill[q]++] = i;
    }
    int layers = program.layers().size();
    tallies = new Tally[layers + 1];
    for (int k = 0; k <= layers; k++) tallies[k] = new Tally(program.machine().levels().size());
    layerEnd = new long[layers];
    java.util.Arrays.fill(layerEnd, -1);
    onCompute = new boolean[insns.size()];
    for (int i = 0; i < insns.size(); i++) onCompute[i] = insns.get(i).queue() == Queue.COMPUTE;
    started = new long[insns.size()];
    ended = new long[insns.size()];
    layerOf = new int[insns.size()];
    java.util.Arrays.fill(layerOf, layers);
    for (int k = layers - 1; k >= 0; k--) {
      for (int i = program.layers().get(k).first(); i <= program.layers().get(k).last(); i++) layerOf[i] = k;
    }
  }

  void run() {
    while (true) {
      int best = -1;
      long bestStart = 0;
      for (int q = 0; q < 3; q++) {
        long start = readyAt(q);
        if (start >= 0 && (best < 0 || start < bestStart)) {
          best = q;
          bestStart = start;
        }
      }
      if (best < 0) {
        if (drained(LOAD) && drained(COMPUTE) && drained(STORE)) break;
        throw deadlock();
      }
      step(best, bestStart);
    }
    checkBalanced();
  }

  private boolean drained(int q) { return head[q] == queue[q].length; }

  /** The cycle the head of queue q could start at, or -1 when the queue is empty or the head is blocked. */
  private long readyAt(int q) {
    if (drained(q)) return -1;
    Instruction insn = insns.get(queue[q][head[q]]);
    long start = free[q];
    for (int f : TokenFifos.pops(QUEUES[q], insn.deps())) {
      if (f == TokenFifos.NONE) continue;
      if (tokens.count(f) == 0) return -1;
      start = Math.max(start, tokens.peek(f));
    }
    if (insn instanceof Instruction.Halt) {
      if (!drained(LOAD) || !drained(STORE)) return -1;
      start = Math.max(start, Math.max(free[LOAD], free[STORE]));
    }
    return start;
  }

  private void step(int q, long start) {
    int i = queue[q][head[q]++];
    Instruction insn = insns.get(i);
    for (int f : TokenFifos.pops(QUEUES[q], insn.deps())) if (f != TokenFifos.NONE) tokens.pop(f);
    int layer = layerOf[i];
    Tally t = tallies[layer];
    long dramBefore = t.read[0] + t.written[0];
    long duration = machine.execute(i, insn, t);
    long end = q == COMPUTE ? start + duration : port.end(start, duration, Timing.dramCycles(program.machine(),
        q == LOAD ? Timing.Dma.LOAD : Timing.Dma.STORE, t.read[0] + t.written[0] - dramBefore));
    free[q] = end;
    for (int f : TokenFifos.pushes(QUEUES[q], insn.deps())) if (f != TokenFifos.NONE) tokens.push(f, end);
    t.busy[q] += end - start;
    started[i] = start;
    ended[i] = end;
    t.instructions[insn.opcode().ordinal()]++;
    if (layer < layerEnd.length) layerEnd[layer] = Math.max(layerEnd[layer], end);
    makespan = Math.max(makespan, end);
    if (trace != null) trace.executed(i, start, end, insn);
  }

  /** Where the elapsed cycles went (after run). */
  Occupancy occupancy() { return new Occupancy(onCompute, started, ended); }

  private SimulationException deadlock() {
    StringBuilder b = new StringBuilder("deadlock: every non-empty queue is blocked (tokens: ")
        .append(tokens.describe()).append(')');
    int first = -1;
    for (int q = 0; q < 3; q++) {
      b.append("\n  ").append(QUEUES[q].name().toLowerCase(java.util.Locale.ROOT)).append(" queue: ");
      if (drained(q)) {
        b.append("empty");
        continue;
      }
      int i = queue[q][head[q]];
      if (first < 0) first = i;
      b.append(AsmText.named(program, i)).append(' ').append(waitReason(q, insns.get(i)));
    }
    return new SimulationException(first, b.toString());
  }

  private String waitReason(int q, Instruction insn) {
    StringBuilder b = new StringBuilder();
    for (int f : TokenFifos.pops(QUEUES[q], insn.deps())) {
      if (f == TokenFifos.NONE || tokens.count(f) > 0) continue;
      b.append(b.length() == 0 ? "waits for a token in " : " and ").append(TokenFifos.NAMES[f]);
    }
    if (b.length() == 0) b.append("waits for the load and store queues to drain");
    return b.toString();
  }

  private void checkBalanced() {
    StringBuilder b = new StringBuilder();
    for (int f = 0; f < 4; f++) {
      int n = tokens.count(f);
      if (n == 0) continue;
      b.append(b.length() == 0 ? "unbalanced token: " : "; ").append(n).append(n == 1 ? " token" : " tokens")
          .append(" left in ").append(TokenFifos.NAMES[f]);
    }
    if (b.length() > 0) throw new SimulationException(insns.size() - 1, b.toString());
  }
}
