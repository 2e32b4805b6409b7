// maxpool and avgpool: padding never wins over negative values, windows at the borders, default strides,
// and avgpool's rounding floorDiv(sum + count/2, count) on negative sums.
package org.tdlc.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tdlc.ir.interp.TestModels.attrs;
import static org.tdlc.ir.interp.TestModels.tensor;
import static org.tdlc.ir.type.ElementType.I16;
import static org.tdlc.ir.type.ElementType.I8;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

class PoolKernelTest {
  @Test void maxpoolPaddingNeverWins() {
    Tensor x = tensor(I8, new int[] {1, 1, 2, 2}, -5, -6, -7, -8);
    Tensor y = TestModels.eval(Ops.MAXPOOL, attrs("kernel", new int[] {2, 2}, "stride", new int[] {1, 1},
        "pad", new int[] {1, 1}), x);
    assertEquals(TensorType.of(I8, 1, 1, 3, 3), y.type());
    assertArrayEquals(new int[] {-5, -5, -6, -5, -5, -6, -7, -7, -8}, y.toArray());
  }

  @Test void maxpoolStrideTwoPadOne() {
    Tensor x = Tensor.of(TensorType.of(I16, 1, 1, 4, 4), IntStream.range(0, 16).toArray());
    Tensor y = TestModels.eval(Ops.MAXPOOL, attrs("kernel", new int[] {3, 3}, "stride", new int[] {2, 2},
        "pad", new int[] {1, 1}), x);
    assertArrayEquals(new int[] {5, 7, 13, 15}, y.toArray());
  }

  @Test void maxpoolPerChannel() {
    Tensor x = tensor(I8, new int[] {1, 2, 2, 2}, 1, 9, 3, 4, -1, -2, -3, -4);
    Tensor y = TestModels.eval(Ops.MAXPOOL, attrs("kernel", new int[] {2, 2}, "stride", new int[] {2, 2},
        "pad", new int[] {0, 0}), x);
    assertArrayEquals(new int[] {9, -1}, y.toArray());
  }

  @Test void avgpoolRoundsHalfUpAlsoForNegativeSums() {
    Tensor x = tensor(I8, new int[] {1, 1, 2, 4}, -1, -2, -3, -2, 1, 2, 3, 3);
    Tensor y = TestModels.eval(Ops.AVGPOOL, attrs("kernel", new int[] {1, 2}, "stride", new int[] {1, 2}), x);
    assertEquals(TensorType.of(I8, 1, 1, 2, 2), y.type());
    // sums -3, -5, 3, 6 over 2: floorDiv(-2, 2), floorDiv(-4, 2), floorDiv(4, 2), floorDiv(7, 2)
    assertArrayEquals(new int[] {-1, -2, 2, 3}, y.toArray());
    Tensor z = tensor(I8, new int[] {1, 2, 2, 2}, -1, -1, -1, 0, -1, -1, 0, 0);
    // sums -3 and -2 over 4: floorDiv(-1, 4) = -1, floorDiv(0, 4) = 0
    assertArrayEquals(new int[] {-1, 0},
        TestModels.eval(Ops.AVGPOOL, attrs("kernel", new int[] {2, 2}, "stride", new int[] {2, 2}), z).toArray());
  }

  @Test void avgpoolOverlappingWindowsAndExtremes() {
    Tensor x = tensor(I8, new int[] {1, 1, 1, 3}, 127, 127, -128);
    Tensor y = TestModels.eval(Ops.AVGPOOL, attrs("kernel", new int[] {1, 2}, "stride", new int[] {1, 1}), x);
    // (254 + 1) floorDiv 2 = 127; (-1 + 1) floorDiv 2 = 0
    assertArrayEquals(new int[] {127, 0}, y.toArray());
  }
}
