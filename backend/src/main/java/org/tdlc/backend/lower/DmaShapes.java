// DMA shapes of tile transfers: a box load (with padding where the box leaves the tensor), and the dense
// accumulator tile's store or residual load. The cutting (extent-1 dimensions dropped, contiguous ones
// merged, what exceeds the DMA's four dimensions split over the outer ones) is org.tdlc.machine.sparse.TileView,
// which the mapping cost model shares; this class turns its parts into descriptor dimensions.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.backend.isa.Descriptor.DmaDim;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.lower.TileGeometry.Box;
import org.tdlc.backend.lower.TiledOp.Operand;
import org.tdlc.machine.sparse.TileView;

final class DmaShapes {
  private DmaShapes() {}

  /** One transfer: its dimensions and where it starts relative to the tile's DRAM and buffer origins (elements). */
  record Part(List<DmaDim> dims, long dramOffset, long bufOffset) {}

  /**
   * Loading an operand's box. A box with a dimension wholly outside the tensor (which only mapped ops
   * load: the heuristic skips such steps) gets count 0 there, so the transfer writes nothing but padding
   * and reads no DRAM; its address stays inside the tensor.
   */
  static List<Part> boxLoad(Operand x, Box box) {
    return parts(TileView.box(x.shape(), box.lo(), box.extent(), box.bufStrides(), Descriptor.MAX_DMA_DIMS));
  }

  /** The dense tile over the output indices {@code order} with these extents and per-index strides. */
  static List<Part> tile(int[] order, int[] extents, int[] dramStrides, int[] bufStrides) {
    List<TileView.Dim> dims = new ArrayList<>();
    for (int d : order) dims.add(new TileView.Dim(extents[d], dramStrides[d], bufStrides[d], 0, 0));
    return parts(TileView.split(TileView.normalize(dims), 0, 0, Descriptor.MAX_DMA_DIMS));
  }

  /** The descriptor dimensions of a transfer, for TileView's helpers. */
  static List<TileView.Dim> view(List<DmaDim> dims) {
    List<TileView.Dim> out = new ArrayList<>();
    for (DmaDim d : dims) {
      out.add(new TileView.Dim(d.count(), d.dramStride(), d.bufStride(), d.padBefore(), d.padAfter()));
    }
    return out;
  }

  private static List<Part> parts(List<TileView.Part> in) {
    List<Part> out = new ArrayList<>();
    for (TileView.Part p : in) {
      List<DmaDim> dims = new ArrayList<>();
      for (TileView.Dim d : p.dims()) {
        dims.add(new DmaDim(d.count(), d.dramStride(), d.bufStride(), d.padBefore(), d.padAfter()));
      }
      out.add(new Part(List.copyOf(dims), p.dramOffset(), p.bufOffset()));
    }
    return out;
  }
}
