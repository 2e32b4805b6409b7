// Deliberately naive reference loops (every element recomputes its indices) against which the optimized
// conv2d and matmul kernels are checked on random shapes and data.
package org.tdlc.ir.interp;

import org.tdlc.ir.data.Tensor;

final class ReferenceOps {
  private ReferenceOps() {}

  static int[] conv(Tensor x, Tensor w, int sh, int sw, int ph, int pw, int groups) {
    int n = x.type().dim(0), c = x.type().dim(1), h = x.type().dim(2), wd = x.type().dim(3);
    int k = w.type().dim(0), cg = w.type().dim(1), r = w.type().dim(2), s = w.type().dim(3);
    int p = (h + 2 * ph - r) / sh + 1, q = (wd + 2 * pw - s) / sw + 1, kg = k / groups;
    int[] y = new int[n * k * p * q];
    for (int in = 0; in < n; in++) {
      for (int ik = 0; ik < k; ik++) {
        for (int ip = 0; ip < p; ip++) {
          for (int iq = 0; iq < q; iq++) {
            int sum = 0;
            for (int ic = 0; ic < cg; ic++) {
              for (int ir = 0; ir < r; ir++) {
                for (int is = 0; is < s; is++) {
                  int hh = ip * sh - ph + ir, ww = iq * sw - pw + is;
                  if (hh < 0 || hh >= h || ww < 0 || ww >= wd) continue;
                  sum += x.get(in, (ik / kg) * cg + ic, hh, ww) * w.get(ik, ic, ir, is);
                }
              }
            }
            y[((in * k + ik) * p + ip) * q + iq] = sum;
          }
        }
      }
    }
    return y;
  }

  /** a[B,M,K] or a[M,K] times b[B,K,N] or b[K,N]. */
  static int[] matmul(Tensor a, Tensor b) {
    int ra = a.type().rank(), rb = b.type().rank();
    int batches = ra == 3 ? a.type().dim(0) : 1;
    int m = a.type().dim(ra - 2), kk = a.type().dim(ra - 1), n = b.type().dim(rb - 1);
    int[] y = new int[batches * m * n];
    for (int bi = 0; bi < batches; bi++) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          int sum = 0;
          for (int k = 0; k < kk; k++) {
            int av = ra == 3 ? a.get(bi, i, k) : a.get(i, k);
            int bv = rb == 3 ? b.get(bi, k, j) : b.get(k, j);
            sum += av * bv;
          }
          y[(bi * m + i) * n + j] = sum;
        }
      }
    }
    return y;
  }
}
