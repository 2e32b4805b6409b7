// What a MAC moves between the global buffer and the PE array, stated once: how often each operand enters
// the array and how often partial sums leave it, from the dataflow (which operand stays in the PEs), the
// indices on each axis (flattened, outermost loop first) and their folds, and the array's network
// (multicast, spatial reduction) and the per-PE levels that keep operands across steps. The simulator
// charges a MAC instruction these counts, the compiler's exact predictor each step it plans, the closed-form
// cost model a layer's full tiles; all three call of().
package org.tdlc.machine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tdlc.ir.mapping.PeNest;
import org.tdlc.ir.target.Dataflow;

/**
 * A MAC over loops of {@code extents} runs as folds: the positions of each axis' loops, flattened outermost
 * first, cut into blocks of the axis' PEs; every fold runs the other loops (its temporal steps, T in all).
 * Per fold:
 * <ul>
 * <li>An operand's elements are the distinct values of its index tuple, where one index may be an affine
 *     sum of loops (a convolution's input row h = stride x p + dilation x r): counted as the distinct
 *     offsets of its tile's layout (the caller's strides) over the loops in question, so a window's overlap
 *     is merged. Padding counts as the buffer holds it: the halo's elements are elements like any other.
 * <li>The operand the dataflow keeps in the PEs (ArrayAxes.stationary: B under ws and rs, A under is, C
 *     under os) enters once per element it takes over the temporal loops: the PEs hold all of them for
 *     the fold, in the dataflow's stationary registers. Where a per-PE scratchpad of its own keeps it
 *     (MemoryLevel.keepsStationary, as Eyeriss's filter scratchpad keeps the weights), it takes that
 *     level's room and follows the next rule: what does not fit is refilled as the PEs' loops advance.
 * <li>The others stay in a PE as long as the per-PE level that holds them can keep them. The PEs walk the
 *     temporal loops output loops first and reduction loops innermost, so that a partial sum is finished
 *     before they move on (whatever order a MAC lists its loops in, its integer sums are the same); the
 *     reduction loops in the nest's order, the output loops in one of three orders, whichever moves the
 *     fewest bytes: the nest's, or with the loops the inputs do not read innermost (an input serves every
 *     output channel in turn, as Eyeriss's PE walks its filters), or with those the weights do not read
 *     innermost. A per-PE level keeps the operands it holds across the innermost loops whose elements of
 *     all of them fit in it together (in half of it when it is double-buffered: MemoryLevel.keepBytes; a
 *     row of p outputs and r taps keeps the p + r - 1 inputs of its sliding window); an operand no per-PE
 *     level holds keeps one element. Walking outermost first, an operand enters (a partial sum leaves)
 *     again whenever a loop advances that is outside the kept ones and outside the innermost one it
 *     depends on, all its kept elements; as that innermost one advances, the kept window slides and only
 *     the elements it did not hold enter (over a whole sweep, the distinct elements of the kept loops and
 *     that one). So a partial sum leaves once per output, an input row kept in its PE stays there while
 *     the output channels advance, and a PE that keeps the r x s taps of a 3 x 3 window takes 3 new inputs
 *     per output column, not 9.
 * <li>What enters at once: per fold (a block of rows by a block of columns), one per distinct element the
 *     operand takes over the fold's positions when the network multicasts (an index the operand does not
 *     read costs one element for the whole axis; PEs of row r and column p share the input row h = p + r),
 *     one per position when it does not. Where the PEs keep an operand across temporal loops, they fill
 *     their blocks together, and a fold takes the distinct elements of its positions' blocks at once, so
 *     neighbours whose kept windows overlap share them (joint); what a sliding window brings at each later
 *     step, and what no level keeps, enters as a step's elements do, the temporal loops counted apart from
 *     the fold's positions.
 * <li>Partial sums leave as a non-stationary operand enters, reduced along the axis in the network
 *     when it reduces spatially, one per position when it does not. Each is read back before it is added to,
 *     except the first write of each accumulator of a MAC that starts them.
 * </ul>
 * A mapping may pin the walk and what the levels keep (PeWalk, the mapping's pe part): the PEs then walk the
 * temporal loops in its order (any order: a reduction loop outside an output loop sends partial sums out and
 * back), each level keeps at most the parts of loops it names, walked inside the rest, its own parts in its
 * order where the pin gives one (ir.mapping.PeNest; never more than fit), and a level keeps
 * none of the operands it bypasses (they pass through it, and its MACs neither read nor write them there:
 * Energy.perMacRead).
 * <p>So the weights of a ws array enter once, its inputs once per column fold and its partial sums leave once
 * per row fold and step, as SCALE-Sim counts them, while an os array reads both operands once per fold of
 * the other's axis and writes each output once.
 */
public final class ArrayTraffic {
  /** Operand positions in strides and counts. */
  public static final int A = 0, B = 1, C = 2;

  /**
   * Elements moved by one MAC: A and B into the array, partial sums written back and read back; and, where
   * the network has clusters (Network.cluster), the clusters' start-ups: how many there are, what one cluster
   * takes in at each (bytes over its own link) and the steps its PEs then take before the next.
   */
  public record Counts(long a, long b, long cWritten, long cRead, long startUps, long startUpBytes, long startUpSteps) {
    /** The counts of a network without clusters. */
    public Counts(long a, long b, long cWritten, long cRead) { this(a, b, cWritten, cRead, 0, 0, 0); }

