// How the PEs walk a MAC's loops in time and what each per-PE level keeps of them, where a mapping pins it
// (the mapping's pe part, @map's walk, keep and bypass), stated once for the compiler, the descriptor and the
// simulator. Without a pin, ArrayTraffic's rule decides: the best of three walks, each level keeping as many
// of the innermost loops as fit. A pin may keep part of a loop in a level (Timeloop's per-level factors).
package org.tdlc.machine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.mapping.PeNest;
import org.tdlc.ir.target.Operand;

/**
 * {@code rank}: per loop its place in the walk, 0 outermost (equal ranks keep the nest's order), or null:
 * the rule's walk. {@code keep}: per per-PE level (0 the outermost per-PE level, MachineConfig.firstPerPe),
 * per loop the part of it the level keeps its operands across: 0 none, f &gt; 0 up to f of it (WHOLE: all of
 * it), Timeloop's factor of that loop at that level; a null row (or a null array): as many whole loops as
 * fit, ArrayTraffic's rule. The parts a level keeps walk inside everything it does not keep (ArrayTraffic),
 * and the levels' parts nest: one level keeps all another keeps (nests). A level never keeps more than fits
 * its room (MemoryLevel.keepBytes): a pin that does not fit is the compiler's error, not a silent overflow.
 * {@code bypass}: 3 bits per per-PE level (bit 3j + x: level j does not keep operand x, ArrayTraffic.A, B,
 * C), which then passes through it between the level outside and the PE's datapath, read neither in nor out
 * of that level. {@code order}: per per-PE level, per loop its place in the order the level walks its own
 * parts in (PeNest: those of the loops it keeps that no level inside it keeps; Timeloop's per-level
 * permutation), 0 outermost, -1 for a loop it leaves to the walk's order; a null row (or a null array): the
 * walk's order.
 *
 * <p>The same record states a walk by index (a mapping's, before the lowering cuts its tile into a MAC's
 * loops) and by loop (a descriptor's); onLoops turns the one into the other.
 */
public record PeWalk(int[] rank, int[][] keep, int bypass, int[][] order) {
  /** No pin: ArrayTraffic's rule walks and keeps. */
  public static final PeWalk RULE = new PeWalk(null, null, 0, null);
  /** A loop a level keeps whole (a mapping's Pe.WHOLE). */
  public static final int WHOLE = Mapping.Pe.WHOLE;

  public PeWalk {
    rank = rank == null ? null : rank.clone();
    keep = copy(keep);
    order = copy(order);
  }

  /** A walk whose levels walk their own parts in the walk's order. */
  public PeWalk(int[] rank, int[][] keep, int bypass) { this(rank, keep, bypass, null); }

  private static int[][] copy(int[][] rows) {
    if (rows == null) return null;
    int[][] out = new int[rows.length][];
    for (int j = 0; j < rows.length; j++) out[j] = rows[j] == null ? null : rows[j].clone();
    return out;
  }

  /**
   * A mapping's pe (by name) as a walk by index over the op's {@code dims} on machine {@code m}: each index's
   * place in the walk, each per-PE level's kept part of each index and its order, its bypassed operands. A level
   * the pe names that is not one of m's per-PE levels, or an operand it bypasses that the level does not hold, is an
   * IllegalArgumentException saying so.
   */
  public static PeWalk of(MachineConfig m, List<String> dims, Mapping.Pe pe) {
    if (pe.isRule()) return RULE;
    int[] rank = null;
    if (!pe.walk().isEmpty()) {
      rank = new int[dims.size()];
      for (int d = 0; d < dims.size(); d++) rank[d] = pe.walk().indexOf(dims.get(d));   // -1, unnamed: outermost
    }
    int levels = m.levels().size() - m.firstPerPe();
    int[][] keep = null;
    if (!pe.keep().isEmpty()) {
      keep = new int[levels][];
      for (var e : pe.keep().entrySet()) {
        int j = perPe(m, e.getKey(), "keep");
        keep[j] = new int[dims.size()];
        for (var part : e.getValue().entrySet()) {
          if (dims.contains(part.getKey())) keep[j][dims.indexOf(part.getKey())] = part.getValue();
        }
      }
    }
    int[][] order = null;
    if (!pe.orders().isEmpty()) {
      order = new int[levels][];
      for (var e : pe.orders().entrySet()) {
        int j = perPe(m, e.getKey(), "orders");
        order[j] = PeNest.places(e.getValue(), dims);
      }
    }
    int bypass = 0;
    for (var e : pe.bypass().entrySet()) {
      int j = perPe(m, e.getKey(), "bypass");
      MemoryLevel level = m.levels().get(m.firstPerPe() + j);
      for (String o : e.getValue()) {
        Operand x = Operand.parse(o).orElseThrow();
        if (!x.in(level.holds())) {
          throw new IllegalArgumentException("bypass " + e.getKey() + " names " + o + ", which level " + e.getKey()
              + " does not hold (it holds " + Operand.text(level.holds()) + ")");
        }
        bypass |= x.bit() << 3 * j;
      }
    }
    return new PeWalk(rank, keep, bypass, order);
  }

