// flatten, reshape and transpose. The first two keep the row-major order and only change the type (the
// values are shared, not copied); transpose walks the output with an odometer whose input offset is
// updated incrementally: y[i0, i1, ...] = x at coordinate perm[d] = i_d.
package org.tdlc.ir.interp;

import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.TensorType;

public final class LayoutKernel {
  private LayoutKernel() {}

  /** flatten and reshape: same elements in the same order, under the declared result type. */
  public static final OpKernel RETYPE = (op, attrs, in) -> in.get(0).withType(op.result().type());

  public static final OpKernel TRANSPOSE = (op, attrs, in) -> transpose(in.get(0), attrs.getInts("perm"),
      op.result().type());

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
