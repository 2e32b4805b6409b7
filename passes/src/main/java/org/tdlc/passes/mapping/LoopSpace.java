// A compute op as the mapping passes and the cost model see it: the einsum index space (names, ranges),
// each operand's affine subscripts over it, which indices are reduced, and the bytes of each element.
// Built once per op from the graph IR; conv2d (grouped and depthwise too), matmul and two-operand einsums
// are mappable.
package org.tdlc.passes.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.ops.Broadcast;
import org.tdlc.ir.ops.Epilogue;
import org.tdlc.ir.ops.IterationSpace;
import org.tdlc.ir.ops.OpDef;
import org.tdlc.ir.ops.Ops;
import org.tdlc.machine.Energy;
import org.tdlc.machine.TileWalk;

/**
 * maps: the subscripts of the two inputs, then of the result; bytes: their element sizes (result: the
 * i32 accumulator); epilogueBytes: the distinct element sizes the accumulator tile passes through after
 * the accumulator (the buffer holds a tile of each); residualBytes: 0 without a fused residual add;
 * epilogueIo: per epilogue step the bytes it reads and writes per element; shapes: the inputs' shapes;
 * residualDims: the indices (a bit mask) the residual moves with: the result's, fewer for a residual that
 * broadcasts (a per-channel bias moves with the channel index alone and is read from DRAM once per tile).
 */
