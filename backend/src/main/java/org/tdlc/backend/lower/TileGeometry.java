// Where one tile's data sits: the bounding box an operand's affine subscripts reach (halos of 2*p + r and
// conv padding included), that box's row-major layout in the buffer, and the per-index strides a loop nest
// walks it with. The accumulator tile is laid out densely over the output indices instead.
package org.tdlc.backend.lower;

import java.util.List;
import org.tdlc.backend.lower.TiledOp.Operand;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.machine.TileWalk;

final class TileGeometry {
  private TileGeometry() {}

  /**
   * An operand's box for one tile: per tensor dimension its lowest subscript and extent (both may reach
   * outside the tensor: that part is padding), its buffer strides, per iteration index the element stride
   * (sum of coefficient times buffer stride, which is how 2*p + r is walked) and the tile origin's offset.
   */
  record Box(int[] lo, int[] extent, int[] bufStrides, int[] indexStrides, int originOffset) {
    long elements() {
      long n = 1;
      for (int x : extent) n *= x;
      return n;
    }
  }

  static Box box(Operand x, int[] origin, int[] extents) {
    List<AffineExpr> map = x.map();
    int rank = map.size(), n = origin.length;
    TileWalk.Box bounds = TileWalk.box(map, origin, extents);
    int[] lo = bounds.lo(), ext = bounds.extent();
    int[] buf = rowMajor(ext);
    int[] idx = strides(map, ext, n);
    long offset = 0;
    for (int pos = 0; pos < rank; pos++) offset += (long) (map.get(pos).eval(origin) - lo[pos]) * buf[pos];
    return new Box(lo, ext, buf, idx, Math.toIntExact(offset));
  }

  /** The largest box any tile of sizes {@code tile} can need, in elements (long: it may be huge). */
  static long maxBoxElements(Operand x, int[] tile) { return TileWalk.maxBoxElements(x.map(), tile); }

  /** Per iteration index, its element stride in the dense accumulator tile (0 for reduced indices). */
  static int[] tileStrides(TiledOp op, int[] extents) {
    int[] order = op.outputIndices();
    int[] s = new int[extents.length];
    int acc = 1;
    for (int i = order.length - 1; i >= 0; i--) {
      s[order[i]] = acc;
      acc *= extents[order[i]];
    }
    return s;
  }

  /** Elements of an accumulator tile of these extents. */
  static long tileElements(TiledOp op, int[] extents) {
    long n = 1;
    for (int d : op.outputIndices()) n *= extents[d];
    return n;
  }

  /** Per iteration index, its element stride in the result tensor in DRAM (0 for reduced indices). */
  static int[] resultStrides(TiledOp op) { return strides(op.outputMap(), op.resultShape(), op.dims().size()); }

  /** The result element (row-major index) at a tile origin. */
  static long resultOffset(TiledOp op, int[] origin) { return offset(op.outputMap(), op.resultShape(), origin); }

  /**
   * Per iteration index, its element stride in the fused residual in DRAM: the result's, 0 where the residual
   * broadcasts (a per-channel bias moves with the channel index only).
   */
  static int[] residualStrides(TiledOp op) {
    return strides(op.residual().map(), op.residual().shape(), op.dims().size());
  }

  /** The residual element (row-major index) at a tile origin. */
  static long residualOffset(TiledOp op, int[] origin) {
    return offset(op.residual().map(), op.residual().shape(), origin);
  }

  /** TileWalk.strides over a row-major layout of {@code shape}, as the int strides descriptors hold. */
  private static int[] strides(List<AffineExpr> map, int[] shape, int n) {
    long[] s = TileWalk.strides(map, shape, n);
    int[] out = new int[n];
    for (int d = 0; d < n; d++) out[d] = Math.toIntExact(s[d]);
    return out;
  }

  private static long offset(List<AffineExpr> map, int[] shape, int[] origin) {
    int[] strides = rowMajor(shape);
    long off = 0;
    for (int pos = 0; pos < map.size(); pos++) off += (long) map.get(pos).eval(origin) * strides[pos];
    return off;
  }

  static int[] rowMajor(int[] ext) {
    int[] s = new int[ext.length];
    int acc = 1;
    for (int i = ext.length - 1; i >= 0; i--) { s[i] = acc; acc *= ext[i]; }
    return s;
  }
}
