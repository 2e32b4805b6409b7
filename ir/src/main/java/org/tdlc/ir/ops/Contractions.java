// Typing rules of the ops that run on the PE array: conv2d and matmul, each with an optional fused epilogue.
package org.tdlc.ir.ops;

import java.util.List;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class Contractions {
  private Contractions() {}

  static ElementType accumulator(TensorType a, TensorType b) {
    return ElementType.wider(a.element(), b.element()).accumulator();
  }

  static final OpDef CONV2D = new BaseOpDef("tdl.conv2d",
      "2-D convolution x[N,C,H,W] * w[K,C/groups,R,S] -> acc[N,K,P,Q], zero padding") {
    public TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
      OpChecks.arity("conv2d", in, 2, 3);
      TensorType x = in.get(0), w = in.get(1);
      OpChecks.rank("conv2d", "input", x, 4);
      OpChecks.rank("conv2d", "weight", w, 4);
      int[] stride = OpChecks.pair("conv2d", attrs, "stride", 1);
      int[] pad = OpChecks.pair("conv2d", attrs, "pad", 0);
      long groups = attrs.getInt("groups");
      int c = x.dim(1), k = w.dim(0);
      if (groups < 1 || c % groups != 0 || k % groups != 0) {
        throw new OpTypeException("conv2d: groups = " + groups + " must divide the input channels (" + c
            + ") and the output channels (" + k + ")");
      }
      if (w.dim(1) * groups != c) {
        throw new OpTypeException("conv2d: input has " + c + " channels, weight expects "
            + w.dim(1) * groups + (groups == 1 ? "" : " (" + w.dim(1) + " per group x " + groups + " groups)")
            + "; weight is " + w.toSourceString());
      }
      int p = OpChecks.windowOut("conv2d", "height", x.dim(2), pad[0], w.dim(2), stride[0]);
      int q = OpChecks.windowOut("conv2d", "width", x.dim(3), pad[1], w.dim(3), stride[1]);
      TensorType base = TensorType.of(accumulator(x, w), x.dim(0), k, p, q);
      return Epilogue.of(attrs).resultType(base, in.size() == 3 ? in.get(2) : null);
    }
  };

  static final OpDef MATMUL = new BaseOpDef("tdl.matmul",
      "a[M,K] x b[K,N] -> acc[M,N]; batched a[B,M,K] x b[B,K,N] or b[K,N]") {
    public TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
      OpChecks.arity("matmul", in, 2, 3);
      TensorType a = in.get(0), b = in.get(1);
      OpChecks.rank("matmul", "a", a, 2, 3);
      OpChecks.rank("matmul", "b", b, 2, 3);
      if (a.rank() == 2 && b.rank() == 3) {
        throw new OpTypeException("matmul: a batched b needs a batched a; got a " + a.toSourceString()
            + " and b " + b.toSourceString());
      }
      int ka = a.dim(a.rank() - 1), kb = b.dim(b.rank() - 2);
      if (ka != kb) {
        throw new OpTypeException("matmul: a has " + ka + " columns but b has " + kb + " rows; a is "
            + a.toSourceString() + ", b is " + b.toSourceString());
      }
      if (a.rank() == 3 && b.rank() == 3 && a.dim(0) != b.dim(0)) {
        throw new OpTypeException("matmul: batch sizes differ: a is " + a.toSourceString() + ", b is "
            + b.toSourceString());
      }
      int m = a.dim(a.rank() - 2), n = b.dim(b.rank() - 1);
      TensorType base = a.rank() == 3
          ? TensorType.of(accumulator(a, b), a.dim(0), m, n)
          : TensorType.of(accumulator(a, b), m, n);
      return Epilogue.of(attrs).resultType(base, in.size() == 3 ? in.get(2) : null);
    }
  };
}
