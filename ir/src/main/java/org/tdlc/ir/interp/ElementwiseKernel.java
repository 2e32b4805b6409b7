// add, sub, relu and requant, elementwise; the array forms are shared with fused epilogues so both paths
// compute identical bits. requant works in long so that x + (1 << (s-1)) can never overflow.
package org.tdlc.ir.interp;

import java.util.List;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.ElementType;

public final class ElementwiseKernel {
  private ElementwiseKernel() {}

  public static final OpKernel ADD = (op, attrs, in) -> {
    Tensor a = in.get(0), b = in.get(1);
    if (a.elementCount() != b.elementCount()) {
      throw new IllegalArgumentException("add: operands differ in shape: " + a.type().toSourceString() + " and "
          + b.type().toSourceString());
    }
    ElementType t = op.result().type().element();
    int[] y = new int[a.elementCount()];
    add(a.sharedArray(), b.sharedArray(), t, y);
    return Tensor.wrapped(op.result().type(), y);
  };

  public static final OpKernel SUB = (op, attrs, in) -> {
    Tensor a = in.get(0), b = in.get(1);
    ElementType t = op.result().type().element();
    int[] x = a.sharedArray(), z = b.sharedArray(), y = new int[a.elementCount()];
    for (int i = 0; i < y.length; i++) y[i] = t.wrap(x[i] - z[i]);
    return Tensor.wrapped(op.result().type(), y);
  };

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
    requant(in.get(0).sharedArray(), (int) shift, y);
    return Tensor.wrapped(op.result().type(), y);
  }

  /** y = wrap(a + b) into {@code type}; y may alias a. */
  static void add(int[] a, int[] b, ElementType type, int[] y) {
    for (int i = 0; i < y.length; i++) y[i] = type.wrap(a[i] + b[i]);
  }

  /** y = max(x, 0); y may alias x. */
  static void relu(int[] x, int[] y) {
    for (int i = 0; i < y.length; i++) y[i] = Math.max(x[i], 0);
  }

  /** y = requant(x, shift) elementwise; y may alias x. */
  static void requant(int[] x, int shift, int[] y) {
    for (int i = 0; i < y.length; i++) y[i] = requant(x[i], shift);
  }

  /** clamp((x + (1 << (s-1))) >> s, -128, 127) with an arithmetic shift; for s = 0, clamp(x). */
  static int requant(int x, int shift) {
    long v = shift == 0 ? x : ((long) x + (1L << (shift - 1))) >> shift;
    return (int) Math.max(-128, Math.min(127, v));
  }
}
