// matmul: hand-computed 2-D, batched 3-D x 3-D and 3-D x 2-D products, i32 wrap-around, and the kernel
// against the naive reference on seeded random data, dense and sparse.
package org.tdlc.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tdlc.ir.interp.TestModels.tensor;
import static org.tdlc.ir.type.ElementType.I16;
import static org.tdlc.ir.type.ElementType.I32;
import static org.tdlc.ir.type.ElementType.I8;

import org.junit.jupiter.api.Test;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.data.TensorInit;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

class MatmulKernelTest {
  private static Tensor matmul(Tensor a, Tensor b) { return TestModels.eval(Ops.MATMUL, DictAttr.EMPTY, a, b); }

  @Test void twoDimensional() {
    Tensor a = tensor(I8, new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    Tensor b = tensor(I8, new int[] {3, 2}, 7, 8, 9, 10, 11, -12);
    Tensor y = matmul(a, b);
    assertEquals(TensorType.of(I32, 2, 2), y.type());
    assertArrayEquals(new int[] {58, -8, 139, 10}, y.toArray());
  }

  @Test void batchedTimesBatched() {
    Tensor a = tensor(I8, new int[] {2, 1, 2}, 1, 2, 3, 4);
    Tensor b = tensor(I16, new int[] {2, 2, 1}, 5, 6, 700, 800);
    Tensor y = matmul(a, b);
    assertEquals(TensorType.of(I32, 2, 1, 1), y.type());
    assertArrayEquals(new int[] {17, 5300}, y.toArray());
  }

  @Test void batchedTimesShared() {
    Tensor a = tensor(I8, new int[] {2, 1, 2}, 1, 2, 3, 4);
    Tensor b = tensor(I8, new int[] {2, 2}, 1, 0, 0, -1);
    Tensor y = matmul(a, b);
    assertEquals(TensorType.of(I32, 2, 1, 2), y.type());
    assertArrayEquals(new int[] {1, -2, 3, -4}, y.toArray());
  }

  @Test void i32WrapsLikeJavaInt() {
    Tensor a = tensor(I32, new int[] {1, 2}, Integer.MAX_VALUE, 1);
    Tensor b = tensor(I32, new int[] {2, 1}, 1, 1);
    assertArrayEquals(new int[] {Integer.MIN_VALUE}, matmul(a, b).toArray());
  }

  @Test void matchesTheNaiveLoopsOnRandomData() {
    int[][][] shapes = {{{5, 7}, {7, 3}}, {{3, 4, 6}, {3, 6, 5}}, {{3, 4, 6}, {6, 2}}, {{64, 300}, {300, 80}}};
    long seed = 7;
    for (int[][] s : shapes) {
      for (double density : new double[] {1.0, 0.2}) {
        Tensor a = TensorInit.random(TensorType.of(I8, s[0]), seed++, density);
        Tensor b = TensorInit.random(TensorType.of(I8, s[1]), seed++);
        assertArrayEquals(ReferenceOps.matmul(a, b), matmul(a, b).toArray(), "seed " + (seed - 2));
      }
    }
  }
}