  /** The per-PE index (0: the outermost per-PE level) of the level named {@code name}, which {@code key} names. */
  private static int perPe(MachineConfig m, String name, String key) {
    List<String> names = new ArrayList<>();
    for (int i = m.firstPerPe(); i < m.levels().size(); i++) {
      if (m.levels().get(i).name().equals(name)) return i - m.firstPerPe();
      names.add(m.levels().get(i).name());
    }
    throw new IllegalArgumentException(key + " names level " + name + ", which is not a per-PE level of this target ("
        + (names.isEmpty() ? "it has none" : "its per-PE levels: " + String.join(", ", names)) + ")");
  }

  /**
   * What is wrong with this walk for a MAC of {@code loops} loops, or null: ranks per loop, a kept part per loop,
   * none negative.
   */
  public String problem(int loops) {
    if (rank != null && rank.length != loops) {
      return "its PE walk ranks " + rank.length + " loops, but it has " + loops;
    }
    if (keep != null) {
      for (int[] k : keep) {
        if (k == null) continue;
        if (k.length != loops) return "its PE walk keeps parts of " + k.length + " loops, but it has " + loops;
        for (int f : k) if (f < 0) return "its PE walk keeps a negative part " + f + " of a loop";
      }
    }
    if (order != null) {
      for (int[] o : order) {
        if (o == null) continue;
        if (o.length != loops) return "its PE walk orders " + o.length + " loops in a level, but it has " + loops;
        for (int p : o) if (p < -1) return "its PE walk places a loop at " + p + " in a level's order (-1: none)";
      }
    }
    return null;
  }

  /** Whether nothing is pinned. */
  public boolean isRule() { return rank == null && keep == null && bypass == 0 && order == null; }

  /** The operands (mask) per-PE level {@code j} does not keep. */
  public int bypassed(int j) { return bypass >>> 3 * j & 7; }

  /** The part of each loop per-PE level {@code j} keeps (0 none, WHOLE all), or null: as many whole loops as fit. */
  public int[] kept(int j) { return keep == null || j >= keep.length ? null : keep[j]; }

  /** The operands per-PE level {@code level} (its index among all levels) serves the PE's MACs: it holds them, not bypassed. */
  public int serves(MachineConfig m, int level) {
    return m.levels().get(level).holds() & ~bypassed(level - m.firstPerPe());
  }

  /**
   * This walk, stated by index, for a MAC whose loop l runs the indices {@code indices[l]} (one, or several a
   * merged loop covers): a loop takes the rank of its outermost index, and a level keeps of it its part of a
   * single index, or all of a merged loop whose indices it keeps whole (none otherwise), and orders it at the
   * place of its outermost index the level's order names.
   */
  public PeWalk onLoops(int[][] indices) {
    if (isRule()) return RULE;
    int[] r = null;
    if (rank != null) {
      r = new int[indices.length];
      for (int l = 0; l < indices.length; l++) {
        r[l] = Integer.MAX_VALUE;
        for (int d : indices[l]) r[l] = Math.min(r[l], rank[d]);
      }
    }
    int[][] k = null;
    if (keep != null) {
      k = new int[keep.length][];
      for (int j = 0; j < keep.length; j++) {
        if (keep[j] == null) continue;
        k[j] = new int[indices.length];
        for (int l = 0; l < indices.length; l++) {
          if (indices[l].length == 1) {
            k[j][l] = keep[j][indices[l][0]];
          } else {
            boolean whole = true;
            for (int d : indices[l]) whole &= keep[j][d] == WHOLE;
            k[j][l] = whole ? WHOLE : 0;
          }
        }
      }
    }
    int[][] o = null;
    if (order != null) {
      o = new int[order.length][];
      for (int j = 0; j < order.length; j++) {
        if (order[j] == null) continue;
        o[j] = new int[indices.length];
        for (int l = 0; l < indices.length; l++) {
          o[j][l] = -1;
          for (int d : indices[l]) if (order[j][d] >= 0 && (o[j][l] < 0 || order[j][d] < o[j][l])) o[j][l] = order[j][d];
        }
      }
    }
    return new PeWalk(r, k, bypass, o);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeWalk w && bypass == w.bypass && Arrays.equals(rank, w.rank) && Arrays.deepEquals(keep, w.keep)
        && Arrays.deepEquals(order, w.order);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * Arrays.hashCode(rank) + Arrays.deepHashCode(keep)) + bypass) + Arrays.deepHashCode(order);
  }

  @Override
  public String toString() {
    return "PeWalk[rank=" + Arrays.toString(rank) + ", keep=" + Arrays.deepToString(keep) + ", bypass=" + bypass
        + ", order=" + Arrays.deepToString(order) + "]";
  }
}
