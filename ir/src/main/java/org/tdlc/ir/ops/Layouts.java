// Typing rules of the data-movement ops: flatten, reshape and transpose (row-major).
package org.tdlc.ir.ops;

import java.util.Arrays;
import java.util.List;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.type.Shape;
import org.tdlc.ir.type.TensorType;

final class Layouts {
  private Layouts() {}

  static final OpDef FLATTEN = new BaseOpDef("tdl.flatten", "x[N, ...] -> x[N, product of the rest]") {
    public TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
      OpChecks.arity("flatten", in, 1, 1);
      TensorType x = in.get(0);
      if (x.rank() == 1) return TensorType.of(x.element(), x.shape());
      return TensorType.of(x.element(), x.dim(0), x.shape().elementCount() / x.dim(0));
    }
  };

  static final OpDef RESHAPE = new BaseOpDef("tdl.reshape", "same elements, new shape, row-major") {
    public TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
      OpChecks.arity("reshape", in, 1, 1);
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
  };

  static final OpDef TRANSPOSE = new BaseOpDef("tdl.transpose", "permute dimensions: y.dim(i) = x.dim(perm[i])") {
    public TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
      OpChecks.arity("transpose", in, 1, 1);
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
  };
}
