// Typing rules of maxpool and avgpool over x[N,C,H,W].
package org.tdlc.ir.ops;

import java.util.List;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.type.TensorType;

final class Pools {
  private Pools() {}

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

  static final OpDef MAXPOOL = new BaseOpDef("tdl.maxpool", "window maximum; padding never wins") {
    public TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
      OpChecks.arity("maxpool", in, 1, 1);
      return pooled("maxpool", in.get(0), attrs, true);
    }
  };

  static final OpDef AVGPOOL = new BaseOpDef("tdl.avgpool",
      "window mean, rounded: floorDiv(sum + count/2, count)") {
    public TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
      OpChecks.arity("avgpool", in, 1, 1);
      return pooled("avgpool", in.get(0), attrs, false);
    }
  };
}
