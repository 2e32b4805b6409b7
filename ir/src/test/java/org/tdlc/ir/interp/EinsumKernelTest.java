// einsum: hand-computed one- and two-operand cases (row sums, diagonal, offset subscripts), and the
// examples of einsum_conv.tdl checked against conv2d and matmul on seeded random data.
package org.tdlc.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tdlc.ir.interp.TestModels.attrs;
import static org.tdlc.ir.interp.TestModels.tensor;
import static org.tdlc.ir.type.ElementType.I32;
import static org.tdlc.ir.type.ElementType.I8;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.attr.AffineMap;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.data.TensorInit;
import org.tdlc.ir.ops.Einsum;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

class EinsumKernelTest {

  /** An affine map over {@code dims}; each subscript is (dim, coeff) pairs plus an optional trailing constant. */
  private static AffineMap map(List<String> dims, int[]... subscripts) {
    List<AffineExpr> exprs = new ArrayList<>();
    for (int[] s : subscripts) {
      List<Integer> coeffs = new ArrayList<>(java.util.Collections.nCopies(dims.size(), 0));
      for (int i = 0; i + 1 < s.length; i += 2) coeffs.set(s[i], s[i + 1]);
      exprs.add(new AffineExpr(coeffs, s.length % 2 == 1 ? s[s.length - 1] : 0));
    }
    return new AffineMap(dims, exprs);
  }

  private static int[] d(int dim) { return new int[] {dim, 1}; }

  private static DictAttr maps(AffineMap... maps) { return attrs("maps", Einsum.mapsAttribute(List.of(maps))); }

  @Test void rowSumsAndDiagonalWithOneOperand() {
    Tensor a = tensor(I8, new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    List<String> ij = List.of("i", "j");
    Tensor rows = TestModels.eval(Ops.EINSUM, maps(map(ij, d(0), d(1)), map(ij, d(0))), TensorType.of(I32, 2), a);
    assertArrayEquals(new int[] {6, 15}, rows.toArray());
    Tensor sq = tensor(I8, new int[] {3, 3}, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    List<String> i = List.of("i");
    Tensor diag = TestModels.eval(Ops.EINSUM, maps(map(i, d(0), d(0)), map(i, d(0))), TensorType.of(I32, 3), sq);
    assertArrayEquals(new int[] {1, 5, 9}, diag.toArray());
  }

  @Test void offsetSubscriptsAndOuterProduct() {
    // y[i, j] += a[i + 1] * b[j]
    Tensor a = tensor(I8, new int[] {3}, 10, 20, 30);
    Tensor b = tensor(I8, new int[] {2}, 1, -2);
    List<String> ij = List.of("i", "j");
    Tensor y = TestModels.eval(Ops.EINSUM, maps(map(ij, new int[] {0, 1, 1}), map(ij, d(1)), map(ij, d(0), d(1))),
        TensorType.of(I32, 2, 2), a, b);
    assertArrayEquals(new int[] {20, -40, 30, -60}, y.toArray());
  }

  @Test void wrapsLikeJavaInt() {
    Tensor a = tensor(I32, new int[] {1, 2}, Integer.MAX_VALUE, 1);   // y[i] += a[i, j]
    List<String> i = List.of("i", "j");
    Tensor y = TestModels.eval(Ops.EINSUM, maps(map(i, d(0), d(1)), map(i, d(0))), TensorType.of(I32, 1),
        a);
    assertArrayEquals(new int[] {Integer.MIN_VALUE}, y.toArray());
  }

  @Test void stridedConvolutionEqualsConv2d() {
    // y[n, k, p, q] += x[n, c, 2*p + r, 2*q + s] * w[k, c, r, s]
    List<String> dims = List.of("n", "k", "p", "q", "c", "r", "s");
    AffineMap x = map(dims, d(0), d(4), new int[] {2, 2, 5, 1}, new int[] {3, 2, 6, 1});
    AffineMap w = map(dims, d(1), d(4), d(5), d(6));
    AffineMap y = map(dims, d(0), d(1), d(2), d(3));
    Tensor xt = TensorInit.random(TensorType.of(I8, 2, 4, 9, 11), 31);
    Tensor wt = TensorInit.random(TensorType.of(I8, 3, 4, 3, 3), 32);
    Tensor viaEinsum = TestModels.eval(Ops.EINSUM, maps(x, w, y), TensorType.of(I32, 2, 3, 4, 5), xt, wt);
    Tensor viaConv = TestModels.eval(Ops.CONV2D, ConvKernelTest.conv(2, 2, 0, 0, 1), xt, wt);
    assertEquals(viaConv, viaEinsum);
  }

  @Test void batchedGemmEqualsMatmul() {
    // c[g, m, n] += a[g, m, k] * b[g, k, n]
    List<String> dims = List.of("g", "m", "n", "k");
    AffineMap a = map(dims, d(0), d(1), d(3));
    AffineMap b = map(dims, d(0), d(3), d(2));
    AffineMap c = map(dims, d(0), d(1), d(2));
    Tensor at = TensorInit.random(TensorType.of(I8, 3, 5, 7), 41);
    Tensor bt = TensorInit.random(TensorType.of(I8, 3, 7, 4), 42);
    Tensor viaEinsum = TestModels.eval(Ops.EINSUM, maps(a, b, c), TensorType.of(I32, 3, 5, 4), at, bt);
    assertEquals(TestModels.eval(Ops.MATMUL, DictAttr.EMPTY, at, bt), viaEinsum);
  }
}
