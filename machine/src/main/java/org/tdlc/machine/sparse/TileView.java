// How a box of a row-major tensor becomes DMA transfers and, for a weight stored compressed, the blocks
// they read: shared by the lowering (which emits the transfers and encodes each block) and the mapping
// cost model (which predicts those blocks' bytes), so both cut, view and encode a tile the same way.
// Extent-1 dimensions are dropped, contiguous ones merged, and what exceeds maxDims split over the outer.
package org.tdlc.machine.sparse;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.StorageFormat;

public final class TileView {
  /**
   * The dimensions one DMA transfer can walk: what exceeds them is split over the outer ones. The ISA's
   * descriptors (backend Descriptor.MAX_DMA_DIMS) and the predictor's cutting of blocks both take it from here.
   */
  public static final int MAX_DMA_DIMS = 4;

  private TileView() {}

  /** One DMA dimension, strides in elements: count read from DRAM, padding on either side in the buffer. */
  public record Dim(int count, int dramStride, int bufStride, int padBefore, int padAfter) {
    public int total() { return padBefore + count + padAfter; }
  }

  /** One transfer: its dimensions and where it starts relative to the tile's DRAM and buffer origins. */
  public record Part(List<Dim> dims, long dramOffset, long bufOffset) {
    public Part { dims = List.copyOf(dims); }

    /** The buffer points the transfer writes. */
    public long points() {
      long n = 1;
      for (Dim d : dims) n *= d.total();
      return n;
    }
  }

  /**
   * The transfers loading box [lo, lo + extent) of a row-major tensor of this shape into a buffer laid out
   * with {@code bufStrides}. A dimension wholly outside the tensor gets count 0 (the transfer writes only
   * padding and reads no DRAM; its address stays inside the tensor).
   */
  public static List<Part> box(int[] shape, int[] lo, int[] extent, int[] bufStrides, int maxDims) {
    int[] strides = rowMajor(shape);
    List<Dim> dims = new ArrayList<>();
    long dram = 0;
    for (int pos = 0; pos < lo.length; pos++) {
      int hi = lo[pos] + extent[pos] - 1, last = shape[pos] - 1;
      int first = Math.max(lo[pos], 0);
      int count = Math.min(hi, last) - first + 1;
      if (count <= 0) {
        dims.add(new Dim(0, strides[pos], bufStrides[pos], extent[pos], 0));
        dram += (long) Math.min(first, last) * strides[pos];
        continue;
      }
      dims.add(new Dim(count, strides[pos], bufStrides[pos], Math.max(0, -lo[pos]), Math.max(0, hi - last)));
      dram += (long) first * strides[pos];
    }
    return split(normalize(dims), dram, 0, maxDims);
  }

  /** Drops extent-1 dimensions and merges contiguous ones (never an empty list). */
  public static List<Dim> normalize(List<Dim> in) {
    List<Dim> dims = new ArrayList<>();
    for (Dim d : in) if (d.count() != 1 || d.padBefore() != 0 || d.padAfter() != 0) dims.add(d);
    if (dims.isEmpty()) return List.of(new Dim(1, 1, 1, 0, 0));
    List<Dim> merged = new ArrayList<>();
    Dim inner = dims.get(dims.size() - 1);
    for (int i = dims.size() - 2; i >= 0; i--) {
      Dim outer = dims.get(i);
      boolean plain = outer.padBefore() == 0 && outer.padAfter() == 0 && inner.padBefore() == 0
          && inner.padAfter() == 0;
      if (plain && (long) outer.dramStride() == (long) inner.count() * inner.dramStride()
          && (long) outer.bufStride() == (long) inner.count() * inner.bufStride()) {
        inner = new Dim(outer.count() * inner.count(), inner.dramStride(), inner.bufStride(), 0, 0);
      } else {
        merged.add(0, inner);
        inner = outer;
      }
    }
    merged.add(0, inner);
    return merged;
  }

  /** Splits dimensions beyond {@code maxDims} into separate transfers, enumerating the outer ones. */
  public static List<Part> split(List<Dim> dims, long dram, long buf, int maxDims) {
    int extra = dims.size() - maxDims;
    if (extra <= 0) return List.of(new Part(dims, dram, buf));
    List<Dim> outer = dims.subList(0, extra), inner = dims.subList(extra, dims.size());
    for (Dim d : outer) {
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
      parts.add(new Part(inner, dOff, bOff));
      int i = extra - 1;
      while (i >= 0 && ++idx[i] == outer.get(i).count()) idx[i--] = 0;
      if (i < 0) return parts;
    }
  }

