// flatten, reshape, transpose, concat, slice, upsample and gather. The first two keep the row-major order and
// only change the type (the values are shared, not copied); transpose walks the output with an odometer whose
// input offset is updated incrementally: y[i0, i1, ...] = x at coordinate perm[d] = i_d. concat copies each
// operand's rows into place; slice, upsample and gather compute each output element's source coordinate.
package org.tdlc.ir.interp;

import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.TensorType;

public final class LayoutKernel {
  private LayoutKernel() {}

  /** flatten and reshape: same elements in the same order, under the declared result type. */
  public static final OpKernel RETYPE = (op, attrs, in) -> in.get(0).withType(op.result().type());

  public static final OpKernel TRANSPOSE = (op, attrs, in) -> transpose(in.get(0), attrs.getInts("perm"),
      op.result().type());

  public static final OpKernel CONCAT = (op, attrs, in) -> {
    TensorType yt = op.result().type();
    int axis = (int) attrs.getInt("axis");
    if (axis < 0) axis += yt.rank();
    int outer = 1, inner = 1;
    for (int d = 0; d < axis; d++) outer *= yt.dim(d);
    for (int d = axis + 1; d < yt.rank(); d++) inner *= yt.dim(d);
    int row = yt.dim(axis) * inner, at = 0;
    int[] y = new int[yt.shape().elementCount()];
    for (Tensor x : in) {
      int part = x.type().dim(axis) * inner;
      int[] v = x.sharedArray();
      for (int o = 0; o < outer; o++) System.arraycopy(v, o * part, y, o * row + at, part);
      at += part;
    }
    return Tensor.adopt(yt, y);
  };

  public static final OpKernel SLICE = (op, attrs, in) -> {
    Tensor x = in.get(0);
    int rank = x.type().rank();
    int[] start = attrs.getInts("start"), step = attrs.has("step") ? attrs.getInts("step") : ones(rank);
    int[] xs = x.type().shape().strides(), base = new int[rank];
    for (int d = 0; d < rank; d++) base[d] = step[d] * xs[d];
    int off = 0;
    for (int d = 0; d < rank; d++) off += start[d] * xs[d];
    return Tensor.adopt(op.result().type(), walk(x.sharedArray(), op.result().type().shape().dims(), base, off));
  };

  public static final OpKernel UPSAMPLE = (op, attrs, in) -> {
    Tensor x = in.get(0);
    TensorType yt = op.result().type();
    int[] scale = attrs.getInts("scale");
    int[] v = x.sharedArray(), y = new int[yt.shape().elementCount()];
    int h = x.type().dim(2), w = x.type().dim(3), oh = yt.dim(2), ow = yt.dim(3);
    int planes = x.type().dim(0) * x.type().dim(1);
    int i = 0;
    for (int p = 0; p < planes; p++) {
      for (int r = 0; r < oh; r++) {
        int src = p * h * w + (r / scale[0]) * w;
        for (int c = 0; c < ow; c++) y[i++] = v[src + c / scale[1]];
      }
    }
    return Tensor.adopt(yt, y);
  };

  /** y[i..., j...] = data[floorMod(indices[i...], rows), j...]. */
  public static final OpKernel GATHER = (op, attrs, in) -> {
    Tensor data = in.get(0);
    int rows = data.type().dim(0), row = data.elementCount() / rows;
    int[] v = data.sharedArray(), idx = in.get(1).sharedArray(), y = new int[idx.length * row];
    for (int i = 0; i < idx.length; i++) System.arraycopy(v, Math.floorMod(idx[i], rows) * row, y, i * row, row);
    return Tensor.adopt(op.result().type(), y);
  };

  private static int[] ones(int rank) {
    int[] o = new int[rank];
    java.util.Arrays.fill(o, 1);
    return o;
  }

  /** The elements of src at off + sum_d i_d * strides[d], for every index of dims, row-major. */
  private static int[] walk(int[] src, int[] dims, int[] strides, int off) {
    int rank = dims.length, inner = rank - 1, n = 1;
    for (int e : dims) n *= e;
    int[] y = new int[n], idx = new int[rank];
    int i = 0;
    while (true) {
      for (int j = 0, o = off; j < dims[inner]; j++, o += strides[inner]) y[i++] = src[o];
      int d = inner - 1;
      while (d >= 0) {
        off += strides[d];
        if (++idx[d] < dims[d]) break;
        off -= strides[d] * dims[d];
        idx[d] = 0;
        d--;
      }
      if (d < 0) return y;
    }
  }

  static Tensor transpose(Tensor x, int[] perm, TensorType yt) {
    int rank = perm.length;
    int[] xStrides = x.type().shape().strides();
    int[] dims = new int[rank], step = new int[rank];
    for (int d = 0; d < rank; d++) {
      dims[d] = x.type().dim(perm[d]);
      step[d] = xStrides[perm[d]];
    }
    int[] src = x.sharedArray(), y = new int[src.length], idx = new int[rank];
    int inner = rank - 1, off = 0, i = 0;
    while (true) {
      for (int j = 0, o = off; j < dims[inner]; j++, o += step[inner]) y[i++] = src[o];
      int d = inner - 1;
      while (d >= 0) {
        off += step[d];
        if (++idx[d] < dims[d]) break;
        off -= step[d] * dims[d];
        idx[d] = 0;
        d--;
      }
      if (d < 0) break;
    }
    return Tensor.adopt(yt, y);
  }
}