    /** The bytes these read from the global buffer, for operand widths {@code aBytes}, {@code bBytes}. */
    public long read(int aBytes, int bBytes) { return a * aBytes + b * bBytes + cRead * Energy.PSUM_BYTES; }

    /** The bytes these write to the global buffer: the partial sums. */
    public long written() { return cWritten * Energy.PSUM_BYTES; }
  }

  private static final Map<Object, Long> SUMS = new ConcurrentHashMap<>();
  /** startUp's answer without clusters (read only): no allocation on the mapper's path. */
  private static final long[] NO_START_UPS = new long[3];
  private static final int MAX_SUMS = 1 << 16;

  private ArrayTraffic() {}

  /**
   * The counts of one MAC under {@code df}: {@code extents} per loop, {@code rowMask} and {@code colMask} the
   * loops on each axis, {@code strides[X][l]} operand X's element stride along loop l in a layout of its tile
   * that gives distinct elements distinct offsets (the buffer's row-major box, TileWalk.strides; C: the
   * accumulator tile; 0: X does not vary with l), {@code outputs} the MAC's distinct accumulators,
   * {@code starts} whether it starts them, {@code aBytes} and {@code bBytes} the widths of A's and B's
   * elements (what the per-PE levels hold of them).
   */
  public static Counts of(MachineConfig m, Dataflow df, int[] extents, int rowMask, int colMask, long[][] strides,
                          long outputs, boolean starts, int aBytes, int bBytes) {
    return of(m, df, extents, rowMask, colMask, strides, outputs, starts, aBytes, bBytes, PeWalk.RULE);
  }

  /**
   * As above, the PEs walking and the per-PE levels keeping as {@code pe} pins (by loop, PeWalk.onLoops): its
   * walk instead of the best of three, each level at most its kept parts, no level the operands it bypasses.
   */
  public static Counts of(MachineConfig m, Dataflow df, int[] extents, int rowMask, int colMask, long[][] strides,
                          long outputs, boolean starts, int aBytes, int bBytes, PeWalk pe) {
    return counts(m, df, extents, rowMask, colMask, strides, outputs, starts, aBytes, bBytes, pe, null);
  }

  /**
   * What the rule chose for these loops (of's arguments, no pin): the walk (loop indices, outermost first) the
   * counts came from, and per per-PE level the loops it keeps its operands across (a mask over loops; -1 for a
   * level that keeps nothing here: it holds no operand the PEs keep, or only the stationary one the dataflow's
   * registers hold). What explain prints, so that the rule's choice reads like a pinned walk.
   */
  public record Choice(int[] walk, int[] kept) {}

  public static Choice choice(MachineConfig m, Dataflow df, int[] extents, int rowMask, int colMask, long[][] strides,
                              long outputs, boolean starts, int aBytes, int bBytes) {
    int[][] chosen = new int[1][];
    counts(m, df, extents, rowMask, colMask, strides, outputs, starts, aBytes, bBytes, PeWalk.RULE, chosen);
    int n = extents.length, stationary = ArrayAxes.stationary(df);
    Laid laid = lay(chosen[0], extents, temporal(extents, rowMask, colMask), strides, PeWalk.RULE);
    int[] kept = new int[m.levels().size() - m.firstPerPe()];
    for (int j = 0; j < kept.length; j++) {
      MemoryLevel level = m.levels().get(m.firstPerPe() + j);
      int held = held(level, stationary, 0);
      int[] start = {n, n, n};
      kept[j] = -1;
      if (held == 0) continue;
      keep(level.keepBytes(), held, -1, laid.ext(), laid.walked(), laid.dep(), laid.str(), widths(aBytes, bBytes), start,
          new long[3]);
      int first = Math.min(start[A], Math.min(start[B], start[C]));
      kept[j] = 0;
      for (int pos = first; pos < n; pos++) if ((laid.walked() >> pos & 1) != 0) kept[j] |= 1 << chosen[0][pos];
    }
    return new Choice(chosen[0], kept);
  }