  /**
   * The rows of a compressed transfer's 2-D view: the box's extent along the tensor's first dimension when
   * it is above 1 and divides the points, else the transfer's outermost dimension (1 for one dimension).
   */
  public static int viewRows(int firstExtent, List<Dim> dims) {
    long points = 1;
    for (Dim d : dims) points *= d.total();
    if (firstExtent > 1 && points % firstExtent == 0) return firstExtent;
    return dims.size() < 2 ? 1 : dims.get(0).total();
  }

  /** The values a dense LOAD of these dims would write, buffer points in row-major order. */
  public static int[] values(Tensor data, long dramOffset, List<Dim> dims, int padValue) {
    int r = dims.size();
    int[] total = new int[r], before = new int[r], count = new int[r], stride = new int[r];
    long n = 1;
    for (int d = 0; d < r; d++) {
      Dim x = dims.get(d);
      total[d] = x.total();
      before[d] = x.padBefore();
      count[d] = x.count();
      stride[d] = x.dramStride();
      n *= total[d];
    }
    int[] src = data.sharedArray();
    int[] out = new int[(int) n];
    if (r == 0) {
      out[0] = src[(int) dramOffset];
      return out;
    }
    int in = r - 1;   // row by row along the innermost dimension
    int[] idx = new int[in];
    for (int k = 0; k < n; k += total[in]) {
      long at = dramOffset;
      boolean rowIn = true;
      for (int d = 0; d < in; d++) {
        int j = idx[d] - before[d];
        rowIn &= j >= 0 && j < count[d];
        at += (long) j * stride[d];
      }
      for (int q = 0; q < total[in]; q++) {
        int j = q - before[in];
        out[k + q] = rowIn && j >= 0 && j < count[in] ? src[(int) (at + (long) j * stride[in])] : padValue;
      }
      for (int d = in - 1; d >= 0; d--) {
        if (++idx[d] < total[d]) break;
        idx[d] = 0;
      }
    }
    return out;
  }

  /**
   * Whether values() of {@code dims} could gather several tiles side by side (adjacentValues): a 2-D view
   * without padding, unit-stride inside a row, rows far apart (a weight streamed a few columns at a time).
   */
  public static boolean tallAndNarrow(List<Dim> dims) {
    if (dims.size() != 2) return false;
    Dim rows = dims.get(0), cols = dims.get(1);
    boolean padded = rows.padBefore() + rows.padAfter() + cols.padBefore() + cols.padAfter() != 0;
    return !padded && cols.dramStride() == 1 && rows.count() > 1 && rows.dramStride() >= 16L * cols.count();
  }

  /**
   * values(data, dramOffset + j * cols, dims, 0) for j < k, cols the view's row length, for a tallAndNarrow
   * view: gathered row by row across all k tiles, so each row's memory is visited once for k tiles instead of
   * once per tile (for VGG-16's fc6 a TLB miss per row). Tiles that would read past the data are left out.
   */
  public static List<int[]> adjacentValues(Tensor data, long dramOffset, List<Dim> dims, int k) {
    Dim rows = dims.get(0), cols = dims.get(1);
    int[] src = data.sharedArray();
    int n = cols.count();
    long last = dramOffset + (long) (rows.count() - 1) * rows.dramStride() + n - 1;   // tile 0's last element
    int tiles = last >= src.length ? 0 : (int) Math.min(k, (src.length - 1 - last) / n + 1);
    List<int[]> out = new ArrayList<>();
    for (int j = 0; j < tiles; j++) out.add(new int[rows.count() * n]);
    for (int r = 0; r < rows.count(); r++) {
      int at = (int) (dramOffset + (long) r * rows.dramStride());
      for (int j = 0; j < tiles; j++) System.arraycopy(src, at + j * n, out.get(j), r * n, n);
    }
    return out;
  }

  /** The size of the block a compressed LOAD of {@code part} reads: its values viewed as {@code rows} rows. */
  public static SparseCodec.Size blockSize(StorageFormat f, Tensor data, Part part, int rows, int padValue,
                                           int valueBits) {
    int[] values = values(data, part.dramOffset(), part.dims(), padValue);
    int cols = rows == 0 ? 0 : values.length / rows;
    return SparseCodec.size(f, values, rows, cols, valueBits);
  }

  /** Row-major element strides of a shape. */
  public static int[] rowMajor(int[] shape) {
    int[] s = new int[shape.length];
    int acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }
}
