// maxpool and avgpool over x[N,C,H,W]: declarations and the shared typing rule.
package org.tdlc.ir.ops;

import static org.tdlc.ir.ops.OpDef.pair;
import static org.tdlc.ir.ops.OpDef.required;
import static org.tdlc.ir.ops.OpDef.sameAs;

import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.interp.PoolKernel;
import org.tdlc.ir.ops.OpDef.Family;
import org.tdlc.ir.type.TensorType;

final class Pools {
  private Pools() {}

  private static final String RESULT = "same element type; [N, C, P, Q] with P = (H + 2*padH - kernelH)/strideH + 1"
      + " (floor), Q likewise";

  static final OpDef MAXPOOL = OpDef.op(Family.VECTOR, Ops.MAXPOOL).callee("maxpool")
      .operands("x")
      .attr("kernel", AttrKind.PAIR, required(), "window [h, w]")
      .attr("stride", AttrKind.PAIR, sameAs("kernel"), "window step [h, w]")
      .attr("pad", AttrKind.PAIR, pair(0), "padding on each side [h, w], smaller than the kernel")
      .result(RESULT, (in, at, d) -> pooled("maxpool", in.get(0), at, true))
      .loops("y[n,c,p,q] = max over r, s of x[n, c, strideH*p + r - padH, strideW*q + s - padW], in bounds only")
      .doc("window maximum; padding never wins")
      .kernel(PoolKernel.MAXPOOL)
      .build();

  static final OpDef AVGPOOL = OpDef.op(Family.VECTOR, Ops.AVGPOOL).callee("avgpool")
      .operands("x")
      .attr("kernel", AttrKind.PAIR, required(), "window [h, w]")
      .attr("stride", AttrKind.PAIR, sameAs("kernel"), "window step [h, w]")
      .result(RESULT.replace(" + 2*padH", ""), (in, at, d) -> pooled("avgpool", in.get(0), at, false))
      .loops("y[n,c,p,q] = floorDiv(sum over r, s of x[n, c, strideH*p + r, strideW*q + s] + count/2, count),"
          + " count = kernelH*kernelW")
      .doc("window mean, rounded to nearest: floorDiv(sum + count/2, count); no padding")
      .kernel(PoolKernel.AVGPOOL)
      .build();

  static final OpDef GLOBALAVGPOOL = OpDef.op(Family.VECTOR, Ops.GLOBALAVGPOOL).callee("globalavgpool")
      .operands("x")
      .result("same element type; [N, C, 1, 1]", (in, at, d) -> {
        OpChecks.rank("globalavgpool", "input", in.get(0), 4);
        return TensorType.of(in.get(0).element(), in.get(0).dim(0), in.get(0).dim(1), 1, 1);
      })
      .loops("y[n,c,0,0] = floorDiv(sum over h, w of x[n, c, h, w] + count/2, count), count = H*W")
      .doc("the mean of each channel's whole plane, rounded to nearest as avgpool's: avgpool with kernel = [H, W]")
      .kernel(PoolKernel.GLOBALAVGPOOL)
      .build();

  static TensorType pooled(String op, TensorType x, DictAttr attrs, boolean padded) {
    OpChecks.rank(op, "input", x, 4);
    int[] kernel = OpChecks.pair(op, attrs, "kernel", 1);
    int[] stride = OpChecks.pair(op, attrs, "stride", 1);
    int[] pad = padded ? OpChecks.pair(op, attrs, "pad", 0) : new int[2];
    for (int i = 0; i < 2; i++) {
      if (pad[i] >= kernel[i]) {
        throw new OpTypeException(op + ": pad " + pad[i] + " must be smaller than the kernel " + kernel[i]
            + ", or a window could hold nothing but padding");
      }
    }
    int p = OpChecks.windowOut(op, "height", x.dim(2), pad[0], kernel[0], stride[0]);
    int q = OpChecks.windowOut(op, "width", x.dim(3), pad[1], kernel[1], stride[1]);
    return TensorType.of(x.element(), x.dim(0), x.dim(1), p, q);
  }
}
