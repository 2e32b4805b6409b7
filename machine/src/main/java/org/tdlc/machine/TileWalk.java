// The order in which a layer's tiles run and which buffer slot holds each input box: produced here once and
// consumed by the lowering (which emits an instruction per event) and by the exact predictor (which times the
// same events), so the program the simulator runs and the schedule the compiler predicts cannot disagree.
package org.tdlc.machine;

import java.util.Arrays;
import java.util.List;
import org.tdlc.ir.attr.AffineExpr;

/**
 * Output tiles run in the order's sequence over the output indices (its last index fastest); inside each,
 * the reduction steps run in the same order over the reduced indices. Output tile t uses output slot
 * t mod nOut and residual slot t mod nIn. At each step every input's box (the bounding box its affine
 * subscripts reach over the step's extents, padding included) goes to a slot that already holds that box
 * (a weight reused across output tiles is not reloaded), else to the slot after the one that input used
 * last, which is loaded first. Without a mapping the lowering skips steps where some box is nothing but
 * padding (they cannot change the result); a mapped layer runs every step so its counts are the cost
 * model's.
 */
public final class TileWalk {
  /** What happens, in order: a tile begins, boxes load, a step computes, the tile ends. */
  public interface Visitor {
    /** Output tile begins (the accumulator is initialised here). */
    void beginTile(int[] origin, int[] extent, int outSlot, int resSlot);

    /** Input {@code input}'s box is loaded into {@code slot}, which did not hold it. */
    void load(int input, Box box, int slot, int[] origin, int[] extent);

    /** One reduction step over the boxes in {@code slots} (per input). */
    void step(int[] origin, int[] extent, int[] slots, int outSlot);

    /** Output tile ends (residual, epilogue, store). */
    void endTile(int[] origin, int[] extent, int outSlot, int resSlot);
  }

  /** An input's box for one step: per subscript its lowest point and extent (both may leave the tensor). */
  public record Box(int[] lo, int[] extent) {
    /** True when some dimension lies wholly outside the tensor: the box is nothing but padding. */
    public boolean allPadding(int[] shape) {
      for (int pos = 0; pos < lo.length; pos++) if (lo[pos] + extent[pos] <= 0 || lo[pos] >= shape[pos]) return true;
      return false;
    }

    @Override public boolean equals(Object o) {
      return o instanceof Box b && Arrays.equals(lo, b.lo) && Arrays.equals(extent, b.extent);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(lo) + Arrays.hashCode(extent); }
  }

  private final int[] ranges, tile, order;
  private final boolean[] reduced;
  private final List<List<AffineExpr>> maps;
  private final int nIn, nOut;
  /** The inputs' shapes when steps of nothing but padding are skipped, else null. */
  private final int[][] skipPaddingOf;

  /**
   * ranges, reduced: the index space; tile: the tile extent per index; order: the tile loops, outermost
   * first; maps: per input its subscripts; nIn, nOut: the buffer's slots; skipPaddingOf: per input its
   * shape to skip all-padding steps (the unmapped lowering), or null to run every step.
   */
  public TileWalk(int[] ranges, boolean[] reduced, int[] tile, int[] order, List<List<AffineExpr>> maps, int nIn,
                  int nOut, int[][] skipPaddingOf) {
    this.ranges = ranges;
    this.reduced = reduced;
    this.tile = tile;
    this.order = order;
    this.maps = maps;
    this.nIn = nIn;
    this.nOut = nOut;
    this.skipPaddingOf = skipPaddingOf;
  }

