// Where a run's elapsed cycles went: in each cycle either the compute queue works (MACs, ALU ops and
// conversions on the PE array, operands from the global buffer), or only DMA transfers run (DRAM <-> global
// buffer, the compute queue waiting for them), or nothing runs. The three add up to the cycles of any window,
// which is what lets a report stack a layer's cycles by the levels that bound them; busy cycles per queue
// cannot, as the queues overlap.
package org.tdlc.sim;

import java.util.ArrayList;
import java.util.List;

final class Occupancy {
  /** Disjoint sorted intervals, flattened as start, end, start, end, ... */
  private final long[] computing;
  private final long[] transferring;
  private final long[] both;

  /** From each instruction's queue (compute or not) and [start, end) cycles. */
  Occupancy(boolean[] compute, long[] start, long[] end) {
    List<long[]> c = new ArrayList<>();
    List<long[]> t = new ArrayList<>();
    for (int i = 0; i < start.length; i++) {
      if (end[i] > start[i]) (compute[i] ? c : t).add(new long[] {start[i], end[i]});
    }
    computing = union(c);
    transferring = union(t);
    both = intersection(computing, transferring);
  }

  /** Cycles of [from, to) in which the compute queue is busy. */
  long computing(long from, long to) { return measure(computing, from, to); }

  /** Cycles of [from, to) in which a DMA transfer runs and the compute queue is idle. */
  long transferOnly(long from, long to) { return measure(transferring, from, to) - measure(both, from, to); }

  private static long[] union(List<long[]> intervals) {
    intervals.sort((x, y) -> Long.compare(x[0], y[0]));
    long[] out = new long[2 * intervals.size()];
    int n = 0;
    for (long[] iv : intervals) {
      if (n > 0 && iv[0] <= out[n - 1]) {
        out[n - 1] = Math.max(out[n - 1], iv[1]);
      } else {
        out[n++] = iv[0];
        out[n++] = iv[1];
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static long[] intersection(long[] a, long[] b) {
    long[] out = new long[a.length + b.length];
    int n = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      long lo = Math.max(a[i], b[j]);
      long hi = Math.min(a[i + 1], b[j + 1]);
      if (lo < hi) {
        out[n++] = lo;
        out[n++] = hi;
      }
      if (a[i + 1] < b[j + 1]) i += 2; else j += 2;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static long measure(long[] intervals, long from, long to) {
    long sum = 0;
    for (int i = 0; i < intervals.length; i += 2) {
      if (intervals[i] >= to) break;
      sum += Math.max(0, Math.min(to, intervals[i + 1]) - Math.max(from, intervals[i]));
    }
    return sum;
  }
}
