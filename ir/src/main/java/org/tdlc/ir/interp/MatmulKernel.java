// matmul: y[m,n] = sum over k of a[m,k] * b[k,n] in Java int (i32 wraps), for a[M,K] x b[K,N],
// a[B,M,K] x b[B,K,N] and a[B,M,K] x b[K,N] (b shared by every batch), then the fused epilogue.
// Rows of y are independent and wrapping sums are associative, so rows run in parallel and zero
// entries of a are skipped without changing any bit.
package org.tdlc.ir.interp;

import java.util.List;
import java.util.stream.IntStream;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.TensorType;

public final class MatmulKernel implements OpKernel {
  public static final OpKernel MATMUL = new MatmulKernel();

  private MatmulKernel() {}


  @Override public Tensor apply(Operation op, DictAttr attrs, List<Tensor> in) {
    int[] acc = multiply(in.get(0), in.get(1));
    return EpilogueKernel.finish(op, attrs, acc, in.size() == 3 ? in.get(2) : null);
  }

  /** The i32 products, [B,M,N] or [M,N] row-major, before any epilogue. */
  static int[] multiply(Tensor at, Tensor bt) {
    TensorType ta = at.type(), tb = bt.type();
    int batches = ta.rank() == 3 ? ta.dim(0) : 1;
    int m = ta.dim(ta.rank() - 2), kn = ta.dim(ta.rank() - 1), n = tb.dim(tb.rank() - 1);
    boolean bBatched = tb.rank() == 3;
    int[] a = at.sharedArray(), b = bt.sharedArray(), y = new int[batches * m * n];
    IntStream rows = IntStream.range(0, batches * m);
    if (OpKernel.worthParallel((long) batches * m * n * kn)) rows = rows.parallel();
    rows.forEach(row -> {
      int aOff = row * kn, yOff = row * n, bOff = bBatched ? (row / m) * kn * n : 0;
      for (int k = 0; k < kn; k++) {
        int av = a[aOff + k];
        if (av == 0) continue;
        int bRow = bOff + k * n;
        for (int j = 0; j < n; j++) y[yOff + j] += av * b[bRow + j];
      }
    });
    return y;
  }
}
