// maxpool and avgpool over x[N,C,H,W]. maxpool takes the maximum of the window's in-bounds elements only
// (padding never wins, even over negative values); avgpool has no padding and rounds its mean as
// floorDiv(sum + count/2, count), count being the kernel area, with the sum in long.
package org.tdlc.ir.interp;

import java.util.List;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.TensorType;

public final class PoolKernel {
  private PoolKernel() {}

  /** One pooling window shape and the input/output extents. */
  private record Window(int planes, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int p, int q) {
    static Window of(TensorType x, TensorType y, DictAttr attrs, boolean padded) {
      int[] kernel = attrs.getInts("kernel");
      int[] stride = attrs.getInts("stride");
      int[] pad = padded ? attrs.getInts("pad") : new int[2];
      return new Window(x.dim(0) * x.dim(1), x.dim(2), x.dim(3), kernel[0], kernel[1], stride[0], stride[1],
          pad[0], pad[1], y.dim(2), y.dim(3));
    }
  }

  public static final OpKernel MAXPOOL = PoolKernel::maxpool;
  public static final OpKernel AVGPOOL = PoolKernel::avgpool;

  /** avgpool over the whole plane: kernel = stride = [H, W]. */
  public static final OpKernel GLOBALAVGPOOL = (op, attrs, in) -> {
    TensorType x = in.get(0).type();
    return avgpool(op, attrs.with("kernel", Attribute.ints(x.dim(2), x.dim(3)))
        .with("stride", Attribute.ints(x.dim(2), x.dim(3))), in);
  };

  private static Tensor maxpool(Operation op, DictAttr attrs, List<Tensor> in) {
    TensorType yt = op.result().type();
    Window g = Window.of(in.get(0).type(), yt, attrs, true);
    int[] x = in.get(0).sharedArray(), y = new int[g.planes() * g.p() * g.q()];
    for (int plane = 0; plane < g.planes(); plane++) {
      int xBase = plane * g.h() * g.w(), yBase = plane * g.p() * g.q();
      for (int p = 0; p < g.p(); p++) {
        int h0 = p * g.sh() - g.ph(), hLo = Math.max(h0, 0), hHi = Math.min(h0 + g.kh(), g.h());
        for (int q = 0; q < g.q(); q++) {
          int w0 = q * g.sw() - g.pw(), wLo = Math.max(w0, 0), wHi = Math.min(w0 + g.kw(), g.w());
          int max = Integer.MIN_VALUE;
          for (int h = hLo; h < hHi; h++) {
            for (int w = wLo; w < wHi; w++) max = Math.max(max, x[xBase + h * g.w() + w]);
          }
          y[yBase + p * g.q() + q] = max;
        }
      }
    }
    return Tensor.wrapped(yt, y);
  }

  private static Tensor avgpool(Operation op, DictAttr attrs, List<Tensor> in) {
    TensorType yt = op.result().type();
    Window g = Window.of(in.get(0).type(), yt, attrs, false);
    int[] x = in.get(0).sharedArray(), y = new int[g.planes() * g.p() * g.q()];
    long count = (long) g.kh() * g.kw();
    for (int plane = 0; plane < g.planes(); plane++) {
      int xBase = plane * g.h() * g.w(), yBase = plane * g.p() * g.q();
      for (int p = 0; p < g.p(); p++) {
        for (int q = 0; q < g.q(); q++) {
          long sum = 0;
          int row = xBase + p * g.sh() * g.w() + q * g.sw();
          for (int h = 0; h < g.kh(); h++, row += g.w()) {
            for (int w = 0; w < g.kw(); w++) sum += x[row + w];
          }
          y[yBase + p * g.q() + q] = (int) Math.floorDiv(sum + count / 2, count);
        }
      }
    }
    return Tensor.wrapped(yt, y);
  }
}
