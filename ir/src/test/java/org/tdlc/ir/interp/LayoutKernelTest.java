// flatten, reshape and transpose: row-major order kept by the first two, and transpose against a
// coordinate-by-coordinate reference on a random rank-4 tensor.
package org.tdlc.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tdlc.ir.interp.TestModels.attrs;
import static org.tdlc.ir.interp.TestModels.tensor;
import static org.tdlc.ir.type.ElementType.I32;
import static org.tdlc.ir.type.ElementType.I8;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.data.TensorInit;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

class LayoutKernelTest {
  private static final Tensor X = Tensor.of(TensorType.of(I8, 2, 3, 2), IntStream.range(0, 12).toArray());

  @Test void flattenKeepsTheBatchDimension() {
    Tensor y = TestModels.eval(Ops.FLATTEN, DictAttr.EMPTY, X);
    assertEquals(TensorType.of(I8, 2, 6), y.type());
    assertArrayEquals(X.toArray(), y.toArray());
    Tensor v = tensor(I32, new int[] {3}, 1, 2, 3);
    assertEquals(v, TestModels.eval(Ops.FLATTEN, DictAttr.EMPTY, v));
  }

  @Test void reshapeIsRowMajor() {
    Tensor y = TestModels.eval(Ops.RESHAPE, attrs("shape", new int[] {4, 3}), X);
    assertEquals(TensorType.of(I8, 4, 3), y.type());
    assertEquals(5, y.get(1, 2));
  }

  @Test void transposeMatrix() {
    Tensor a = tensor(I8, new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    Tensor y = TestModels.eval(Ops.TRANSPOSE, attrs("perm", new int[] {1, 0}), a);
    assertEquals(TensorType.of(I8, 3, 2), y.type());
    assertArrayEquals(new int[] {1, 4, 2, 5, 3, 6}, y.toArray());
  }

  @Test void transposeRank4MatchesCoordinates() {
    Tensor x = TensorInit.random(TensorType.of(I8, 2, 3, 4, 5), 9);
    int[] perm = {0, 2, 3, 1};
    Tensor y = TestModels.eval(Ops.TRANSPOSE, attrs("perm", perm), x);
    assertEquals(TensorType.of(I8, 2, 4, 5, 3), y.type());
    for (int i = 0; i < y.elementCount(); i++) {
      int[] c = Tensor.coordinates(y.type(), i);
      int[] xc = new int[4];
      for (int d = 0; d < 4; d++) xc[perm[d]] = c[d];
      assertEquals(x.get(xc), y.at(i));
    }
  }
}
