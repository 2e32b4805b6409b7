// What a MAC moves between the global buffer and the PE array, stated once: how often each operand enters
// the array and how often partial sums leave it, from the dataflow (which operand stays in the PEs), the
// indices on each axis (flattened, outermost loop first) and their folds, and the array's network
// (multicast, spatial reduction) and the per-PE levels that keep operands across steps. The simulator
// charges a MAC instruction these counts, the compiler's exact predictor each step it plans, the closed-form
// cost model a layer's full tiles; all three call of().
package org.tdlc.machine;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tdlc.ir.target.Dataflow;

/**
 * A MAC over loops of {@code extents} runs as folds: the positions of each axis' loops, flattened outermost
 * first, cut into blocks of the axis' PEs; every fold runs the other loops (its temporal steps, T in all).
 * Per fold:
 * <ul>
 * <li>The operand the dataflow keeps in the PEs (ArrayAxes.stationary: B under ws and rs, A under is, C
 *     under os) enters once per value of the temporal loops it depends on: the PEs hold all of them for
 *     the fold, in the dataflow's stationary registers.
 * <li>The others stay in a PE as long as the per-PE level that holds them can keep them. The PEs walk the
 *     temporal loops output loops first and reduction loops innermost (each group in the nest's order), so
 *     that a partial sum is finished before they move on (whatever order a MAC lists its loops in, its
 *     integer sums are the same). A per-PE level keeps the operands it holds across the innermost loops
 *     whose elements of all of them fit in it together; an operand no per-PE level holds keeps one element.
 *     Walking outermost first, an operand enters (a partial sum leaves) again, all its kept elements,
 *     whenever a loop advances that is outside the kept ones and outside the innermost one it depends on:
 *     a partial sum leaves once per output, an input row kept in its PE stays there while the output
 *     channels advance.
 * <li>What enters at once: along an axis, one element per distinct value the operand's indices take over
 *     the fold's positions when the network multicasts (an index the operand does not read costs one
 *     element for the whole axis), one per position when it does not. A window's overlap between positions
 *     is not merged (each position's element is its own, as im2col streams it).
 * <li>Partial sums leave as a non-stationary operand enters, reduced along the axis in the network
 *     when it reduces spatially, one per position when it does not. Each is read back before it is added to,
 *     except the first write of each accumulator of a MAC that starts them.
 * </ul>
 * So the weights of a ws array enter once, its inputs once per column fold and its partial sums leave once
 * per row fold and step, as SCALE-Sim counts them, while an os array reads both operands once per fold of
 * the other's axis and writes each output once.
 */
public final class ArrayTraffic {
  /** Operand positions in dependence masks and counts. */
  public static final int A = 0, B = 1, C = 2;

  /** Elements moved by one MAC: A and B into the array, partial sums written back and read back. */
  public record Counts(long a, long b, long cWritten, long cRead) {
    /** The bytes these read from the global buffer, for operand widths {@code aBytes}, {@code bBytes}. */
    public long read(int aBytes, int bBytes) { return a * aBytes + b * bBytes + cRead * Energy.PSUM_BYTES; }

    /** The bytes these write to the global buffer: the partial sums. */
    public long written() { return cWritten * Energy.PSUM_BYTES; }
  }

  private static final Map<Key, Long> SUMS = new ConcurrentHashMap<>();
  private static final int MAX_SUMS = 1 << 16;

  private ArrayTraffic() {}

  /**
   * The counts of one MAC under {@code df}: {@code extents} per loop, {@code rowMask} and {@code colMask} the
   * loops on each axis, {@code depends[X]} the loops operand X's elements vary with (C: the output loops),
   * {@code outputs} the MAC's distinct accumulators, {@code starts} whether it starts them, {@code aBytes} and
   * {@code bBytes} the widths of A's and B's elements (what the per-PE levels hold of them).
   */
  public static Counts of(MachineConfig m, Dataflow df, int[] extents, int rowMask, int colMask, int[] depends,
                          long outputs, boolean starts, int aBytes, int bBytes) {
    int stationary = ArrayAxes.stationary(df);
    int moving = 0;   // the loops that iterate (extent > 1): a loop of extent 1 never changes a value
    for (int l = 0; l < extents.length; l++) if (extents[l] > 1) moving |= 1 << l;
    int temporal = ~(rowMask | colMask) & moving;
    // the PEs walk a fold's temporal loops output loops first, reduction loops innermost, each group in the
    // nest's order: a partial sum is finished before the PE moves to the next
    int n = extents.length, pos = 0, walked = 0;
    int[] ext = new int[n], dep = new int[3];
    for (int pass = 0; pass < 2; pass++) {
      for (int l = 0; l < n; l++) {
        if (((depends[C] >> l & 1) != 0) != (pass == 0)) continue;
        ext[pos] = extents[l];
        if ((temporal >> l & 1) != 0) walked |= 1 << pos;
        for (int x = A; x <= C; x++) dep[x] |= (depends[x] >> l & 1) << pos;
        pos++;
      }
    }
    int[] bytes = {aBytes, bBytes, Energy.PSUM_BYTES};
    int[] start = {n, n, n};
    long[] kept = {1, 1, 1};
    for (int i = m.firstPerPe(); i < m.levels().size(); i++) {
      MemoryLevel level = m.levels().get(i);
      int held = level.holds() & ~(1 << stationary);
      if (held != 0) keep(level.sizeBytes(), held, ext, walked, dep, bytes, start, kept);
    }
    long[] count = new long[3];
    for (int x = A; x <= C; x++) {
      boolean spread = x == C ? m.network().reduction() : m.network().multicast();
      long c = entries(extents, rowMask, depends[x], m.rows(), spread)
          * entries(extents, colMask, depends[x], m.cols(), spread);
      if (x == stationary) {
        for (int l = 0; l < n; l++) if (((temporal & depends[x]) >> l & 1) != 0) c *= extents[l];
      } else {
        int outside = walked & ((1 << start[x]) - 1);
        int last = 31 - Integer.numberOfLeadingZeros(outside & dep[x]);
        c *= kept[x];
        for (int p = 0; p <= last; p++) if ((outside >> p & 1) != 0) c *= ext[p];
      }
      count[x] = c;
    }
    return new Counts(count[A], count[B], count[C], count[C] - (starts ? Math.min(outputs, count[C]) : 0));
  }