  /** of's counts; the walk they came from in {@code chosen[0]} when {@code chosen} is not null. */
  private static Counts counts(MachineConfig m, Dataflow df, int[] extents, int rowMask, int colMask, long[][] strides,
                               long outputs, boolean starts, int aBytes, int bBytes, PeWalk pe, int[][] chosen) {
    int stationary = ArrayAxes.stationary(df), temporal = temporal(extents, rowMask, colMask);
    int[] depends = new int[3];
    for (int x = A; x <= C; x++) for (int l = 0; l < extents.length; l++) if (strides[x][l] != 0) depends[x] |= 1 << l;
    long[] across = new long[3];   // what enters over the fold's positions, per element a PE takes in time
    for (int x = A; x <= C; x++) {
      across[x] = spatial(extents, rowMask, colMask, strides[x], m.rows(), m.cols(),
          x == C ? m.network().reduction() : m.network().multicast());
    }
    // the PEs walk a fold's temporal loops output loops first, reduction loops innermost (a partial sum is
    // finished before they move on), the output loops in the nest's order or with those the inputs, or the
    // weights, do not read innermost (each input, or weight, then serves them in turn): whichever moves least
    int n = extents.length, walkedOutputs = depends[C] & temporal;
    if (pe.rank() != null) {
      int[] walk = pinnedWalk(pe, n);
      if (chosen != null) chosen[0] = walk;
      return walked(m, stationary, extents, rowMask, colMask, temporal, strides, walk, across, outputs, starts, aBytes,
          bBytes, pe);
    }
    Counts best = null;
    int[] tried = new int[3];
    for (int o = 0; o < 3; o++) {
      // the walked output loops moved innermost: none (the nest's order), those A does not read, those B does
      // not read; moving none or all of them is the same walk (where unwalked loops stand changes no count)
      int inner = o == 0 ? 0 : walkedOutputs & ~depends[o == 1 ? A : B];
      if (inner == walkedOutputs) inner = 0;
      boolean seen = false;
      for (int t = 0; t < o; t++) seen |= tried[t] == inner;
      tried[o] = inner;
      if (seen) continue;
      int[] walk = new int[n];
      int pos = 0;
      for (int group = 0; group < 3; group++) {
        for (int l = 0; l < n; l++) {
          boolean output = (depends[C] >> l & 1) != 0, in = (inner >> l & 1) != 0;
          if (group == 0 ? output && !in : group == 1 ? in : !output) walk[pos++] = l;
        }
      }
      Counts c = walked(m, stationary, extents, rowMask, colMask, temporal, strides, walk, across, outputs, starts,
          aBytes, bBytes, pe);
      if (best == null || c.read(aBytes, bBytes) + c.written() < best.read(aBytes, bBytes) + best.written()) {
        best = c;
        if (chosen != null) chosen[0] = walk;
      }
    }
    return best;
  }

  /** The loops in the order of {@code pe}'s ranks, outermost first (equal ranks, or none, in the nest's order). */
  private static int[] pinnedWalk(PeWalk pe, int n) {
    int[] walk = new int[n];
    for (int l = 0; l < n; l++) walk[l] = l;
    for (int i = 1; i < n; i++) {   // insertion sort: stable, and a nest has at most MAX_LOOPS loops
      for (int j = i; j > 0 && rank(pe, walk[j]) < rank(pe, walk[j - 1]); j--) {
        int t = walk[j];
        walk[j] = walk[j - 1];
        walk[j - 1] = t;
      }
    }
    return walk;
  }

  private static int rank(PeWalk pe, int l) {
    return pe.rank() != null && l < pe.rank().length ? pe.rank()[l] : Integer.MAX_VALUE;
  }

  /**
   * The bytes each per-PE level (0: the outermost per-PE level) needs to keep what {@code pe} pins it to keep
   * (the elements of its operands over its kept loops, walking as pe walks): 0 where it keeps as many as fit
   * or holds nothing. The compiler refuses a pin that needs more than a level's room (MemoryLevel.keepBytes).
   * A null {@code df} counts every operand a level holds, the stationary one included (an upper bound).
   */
  public static long[] keptBytes(MachineConfig m, Dataflow df, int[] extents, int rowMask, int colMask,
                                 long[][] strides, int aBytes, int bBytes, PeWalk pe) {
    Laid laid = lay(pinnedWalk(pe, extents.length), extents, temporal(extents, rowMask, colMask), strides, pe);
    int stationary = df == null ? -1 : ArrayAxes.stationary(df);
    long[] need = new long[m.levels().size() - m.firstPerPe()];
    for (int i = m.firstPerPe(); i < m.levels().size(); i++) {
      MemoryLevel level = m.levels().get(i);
      int j = i - m.firstPerPe();
      int held = stationary < 0 ? level.holds() & ~pe.bypassed(j) : held(level, stationary, pe.bypassed(j));
      if (held == 0 || pe.kept(j) == null) continue;
      need[j] = keep(Long.MAX_VALUE, held, laid.allow(j), laid.ext(), laid.walked(), laid.dep(), laid.str(),
          widths(aBytes, bBytes), new int[3], new long[3]);
    }
    return need;
  }

  /**
   * The loops the PEs walk in time: those that iterate (extent above 1: a loop of extent 1 never changes a
   * value) and are on neither axis.
   */
  private static int temporal(int[] extents, int rowMask, int colMask) {
    int moving = 0;
    for (int l = 0; l < extents.length; l++) if (extents[l] > 1) moving |= 1 << l;
    return ~(rowMask | colMask) & moving;
  }

  /** The bytes of an element of A, B and C (an i32 partial sum), as keep counts them. */
  private static int[] widths(int aBytes, int bBytes) { return new int[] {aBytes, bBytes, Energy.PSUM_BYTES}; }

  /** The operands a per-PE level keeps across steps under a dataflow keeping {@code stationary}, less {@code bypassed}. */
  private static int held(MemoryLevel level, int stationary, int bypassed) {
    int held = level.holds() & ~(1 << stationary);
    if (level.keepsStationary(stationary)) held |= 1 << stationary;
    return held & ~bypassed;
  }

  /**
   * The loops as the PEs walk them: extents, strides, the operands' dependences and the walked (temporal)
   * positions, in walk order; where the pin keeps parts of loops in some per-PE levels, cut into those parts
   * (PeNest); per level the positions it may keep across ({@code allow}: every one for a level the pin leaves
   * to the rule).
   */
  private record Laid(int[] ext, long[][] str, int[] dep, int walked, int[] allow) {
    int allow(int j) { return j < allow.length ? allow[j] : -1; }
  }

