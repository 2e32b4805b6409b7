// DMA shapes of tile transfers: a box load (with padding where the box leaves the tensor), and the dense
// accumulator tile's store or residual load. Dimensions of extent 1 are dropped and contiguous ones merged;
// what still exceeds the DMA's four dimensions is split into several transfers over the outer ones.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Descriptor.DmaDim;
import org.tdlc.backend.lower.TileGeometry.Box;
import org.tdlc.backend.lower.TiledOp.Operand;

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
    int[] strides = x.strides();
    List<DmaDim> dims = new ArrayList<>();
    long dram = 0;
    for (int pos = 0; pos < box.lo().length; pos++) {
      int lo = box.lo()[pos], hi = lo + box.extent()[pos] - 1, last = x.shape()[pos] - 1;
      int first = Math.max(lo, 0);
      int count = Math.min(hi, last) - first + 1;
      if (count <= 0) {
        dims.add(new DmaDim(0, strides[pos], box.bufStrides()[pos], box.extent()[pos], 0));
        dram += (long) Math.min(first, last) * strides[pos];
        continue;
      }
      dims.add(new DmaDim(count, strides[pos], box.bufStrides()[pos], Math.max(0, -lo), Math.max(0, hi - last)));
      dram += (long) first * strides[pos];
    }
    return split(normalize(dims), dram, 0);
  }

  /** The dense tile over the output indices {@code order} with these extents and per-index strides. */
  static List<Part> tile(int[] order, int[] extents, int[] dramStrides, int[] bufStrides) {
    List<DmaDim> dims = new ArrayList<>();
    for (int d : order) dims.add(new DmaDim(extents[d], dramStrides[d], bufStrides[d], 0, 0));
    return split(normalize(dims), 0, 0);
  }

  private static List<DmaDim> normalize(List<DmaDim> in) {
    List<DmaDim> dims = new ArrayList<>();
    for (DmaDim d : in) if (d.count() != 1 || d.padBefore() != 0 || d.padAfter() != 0) dims.add(d);
    if (dims.isEmpty()) return List.of(new DmaDim(1, 1, 1, 0, 0));
    List<DmaDim> merged = new ArrayList<>();
    DmaDim inner = dims.get(dims.size() - 1);
    for (int i = dims.size() - 2; i >= 0; i--) {
      DmaDim outer = dims.get(i);
      boolean plain = outer.padBefore() == 0 && outer.padAfter() == 0 && inner.padBefore() == 0
          && inner.padAfter() == 0;
      if (plain && (long) outer.dramStride() == (long) inner.count() * inner.dramStride()
          && (long) outer.bufStride() == (long) inner.count() * inner.bufStride()) {
        inner = new DmaDim(outer.count() * inner.count(), inner.dramStride(), inner.bufStride(), 0, 0);
      } else {
        merged.add(0, inner);
        inner = outer;
      }
    }
    merged.add(0, inner);
    return merged;
  }

  /** Splits dimensions beyond the DMA's limit into separate transfers, enumerating the outer ones. */
  private static List<Part> split(List<DmaDim> dims, long dram, long buf) {
    int extra = dims.size() - Descriptor.MAX_DMA_DIMS;
    if (extra <= 0) return List.of(new Part(dims, dram, buf));
    List<DmaDim> outer = dims.subList(0, extra), inner = dims.subList(extra, dims.size());
    for (DmaDim d : outer) {
      if (d.padBefore() != 0 || d.padAfter() != 0) {
        throw new IllegalStateException("a padded dimension cannot be split off a DMA transfer: " + dims);
      }
    }
    List<Part> parts = new ArrayList<>();
    int[] idx = new int[extra];
    while (true) {
      long dOff = dram, bOff = buf;
      for (int i = 0; i < extra; i++) {
        dOff += (long) idx[i] * outer.get(i).dramStride();
        bOff += (long) idx[i] * outer.get(i).bufStride();
      }
      parts.add(new Part(List.copyOf(inner), dOff, bOff));
      int i = extra - 1;
      while (i >= 0 && ++idx[i] == outer.get(i).count()) idx[i--] = 0;
      if (i < 0) return parts;
    }
  }
}
