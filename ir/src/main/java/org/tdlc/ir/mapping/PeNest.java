// The loops the PEs walk when a mapping pins what each per-PE level keeps (Mapping.Pe, machine.PeWalk),
// stated once: each loop cut into the parts the levels keep of it, the parts a level keeps walked inside those
// it does not, each level's own parts in its order where the pin gives one. ArrayTraffic counts a MAC's traffic
// on these parts; explain prints them as a loop nest per level.
package org.tdlc.ir.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A loop of extent e that pinned levels keep parts f_j of (Timeloop's factors at those levels) is cut into an
 * outer part and one part per distinct kept extent: with the kept extents G1 &gt; G2 &gt; ... &gt; Gm (each the
 * largest divisor of e, then of the one before, not above what a level asks: a remainder tile keeps what
 * divides it), the outer part walks e / G1 and part i walks G_i / G_(i+1) (G_(m+1) = 1). Part i is kept by every
 * level that keeps at least G_i. The outer parts walk in the walk's order; the kept parts inside them, those
 * fewer levels keep outside those more keep (the levels nest, Mapping.Pe.nestProblem, so each level's parts
 * are the innermost). Among the parts the same levels keep, which are one level's own (Timeloop's factors at that
 * level: the level of them that keeps least, the innermost of the nest), that level's order places them where
 * the pin gives one (Timeloop's per-level permutation): the indices it names innermost, in its order, those it
 * leaves out outside them in the walk's order; without one, the walk's order. A loop's larger part walks
 * outside its smaller.
 */
public final class PeNest {
  /**
   * One part: of loop {@code loop}, walking {@code extent}, with {@code inner} the product of the extents of
   * the loop's parts inside it (its stride is the loop's times inner), kept by the levels of {@code levels}
   * (bit j: per-PE level j).
   */
  public record Part(int loop, int extent, int inner, int levels) {}

  private PeNest() {}

  /**
   * The parts of loops of {@code extents} walked in {@code walk}'s order (loop indices, outermost first), of
   * which only those in {@code walked} (a bit mask) are cut, {@code keep[j]} the part of each loop per-PE level
   * j keeps (0 none; at least the extent: all of it; a null row: a level the pin leaves to the rule, which keeps
   * no part here), outermost first.
   */
  public static List<Part> of(int[] extents, int[] walk, int walked, int[][] keep) {
    return of(extents, walk, walked, keep, null);
  }

  /**
   * The same, {@code order[j]} (a null row or a null array: none) per-PE level j's order of its own parts: per
   * loop its place, 0 outermost, or -1 for a loop it leaves to the walk's order, outside those it places.
   */
  public static List<Part> of(int[] extents, int[] walk, int walked, int[][] keep, int[][] order) {
    int levels = keep == null ? 0 : keep.length;
    List<Part> outer = new ArrayList<>(), inner = new ArrayList<>();
    List<Integer> place = new ArrayList<>();   // each inner part's loop's place in the walk
    for (int pos = 0; pos < walk.length; pos++) {
      int l = walk[pos], e = extents[l];
      int[] g = new int[levels];
      List<Integer> cuts = new ArrayList<>();
      for (int j = 0; j < levels; j++) {
        if ((walked >> l & 1) == 0 || keep[j] == null || keep[j][l] <= 0) continue;
        g[j] = divisorAtMost(e, keep[j][l]);
        if (!cuts.contains(g[j])) cuts.add(g[j]);
      }
      cuts.sort(Comparator.reverseOrder());
      // each kept extent divides the one outside it
      for (int i = 1; i < cuts.size(); i++) cuts.set(i, divisorAtMost(cuts.get(i - 1), cuts.get(i)));
      List<Integer> chain = new ArrayList<>();
      for (int c : cuts) if (!chain.contains(c)) chain.add(c);
      outer.add(new Part(l, chain.isEmpty() ? e : e / chain.get(0), chain.isEmpty() ? 1 : chain.get(0), 0));
      for (int i = 0; i < chain.size(); i++) {
        int below = i + 1 < chain.size() ? chain.get(i + 1) : 1, mask = 0;
        for (int j = 0; j < levels; j++) if (g[j] >= chain.get(i)) mask |= 1 << j;
        inner.add(new Part(l, chain.get(i) / below, below, mask));
        place.add(pos);
      }
    }
    List<Integer> sorted = new ArrayList<>();
    int[] placed = new int[inner.size()];   // each part's place in its owner's order
    for (int i = 0; i < inner.size(); i++) {
      sorted.add(i);
      placed[i] = placed(order, owner(keep, order, inner.get(i).levels()), inner.get(i).loop());
    }
    sorted.sort(Comparator.comparingInt((Integer i) -> Integer.bitCount(inner.get(i).levels()))
        .thenComparingInt(i -> placed[i]).thenComparingInt(place::get).thenComparing(i -> -inner.get(i).inner()));
    List<Part> out = new ArrayList<>(outer);
    for (int i : sorted) out.add(inner.get(i));
    return out;
  }

  /**
   * A level's order as {@link #of} takes it: per index of {@code dims}, its place in {@code order} (names,
   * outermost first), -1 for one the order leaves out.
   */
  public static int[] places(List<String> order, List<String> dims) {
    int[] out = new int[dims.size()];
    for (int d = 0; d < dims.size(); d++) out[d] = order.indexOf(dims.get(d));
    return out;
  }

  /** Loop l's place in level j's order, -1 where it has none or leaves l out (j -1: no level). */
  private static int placed(int[][] order, int j, int l) {
    return order == null || j < 0 || j >= order.length || order[j] == null || l >= order[j].length ? -1 : order[j][l];
  }

  /**
   * The level whose own parts those of {@code mask} are: of the levels that keep them, the one every other keeps at
   * least as much as (the innermost of the nest); of levels that keep the same, one with an order, then the last.
   */
  static int owner(int[][] keep, int[][] order, int mask) {
    int best = -1, bestCovered = -1;
    boolean bestOrdered = false;
    for (int j = 0; j < keep.length; j++) {
      if ((mask >> j & 1) == 0) continue;
      int covered = 0;
      for (int i = 0; i < keep.length; i++) if ((mask >> i & 1) != 0 && covers(keep[i], keep[j])) covered++;
      boolean ordered = order != null && j < order.length && order[j] != null;
      if (covered > bestCovered || covered == bestCovered && (ordered || !bestOrdered)) {
        best = j;
        bestCovered = covered;
        bestOrdered = ordered;
      }
    }
    return best;
  }

  private static boolean covers(int[] outer, int[] inner) {
    for (int l = 0; l < inner.length; l++) if (outer[l] < inner[l]) return false;
    return true;
  }

  /** The largest divisor of {@code e} not above {@code f} (e itself when f is at least e). */
  static int divisorAtMost(int e, int f) {
    if (f >= e) return e;
    for (int d = f; d > 1; d--) if (e % d == 0) return d;
    return 1;
  }
}