  /**
   * The loops a per-PE level of {@code capacity} bytes keeps the operands in {@code held} across: the
   * innermost temporal loops (of {@code temporal}, in the order the PEs walk them) whose elements of all of
   * them fit together (a loop none of them depends on adds nothing). Sets, for each, the first such loop
   * ({@code start}) and the elements a PE keeps ({@code kept}).
   */
  private static void keep(long capacity, int held, int[] extents, int temporal, int[] depends, int[] bytes,
                           int[] start, long[] kept) {
    long[] f = {1, 1, 1};
    int first = extents.length;
    for (int l = extents.length - 1; l >= 0; l--) {
      if ((temporal >> l & 1) == 0) continue;
      long need = 0;
      boolean grows = false;
      for (int x = A; x <= C; x++) {
        if ((held >> x & 1) == 0) continue;
        boolean varies = (depends[x] >> l & 1) != 0;
        grows |= varies;
        need += (varies ? f[x] * extents[l] : f[x]) * bytes[x];
      }
      if (grows && need > capacity) break;
      for (int x = A; x <= C; x++) if ((held >> x & 1) != 0 && (depends[x] >> l & 1) != 0) f[x] *= extents[l];
      first = l;
    }
    for (int x = A; x <= C; x++) {
      if ((held >> x & 1) == 0) continue;
      start[x] = first;
      kept[x] = f[x];
    }
  }

  /**
   * The elements one axis takes in over all its folds: per fold the distinct values of the loops in
   * {@code depends} among its positions ({@code spread}), or its positions (not).
   */
  static long entries(int[] extents, int mask, int depends, int pes, boolean spread) {
    long positions = Timing.axisExtent(extents, mask);
    long folds = Timing.folds(positions, pes);
    int dep = mask & depends;
    if (!spread || dep == mask) return positions;
    if (dep == 0) return folds;
    int k = Integer.bitCount(mask);
    int[] ext = new int[k];
    boolean[] varies = new boolean[k];
    for (int l = 0, j = 0; l < extents.length; l++) {
      if ((mask >> l & 1) == 0) continue;
      ext[j] = extents[l];
      varies[j++] = (dep >> l & 1) != 0;
    }
    Key key = new Key(ext, varies, pes);
    Long known = SUMS.get(key);
    if (known != null) return known;
    long sum = distinctPerFold(ext, varies, pes, positions);
    if (SUMS.size() >= MAX_SUMS) SUMS.clear();
    SUMS.put(key, sum);
    return sum;
  }

  /** Sum over the folds of the distinct values the varying loops take among the fold's positions. */
  private static long distinctPerFold(int[] ext, boolean[] varies, int pes, long positions) {
    long sum = 0;
    long[] keys = new long[(int) Math.min(pes, positions)];
    for (long start = 0; start < positions; start += pes) {
      int len = (int) Math.min(pes, positions - start);
      for (int p = 0; p < len; p++) keys[p] = project(start + p, ext, varies);
      Arrays.sort(keys, 0, len);
      long distinct = 1;
      for (int p = 1; p < len; p++) if (keys[p] != keys[p - 1]) distinct++;
      sum += distinct;
    }
    return sum;
  }

  /** The varying loops' indices at flattened position {@code pos} (last loop innermost), as one number. */
  private static long project(long pos, int[] ext, boolean[] varies) {
    long key = 0, weight = 1;
    for (int j = ext.length - 1; j >= 0; j--) {
      long digit = pos % ext[j];
      pos /= ext[j];
      if (varies[j]) {
        key += digit * weight;
        weight *= ext[j];
      }
    }
    return key;
  }

  private record Key(int[] ext, boolean[] varies, int pes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && pes == k.pes && Arrays.equals(ext, k.ext) && Arrays.equals(varies, k.varies);
    }

    @Override
    public int hashCode() { return 31 * (31 * Arrays.hashCode(ext) + Arrays.hashCode(varies)) + pes; }
  }
}