  /** Runs the whole layer through {@code v}. */
  public void walk(Visitor v) {
    int n = ranges.length, inputs = maps.size();
    int[] lastSlot = new int[inputs];
    Arrays.fill(lastSlot, -1);
    Box[][] held = new Box[inputs][nIn];
    boolean[] outer = new boolean[n];
    for (int d = 0; d < n; d++) outer[d] = !reduced[d];
    int[] origin = new int[n];
    Box[] boxes = new Box[inputs];
    int[] slots = new int[inputs];
    int t = 0;
    do {
      int outSlot = t % nOut, resSlot = t % nIn;
      int[] outOrigin = origin.clone(), outExtent = extents(origin);
      v.beginTile(outOrigin, outExtent, outSlot, resSlot);
      do {
        int[] ext = extents(origin);
        boolean skip = false;
        for (int i = 0; i < inputs; i++) {
          boxes[i] = box(maps.get(i), origin, ext);
          skip |= skipPaddingOf != null && boxes[i].allPadding(skipPaddingOf[i]);
        }
        if (skip) continue;
        for (int i = 0; i < inputs; i++) {
          int slot = -1;
          for (int s = 0; s < nIn && slot < 0; s++) if (boxes[i].equals(held[i][s])) slot = s;
          if (slot < 0) {
            slot = (lastSlot[i] + 1) % nIn;
            v.load(i, boxes[i], slot, origin, ext);
            held[i][slot] = boxes[i];
          }
          slots[i] = lastSlot[i] = slot;
        }
        v.step(origin, ext, slots, outSlot);
      } while (next(origin, reduced));
      v.endTile(outOrigin, outExtent, outSlot, resSlot);
      t++;
    } while (next(origin, outer));
  }

  /** Advances the origin over the included indices, the order's last fastest; false (all reset) after the last. */
  private boolean next(int[] origin, boolean[] include) {
    for (int i = order.length - 1; i >= 0; i--) {
      int d = order[i];
      if (!include[d]) continue;
      if ((origin[d] += tile[d]) < ranges[d]) return true;
      origin[d] = 0;
    }
    return false;
  }

  private int[] extents(int[] origin) {
    int[] e = new int[origin.length];
    for (int d = 0; d < e.length; d++) e[d] = Math.min(tile[d], ranges[d] - origin[d]);
    return e;
  }

  /** The box subscripts {@code map} reach over [origin, origin + extent). */
  public static Box box(List<AffineExpr> map, int[] origin, int[] extent) {
    int rank = map.size(), n = origin.length;
    int[] lo = new int[rank], ext = new int[rank];
    for (int pos = 0; pos < rank; pos++) {
      AffineExpr e = map.get(pos);
      long low = e.constant(), high = e.constant();
      for (int d = 0; d < n; d++) {
        long c = e.coeffs().get(d), first = origin[d], last = origin[d] + extent[d] - 1L;
        low += c > 0 ? c * first : c * last;
        high += c > 0 ? c * last : c * first;
      }
      lo[pos] = Math.toIntExact(low);
      ext[pos] = Math.toIntExact(high - low + 1);
    }
    return new Box(lo, ext);
  }

  /**
   * Per index, the element stride with which it walks the box {@code map} reaches over {@code extent}, laid
   * out row-major (the last subscript fastest): the sum of its coefficient times each subscript's stride, so
   * 2 x p + r moves two rows per p. Distinct elements of the box get distinct offsets.
   */
  public static long[] strides(List<AffineExpr> map, int[] extent) {
    return strides(map, box(map, new int[extent.length], extent).extent(), extent.length);
  }

  /**
   * Per index (of {@code n}), the element stride with which {@code map} walks a row-major layout of
   * {@code shape} (the last subscript fastest): the sum of its coefficient times each subscript's stride.
   */
  public static long[] strides(List<AffineExpr> map, int[] shape, int n) {
    long[] s = new long[n];
    long row = 1;
    for (int pos = map.size() - 1; pos >= 0; pos--) {
      for (int d = 0; d < n; d++) s[d] += map.get(pos).coeffs().get(d) * row;
      row *= shape[pos];
    }
    return s;
  }

  /** The largest box any tile of sizes {@code tile} can need, in elements (long: it may be huge). */
  public static long maxBoxElements(List<AffineExpr> map, int[] tile) {
    int[][] coeffs = new int[map.size()][tile.length];
    for (int pos = 0; pos < coeffs.length; pos++) {
      for (int d = 0; d < tile.length; d++) coeffs[pos][d] = map.get(pos).coeffs().get(d);
    }
    return maxBoxElements(coeffs, tile);
  }

  /** As above, the map's coefficients per subscript and index ({@code coeffs[pos][d]}). */
  public static long maxBoxElements(int[][] coeffs, int[] tile) {
    long n = 1;
    for (int[] c : coeffs) {
      long ext = 1;
      for (int d = 0; d < tile.length; d++) ext += Math.abs((long) c[d]) * (tile[d] - 1);
      n *= ext;
    }
    return n;
  }
}