  private static Laid lay(int[] walk, int[] extents, int temporal, long[][] strides, PeWalk pe) {
    // whole loops in walk order, or the parts a pin keeps (no list on the cost model's hot path, which pins none)
    List<PeNest.Part> parts = pe.keep() == null ? null : PeNest.of(extents, walk, temporal, pe.keep(), pe.order());
    int n = parts == null ? walk.length : parts.size(), walked = 0;
    int[] ext = new int[n], dep = new int[3];
    long[][] str = new long[3][n];
    int[] allow = new int[pe.keep() == null ? 0 : pe.keep().length];
    for (int j = 0; j < allow.length; j++) allow[j] = pe.kept(j) == null ? -1 : 0;
    for (int pos = 0; pos < n; pos++) {
      PeNest.Part p = parts == null ? null : parts.get(pos);
      int l = p == null ? walk[pos] : p.loop();
      ext[pos] = p == null ? extents[l] : p.extent();
      if ((temporal >> l & 1) != 0 && ext[pos] > 1) walked |= 1 << pos;
      for (int x = A; x <= C; x++) {
        if (strides[x][l] != 0) dep[x] |= 1 << pos;
        str[x][pos] = strides[x][l] * (p == null ? 1 : p.inner());
      }
      for (int j = 0; j < allow.length; j++) if (p != null && (p.levels() >> j & 1) != 0) allow[j] |= 1 << pos;
    }
    return new Laid(ext, str, dep, walked, allow);
  }

  /** The counts when the PEs walk the fold's temporal loops in {@code walk}'s order (loop indices, outermost first). */
  private static Counts walked(MachineConfig m, int stationary, int[] extents, int rowMask, int colMask, int temporal,
                               long[][] strides, int[] walk, long[] across, long outputs, boolean starts, int aBytes,
                               int bBytes, PeWalk pe) {
    Laid laid = lay(walk, extents, temporal, strides, pe);
    int[] ext = laid.ext(), dep = laid.dep();
    long[][] str = laid.str();
    int walked = laid.walked(), n = ext.length;
    int[] bytes = widths(aBytes, bBytes);
    int[] start = {n, n, n};
    long[] kept = {1, 1, 1};
    // whether the dataflow's registers hold the stationary operand for the fold: unless a scratchpad of its own
    // keeps it (even one that bypasses it), or every per-PE level that holds it bypasses it (the registers are
    // part of the level that holds every operand: bypassing it there, nothing in the PE holds it)
    boolean registers = true, holds = false, serves = false;
    for (int i = m.firstPerPe(); i < m.levels().size(); i++) {
      MemoryLevel level = m.levels().get(i);
      int j = i - m.firstPerPe(), held = held(level, stationary, pe.bypassed(j));
      if (level.keepsStationary(stationary)) registers = false;
      holds |= level.holds(stationary);
      serves |= level.holds(stationary) && (pe.bypassed(j) >> stationary & 1) == 0;
      if (held != 0) keep(level.keepBytes(), held, laid.allow(j), ext, walked, dep, str, bytes, start, kept);
    }
    if (holds && !serves) registers = false;
    long[] count = new long[3];
    for (int x = A; x <= C; x++) {
      long c;
      if (x == stationary && registers) {
        c = joint(m, x, extents, rowMask, colMask, strides[x], across[x], elements(extents, temporal, strides[x]),
            extents, strides[x], temporal);
      } else {
        int outside = walked & ((1 << start[x]) - 1), box = walked & ~((1 << start[x]) - 1);
        int last = 31 - Integer.numberOfLeadingZeros(outside & dep[x]);
        // kept[x]: x's elements over the kept loops, box
        c = joint(m, x, extents, rowMask, colMask, strides[x], across[x], kept[x], ext, str[x], box);
        if (last >= 0) {
          // a sweep of the innermost loop outside the kept ones slides the kept window: only the elements it
          // has not held yet enter (a row of p + r - 1 inputs slides down one row per p). The PEs fill their
          // windows together at the start of the sweep; what a slide brings each PE enters as a step's elements do
          c += slides(m, x, extents, rowMask, colMask, strides[x], across[x], kept[x], ext, str[x], box, last);
          for (int p = 0; p < last; p++) if ((outside >> p & 1) != 0) c *= ext[p];
        }
      }
      count[x] = c;
    }
    long[] startUp = startUp(m, extents, rowMask, colMask, strides, laid, Math.min(start[A], start[B]), aBytes, bBytes);
    return new Counts(count[A], count[B], count[C], count[C] - (starts ? Math.min(outputs, count[C]) : 0),
        startUp[0], startUp[1], startUp[2]);
  }

