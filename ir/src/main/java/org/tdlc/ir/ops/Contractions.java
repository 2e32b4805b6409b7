// The ops that run on the PE array, conv2d and matmul, each with an optional fused epilogue whose add reads
// the third operand (a residual of the result's shape, or a bias that broadcasts to it).
package org.tdlc.ir.ops;

import static org.tdlc.ir.ops.OpDef.none;
import static org.tdlc.ir.ops.OpDef.pair;
import static org.tdlc.ir.ops.OpDef.value;

import java.util.List;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.interp.ConvKernel;
import org.tdlc.ir.interp.MatmulKernel;
import org.tdlc.ir.ops.OpDef.Family;
import org.tdlc.ir.ops.OperandSpec.Arity;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class Contractions {
  private Contractions() {}

  static ElementType accumulator(TensorType a, TensorType b) {
    return ElementType.wider(a.element(), b.element()).accumulator();
  }

  private static final String EPILOGUE_DOC = "fused add, relu and requant steps, in order (set by fuse-epilogue); the add's"
      + " operand, the residual, has the result's shape or broadcasts to it as add's b does (a bias per channel)";

  static final OpDef CONV2D = OpDef.op(Family.ARRAY, Ops.CONV2D).callee("conv2d")
      .operands("x", "w").operand("residual", Arity.OPTIONAL)
      .attr("stride", AttrKind.PAIR, pair(1), "window step [h, w]")
      .attr("pad", AttrKind.PAIR, pair(0), "zero padding on each side [h, w]")
      .attr("groups", AttrKind.INT, value(1), "channel groups; must divide C and K (dwconv2d sets it to C)")
      .internal("epilogue", AttrKind.EPILOGUE, none(), EPILOGUE_DOC)
      .result("x: T[N,C,H,W], w: T[K,C/groups,R,S] -> acc(T)[N,K,P,Q], P = (H + 2*padH - R)/strideH + 1 (floor),"
          + " Q likewise; the epilogue may change it", Contractions::conv2d)
      .loops("y[n,k,p,q] += x[n, (k/(K/groups))*(C/groups) + c, strideH*p + r - padH, strideW*q + s - padW]"
          + " * w[k,c,r,s]", IterationSpace::conv2d)
      .doc("2-D convolution with zero padding; dwconv2d(x, w, stride, pad) is conv2d with groups = C")
      .kernel(ConvKernel.CONV2D)
      .build();

  static final OpDef MATMUL = OpDef.op(Family.ARRAY, Ops.MATMUL).callee("matmul")
      .operands("a", "b").operand("residual", Arity.OPTIONAL)
      .internal("epilogue", AttrKind.EPILOGUE, none(), EPILOGUE_DOC)
      .result("a: T[M,K], b: T[K,N] -> acc(T)[M,N]; a: T[B,M,K] with b: T[B,K,N] or T[K,N] -> acc(T)[B,M,N]",
          Contractions::matmul)
      .loops("y[(b,) m, n] += a[(b,) m, k] * b[(b,) k, n]", IterationSpace::matmul)
      .doc("matrix product, batched when a is rank 3 (b shared by every batch when it is rank 2)")
      .kernel(MatmulKernel.MATMUL)
      .build();

  private static TensorType conv2d(List<TensorType> in, DictAttr attrs, TensorType declared) {
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

  private static TensorType matmul(List<TensorType> in, DictAttr attrs, TensorType declared) {
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
}
