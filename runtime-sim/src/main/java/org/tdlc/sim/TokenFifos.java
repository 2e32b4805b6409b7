// The four dependency-token FIFOs between the queues (VTA semantics, see Deps). Each token carries the
// cycle its pusher finished, so a popper cannot start before it; the FIFOs are unbounded counters.
package org.tdlc.sim;

import org.tdlc.backend.isa.Deps;
import org.tdlc.backend.isa.Queue;

final class TokenFifos {
  static final int L2C = 0;
  static final int C2L = 1;
  static final int C2S = 2;
  static final int S2C = 3;
  static final String[] NAMES = {"l2c", "c2l", "c2s", "s2c"};
  static final int NONE = -1;

  private final long[][] times = new long[4][8];
  private final int[] first = new int[4];
  private final int[] size = new int[4];

  /** The FIFO {@code popPrev} of an instruction in queue q pops, or NONE when that bit is illegal there. */
  static int popPrev(Queue q) { return q == Queue.COMPUTE ? L2C : q == Queue.STORE ? C2S : NONE; }

  static int popNext(Queue q) { return q == Queue.LOAD ? C2L : q == Queue.COMPUTE ? S2C : NONE; }

  static int pushPrev(Queue q) { return q == Queue.COMPUTE ? C2L : q == Queue.STORE ? S2C : NONE; }

  static int pushNext(Queue q) { return q == Queue.LOAD ? L2C : q == Queue.COMPUTE ? C2S : NONE; }

  /** The FIFOs an instruction pops, as a pair (NONE where a bit is clear). */
  static int[] pops(Queue q, Deps d) {
    return new int[] {d.popPrev() ? popPrev(q) : NONE, d.popNext() ? popNext(q) : NONE};
  }

  static int[] pushes(Queue q, Deps d) {
    return new int[] {d.pushPrev() ? pushPrev(q) : NONE, d.pushNext() ? pushNext(q) : NONE};
  }

  int count(int f) { return size[f]; }

  /** The push time of the oldest token; only when count(f) > 0. */
  long peek(int f) { return times[f][first[f]]; }

  long pop(int f) {
    long t = times[f][first[f]];
    first[f] = (first[f] + 1) % times[f].length;
    size[f]--;
    return t;
  }

  void push(int f, long time) {
    if (size[f] == times[f].length) grow(f);
    times[f][(first[f] + size[f]) % times[f].length] = time;
    size[f]++;
  }

  private void grow(int f) {
    long[] bigger = new long[times[f].length * 2];
    for (int i = 0; i < size[f]; i++) bigger[i] = times[f][(first[f] + i) % times[f].length];
    times[f] = bigger;
    first[f] = 0;
  }

  /** "l2c=0 c2l=1 c2s=0 s2c=0". */
  String describe() {
    StringBuilder b = new StringBuilder();
    for (int f = 0; f < 4; f++) b.append(f == 0 ? "" : " ").append(NAMES[f]).append('=').append(size[f]);
    return b.toString();
  }
}