  /**
   * The start-ups of the network's clusters (none without them: zeros), as MAESTRO's Cluster levels start:
   * a cluster is {@code cluster} consecutive positions of a column, the innermost row loops' first ones
   * (whole runs of an inner loop: 7 of a cluster of 8 where the innermost row loop has 7). It keeps nothing
   * from one start-up to the next: at each, it takes in over its own link every element of A and of B its
   * positions read in one iteration (the walked loops from {@code first} in, {@code laid}'s positions: those
   * a per-PE level keeps an operand across), the stationary operand's too, each distinct element once with
   * multicast; its PEs then take that iteration's steps. One start-up per iteration of every fold. Returns
   * {start-ups, bytes a cluster takes in at each, steps an iteration takes}.
   */
  private static long[] startUp(MachineConfig m, int[] extents, int rowMask, int colMask, long[][] strides, Laid laid,
                                int first, int aBytes, int bBytes) {
    int size = m.network().cluster();
    if (size == 0) return NO_START_UPS;
    int[] ext = laid.ext();
    long steps = 1;
    int iteration = 0;
    for (int pos = first; pos < ext.length; pos++) {
      if ((laid.walked() >> pos & 1) == 0) continue;
      steps *= ext[pos];
      iteration |= 1 << pos;
    }
    long[] box = new long[extents.length];
    long positions = 1, room = size;
    for (int l = extents.length - 1; l >= 0; l--) {
      box[l] = 1;
      if ((rowMask >> l & 1) == 0) continue;
      box[l] = Math.min(extents[l], room);
      positions *= box[l];
      room = box[l] < extents[l] ? 1 : room / box[l];
    }
    int[] width = {aBytes, bBytes};
    int k = Integer.bitCount(iteration);
    long bytes = 0;
    for (int x = A; x <= B; x++) {
      long[] e = new long[extents.length + k], st = new long[extents.length + k];
      for (int l = 0; l < extents.length; l++) {
        e[l] = m.network().multicast() ? box[l] : 1;
        st[l] = strides[x][l];
      }
      for (int pos = 0, j = extents.length; pos < ext.length; pos++) {
        if ((iteration >> pos & 1) == 0) continue;
        e[j] = ext[pos];
        st[j++] = laid.str()[x][pos];
      }
      long taken = Footprint.distinct(e, st) * (m.network().multicast() ? 1 : positions);
      bytes += taken * width[x];
    }
    return new long[] {Timing.folds(m, extents, rowMask, colMask) / steps, bytes, steps};
  }

  /**
   * The loops a per-PE level of {@code capacity} bytes keeps the operands in {@code held} across: the
   * innermost temporal loops (of {@code temporal}, in the order the PEs walk them), those of {@code allow} (a
   * mask; -1: any), whose elements of all of them fit together (a loop none of them depends on adds nothing). Sets, for
   * each, the first such loop ({@code start}) and the elements a PE keeps ({@code kept}): the distinct elements
   * over those loops. Returns the bytes they take.
   */
  private static long keep(long capacity, int held, int allow, int[] extents, int temporal, int[] depends,
                           long[][] strides, int[] bytes, int[] start, long[] kept) {
    long[] f = {1, 1, 1}, grown = new long[3];
    int first = extents.length, box = 0;
    long took = 0;
    for (int x = A; x <= C; x++) if ((held >> x & 1) != 0) took += bytes[x];
    for (int l = extents.length - 1; l >= 0; l--) {
      if ((temporal >> l & 1) == 0) continue;
      if ((allow >> l & 1) == 0) break;
      long need = 0;
      boolean grows = false;
      for (int x = A; x <= C; x++) {
        if ((held >> x & 1) == 0) continue;
        boolean varies = (depends[x] >> l & 1) != 0;
        grows |= varies;
        grown[x] = varies ? elements(extents, box | 1 << l, strides[x]) : f[x];
        need += grown[x] * bytes[x];
      }
      if (grows && need > capacity) break;
      for (int x = A; x <= C; x++) if ((held >> x & 1) != 0) f[x] = grown[x];
      took = need;
      box |= 1 << l;
      first = l;
    }
    for (int x = A; x <= C; x++) {
      if ((held >> x & 1) == 0) continue;
      start[x] = first;
      kept[x] = f[x];
    }
    return took;
  }

  /**
   * What of operand {@code x} enters the array (C: leaves it) over all folds per fill of a block of temporal
   * loops each PE keeps it across (the loops of {@code boxMask} among {@code boxExt}, x's strides along them
   * {@code boxStr}): the PEs of a fold fill their blocks at the same step, so when the network multicasts (for
   * C: reduces) a fold takes each distinct element among its positions and their blocks once, and neighbours
   * whose kept windows overlap (an input row h = p + r, p on an axis and r kept) share what they share, as
   * they share an element within a step; without it, each position takes its block's elements.
   * {@code across} is what the fold's positions take alone (spatial). A block's loop that reaches no element
   * two ways with the positions (Footprint.distinct of them all grows by its extent) multiplies the count;
   * the others are counted with each pair of a row fold and a column fold: in closed form where both folds
   * are boxes of their axis' loops (a run of positions that covers whole inner loops), element by element
   * where one is ragged (above 2^24 sums, without sharing: an upper bound).
   */
  private static long joint(MachineConfig m, int x, int[] extents, int rowMask, int colMask, long[] strides,
                            long across, long inBox, int[] boxExt, long[] boxStr, int boxMask) {
    if (inBox <= 1 || !shares(m, x, rowMask | colMask, strides)) return across * inBox;
    int positions = rowMask | colMask;
    Loops loops = loops(extents, positions, strides, boxExt, boxMask, boxStr);
    long[] e = loops.ext(), s = loops.str();
    int fixed = loops.first();
    long all = Footprint.distinct(e, s), apart = 1;
    // the block's loops that share no element with the rest factor out; the others (sharing) stay in the block
    boolean[] shares = new boolean[e.length];
    for (int l = fixed; l < e.length; l++) {
      long el = e[l];
      e[l] = 1;
      long without = Footprint.distinct(e, s);
      if (without * el == all) {
        apart *= el;
        all = without;
      } else {
        e[l] = el;
        shares[l] = true;
      }
    }
    int kept = fixed;
    for (int l = fixed; l < e.length; l++) {
      if (!shares[l]) continue;
      e[kept] = e[l];
      s[kept++] = s[l];
    }
    if (kept == fixed) return across * inBox;
    long[] shareExt = Arrays.copyOfRange(e, fixed, kept), shareStr = Arrays.copyOfRange(s, fixed, kept);
    Axis row = axis(extents, rowMask, strides, m.rows()), col = axis(extents, colMask, strides, m.cols());
    return apart * overFolds(new Joint(row, col, new Offsets(shareExt), new Offsets(shareStr)), row, col, shareExt,
        shareStr, null);
  }

