// The data-movement ops flatten, reshape, transpose, concat, slice, nearest upsample and gather (row-major):
// declarations and typing rules.
package org.tdlc.ir.ops;

import static org.tdlc.ir.ops.OpDef.none;
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

  static final OpDef CONCAT = OpDef.op(Family.LAYOUT, Ops.CONCAT).callee("concat")
      .operand("xs", OperandSpec.Arity.VARIADIC)
      .attr("axis", AttrKind.INT, required(), "the dimension joined; negative counts from the last (-1)")
      .result("same element type; the extents along axis add up, the others must be equal", Layouts::concat)
      .loops("y[..., o_k + i, ...] = x_k[..., i, ...] along axis, o_k = the extents of x_0..x_(k-1) along it")
      .doc("joins its operands, all of one element type, along one dimension, in order: concat(a, b, c, axis = 1)")
      .kernel(LayoutKernel.CONCAT)
      .build();

  static final OpDef SLICE = OpDef.op(Family.LAYOUT, Ops.SLICE).callee("slice")
      .operands("x")
      .attr("start", AttrKind.INTS, required(), "per dimension, the first index taken")
      .attr("end", AttrKind.INTS, required(), "per dimension, the index the slice stops before (start < end <= extent)")
      .attr("step", AttrKind.INTS, none(), "per dimension, the step between indices taken, at least 1 (default all 1)")
      .result("same element type; extent ceil((end - start) / step) per dimension", Layouts::slice)
      .loops("y[i0, i1, ...] = x[start[0] + step[0] * i0, start[1] + step[1] * i1, ...]")
      .doc("a strided box of x, every dimension given (as NumPy's x[start:end:step, ...])")
      .kernel(LayoutKernel.SLICE)
      .build();

  static final OpDef UPSAMPLE = OpDef.op(Family.LAYOUT, Ops.UPSAMPLE).callee("upsample")
      .operands("x")
      .attr("scale", AttrKind.PAIR, required(), "the integer factor [h, w] each spatial extent grows by")
      .result("same element type; x: T[N, C, H, W] -> T[N, C, H * scaleH, W * scaleW]", Layouts::upsample)
      .loops("y[n, c, h, w] = x[n, c, floor(h / scaleH), floor(w / scaleW)]")
      .doc("nearest-neighbour upsampling by integer factors: every element repeated scaleH x scaleW times")
      .kernel(LayoutKernel.UPSAMPLE)
      .build();

  static final OpDef GATHER = OpDef.op(Family.LAYOUT, Ops.GATHER).callee("gather")
      .operands("data", "indices")
      .result("data's element type; indices.shape followed by data's extents after the first",
          Layouts::gather)
      .loops("y[i..., j...] = data[floorMod(indices[i...], data.dim(0)), j...]")
      .doc("rows of data picked by indices (an embedding lookup); an index outside [0, rows) wraps: floorMod(index,"
          + " rows), so -1 is the last row (as ONNX Gather's negative indices) and any i32 is valid (as DLRM hashes"
          + " its categorical features modulo the table's rows)")
      .kernel(LayoutKernel.GATHER)
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

  /** The axis attribute of a rank-r op, negative counting from the last: 0..r-1 after this. */
  static int axis(String op, DictAttr attrs, int rank) {
    long a = attrs.getInt("axis");
    if (a < -rank || a >= rank) {
      throw new OpTypeException(op + ": axis " + a + " is outside -" + rank + ".." + (rank - 1) + " for rank " + rank);
    }
    return (int) (a < 0 ? a + rank : a);
  }

  private static TensorType concat(List<TensorType> in, DictAttr attrs, TensorType declared) {
    if (in.isEmpty()) throw new OpTypeException("concat: expects at least 1 operand, got 0");
    TensorType first = in.get(0);
    int axis = axis("concat", attrs, first.rank());
    long total = 0;
    for (int k = 0; k < in.size(); k++) {
      TensorType x = in.get(k);
      boolean same = x.element() == first.element() && x.rank() == first.rank();
      for (int d = 0; same && d < x.rank(); d++) same = d == axis || x.dim(d) == first.dim(d);
      if (!same) {
        throw new OpTypeException("concat: operand " + k + " is " + x.toSourceString() + ", operand 0 "
            + first.toSourceString() + "; all must have one element type and equal extents but along axis " + axis);
      }
      total += x.dim(axis);
    }
    int[] dims = first.shape().dims();
    if (total > Integer.MAX_VALUE) throw new OpTypeException("concat: " + total + " elements along axis " + axis);
    dims[axis] = (int) total;
    try {
      return TensorType.of(first.element(), Shape.of(dims));
    } catch (IllegalArgumentException e) {
      throw new OpTypeException("concat: " + e.getMessage());
    }
  }

  private static TensorType slice(List<TensorType> in, DictAttr attrs, TensorType declared) {
    TensorType x = in.get(0);
    int[] start = attrs.getInts("start"), end = attrs.getInts("end"), step = steps(attrs, x.rank());
    if (start.length != x.rank() || end.length != x.rank() || step.length != x.rank()) {
      throw new OpTypeException("slice: start, end and step need one entry per dimension of " + x.toSourceString()
          + ", got " + Arrays.toString(start) + ", " + Arrays.toString(end) + " and " + Arrays.toString(step));
    }
    int[] dims = new int[x.rank()];
    for (int d = 0; d < x.rank(); d++) {
      if (start[d] < 0 || end[d] > x.dim(d) || start[d] >= end[d] || step[d] < 1) {
        throw new OpTypeException("slice: dimension " + d + " of " + x.toSourceString() + " takes start " + start[d]
            + ", end " + end[d] + ", step " + step[d] + "; need 0 <= start < end <= " + x.dim(d) + " and step >= 1");
      }
      dims[d] = (end[d] - start[d] + step[d] - 1) / step[d];
    }
    return TensorType.of(x.element(), dims);
  }

  /** slice's step attribute, all ones when absent. */
  static int[] steps(DictAttr attrs, int rank) {
    if (attrs.has("step")) return attrs.getInts("step");
    int[] ones = new int[rank];
    Arrays.fill(ones, 1);
    return ones;
  }

  private static TensorType upsample(List<TensorType> in, DictAttr attrs, TensorType declared) {
    TensorType x = in.get(0);
    OpChecks.rank("upsample", "input", x, 4);
    int[] scale = OpChecks.pair("upsample", attrs, "scale", 1);
    long h = (long) x.dim(2) * scale[0], w = (long) x.dim(3) * scale[1];
    try {
      return TensorType.of(x.element(), Shape.of(x.dim(0), x.dim(1), (int) Math.min(h, Integer.MAX_VALUE),
          (int) Math.min(w, Integer.MAX_VALUE)));
    } catch (IllegalArgumentException e) {
      throw new OpTypeException("upsample: " + e.getMessage());
    }
  }

  private static TensorType gather(List<TensorType> in, DictAttr attrs, TensorType declared) {
    TensorType data = in.get(0), indices = in.get(1);
    int[] dims = new int[indices.rank() + data.rank() - 1];
    System.arraycopy(indices.shape().dims(), 0, dims, 0, indices.rank());
    for (int d = 1; d < data.rank(); d++) dims[indices.rank() + d - 1] = data.dim(d);
    try {
      return TensorType.of(data.element(), Shape.of(dims));
    } catch (IllegalArgumentException e) {
      throw new OpTypeException("gather: " + e.getMessage());
    }
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
