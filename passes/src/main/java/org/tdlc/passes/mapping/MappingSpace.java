// The space the mapping passes choose from, for one op on one target: per dataflow the index sets on the
// array's rows and columns, per index the candidate tile extents, and the candidate loop orders. Pins
// narrow it. Shared by the single-decision passes, the mapper's pruned search and the exhaustive one.
package org.tdlc.passes.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.machine.ArrayAxes;

/**
 * arrangements: the dataflows allowed, each with every index set its rows and columns may hold
 * (ArrayAxes), and which of those indices the array spreads only in part; tiles[d]: candidate extents,
 * ascending; orders: candidate index orders; spread: null, or per index the part of its tile a pin says its
 * axis spreads (0: the rule's, CostModel.spreads).
 */
public record MappingSpace(LoopSpace space, List<Arrangement> arrangements, int[][] tiles, List<int[]> orders,
                           int[] spread) {
  /** The most indices the search puts on one axis (the pin is not bound by it). */
  static final int MAX_AXIS_INDICES = 3;

  /**
   * A dataflow with the indices (bit masks over the op's indices) on the array's rows and columns, and
   * {@code split}: those of them the axis spreads only in part, the PEs walking the rest of the tile
   * (ArrayLoops; how much, CostModel.spreads).
   */
  public record Arrangement(Dataflow dataflow, int rows, int cols, int split) {
    public Arrangement(Dataflow dataflow, int rows, int cols) { this(dataflow, rows, cols, 0); }
  }

  public MappingSpace {
    arrangements = List.copyOf(arrangements);
  }

  public MappingSpace(LoopSpace space, List<Arrangement> arrangements, int[][] tiles, List<int[]> orders) {
    this(space, arrangements, tiles, orders, null);
  }

  /**
   * Every arrangement of the target's dataflows, every tile candidate (candidates: from 1 by powers of two up
   * to the range, and the extents that fill one of the array's axes exactly), four orders.
   */
  public static MappingSpace full(LoopSpace s, org.tdlc.ir.target.Target target) {
    int n = s.dims().size();
    int[][] tiles = new int[n][];
    for (int d = 0; d < n; d++) tiles[d] = candidates(s.ranges()[d], target.rows(), target.cols());
    List<Arrangement> all = new ArrayList<>();
    org.tdlc.machine.MachineConfig machine = org.tdlc.machine.MachineConfig.of(target);
    for (Dataflow df : target.dataflows()) {
      // where a per-PE scratchpad keeps the stationary operand (MemoryLevel.keepsStationary, as Eyeriss's filter
      // scratchpad), the mapper searches arrangements that walk part of an axis' index in the PEs (split), the
      // scratchpad holding the operand's elements over the walked part (the mapper splits only where they fit:
      // CostModel.spreads); a per-PE level that holds every operand does not open them (a pin may still split)
      boolean splits = machine.keepsStationary(df);
      for (Arrangement a : arrangements(s, df)) all.add(splits ? split(s, a) : a);
    }
    return new MappingSpace(s, all, tiles, orders(s));
  }

  /** The dataflows of the arrangements, each once, in order. */
  public List<Dataflow> dataflows() {
    List<Dataflow> out = new ArrayList<>();
    for (Arrangement a : arrangements) if (!out.contains(a.dataflow())) out.add(a.dataflow());
    return out;
  }

  public MappingSpace withTile(int d, int extent) {
    int[][] t = tiles.clone();
    t[d] = new int[] {extent};
    return new MappingSpace(space, arrangements, t, orders, spread);
  }

  /** The space with index d's tile candidates narrowed to {@code extents} (ascending). */
  public MappingSpace withTiles(int d, int[] extents) {
    int[][] t = tiles.clone();
    t[d] = extents.clone();
    return new MappingSpace(space, arrangements, t, orders, spread);
  }

  public MappingSpace withOrder(int[] order) { return new MappingSpace(space, arrangements, tiles, List.of(order), spread); }

  public MappingSpace withArrangements(List<Arrangement> a) { return new MappingSpace(space, a, tiles, orders, spread); }

  public MappingSpace withDataflows(List<Dataflow> d) {
    return new MappingSpace(space, arrangements.stream().filter(a -> d.contains(a.dataflow())).toList(), tiles, orders,
        spread);
  }

  /**
   * The arrangements that spread exactly the indices of {@code pinned} (extent per index; 0: whole) in part,
   * those extents fixed; an index it names must be on an axis of the arrangement.
   */
  public MappingSpace withSpread(int[] pinned) {
    int split = 0;
    for (int d = 0; d < pinned.length; d++) if (pinned[d] > 0) split |= 1 << d;
    List<Arrangement> out = new ArrayList<>();
    for (Arrangement a : arrangements) {
      if ((split & ~(a.rows() | a.cols())) != 0) continue;
      Arrangement b = new Arrangement(a.dataflow(), a.rows(), a.cols(), split);
      if (!out.contains(b)) out.add(b);
    }
    return new MappingSpace(space, out, tiles, orders, pinned.clone());
  }

  /**
   * {@code a} with an index spread in part per axis where it has one to split (else {@code a}): its outermost
   * reduction index, or, on an axis of several indices with none, its outermost index (Timeloop's M2X beside
   * Q7X, the PEs walking the rest of M over the inputs they keep), which CostModel.spreads spreads as far as
   * fills the axis and no further (a tile that fits is spread whole, as {@code a} spreads it), so it stands in
   * for {@code a}.
   */
  static Arrangement split(LoopSpace s, Arrangement a) {
    int split = 0;
    for (int axis : new int[] {a.rows(), a.cols()}) {
      int first = -1;
      for (int d = 0; d < s.dims().size(); d++) {
        if ((axis >> d & 1) == 0 || s.ranges()[d] <= 1) continue;
        if (first < 0) first = d;
        if (s.reduced(d)) { first = -1; split |= 1 << d; break; }
      }
      if (first >= 0 && Integer.bitCount(axis) > 1) split |= 1 << first;
    }
    return split == 0 ? a : new Arrangement(a.dataflow(), a.rows(), a.cols(), split);
  }

  /**
   * The arrangements with these rows (or cols; null leaves that axis free), under the dataflows they fit
   * (axesProblem), spreading their indices' whole tiles; none when they fit no dataflow of the space.
   */
  public MappingSpace withAxes(Integer rows, Integer cols) {
    List<Arrangement> out = new ArrayList<>();
    for (Dataflow df : dataflows()) {
      if (axesProblem(space, df, rows == null ? 0 : rows, cols == null ? 0 : cols).isPresent()) continue;
      List<Arrangement> mine = arrangements.stream().filter(a -> a.dataflow() == df).toList();
      List<Integer> rs = rows != null ? List.of(rows) : mine.stream().map(Arrangement::rows).distinct().toList();
      List<Integer> cs = cols != null ? List.of(cols) : mine.stream().map(Arrangement::cols).distinct().toList();
      for (int r : rs) for (int c : cs) if ((r & c) == 0) out.add(new Arrangement(df, r, c));
    }
    return new MappingSpace(space, out, tiles, orders, spread);
  }

  public long size() {
    long s = (long) arrangements.size() * orders.size();
    for (int[] t : tiles) s *= t.length;
    return s;
  }

  /** The op's indices as the array's roles see them. */
  static ArrayAxes.Roles roles(LoopSpace s) {
    int n = s.dims().size();
    boolean[] red = new boolean[n], a = new boolean[n], b = new boolean[n];
    for (int d = 0; d < n; d++) {
      red[d] = s.reduced(d);
      a[d] = s.uses(0, d);
      b[d] = s.uses(1, d);
    }
    return new ArrayAxes.Roles(red, a, b);
  }

  /**
   * Under dataflow {@code df}: every non-empty set of at most MAX_AXIS_INDICES row candidates with every such
   * set of the column candidates it leaves (an axis with no candidate stays empty).
   */
  static List<Arrangement> arrangements(LoopSpace s, Dataflow df) {
    ArrayAxes.Roles r = roles(s);
    List<Arrangement> out = new ArrayList<>();
    for (int rows : subsets(ArrayAxes.rowCandidates(df, r, s.ranges()))) {
      for (int cols : subsets(ArrayAxes.colCandidates(df, r, s.ranges()) & ~rows)) {
        out.add(new Arrangement(df, rows, cols));
      }
    }
    return out;
  }

  private static List<Integer> subsets(int mask) {
    List<Integer> out = new ArrayList<>();
    for (int sub = mask; sub != 0; sub = (sub - 1) & mask) if (Integer.bitCount(sub) <= MAX_AXIS_INDICES) out.add(sub);
    if (out.isEmpty()) out.add(0);
    java.util.Collections.reverse(out);
    return out;
  }

  /**
   * Why dataflow {@code df} cannot put these indices (masks) on the rows and columns, or empty: an index on
   * both axes, or one whose role the dataflow keeps off that axis (extent does not matter: an index of
   * extent 1 on an axis costs nothing).
   */
  public static java.util.Optional<String> axesProblem(LoopSpace s, Dataflow df, int rows, int cols) {
    int[] any = new int[s.dims().size()];
    java.util.Arrays.fill(any, 2);
    ArrayAxes.Roles r = roles(s);
    int[] allowed = {ArrayAxes.rowCandidates(df, r, any), ArrayAxes.colCandidates(df, r, any)};
    int[] asked = {rows, cols};
    String[] names = {"rows", "cols"};
    if ((rows & cols) != 0) return java.util.Optional.of(names(s, rows & cols) + " on both the rows and the cols");
    for (int a = 0; a < 2; a++) {
      int bad = asked[a] & ~allowed[a];
      if (bad == 0) continue;
      return java.util.Optional.of(names[a] + " " + names(s, asked[a]) + " do not fit dataflow " + df.keyword()
          + ": " + names(s, bad) + " cannot go on its " + names[a] + ", which hold " + (allowed[a] == 0 ? "no index"
          : names(s, allowed[a])) + " (" + ArrayAxes.rule(df, a == 0) + ")");
    }
    return java.util.Optional.empty();
  }

  /** [c, r, s]: the indices of a mask. */
  static String names(LoopSpace s, int mask) {
    List<String> out = new ArrayList<>();
    for (int d = 0; d < s.dims().size(); d++) if ((mask >> d & 1) != 0) out.add(s.dims().get(d));
    return "[" + String.join(", ", out) + "]";
  }

  /** The mask of these index names. */
  static int mask(LoopSpace s, List<String> names) {
    int m = 0;
    for (String name : names) m |= 1 << s.index(name);
    return m;
  }

  /**
   * An index's tile extents: 1 and the powers of two below its range, the range, and, per array axis of
   * {@code axes} PEs, the extents axes x 2^j that divide the range: a tile of such an extent fills the axis in
   * whole folds and leaves no remainder tile. An axis that is not a power of two needs them: on Timeloop's
   * 12 x 14 Eyeriss, p = 14 of 56 fills the 14 columns where 8 fills 8 and 16 takes two folds for 16
   * (ResNet-50's conv2_3x3_64: 860,544 cycles on 168 PEs against 1,077,364 on 126 without it).
   */
  static int[] candidates(int range, int... axes) {
    TreeSet<Integer> c = new TreeSet<>();
    for (int v = 1; v < range; v *= 2) c.add(v);
    c.add(range);
    for (int axis : axes) {
      for (long v = axis; axis > 1 && v <= range; v *= 2) if (range % v == 0) c.add((int) v);
    }
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

  /** {rows, cols} (masks) under a dataflow where nothing chose them: ArrayAxes.defaults over the ranges. */
  public static int[] roles(LoopSpace s, Dataflow df) { return ArrayAxes.defaults(df, roles(s), s.ranges()); }
}