  /**
   * What the slides of a sweep of loop {@code last} bring a fold after its PEs have filled their kept blocks
   * (joint): each PE's window (the loops of {@code box}) moves one step of {@code last} at a time, all PEs at
   * the same step, and the elements new to each PE enter as a step's elements do, so with multicast a fold
   * takes the distinct new elements of all its PEs at each slide (a column of a 3 x 3 window, shared by the
   * PEs whose rows overlap). Where a window comes back to elements it left (its slides do not bring the
   * same number of new elements each), the window has more than 2^15 points, or the network does not
   * multicast, each position's new elements count apart.
   */
  private static long slides(MachineConfig m, int x, int[] extents, int rowMask, int colMask, long[] strides,
                             long across, long inBox, int[] ext, long[] str, int box, int last) {
    long swept = elements(ext, box | 1 << last, str), apart = across * (swept - inBox);
    if (swept == inBox || !shares(m, x, rowMask | colMask, strides)) return apart;
    int positions = rowMask | colMask;
    Loops all = loops(extents, positions, strides, ext, box | 1 << last, str);
    if (Footprint.distinct(all.ext(), all.str()) == elements(extents, positions, strides) * swept) return apart;   // nothing shared
    Loops window = loops(ext, box, str, ext, 0, str);
    long cells = 2;
    for (long v : window.ext()) cells *= v;
    if (cells > 1 << 16) return apart;
    long[] be = Arrays.copyOf(window.ext(), window.first() + 1), bs = Arrays.copyOf(window.str(), window.first() + 1);
    be[be.length - 1] = 2;
    bs[bs.length - 1] = str[last];
    long[] before = offsets(window.ext(), window.str()), both = offsets(be, bs);
    long[] added = new long[both.length];
    int n = 0;
    for (long o : both) if (Arrays.binarySearch(before, o) < 0) added[n++] = o;
    long steps = ext[last] - 1;
    if (n == 0 || inBox + steps * n != swept) return apart;
    Axis row = axis(extents, rowMask, strides, m.rows()), col = axis(extents, colMask, strides, m.cols());
    long[] delta = Arrays.copyOf(added, n);
    return steps * overFolds(new Slide(row, col, new Offsets(delta)), row, col, null, null, delta);
  }

  /**
   * Over every pair of a row fold and a column fold (with how many pairs are alike), the distinct elements
   * of the pair's positions plus a block: a box of loops ({@code boxExt}, {@code boxStr}), counted in closed
   * form where both folds are boxes too, or the sorted offsets {@code block}. Remembered under {@code key}.
   */
  private static long overFolds(Object key, Axis row, Axis col, long[] boxExt, long[] boxStr, long[] block) {
    Long known = SUMS.get(key);
    if (known != null) return known;
    long sum = 0;
    for (Fold r : runs(row)) {
      for (Fold c : runs(col)) {
        long n;
        if (boxExt != null && r.ext() != null && c.ext() != null) {
          n = Footprint.distinct(concat(concat(r.ext(), c.ext()), boxExt), concat(concat(row.strides(), col.strides()), boxStr));
        } else {
          if (block == null) block = offsets(boxExt, boxStr);
          n = sumsets(r.offsets(row), c.offsets(col), block);
        }
        sum += r.count() * c.count() * n;
      }
    }
    remember(SUMS, key, sum);
    return sum;
  }

  /** Whether a fold may take an element of x for two of its PEs: x varies over them and the network merges them. */
  private static boolean shares(MachineConfig m, int x, int positions, long[] strides) {
    return varies(positions, strides) && (x == C ? m.network().reduction() : m.network().multicast());
  }

  /** Loops' extents and strides, the first {@code first} of them from the first mask (loops). */
  private record Loops(long[] ext, long[] str, int first) {}

  /**
   * The loops of {@code mask} (extents {@code extents}, strides {@code strides}) and then those of
   * {@code mask2} (among {@code ext2}, {@code str2}) along which the operand moves (a stride, an extent above 1).
   */
  private static Loops loops(int[] extents, int mask, long[] strides, int[] ext2, int mask2, long[] str2) {
    int k = 0, first = 0;
    long[] e = new long[Integer.bitCount(mask) + Integer.bitCount(mask2)], s = new long[e.length];
    for (int part = 0; part < 2; part++) {
      if (part == 1) first = k;
      int[] ex = part == 0 ? extents : ext2;
      long[] st = part == 0 ? strides : str2;
      int mk = part == 0 ? mask : mask2;
      for (int l = 0; l < ex.length; l++) {
        if ((mk >> l & 1) == 0 || st[l] == 0 || ex[l] <= 1) continue;
        e[k] = ex[l];
        s[k++] = st[l];
      }
    }
    return new Loops(Arrays.copyOf(e, k), Arrays.copyOf(s, k), first);
  }

