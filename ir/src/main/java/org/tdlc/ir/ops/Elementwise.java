// The elementwise ops add, sub, mul, max, min (two operands, NumPy broadcasting), relu, clip and requant:
// declarations and typing rules. add, relu and requant also exist as steps of a fused epilogue
// (Epilogue.java), typed and computed by the same functions.
package org.tdlc.ir.ops;

import static org.tdlc.ir.ops.OpDef.required;
import static org.tdlc.ir.ops.OpDef.value;

import java.util.List;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.interp.ElementwiseKernel;
import org.tdlc.ir.ops.OpDef.Family;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class Elementwise {
  private Elementwise() {}

  private static final String BROADCAST = "; b (or a) broadcasts as in NumPy: shapes align on the last dimension and"
      + " an extent of 1 repeats (a bias b: i32[768] adds to every row of a: i32[128, 768])";

  static final OpDef ADD = OpDef.op(Family.VECTOR, Ops.ADD).callee("add")
      .operands("a", "b")
      .result("the broadcast shape of a and b; the wider element type of a and b",
          (in, at, d) -> addType(in.get(0), in.get(1)))
      .loops("y[i...] = wrap(a[i...] + b[i...])")
      .doc("elementwise sum, wrapping like Java int arithmetic in the result type: i8 + i8 is i8 and wraps"
          + " modulo 256 (127 + 1 = -128), so the front end warns at such an add; add i32 values before requant"
          + " to keep the carry" + BROADCAST)
      .kernel(ElementwiseKernel.ADD)
      .build();

  static final OpDef SUB = OpDef.op(Family.VECTOR, Ops.SUB).callee("sub")
      .operands("a", "b")
      .result("the broadcast shape of a and b; the wider element type of a and b",
          (in, at, d) -> broadcast("sub", in.get(0), in.get(1), null))
      .loops("y[i...] = wrap(a[i...] - b[i...])")
      .doc("elementwise difference, wrapping like Java int arithmetic in the result type (i8 - i8 warns like add)"
          + BROADCAST)
      .kernel(ElementwiseKernel.SUB)
      .build();

  static final OpDef MUL = OpDef.op(Family.VECTOR, Ops.MUL).callee("mul")
      .operands("a", "b")
      .result("i32, the broadcast shape of a and b", (in, at, d) -> broadcast("mul", in.get(0), in.get(1),
          ElementType.I32))
      .loops("y[i...] = wrap32(a[i...] * b[i...])")
      .doc("elementwise product in i32 (an accumulator, like matmul's: requant it back to i8), wrapping like Java"
          + " int multiplication" + BROADCAST)
      .kernel(ElementwiseKernel.MUL)
      .build();

  static final OpDef MAX = OpDef.op(Family.VECTOR, Ops.MAX).callee("max")
      .operands("a", "b")
      .result("the broadcast shape of a and b; the wider element type of a and b",
          (in, at, d) -> broadcast("max", in.get(0), in.get(1), null))
      .loops("y[i...] = max(a[i...], b[i...])")
      .doc("elementwise maximum" + BROADCAST)
      .kernel(ElementwiseKernel.MAX)
      .build();

  static final OpDef MIN = OpDef.op(Family.VECTOR, Ops.MIN).callee("min")
      .operands("a", "b")
      .result("the broadcast shape of a and b; the wider element type of a and b",
          (in, at, d) -> broadcast("min", in.get(0), in.get(1), null))
      .loops("y[i...] = min(a[i...], b[i...])")
      .doc("elementwise minimum" + BROADCAST)
      .kernel(ElementwiseKernel.MIN)
      .build();

  static final OpDef RELU = OpDef.op(Family.VECTOR, Ops.RELU).callee("relu")
      .operands("x")
      .result("same type as x", (in, at, d) -> TensorType.of(in.get(0).element(), in.get(0).shape()))
      .loops("y[i...] = max(x[i...], 0)")
      .doc("rectified linear unit, elementwise")
      .kernel(ElementwiseKernel.RELU)
      .build();

  static final OpDef CLIP = OpDef.op(Family.VECTOR, Ops.CLIP).callee("clip")
      .operands("x")
      .attr("min", AttrKind.INT, required(), "the lowest value kept")
      .attr("max", AttrKind.INT, required(), "the highest value kept, at least min")
      .result("same type as x", Elementwise::clip)
      .loops("y[i...] = min(max(x[i...], min), max)")
      .doc("clamps every element into [min, max]; relu6(x, max) is clip(x, min = 0, max), max being 6 at x's scale"
          + " (96 for an i8 activation with 4 fractional bits)")
      .kernel(ElementwiseKernel.CLIP)
      .build();

  /** requant's default width: into i8. */
  static final int REQUANT_BITS = 8;

  static final OpDef REQUANT = OpDef.op(Family.VECTOR, Ops.REQUANT).callee("requant")
      .operands("x")
      .attr("shift", AttrKind.INT, required(), "right shift, 0.." + Ops.REQUANT_MAX_SHIFT)
      .attr("bits", AttrKind.INT, value(REQUANT_BITS), "the result's width: 8 (i8) or 16 (i16)")
      .result("i8 (i16 with bits = 16), same shape as x", Elementwise::requant)
      .loops("y[i...] = clamp((x[i...] + (1 << (shift-1))) >> shift, lo, hi); shift = 0: clamp(x[i...]);"
          + " [lo, hi] = [-128, 127], or [-32768, 32767] with bits = 16")
      .doc("rounding arithmetic right shift, saturated into i8, or into i16 with bits = 16 (the activations of an i16"
          + " network)")
      .kernel(ElementwiseKernel.REQUANT)
      .build();

  /** The type of a residual add, fused or not: broadcast shapes, the wider element type. */
  static TensorType addType(TensorType a, TensorType b) { return broadcast("add", a, b, null); }

  /** The type of a two-operand elementwise op: the broadcast shape, {@code element} or else the wider type. */
  static TensorType broadcast(String op, TensorType a, TensorType b, ElementType element) {
    return TensorType.of(element != null ? element : ElementType.wider(a.element(), b.element()),
        Broadcast.shape(op, a, b));
  }

  static int checkShift(long shift) {
    if (shift < 0 || shift > Ops.REQUANT_MAX_SHIFT) {
      throw new OpTypeException("requant: shift must be in 0.." + Ops.REQUANT_MAX_SHIFT + ", got " + shift);
    }
    return (int) shift;
  }

  private static TensorType requant(List<TensorType> in, DictAttr attrs, TensorType declared) {
    checkShift(attrs.getInt("shift"));
    return TensorType.of(requantTo(attrs.getInt("bits")), in.get(0).shape());
  }

  /** requant's result type for its {@code bits}: i8 or i16. */
  static ElementType requantTo(long bits) {
    if (bits == 8) return ElementType.I8;
    if (bits == 16) return ElementType.I16;
    throw new OpTypeException("requant: bits must be 8 or 16, got " + bits);
  }

  private static TensorType clip(List<TensorType> in, DictAttr attrs, TensorType declared) {
    long lo = attrs.getInt("min"), hi = attrs.getInt("max");
    if (lo > hi) throw new OpTypeException("clip: min " + lo + " is above max " + hi);
    if (lo < Integer.MIN_VALUE || hi > Integer.MAX_VALUE) {
      throw new OpTypeException("clip: min and max must fit i32, got " + lo + " and " + hi);
    }
    return TensorType.of(in.get(0).element(), in.get(0).shape());
  }
}
