// add, sub, mul, max, min (NumPy broadcasting), relu, clip and requant, elementwise; the array forms are shared
// with fused epilogues so both paths compute identical bits. requant works in long so that x + (1 << (s-1))
// can never overflow.
package org.tdlc.ir.interp;

import java.util.List;
import java.util.function.IntBinaryOperator;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.ops.Broadcast;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.Shape;
import org.tdlc.ir.type.TensorType;

public final class ElementwiseKernel {
  private ElementwiseKernel() {}

  public static final OpKernel ADD = (op, attrs, in) -> binary(op, in, (x, z) -> x + z);
  public static final OpKernel SUB = (op, attrs, in) -> binary(op, in, (x, z) -> x - z);
  public static final OpKernel MUL = (op, attrs, in) -> binary(op, in, (x, z) -> x * z);
  public static final OpKernel MAX = (op, attrs, in) -> binary(op, in, Math::max);
  public static final OpKernel MIN = (op, attrs, in) -> binary(op, in, Math::min);

  public static final OpKernel CLIP = (op, attrs, in) -> {
    int lo = (int) attrs.getInt("min"), hi = (int) attrs.getInt("max");
    int[] x = in.get(0).sharedArray(), y = new int[x.length];
    for (int i = 0; i < y.length; i++) y[i] = Math.min(Math.max(x[i], lo), hi);
    return Tensor.wrapped(op.result().type(), y);
  };

  /**
   * y = f(a, b) over the broadcast shape (NumPy's rule, Broadcast), in int, then wrapped into the result's
   * element type: each operand is read at its own row-major position, a repeated dimension at stride 0.
   */
  private static Tensor binary(Operation op, List<Tensor> in, IntBinaryOperator f) {
    TensorType yt = op.result().type();
    Tensor a = in.get(0), b = in.get(1);
    int[] y = new int[yt.shape().elementCount()];
    broadcast(a.sharedArray(), a.type().shape(), b.sharedArray(), b.type().shape(), yt.shape(), f, y);
    return Tensor.wrapped(yt, y);
  }

  /**
   * y = f(x, z) over the broadcast shape ys, unwrapped: each operand read at its own row-major position, a
   * repeated dimension at stride 0. y may alias x when x has the shape ys (a fused epilogue's accumulators).
   */
  static void broadcast(int[] x, Shape xs, int[] z, Shape zs, Shape ys, IntBinaryOperator f, int[] y) {
    if (xs.equals(ys) && zs.equals(ys)) {
      for (int i = 0; i < y.length; i++) y[i] = f.applyAsInt(x[i], z[i]);
      return;
    }
    int rank = ys.rank(), inner = rank - 1;
    int[] dims = ys.dims();
    int[] sa = Broadcast.strides(xs, ys), sb = Broadcast.strides(zs, ys);
    int[] idx = new int[rank];
    int pa = 0, pb = 0, i = 0;
    while (true) {
      for (int j = 0, qa = pa, qb = pb; j < dims[inner]; j++, qa += sa[inner], qb += sb[inner]) {
        y[i++] = f.applyAsInt(x[qa], z[qb]);
      }
      int d = inner - 1;
      while (d >= 0) {
        pa += sa[d];
        pb += sb[d];
        if (++idx[d] < dims[d]) break;
        pa -= sa[d] * dims[d];
        pb -= sb[d] * dims[d];
        idx[d] = 0;
        d--;
      }
      if (d < 0) return;
    }
  }

  public static final OpKernel RELU = (op, attrs, in) -> {
    int[] y = new int[in.get(0).elementCount()];
    relu(in.get(0).sharedArray(), y);
    return Tensor.wrapped(op.result().type(), y);
  };

  public static final OpKernel REQUANT = ElementwiseKernel::requantOp;

  private static Tensor requantOp(Operation op, DictAttr attrs, List<Tensor> in) {
    long shift = attrs.getInt("shift");
    if (shift < 0 || shift > 31) throw new IllegalArgumentException("requant: shift must be in 0..31, got " + shift);
    int[] y = new int[in.get(0).elementCount()];
    requant(in.get(0).sharedArray(), (int) shift, op.result().type().element(), y);
    return Tensor.wrapped(op.result().type(), y);
  }

  /**
   * y = wrap(a + b) into {@code type}, b broadcast from shape bs to a's shape (add's rule); y may alias a.
   */
  static void add(int[] a, Shape as, int[] b, Shape bs, ElementType type, int[] y) {
    broadcast(a, as, b, bs, as, (x, z) -> x + z, y);
    for (int i = 0; i < y.length; i++) y[i] = type.wrap(y[i]);
  }

  /** y = max(x, 0); y may alias x. */
  static void relu(int[] x, int[] y) {
    for (int i = 0; i < y.length; i++) y[i] = Math.max(x[i], 0);
  }

  /** y = requant(x, shift) elementwise, saturated into {@code to}; y may alias x. */
  static void requant(int[] x, int shift, ElementType to, int[] y) {
    for (int i = 0; i < y.length; i++) y[i] = to.saturate(IntegerFunctions.roundingShift(x[i], shift));
  }
}