  /** Whether the operand of these {@code strides} varies along any loop of {@code mask} (else each fold takes one). */
  private static boolean varies(int mask, long[] strides) {
    for (int l = 0; l < strides.length; l++) if ((mask >> l & 1) != 0 && strides[l] != 0) return true;
    return false;
  }

  /**
   * A run of an axis' positions that {@code count} folds cover alike: a box of the axis' loops (extent per loop
   * in {@code ext}; the outer loops held at one value, which shifts no count) when it covers whole inner loops
   * inside one value of the outer ones, else its distinct offsets less the smallest ({@code offsets}).
   */
  private record Fold(long[] ext, long[] offsets, long count) {
    long[] offsets(Axis a) { return ext != null ? ArrayTraffic.offsets(ext, a.strides()) : offsets; }

    /** The distinct elements the fold's positions reach on axis {@code a}. */
    long distinct(Axis a) { return ext != null ? Footprint.distinct(ext, a.strides()) : offsets.length; }
  }

  private static final Map<Axis, List<Fold>> RUNS = new ConcurrentHashMap<>();

  /** The axis' folds as runs of positions, grouped by shape. */
  private static List<Fold> runs(Axis a) {
    List<Fold> known = RUNS.get(a);
    if (known != null) return known;
    int n = a.ext().length;
    long positions = 1;
    for (int v : a.ext()) positions *= v;
    long[] inner = new long[n + 1];   // inner[i]: the positions of loops i.. together
    inner[n] = 1;
    for (int i = n - 1; i >= 0; i--) inner[i] = inner[i + 1] * a.ext()[i];
    Map<Offsets, Long> boxes = new HashMap<>(), ragged = new HashMap<>();
    long[] keys = new long[(int) Math.min(a.pes(), positions)];
    for (long start = 0; start < positions; start += a.pes()) {
      int len = (int) Math.min(a.pes(), positions - start);
      long[] box = n == 0 ? new long[0] : null;
      for (int i = n - 1; i >= 0 && box == null; i--) {   // loop i partly, the loops inside it whole
        long step = inner[i + 1];
        if (start % step != 0 || len % step != 0 || start / inner[i] != (start + len - 1) / inner[i]) continue;
        box = new long[n];
        for (int l = 0; l < n; l++) box[l] = l < i ? 1 : l == i ? len / step : a.ext()[l];
      }
      if (box != null) {
        boxes.merge(new Offsets(box), 1L, Long::sum);
        continue;
      }
      ragged.merge(fold(a, start, len, keys), 1L, Long::sum);
    }
    List<Fold> out = new ArrayList<>();
    boxes.forEach((box, count) -> out.add(new Fold(box.offsets(), null, count)));
    ragged.forEach((offsets, count) -> out.add(new Fold(null, offsets.offsets(), count)));
    remember(RUNS, a, out);
    return out;
  }

