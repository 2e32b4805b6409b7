// The elementwise ops add, sub, relu and requant: declarations and typing rules. Each also exists as a step of
// a fused epilogue (Epilogue.java), typed and computed by the same functions.
package org.tdlc.ir.ops;

import static org.tdlc.ir.ops.OpDef.required;

import java.util.List;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.interp.ElementwiseKernel;
import org.tdlc.ir.ops.OpDef.Family;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class Elementwise {
  private Elementwise() {}

  static final OpDef ADD = OpDef.op(Family.VECTOR, Ops.ADD).callee("add")
      .operands("a", "b")
      .result("same shape; the wider element type of a and b", (in, at, d) -> addType(in.get(0), in.get(1)))
      .loops("y[i...] = wrap(a[i...] + b[i...])")
      .doc("elementwise sum, wrapping like Java int arithmetic in the result type: i8 + i8 is i8 and wraps"
          + " modulo 256 (127 + 1 = -128), so the front end warns at such an add; add i32 values before requant"
          + " to keep the carry")
      .kernel(ElementwiseKernel.ADD)
      .build();

  static final OpDef SUB = OpDef.op(Family.VECTOR, Ops.SUB).callee("sub")
      .operands("a", "b")
      .result("same shape; the wider element type of a and b", (in, at, d) -> sameShape("sub", in.get(0), in.get(1)))
      .loops("y[i...] = wrap(a[i...] - b[i...])")
      .doc("elementwise difference, wrapping like Java int arithmetic in the result type (i8 - i8 warns like add)")
      .kernel(ElementwiseKernel.SUB)
      .build();

  static final OpDef RELU = OpDef.op(Family.VECTOR, Ops.RELU).callee("relu")
      .operands("x")
      .result("same type as x", (in, at, d) -> TensorType.of(in.get(0).element(), in.get(0).shape()))
      .loops("y[i...] = max(x[i...], 0)")
      .doc("rectified linear unit, elementwise")
      .kernel(ElementwiseKernel.RELU)
      .build();

  static final OpDef REQUANT = OpDef.op(Family.VECTOR, Ops.REQUANT).callee("requant")
      .operands("x")
      .attr("shift", AttrKind.INT, required(), "right shift, 0.." + Ops.REQUANT_MAX_SHIFT)
      .result("i8, same shape as x", Elementwise::requant)
      .loops("y[i...] = clamp((x[i...] + (1 << (shift-1))) >> shift, -128, 127); shift = 0: clamp(x[i...])")
      .doc("rounding arithmetic right shift, saturated into i8")
      .kernel(ElementwiseKernel.REQUANT)
      .build();

  static TensorType addType(TensorType a, TensorType b) { return sameShape("add", a, b); }

  /** The type of a two-operand elementwise op: same shapes, the wider element type. */
  static TensorType sameShape(String op, TensorType a, TensorType b) {
    if (!a.shape().equals(b.shape())) {
      throw new OpTypeException(op + ": operands must have the same shape, got " + a.toSourceString()
          + " and " + b.toSourceString());
    }
    return TensorType.of(ElementType.wider(a.element(), b.element()), a.shape());
  }

  static int checkShift(long shift) {
    if (shift < 0 || shift > Ops.REQUANT_MAX_SHIFT) {
      throw new OpTypeException("requant: shift must be in 0.." + Ops.REQUANT_MAX_SHIFT + ", got " + shift);
    }
    return (int) shift;
  }

  private static TensorType requant(List<TensorType> in, DictAttr attrs, TensorType declared) {
    checkShift(attrs.getInt("shift"));
    return TensorType.of(ElementType.I8, in.get(0).shape());
  }
}
