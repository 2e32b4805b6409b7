// How many zeros a strided row of the global buffer holds, remembered per row start for the duration of one
// MAC instruction: a MAC pairs the same input row with many weights, and the zero-skipping counters need
// the count for each pairing. Stamps make starting the next instruction free (no clearing). It also says
// which operands the instruction counts zeros of: only those that arrived with metadata can be skipped.
package org.tdlc.sim;

import java.util.Arrays;

final class ZeroRows {
  /** Per byte address: the instruction generation whose count is held in count[]. */
  final int[] stamp;
  final int[] count;
  int generation;
  /** Whether zeros of A (countA) and of B (countB) are counted by the current instruction. */
  boolean countA = true;
  boolean countB = true;

  ZeroRows(int bytes) {
    stamp = new int[bytes];
    count = new int[bytes];
  }

  /** Sets the operands whose zeros the next instruction counts (at least one); returns this. */
  ZeroRows operands(boolean a, boolean b) {
    if (!a && !b) throw new IllegalArgumentException("no operand to count");
    countA = a;
    countB = b;
    return this;
  }

  /** Starts a new instruction: every remembered count becomes stale. */
  void next() {
    if (++generation == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      generation = 1;
    }
  }

  /** Whether this instruction already counted the row at {@code base}. */
  boolean known(int base) { return stamp[base] == generation; }

  /** Remembers {@code zeros} for the row at {@code base}, counted by the caller; returns it. */
  int remember(int base, int zeros) {
    stamp[base] = generation;
    count[base] = zeros;
    return zeros;
  }

  /** Zeros among g[base + q * d] for q < n; every call of one instruction must use the same d and n. */
  int count(byte[] g, int base, int d, int n) {
    if (stamp[base] == generation) return count[base];
    int z = 0;
    for (int q = 0; q < n; q++) z += g[base + q * d] == 0 ? 1 : 0;
    stamp[base] = generation;
    count[base] = z;
    return z;
  }
}
