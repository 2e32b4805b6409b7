// einsum: y[out] += product of the operands at their affine subscripts, over every point of the index
// space (ranges from Einsum.ranges), in Java int arithmetic that wraps. Generic by design: an odometer
// over the indices with each tensor's flat offset updated incrementally, a tight loop on the last index.
package org.tdlc.ir.interp;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.attr.AffineMap;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.ops.Einsum;
import org.tdlc.ir.type.TensorType;

public final class EinsumKernel implements OpKernel {
  public static final OpKernel EINSUM = new EinsumKernel();

  private EinsumKernel() {}


  @Override public Tensor apply(Operation op, DictAttr attrs, List<Tensor> in) {
    if (in.size() < 1 || in.size() > 2) {
      throw new IllegalArgumentException("einsum: expects 1 or 2 operands, got " + in.size());
    }
    List<AffineMap> maps = Einsum.maps(attrs);
    if (maps.size() != in.size() + 1) {
      throw new IllegalArgumentException("einsum: " + in.size() + " operands need " + (in.size() + 1)
          + " maps, got " + maps.size());
    }
    List<TensorType> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int t = 0; t < in.size(); t++) {
      types.add(in.get(t).type());
      names.add("operand " + t);
    }
    types.add(op.result().type());
    names.add("the result");
    int[] ranges = Einsum.ranges(maps, types, names);

    int tensors = maps.size();
    int[] base = new int[tensors];
    int[][] step = new int[tensors][ranges.length];
    for (int t = 0; t < tensors; t++) offsets(maps.get(t), types.get(t), base, step, t);
    int[] y = new int[op.result().type().shape().elementCount()];
    int[][] data = new int[tensors][];
    for (int t = 0; t < in.size(); t++) data[t] = in.get(t).sharedArray();
    data[tensors - 1] = y;
    sum(data, ranges, base, step);
    return Tensor.wrapped(op.result().type(), y);
  }

  /** Flat offset of tensor t at index point i = base[t] + sum over d of step[t][d] * i[d]. */
  private static void offsets(AffineMap map, TensorType type, int[] base, int[][] step, int t) {
    int[] strides = type.shape().strides();
    for (int pos = 0; pos < map.rank(); pos++) {
      AffineExpr e = map.results().get(pos);
      base[t] += strides[pos] * e.constant();
      for (int d = 0; d < e.coeffs().size(); d++) step[t][d] += strides[pos] * e.coeffs().get(d);
    }
  }

  /** The odometer; data holds the operands then the output, the last one written. */
  private static void sum(int[][] data, int[] ranges, int[] base, int[][] step) {
    int tensors = data.length, inner = ranges.length - 1, n = ranges[inner];
    int[] off = base.clone(), idx = new int[ranges.length];
    int[] y = data[tensors - 1];
    int sy = step[tensors - 1][inner];
    while (true) {
      if (tensors == 3) {
        int[] a = data[0], b = data[1];
        int sa = step[0][inner], sb = step[1][inner];
        for (int j = 0, oa = off[0], ob = off[1], oy = off[2]; j < n; j++, oa += sa, ob += sb, oy += sy) {
          y[oy] += a[oa] * b[ob];
        }
      } else {
        int[] a = data[0];
        int sa = step[0][inner];
        for (int j = 0, oa = off[0], oy = off[1]; j < n; j++, oa += sa, oy += sy) y[oy] += a[oa];
      }
      int d = inner - 1;
      while (d >= 0) {
        for (int t = 0; t < tensors; t++) off[t] += step[t][d];
        if (++idx[d] < ranges[d]) break;
        for (int t = 0; t < tensors; t++) off[t] -= step[t][d] * ranges[d];
        idx[d] = 0;
        d--;
      }
      if (d < 0) return;
    }
  }
}