  private static long[] concat(long[] a, long[] b) {
    long[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /** The distinct offsets of a box of loops (extents {@code ext}, strides {@code str}), sorted. */
  private static long[] offsets(long[] ext, long[] str) {
    int count = 1;
    for (long v : ext) count *= (int) v;
    long[] all = new long[count];
    for (int p = 0; p < count; p++) {
      long pos = p, key = 0;
      for (int q = ext.length - 1; q >= 0; q--) {
        key += pos % ext[q] * str[q];
        pos /= ext[q];
      }
      all[p] = key;
    }
    return Arrays.copyOf(all, (int) distinctSorted(all, count));
  }

  private static final ThreadLocal<long[]> MARKS = ThreadLocal.withInitial(() -> new long[1 << 17]);

  /**
   * How many distinct x + y + z for x, y, z in the sorted sets {@code a}, {@code b}, {@code c}: marked in a
   * bit set over their range (2^23 offsets at most), sorted beyond it; above 2^24 sums, their number (an
   * upper bound: no sharing).
   */
  private static long sumsets(long[] a, long[] b, long[] c) {
    long sums = (long) a.length * b.length * c.length;
    if (sums > 1 << 24) return sums;
    long lo = a[0] + b[0] + c[0], range = a[a.length - 1] + b[b.length - 1] + c[c.length - 1] - lo + 1;
    if (range > 1 << 23) return plus(plus(a, b), c).length;
    long[] marks = MARKS.get();
    int words = (int) ((range + 63) >>> 6);
    long n = 0;
    for (long x : a) {
      for (long y : b) {
        long base = x + y - lo;
        for (long z : c) {
          long at = base + z;
          long bit = 1L << (at & 63);
          int w = (int) (at >>> 6);
          if ((marks[w] & bit) == 0) {
            marks[w] |= bit;
            n++;
          }
        }
      }
    }
    Arrays.fill(marks, 0, words, 0L);
    return n;
  }

  /** The distinct x + y for x in {@code a}, y in {@code b}, sorted. */
  private static long[] plus(long[] a, long[] b) {
    long[] all = new long[a.length * b.length];
    int i = 0;
    for (long x : a) for (long y : b) all[i++] = x + y;
    return Arrays.copyOf(all, (int) distinctSorted(all, all.length));
  }

  /** The distinct elements an operand of these {@code strides} takes over the box of the loops in {@code mask}. */
  private static long elements(int[] extents, int mask, long[] strides) {
    int k = Integer.bitCount(mask);
    long[] e = new long[k], s = new long[k];
    for (int l = 0, j = 0; l < extents.length; l++) {
      if ((mask >> l & 1) == 0) continue;
      e[j] = extents[l];
      s[j++] = strides[l];
    }
    return Footprint.distinct(e, s);
  }

  /**
   * The elements an operand of these {@code strides} takes in over all folds of the array: per pair of a row
   * fold and a column fold, the distinct elements among its positions ({@code spread}), or its positions
   * (not). When no element is reached from two different pairs of a row offset and a column offset (the
   * axes share no subscript), that is the product of what each axis takes in; otherwise (rows r and columns
   * p of an input row h = p + r) each pair of folds is counted whole, as overFolds counts it with an empty
   * block.
   */
  static long spatial(int[] extents, int rowMask, int colMask, long[] strides, int rows, int cols, boolean spread) {
    long r = entries(extents, rowMask, strides, rows, spread), c = entries(extents, colMask, strides, cols, spread);
    if (!spread || r == 0 || c == 0) return r * c;
    long byRows = elements(extents, rowMask, strides), byCols = elements(extents, colMask, strides);
    if (byRows == 1 || byCols == 1 || elements(extents, rowMask | colMask, strides) == byRows * byCols) return r * c;
    Axis row = axis(extents, rowMask, strides, rows), col = axis(extents, colMask, strides, cols);
    return overFolds(new Cross(row, col), row, col, new long[0], new long[0], null);
  }

  /**
   * The elements one axis takes in over all its folds: per fold the distinct elements (offsets by
   * {@code strides}) among its positions ({@code spread}), or its positions (not).
   */
  static long entries(int[] extents, int mask, long[] strides, int pes, boolean spread) {
    long positions = Timing.axisExtent(extents, mask);
    long folds = Timing.folds(positions, pes);
    int dep = 0;
    for (int l = 0; l < extents.length; l++) if ((mask >> l & 1) != 0 && strides[l] != 0) dep |= 1 << l;
    if (!spread) return positions;
    if (dep == 0) return folds;
    if (dep == mask && elements(extents, mask, strides) == positions) return positions;
    Axis key = axis(extents, mask, strides, pes);
    Long known = SUMS.get(key);
    if (known != null) return known;
    long sum = 0;
    for (Fold f : runs(key)) sum += f.count() * f.distinct(key);
    remember(SUMS, key, sum);
    return sum;
  }

  /** Puts {@code value} in {@code cache}, emptied first when it holds MAX_SUMS entries. */
  private static <K, V> void remember(Map<K, V> cache, K key, V value) {
    if (cache.size() >= MAX_SUMS) cache.clear();
    cache.put(key, value);
  }

  /** The loops of {@code mask}, outermost first: their extents and strides, and the axis' PEs. */
  private static Axis axis(int[] extents, int mask, long[] strides, int pes) {
    int k = Integer.bitCount(mask);
    int[] ext = new int[k];
    long[] str = new long[k];
    for (int l = 0, j = 0; l < extents.length; l++) {
      if ((mask >> l & 1) == 0) continue;
      ext[j] = extents[l];
      str[j++] = strides[l];
    }
    return new Axis(ext, str, pes);
  }

  /** The distinct offsets of the {@code len} positions from {@code start}, sorted, less the smallest ({@code keys}: room). */
  private static Offsets fold(Axis a, long start, int len, long[] keys) {
    for (int p = 0; p < len; p++) keys[p] = offset(start + p, a.ext(), a.strides());
    int distinct = (int) distinctSorted(keys, len);
    long[] offsets = new long[distinct];
    for (int p = 0; p < distinct; p++) offsets[p] = keys[p] - keys[0];
    return new Offsets(offsets);
  }

  /** Sorts the first {@code len} of {@code keys}, moves its distinct values to the front and counts them. */
  private static long distinctSorted(long[] keys, int len) {
    Arrays.sort(keys, 0, len);
    int distinct = len == 0 ? 0 : 1;
    for (int p = 1; p < len; p++) if (keys[p] != keys[distinct - 1]) keys[distinct++] = keys[p];
    return distinct;
  }

  /** The element offset at flattened position {@code pos} (last loop innermost). */
  private static long offset(long pos, int[] ext, long[] strides) {
    long key = 0;
    for (int j = ext.length - 1; j >= 0; j--) {
      key += pos % ext[j] * strides[j];
      pos /= ext[j];
    }
    return key;
  }

  private record Axis(int[] ext, long[] strides, int pes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Axis k && pes == k.pes && Arrays.equals(ext, k.ext) && Arrays.equals(strides, k.strides);
    }

    @Override
    public int hashCode() { return 31 * (31 * Arrays.hashCode(ext) + Arrays.hashCode(strides)) + pes; }
  }

  private record Cross(Axis rows, Axis cols) {}

  private record Joint(Axis rows, Axis cols, Offsets ext, Offsets strides) {}

  private record Slide(Axis rows, Axis cols, Offsets delta) {}

  private record Offsets(long[] offsets) {
    @Override
    public boolean equals(Object o) { return o instanceof Offsets k && Arrays.equals(offsets, k.offsets); }

    @Override
    public int hashCode() { return Arrays.hashCode(offsets); }
  }
}
