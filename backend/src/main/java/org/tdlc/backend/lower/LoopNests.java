// Loop nests of MAC and ALU descriptors for one tile: one loop per index of extent > 1 (outermost first),
// adjacent loops merged where every operand's strides allow it, and whatever still exceeds MAX_LOOPS split
// into several instructions over the outer loops. Also names the loops mapped across the PE array (masks).
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Loop;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.machine.ArrayAxes;
import org.tdlc.machine.ArrayLoops;
import org.tdlc.machine.PeWalk;

final class LoopNests {
  private LoopNests() {}

  /**
   * One instruction's nest, the array loops (bit masks over its loops; 0: none) and its operands' offsets in elements. first: the
   * nest starts every destination element it touches (the loops split off outside it that do not move the
   * destination, the reduction's, are at their first iteration).
   */
  record Nest(List<Loop> loops, int rowLoops, int colLoops, long dst, long src1, long src2, boolean first, PeWalk pe) {}

  /** A loop with the loops of ArrayLoops it covers (several after merging). */
  private record Entry(Loop loop, List<Integer> dims) {}

  /**
   * extents and per-index strides of dst, src1, src2. {@code mergeAlways}: merge even when the nest fits
   * (ALU work, where fewer loops only help); otherwise loops stay one per index unless they exceed the limit.
   * {@code spread}: per index on an axis the part of its extent the axis spreads (null or 0: all), which
   * ArrayLoops makes a loop of its own inside the part the PEs walk. {@code byIndex}: the mapping's pinned PE
   * walk, which each nest carries on its own loops (PeWalk.onLoops).
   */
  static List<Nest> build(int[] extents, int[] dst, int[] src1, int[] src2, boolean mergeAlways, int rowDims,
                          int colDims, int[] spread, PeWalk byIndex) {
    long[][] strides = new long[3][extents.length];
    for (int d = 0; d < extents.length; d++) {
      strides[0][d] = dst[d];
      strides[1][d] = src1[d];
      strides[2][d] = src2[d];
    }
    ArrayLoops split = ArrayLoops.of(extents, strides, rowDims, colDims, spread);
    List<Entry> entries = new ArrayList<>();
    for (int l = 0; l < split.extents().length; l++) {
      if (split.extents()[l] > 1) {
        entries.add(new Entry(new Loop(split.extents()[l], (int) split.strides()[0][l], (int) split.strides()[1][l],
            (int) split.strides()[2][l]), List.of(l)));
      }
    }
    rowDims = split.rowMask();
    colDims = split.colMask();
    if (entries.isEmpty()) entries.add(new Entry(new Loop(1, 0, 0, 0), List.of()));
    if (mergeAlways || entries.size() > Descriptor.MAX_LOOPS) entries = merge(entries);
    int extra = Math.max(0, entries.size() - Descriptor.MAX_LOOPS);
    List<Entry> outer = entries.subList(0, extra), inner = entries.subList(extra, entries.size());
    List<Loop> loops = inner.stream().map(Entry::loop).toList();
    int row = loopsOf(inner, rowDims), col = loopsOf(inner, colDims) & ~row;
    // the pinned walk on the instruction's loops: each runs the indices of the ArrayLoops loops it covers
    int[][] indices = new int[inner.size()][];
    for (int i = 0; i < inner.size(); i++) {
      indices[i] = inner.get(i).dims().stream().mapToInt(l -> split.index()[l]).toArray();
    }
    PeWalk pe = byIndex.onLoops(indices);
    List<Nest> nests = new ArrayList<>();
    int[] idx = new int[extra];
    while (true) {
      long o0 = 0, o1 = 0, o2 = 0;
      boolean first = true;
      for (int i = 0; i < extra; i++) {
        Loop l = outer.get(i).loop();
        o0 += (long) idx[i] * l.dst();
        o1 += (long) idx[i] * l.src1();
        o2 += (long) idx[i] * l.src2();
        first &= l.dst() != 0 || idx[i] == 0;
      }
      nests.add(new Nest(loops, row, col, o0, o1, o2, first, pe));
      int i = extra - 1;
      while (i >= 0 && ++idx[i] == outer.get(i).loop().extent()) idx[i--] = 0;
      if (i < 0) return nests;
    }
  }

  private static List<Entry> merge(List<Entry> entries) {
    List<Entry> out = new ArrayList<>();
    Entry inner = entries.get(entries.size() - 1);
    for (int i = entries.size() - 2; i >= 0; i--) {
      Entry outer = entries.get(i);
      Loop o = outer.loop(), n = inner.loop();
      long e = n.extent();
      if (o.dst() == e * n.dst() && o.src1() == e * n.src1() && o.src2() == e * n.src2()
          && (long) o.extent() * n.extent() <= Integer.MAX_VALUE) {
        List<Integer> dims = new ArrayList<>(outer.dims());
        dims.addAll(inner.dims());
        inner = new Entry(new Loop(o.extent() * n.extent(), n.dst(), n.src1(), n.src2()), dims);
      } else {
        out.add(0, inner);
        inner = outer;
      }
    }
    out.add(0, inner);
    return out;
  }

  /** The loops (mask) covering any index of {@code dims} (a mask over indices). */
  private static int loopsOf(List<Entry> entries, int dims) {
    int mask = 0;
    for (int i = 0; i < entries.size(); i++) {
      for (int d : entries.get(i).dims()) if ((dims >> d & 1) != 0) mask |= 1 << i;
    }
    return mask;
  }

  /**
   * The default indices (masks) on the array's rows and columns where the op carries no mapping:
   * ArrayAxes.defaults over the op's ranges, an index read by an input whose map uses it.
   */
  static int[] defaultAxes(Dataflow df, TiledOp op) {
    int n = op.ranges().length;
    boolean[][] reads = new boolean[2][n];
    for (int i = 0; i < 2 && i < op.inputs().size(); i++) {
      for (AffineExpr e : op.inputs().get(i).map()) for (int d = 0; d < n; d++) reads[i][d] |= e.uses(d);
    }
    return ArrayAxes.defaults(df, new ArrayAxes.Roles(op.reduced(), reads[0], reads[1]), op.ranges());
  }
}
