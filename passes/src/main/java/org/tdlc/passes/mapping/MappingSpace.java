// The space the mapping passes choose from, for one op on one target: per dataflow the indices on the
// array's rows and columns, per index the candidate tile extents, and the candidate loop orders. Pins
// narrow it. Shared by the single-decision passes, the mapper's pruned search and the exhaustive one.
package org.tdlc.passes.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.target.Dataflow;

/** dataflows: those allowed; tiles[d]: candidate extents, ascending; orders: candidate index orders. */
public record MappingSpace(LoopSpace space, List<Dataflow> dataflows, int[][] tiles, List<int[]> orders) {

  /** Every dataflow given, every tile from 1 by powers of two up to the range (and the range), four orders. */
  public static MappingSpace full(LoopSpace s, List<Dataflow> dataflows) {
    int n = s.dims().size();
    int[][] tiles = new int[n][];
    for (int d = 0; d < n; d++) tiles[d] = candidates(s.ranges()[d]);
    return new MappingSpace(s, List.copyOf(dataflows), tiles, orders(s));
  }

  public MappingSpace withTile(int d, int extent) {
    int[][] t = tiles.clone();
    t[d] = new int[] {extent};
    return new MappingSpace(space, dataflows, t, orders);
  }

  public MappingSpace withOrder(int[] order) { return new MappingSpace(space, dataflows, tiles, List.of(order)); }

  public MappingSpace withDataflows(List<Dataflow> d) { return new MappingSpace(space, d, tiles, orders); }

  public long size() {
    long s = (long) dataflows.size() * orders.size();
    for (int[] t : tiles) s *= t.length;
    return s;
  }

  static int[] candidates(int range) {
    TreeSet<Integer> c = new TreeSet<>();
    for (int v = 1; v < range; v *= 2) c.add(v);
    c.add(range);
    return c.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Output tile loops then reduction loops in index order, and the same with the loops only the first
   * input uses moved innermost (keeps the second input resident) or only the second (keeps the first).
   */
  static List<int[]> orders(LoopSpace s) {
    int n = s.dims().size();
    List<int[]> out = new ArrayList<>();
    for (int outKey = 0; outKey < 2; outKey++) {
      for (int redKey = 0; redKey < 2; redKey++) {
        List<Integer> o = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
          for (int inner = 0; inner < 2; inner++) {
            for (int d = 0; d < n; d++) {
              if (s.reduced(d) != (pass == 1)) continue;
              int key = pass == 0 ? outKey : redKey;
              boolean late = key == 0 ? s.uses(0, d) && !s.uses(1, d) : s.uses(1, d) && !s.uses(0, d);
              if (late == (inner == 1)) o.add(d);
            }
          }
        }
        int[] arr = o.stream().mapToInt(Integer::intValue).toArray();
        if (out.stream().noneMatch(x -> java.util.Arrays.equals(x, arr))) out.add(arr);
      }
    }
    return out;
  }

  /** {rows, cols} under a dataflow, by the same rules as the lowering's defaults; -1 where none fits. */
  public static int[] roles(LoopSpace s, Dataflow df) {
    int n = s.dims().size();
    int[] r = s.ranges();
    if (df == Dataflow.RS) {
      for (AffineExpr e : s.maps().get(0)) {
        int red = -1, out = -1;
        for (int d = 0; d < n; d++) {
          if (!e.uses(d) || r[d] <= 1) continue;
          if (s.reduced(d) && red < 0) red = d;
          if (!s.reduced(d) && out < 0) out = d;
        }
        if (red >= 0 && out >= 0) return new int[] {red, out};
      }
    }
    if (df == Dataflow.OS) {
      int rows = largest(s, d -> !s.reduced(d) && !s.uses(1, d), -1);
      int cols = largest(s, d -> !s.reduced(d) && !s.uses(0, d), rows);
      if (rows < 0) rows = largest(s, d -> !s.reduced(d), cols);
      return new int[] {rows, cols};
    }
    int streamed = df == Dataflow.IS ? 1 : 0;   // ws holds B in the PEs and streams A; is the other way round
    int rows = largest(s, d -> s.reduced(d) && s.uses(0, d) && s.uses(1, d), -1);
    if (rows < 0) rows = largest(s, s::reduced, -1);
    int cols = largest(s, d -> !s.reduced(d) && !s.uses(streamed, d), rows);
    if (cols < 0) cols = largest(s, d -> !s.reduced(d), rows);
    return new int[] {rows, cols};
  }

  private static int largest(LoopSpace s, java.util.function.IntPredicate ok, int except) {
    int best = -1;
    for (int d = 0; d < s.ranges().length; d++) {
      if (d == except || s.ranges()[d] <= 1 || !ok.test(d)) continue;
      if (best < 0 || s.ranges()[d] > s.ranges()[best]) best = d;
    }
    return best;
  }
}
