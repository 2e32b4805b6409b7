// conv2d: y[n,k,p,q] = sum over c in k's group, r, s of x[n,c,p*sh+r-ph,q*sw+s-pw] * w[k,c,r,s], zero padding,
// in Java int (i32 wraps), then the fused epilogue. Written as tight loops over int[] because whole networks
// (4 GMAC for ResNet-50) run through it; wrapping int addition is associative, so loop order, zero-weight
// skipping and parallelism over output channels cannot change a single bit of the result.
package org.tdlc.ir.interp;

import java.util.List;
import java.util.stream.IntStream;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.TensorType;

public final class ConvKernel implements OpKernel {
  public static final OpKernel CONV2D = new ConvKernel();

  private ConvKernel() {}


  /** Every extent of one convolution; hp and wp are the padded input's height and width. */
  record Geometry(int n, int c, int h, int w, int k, int cg, int r, int s, int sh, int sw, int ph, int pw,
                  int groups, int p, int q) {
    static Geometry of(TensorType x, TensorType w, DictAttr attrs) {
      int[] stride = attrs.getInts("stride");
      int[] pad = attrs.getInts("pad");
      int groups = (int) attrs.getInt("groups");
      int hp = x.dim(2) + 2 * pad[0], wp = x.dim(3) + 2 * pad[1];
      return new Geometry(x.dim(0), x.dim(1), x.dim(2), x.dim(3), w.dim(0), w.dim(1), w.dim(2), w.dim(3),
          stride[0], stride[1], pad[0], pad[1], groups, (hp - w.dim(2)) / stride[0] + 1,
          (wp - w.dim(3)) / stride[1] + 1);
    }

    int hp() { return h + 2 * ph; }
    int wp() { return w + 2 * pw; }
    long macs() { return (long) n * k * cg * r * s * p * q; }
  }

  @Override public Tensor apply(Operation op, DictAttr attrs, List<Tensor> in) {
    Geometry g = Geometry.of(in.get(0).type(), in.get(1).type(), attrs);
    int[] acc = convolve(in.get(0).sharedArray(), in.get(1).sharedArray(), g);
    return EpilogueKernel.finish(op, attrs, acc, in.size() == 3 ? in.get(2) : null);
  }

  /** The i32 accumulators y[N,K,P,Q] of the convolution, before any epilogue. */
  static int[] convolve(int[] x, int[] w, Geometry g) {
    int[] y = new int[g.n() * g.k() * g.p() * g.q()];
    boolean unpadded = g.ph() == 0 && g.pw() == 0;
    for (int n = 0; n < g.n(); n++) {
      // without padding the image is read in place (xBase is its offset), else from a padded copy
      int[] xp = unpadded ? x : padded(x, n, g);
      int xBase = unpadded ? n * g.c() * g.h() * g.w() : 0;
      int image = n;
      IntStream ks = IntStream.range(0, g.k());
      if (OpKernel.worthParallel(g.macs() / g.n())) ks = ks.parallel();
      ks.forEach(k -> {
        int out = (image * g.k() + k) * g.p() * g.q();
        if (g.sh() == 1 && g.sw() == 1) unitStride(xp, xBase, w, y, out, k, g);
        else strided(xp, xBase, w, y, out, k, g);
      });
    }
    return y;
  }

  /** Image n of x with its zero border, as [C, H+2ph, W+2pw]; without padding, a copy of the image. */
  private static int[] padded(int[] x, int n, Geometry g) {
    int hp = g.hp(), wp = g.wp(), plane = g.h() * g.w();
    int[] xp = new int[g.c() * hp * wp];
    for (int c = 0; c < g.c(); c++) {
      int src = (n * g.c() + c) * plane, dst = c * hp * wp + g.ph() * wp + g.pw();
      for (int h = 0; h < g.h(); h++) System.arraycopy(x, src + h * g.w(), xp, dst + h * wp, g.w());
    }
    return xp;
  }

  /**
   * Stride 1: output row p, column q reads xp[(p+r)*wp + q+s], so with a "wide" accumulator of row length wp
   * every (c, r, s) is one contiguous loop; the columns q >= Q of each wide row are dropped afterwards.
   * When the rows have no such columns (wp == Q: 1-wide kernels without padding, pointwise convolutions
   * among them) the wide accumulator is y's own output plane.
   */
  private static void unitStride(int[] xp, int xBase, int[] w, int[] y, int out, int k, Geometry g) {
    int wp = g.wp(), planeSize = g.hp() * wp, rs = g.r() * g.s();
    int len = (g.p() - 1) * wp + g.q();
    boolean inPlace = wp == g.q();
    int[] wide = inPlace ? y : new int[len];
    int at = inPlace ? out : 0;
    int group = k / (g.k() / g.groups());
    for (int c = 0; c < g.cg(); c++) {
      int plane = xBase + (group * g.cg() + c) * planeSize;
      int wBase = (k * g.cg() + c) * rs;
      for (int r = 0; r < g.r(); r++) {
        for (int s = 0; s < g.s(); s++) {
          int wv = w[wBase + r * g.s() + s];
          if (wv == 0) continue;
          int base = plane + r * wp + s;
          for (int i = 0; i < len; i++) wide[at + i] += wv * xp[base + i];
        }
      }
    }
    if (inPlace) return;
    for (int p = 0; p < g.p(); p++) System.arraycopy(wide, p * wp, y, out + p * g.q(), g.q());
  }

  /** Any stride: per output row, a loop over q stepping sw through the padded input row. */
  private static void strided(int[] xp, int xBase, int[] w, int[] y, int out, int k, Geometry g) {
    int wp = g.wp(), planeSize = g.hp() * wp, rs = g.r() * g.s(), sw = g.sw(), qn = g.q();
    int group = k / (g.k() / g.groups());
    for (int c = 0; c < g.cg(); c++) {
      int plane = xBase + (group * g.cg() + c) * planeSize;
      int wBase = (k * g.cg() + c) * rs;
      for (int r = 0; r < g.r(); r++) {
        for (int s = 0; s < g.s(); s++) {
          int wv = w[wBase + r * g.s() + s];
          if (wv == 0) continue;
          for (int p = 0; p < g.p(); p++) {
            int row = plane + (p * g.sh() + r) * wp + s, o = out + p * qn;
            for (int q = 0; q < qn; q++) y[o + q] += wv * xp[row + q * sw];
          }
        }
      }
    }
  }
}