public record LoopSpace(List<String> dims, int[] ranges, List<List<AffineExpr>> maps, int[] bytes,
                        int[] epilogueBytes, int residualBytes, int resultBytes, int[][] epilogueIo, int[][] shapes,
                        int residualDims) {

  public LoopSpace {
    dims = List.copyOf(dims);
    maps = maps.stream().map(List::copyOf).toList();
  }

  /** A space whose residual, if any, has the result's shape. */
  public LoopSpace(List<String> dims, int[] ranges, List<List<AffineExpr>> maps, int[] bytes, int[] epilogueBytes,
                   int residualBytes, int resultBytes, int[][] epilogueIo, int[][] shapes) {
    this(dims, ranges, maps, bytes, epilogueBytes, residualBytes, resultBytes, epilogueIo, shapes,
        mask(maps.get(2), dims.size()));
  }

  /** The indices {@code subscripts} use, as a bit mask. */
  private static int mask(List<AffineExpr> subscripts, int n) {
    int m = 0;
    for (AffineExpr e : subscripts) for (int d = 0; d < n; d++) if (e.uses(d)) m |= 1 << d;
    return m;
  }

  /**
   * The element widths the accumulator tile passes through, in order: the i32 accumulator's, then each
   * epilogue step's result (BufferLayout.Areas lays the output slot's tiles out from it).
   */
  public List<Integer> chainWidths() {
    List<Integer> widths = new ArrayList<>(List.of(Energy.PSUM_BYTES));
    for (int[] io : epilogueIo) widths.add(io[1]);
    return widths;
  }

  /** Whether the residual moves with index {@code d} (false for every index without a residual). */
  public boolean residualUses(int d) { return residualBytes > 0 && (residualDims & (1 << d)) != 0; }

  public int index(String dim) { return dims.indexOf(dim); }

  public int range(String dim) { return ranges[index(dim)]; }

  public boolean reduced(String dim) { return reduced(index(dim)); }

  public boolean reduced(int d) {
    for (AffineExpr e : maps.get(2)) if (e.uses(d)) return false;
    return true;
  }

  /** Whether operand {@code i} (0, 1 inputs; 2 result) is subscripted by index {@code d}. */
  public boolean uses(int i, int d) {
    for (AffineExpr e : maps.get(i)) if (e.uses(d)) return true;
    return false;
  }

  /**
   * Per operand (A, B, C), per index, its element stride in the row-major box its subscripts reach over the
   * whole space (TileWalk.strides; 0: not subscripted by it), which gives any tile's distinct elements
   * distinct offsets: what ArrayTraffic counts elements by.
   */
  public long[][] strides() {
    long[][] s = new long[3][];
    for (int i = 0; i < 3; i++) s[i] = TileWalk.strides(maps.get(i), ranges);
    return s;
  }

  public long macs() {
    long n = 1;
    for (int r : ranges) n *= r;
    return n;
  }

  /**
   * The space of a mappable op, empty for every other op. A grouped convolution is mapped in the lowering's
   * space, where the group is an index of its own (its pin, in the op's own indices, is translated by
   * MappingPlanner.inGroups).
   */
  public static Optional<LoopSpace> of(Operation op) {
    Optional<IterationSpace> it = IterationSpace.of(op);
    if (it.isEmpty()) return Optional.empty();
    int groups = op.is(Ops.CONV2D) ? (int) OpDef.attributesOf(op).getInt("groups") : 1;
    IterationSpace s = groups != 1 ? IterationSpace.groupedConv2d(op) : it.get();
    if (op.is(Ops.EINSUM) && op.operands().size() != 2) return Optional.empty();
    List<String> dims = s.dims();
    int[] ranges = s.ranges();
    List<List<AffineExpr>> maps = s.maps();
    Epilogue epi = Epilogue.of(op.attributes());
    int residual = op.operands().size() > 2 ? op.operand(2).type().element().bytes() : 0;
    java.util.TreeSet<Integer> chain = new java.util.TreeSet<>();
    List<int[]> io = new ArrayList<>();
    int cur = 4;
    for (Epilogue.Step st : epi.steps()) {
      int from = cur;
      if (st instanceof Epilogue.Requant rq) cur = rq.to().bytes();
      else if (st instanceof Epilogue.Add) cur = Math.max(cur, residual);
      io.add(new int[] {from + (st instanceof Epilogue.Add ? residual : 0), cur});
      if (cur != 4) chain.add(cur);
    }
    int[] bytes = {op.operand(0).type().element().bytes(), op.operand(1).type().element().bytes(), 4};
    // the residual's subscripts: the result's, none where it broadcasts (add's rule, Broadcast)
    List<AffineExpr> residualMap = new ArrayList<>();
    if (residual > 0) {
      int[] strides = Broadcast.strides(op.operand(2).type().shape(), op.result().type().shape());
      for (int pos = 0; pos < strides.length; pos++) if (strides[pos] != 0) residualMap.add(maps.get(2).get(pos));
    }
    return Optional.of(new LoopSpace(dims, ranges, maps, bytes,
        chain.stream().mapToInt(Integer::intValue).toArray(), residual, op.result().type().element().bytes(),
        io.toArray(new int[0][]), new int[][] {op.operand(0).type().shape().dims(), op.operand(1).type().shape().dims()},
        mask(residualMap, dims.size())));
  }

  /** A plain conv2d (one group, i8 operands, i32 result, no epilogue), for benchmarks over layer tables. */
  public static LoopSpace conv(int n, int c, int h, int w, int k, int r, int s, int stride, int pad) {
    return conv(n, c, h, w, k, r, s, stride, pad, 1);
  }

  /**
   * A conv2d of {@code groups} groups (c and k count every group's channels; groups = c is depthwise) in the
   * space the mapper sees a grouped op in (IterationSpace.groupedConv2d: the group is an index of its own),
   * i8 operands, i32 result, no epilogue: for benchmarks over layer tables.
   */
  public static LoopSpace conv(int n, int c, int h, int w, int k, int r, int s, int stride, int pad, int groups) {
    int p = (h + 2 * pad - r) / stride + 1, q = (w + 2 * pad - s) / stride + 1;
    int[][] shapes = {{n, c, h, w}, {k, c / groups, r, s}};
    if (groups == 1) {
      List<List<AffineExpr>> maps = List.of(
          List.of(IterationSpace.e(7, 0, 0, 1), IterationSpace.e(7, 0, 2, 1), IterationSpace.e(7, -pad, 3, stride, 5, 1), IterationSpace.e(7, -pad, 4, stride, 6, 1)),
          List.of(IterationSpace.e(7, 0, 1, 1), IterationSpace.e(7, 0, 2, 1), IterationSpace.e(7, 0, 5, 1), IterationSpace.e(7, 0, 6, 1)),
          List.of(IterationSpace.e(7, 0, 0, 1), IterationSpace.e(7, 0, 1, 1), IterationSpace.e(7, 0, 3, 1), IterationSpace.e(7, 0, 4, 1)));
      return new LoopSpace(List.of("n", "k", "c", "p", "q", "r", "s"), new int[] {n, k, c, p, q, r, s}, maps,
          new int[] {1, 1, 4}, new int[0], 0, 4, new int[0][], shapes);
    }
    int kg = k / groups, cg = c / groups;
    // n=0 g=1 k=2 c=3 p=4 q=5 r=6 s=7, as IterationSpace.groupedConv2d
    List<List<AffineExpr>> maps = List.of(
        List.of(IterationSpace.e(8, 0, 0, 1), IterationSpace.e(8, 0, 1, cg, 3, 1), IterationSpace.e(8, -pad, 4, stride, 6, 1),
            IterationSpace.e(8, -pad, 5, stride, 7, 1)),
        List.of(IterationSpace.e(8, 0, 1, kg, 2, 1), IterationSpace.e(8, 0, 3, 1), IterationSpace.e(8, 0, 6, 1), IterationSpace.e(8, 0, 7, 1)),
        List.of(IterationSpace.e(8, 0, 0, 1), IterationSpace.e(8, 0, 1, kg, 2, 1), IterationSpace.e(8, 0, 4, 1), IterationSpace.e(8, 0, 5, 1)));
    return new LoopSpace(List.of("n", "g", "k", "c", "p", "q", "r", "s"), new int[] {n, groups, kg, cg, p, q, r, s}, maps,
        new int[] {1, 1, 4}, new int[0], 0, 4, new int[0][], shapes);
  }

}
