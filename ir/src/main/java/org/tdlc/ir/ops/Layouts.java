// The data-movement ops flatten, reshape and transpose (row-major): declarations and typing rules.
package org.tdlc.ir.ops;

import static org.tdlc.ir.ops.OpDef.required;

import java.util.Arrays;
import java.util.List;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.interp.LayoutKernel;
import org.tdlc.ir.ops.OpDef.Family;
import org.tdlc.ir.type.Shape;
import org.tdlc.ir.type.TensorType;

final class Layouts {
  private Layouts() {}

  static final OpDef FLATTEN = OpDef.op(Family.LAYOUT, Ops.FLATTEN).callee("flatten")
      .operands("x")
      .result("x: T[N, ...] -> T[N, product of the rest]; rank 1 stays as it is", Layouts::flatten)
      .loops("y = x, row-major, under the new shape")
      .doc("keeps the first dimension and folds the rest into one")
      .kernel(LayoutKernel.RETYPE)
      .build();

  static final OpDef RESHAPE = OpDef.op(Family.LAYOUT, Ops.RESHAPE).callee("reshape")
      .operands("x")
      .attr("shape", AttrKind.INTS, required(), "the new extents; in .tdl one of them may be -1 (inferred)")
      .result("T[shape], with as many elements as x", Layouts::reshape)
      .loops("y = x, row-major, under the new shape")
      .doc("same elements, new shape, row-major")
      .kernel(LayoutKernel.RETYPE)
      .build();

  static final OpDef TRANSPOSE = OpDef.op(Family.LAYOUT, Ops.TRANSPOSE).callee("transpose")
      .operands("x")
      .attr("perm", AttrKind.INTS, required(), "a permutation of 0..rank-1")
      .result("same element type; y.dim(i) = x.dim(perm[i])", Layouts::transpose)
      .loops("y[i0, i1, ...] = x[j...] with j[perm[d]] = i_d")
      .doc("permutes the dimensions")
      .kernel(LayoutKernel.TRANSPOSE)
      .build();

  private static TensorType flatten(List<TensorType> in, DictAttr attrs, TensorType declared) {
    TensorType x = in.get(0);
    if (x.rank() == 1) return TensorType.of(x.element(), x.shape());
    return TensorType.of(x.element(), x.dim(0), x.shape().elementCount() / x.dim(0));
  }

  private static TensorType reshape(List<TensorType> in, DictAttr attrs, TensorType declared) {
    TensorType x = in.get(0);
    int[] shape = attrs.getInts("shape");
    Shape s;
    try {
      s = Shape.of(shape);
    } catch (IllegalArgumentException e) {
      throw new OpTypeException("reshape: " + e.getMessage());
    }
    if (s.elementCount() != x.shape().elementCount()) {
      throw new OpTypeException("reshape: " + x.toSourceString() + " has " + x.shape().elementCount()
          + " elements, shape " + Arrays.toString(shape) + " has " + s.elementCount());
    }
    return TensorType.of(x.element(), s);
  }

  private static TensorType transpose(List<TensorType> in, DictAttr attrs, TensorType declared) {
    TensorType x = in.get(0);
    int[] perm = attrs.getInts("perm");
    boolean[] seen = new boolean[x.rank()];
    boolean ok = perm.length == x.rank();
    for (int p : perm) {
      if (!ok || p < 0 || p >= x.rank() || seen[p]) { ok = false; break; }
      seen[p] = true;
    }
    if (!ok) {
      throw new OpTypeException("transpose: perm " + Arrays.toString(perm) + " is not a permutation of 0.."
          + (x.rank() - 1) + " for " + x.toSourceString());
    }
    int[] dims = new int[perm.length];
    for (int i = 0; i < perm.length; i++) dims[i] = x.dim(perm[i]);
    return TensorType.of(x.element(), dims);
  }
}
