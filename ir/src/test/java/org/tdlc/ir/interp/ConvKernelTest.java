// conv2d: hand-computed cases for stride, padding, groups and depthwise, i32 wrap-around, and the
// optimized kernel against the naive reference on seeded random shapes and data (dense and sparse weights).
package org.tdlc.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tdlc.ir.interp.TestModels.attrs;
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

class ConvKernelTest {
  private static final Tensor X3 = tensor(I8, new int[] {1, 1, 3, 3}, 1, 2, 3, 4, 5, 6, 7, 8, 9);

  static DictAttr conv(int sh, int sw, int ph, int pw, int groups) {
    return attrs("stride", new int[] {sh, sw}, "pad", new int[] {ph, pw}, "groups", groups);
  }

  @Test void unitStrideNoPadding() {
    Tensor w = tensor(I8, new int[] {1, 1, 2, 2}, 1, 2, 3, 4);
    Tensor y = TestModels.eval(Ops.CONV2D, conv(1, 1, 0, 0, 1), X3, w);
    assertEquals(TensorType.of(I32, 1, 1, 2, 2), y.type());
    assertArrayEquals(new int[] {37, 47, 67, 77}, y.toArray());
  }

  @Test void strideTwoWithZeroPadding() {
    Tensor w = tensor(I8, new int[] {1, 1, 3, 3}, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    Tensor y = TestModels.eval(Ops.CONV2D, conv(2, 2, 1, 1, 1), X3, w);
    assertEquals(TensorType.of(I32, 1, 1, 2, 2), y.type());
    assertArrayEquals(new int[] {12, 16, 24, 28}, y.toArray());
  }

  @Test void unitStrideWithPaddingKeepsTheSize() {
    Tensor w = tensor(I8, new int[] {1, 1, 3, 3}, 0, 0, 0, 0, 0, 1, 0, 0, 0);   // picks x[p, q+1]
    Tensor y = TestModels.eval(Ops.CONV2D, conv(1, 1, 1, 1, 1), X3, w);
    assertArrayEquals(new int[] {2, 3, 0, 5, 6, 0, 8, 9, 0}, y.toArray());
  }

  @Test void groupsSplitChannels() {
    Tensor x = tensor(I8, new int[] {1, 4, 1, 1}, 1, 2, 3, 4);
    Tensor w = tensor(I16, new int[] {2, 2, 1, 1}, 1, 10, 100, 1000);
    assertArrayEquals(new int[] {21, 4300}, TestModels.eval(Ops.CONV2D, conv(1, 1, 0, 0, 2), x, w).toArray());
  }

  @Test void depthwise() {
    Tensor x = tensor(I8, new int[] {1, 2, 2, 2}, 1, 2, 3, 4, 5, 6, 7, 8);
    Tensor w = tensor(I8, new int[] {2, 1, 2, 2}, 1, 1, 1, 1, 2, 0, 0, -1);
    Tensor y = TestModels.eval(Ops.CONV2D, conv(1, 1, 0, 0, 2), x, w);
    assertEquals(TensorType.of(I32, 1, 2, 1, 1), y.type());
    assertArrayEquals(new int[] {10, 2}, y.toArray());
  }

  @Test void i32WrapsLikeJavaInt() {
    Tensor x = tensor(I32, new int[] {1, 1, 1, 2}, 1 << 30, 1 << 30);
    Tensor w = tensor(I32, new int[] {1, 1, 1, 2}, 2, 1);
    assertArrayEquals(new int[] {-(1 << 30)}, TestModels.eval(Ops.CONV2D, conv(1, 1, 0, 0, 1), x, w).toArray());
  }

  @Test void matchesTheNaiveLoopsOnRandomData() {
    int[][] cases = {   // N, C, H, W, K, R, S, sh, sw, ph, pw, groups
        {2, 4, 7, 6, 6, 3, 2, 1, 1, 0, 0, 1}, {2, 4, 7, 6, 6, 3, 2, 2, 1, 1, 2, 2},
        {1, 4, 9, 9, 4, 3, 3, 2, 3, 1, 1, 4}, {1, 3, 5, 8, 2, 5, 1, 1, 1, 2, 0, 1},
        {1, 6, 6, 6, 3, 1, 1, 1, 1, 0, 0, 3}, {1, 16, 16, 16, 32, 3, 3, 1, 1, 1, 1, 1},   // parallel path
        {1, 16, 17, 17, 32, 3, 3, 2, 2, 1, 1, 1}, {1, 2, 3, 3, 2, 3, 3, 1, 1, 2, 2, 1}};
    long seed = 100;
    for (int[] c : cases) {
      for (double density : new double[] {1.0, 0.3}) {
        Tensor x = TensorInit.random(TensorType.of(I8, c[0], c[1], c[2], c[3]), seed++);
        Tensor w = TensorInit.random(TensorType.of(I8, c[4], c[1] / c[11], c[5], c[6]), seed++, density);
        Tensor y = TestModels.eval(Ops.CONV2D, conv(c[7], c[8], c[9], c[10], c[11]), x, w);
        assertArrayEquals(ReferenceOps.conv(x, w, c[7], c[8], c[9], c[10], c[11]), y.toArray(),
            "case " + java.util.Arrays.toString(c) + " density " + density + " (seed " + (seed - 2) + ")");
      }
    }
  }
}
