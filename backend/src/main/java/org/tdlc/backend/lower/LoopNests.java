// Loop nests of MAC and ALU descriptors for one tile: one loop per index of extent > 1 (outermost first),
// adjacent loops merged where every operand's strides allow it, and whatever still exceeds MAX_LOOPS split
// into several instructions over the outer loops. Also names the loops mapped across the PE array.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Loop;
import org.tdlc.ir.attr.AffineExpr;

final class LoopNests {
  private LoopNests() {}

  /**
   * One instruction's nest, the array loops (-1: none) and its operands' offsets in elements. first: the
   * nest starts every destination element it touches (the loops split off outside it that do not move the
   * destination, the reduction's, are at their first iteration).
   */
  record Nest(List<Loop> loops, int rowLoop, int colLoop, long dst, long src1, long src2, boolean first) {}

  /** A loop with the iteration indices it covers (several after merging). */
  private record Entry(Loop loop, List<Integer> dims) {}

  /**
   * extents and per-index strides of dst, src1, src2. {@code mergeAlways}: merge even when the nest fits
   * (ALU work, where fewer loops only help); otherwise loops stay one per index unless they exceed the limit.
   */
  static List<Nest> build(int[] extents, int[] dst, int[] src1, int[] src2, boolean mergeAlways, int rowDim,
                          int colDim) {
    List<Entry> entries = new ArrayList<>();
    for (int d = 0; d < extents.length; d++) {
      if (extents[d] > 1) entries.add(new Entry(new Loop(extents[d], dst[d], src1[d], src2[d]), List.of(d)));
    }
    if (entries.isEmpty()) entries.add(new Entry(new Loop(1, 0, 0, 0), List.of()));
    if (mergeAlways || entries.size() > Descriptor.MAX_LOOPS) entries = merge(entries);
    int extra = Math.max(0, entries.size() - Descriptor.MAX_LOOPS);
    List<Entry> outer = entries.subList(0, extra), inner = entries.subList(extra, entries.size());
    List<Loop> loops = inner.stream().map(Entry::loop).toList();
    int row = indexOf(inner, rowDim), col = indexOf(inner, colDim);
    if (col == row) col = -1;
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
      nests.add(new Nest(loops, row, col, o0, o1, o2, first));
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

  private static int indexOf(List<Entry> entries, int dim) {
    if (dim < 0) return -1;
    for (int i = 0; i < entries.size(); i++) if (entries.get(i).dims().contains(dim)) return i;
    return -1;
  }

  /**
   * The indices mapped across the array's rows and columns under a dataflow ({-1, -1} if none fits), chosen
   * among those of extent > 1 from the operands' strides: ws rows = a reduction index both operands read,
   * cols = an output index only B reads; is the same with only A; os rows/cols = output indices only A /
   * only B reads; rs rows = a
   * reduction index sharing an A subscript with an output index (r in p + r), cols = that output index.
   */
  static int[] roles(Dataflow df, TiledOp op, int[] extents, int[] a, int[] b) {
    boolean[] red = op.reduced();
    if (df == Dataflow.RS) {
      for (AffineExpr e : op.inputs().get(0).map()) {
        int r = -1, p = -1;
        for (int d = 0; d < extents.length; d++) {
          if (!e.uses(d) || extents[d] <= 1) continue;
          if (red[d] && r < 0) r = d;
          if (!red[d] && p < 0) p = d;
        }
        if (r >= 0 && p >= 0) return new int[] {r, p};
      }
    }
    if (df == Dataflow.OS) {
      int rows = largest(extents, d -> !red[d] && b[d] == 0, -1);
      int cols = largest(extents, d -> !red[d] && a[d] == 0, rows);
      if (rows < 0) rows = largest(extents, d -> !red[d], cols);
      return new int[] {rows, cols};
    }
    int[] streamed = df == Dataflow.IS ? b : a;   // ws holds B in the PEs and streams A; is the other way round
    int rows = largest(extents, d -> red[d] && a[d] != 0 && b[d] != 0, -1);
    if (rows < 0) rows = largest(extents, d -> red[d], -1);
    int cols = largest(extents, d -> !red[d] && streamed[d] == 0, rows);
    if (cols < 0) cols = largest(extents, d -> !red[d], rows);
    return new int[] {rows, cols};
  }

  private static int largest(int[] extents, java.util.function.IntPredicate ok, int except) {
    int best = -1;
    for (int d = 0; d < extents.length; d++) {
      if (d == except || extents[d] <= 1 || !ok.test(d)) continue;
      if (best < 0 || extents[d] > extents[best]) best = d;
    }
    return best;
  }
}
