// add, relu and requant: type widening and wrap-around of add, and requant's rounding (including
// negatives, where the arithmetic shift rounds toward minus infinity), clamping and the shift-0 case.
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
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

class ElementwiseKernelTest {
  private static Tensor add(Tensor a, Tensor b) { return TestModels.eval(Ops.ADD, DictAttr.EMPTY, a, b); }

  private static int[] requant(int shift, int... xs) {
    return TestModels.eval(Ops.REQUANT, attrs("shift", shift), tensor(I32, new int[] {xs.length}, xs)).toArray();
  }

  @Test void addWidensToTheWiderType() {
    Tensor y = add(tensor(I8, new int[] {2}, 127, -128), tensor(I16, new int[] {2}, 1, -1));
    assertEquals(TensorType.of(I16, 2), y.type());
    assertArrayEquals(new int[] {128, -129}, y.toArray());
  }

  @Test void addWrapsInTheResultType() {
    Tensor i8 = add(tensor(I8, new int[] {2}, 127, -128), tensor(I8, new int[] {2}, 1, -1));
    assertArrayEquals(new int[] {-128, 127}, i8.toArray());
    Tensor i16 = add(tensor(I16, new int[] {1}, 32767), tensor(I8, new int[] {1}, 1));
    assertArrayEquals(new int[] {-32768}, i16.toArray());
    Tensor y = add(tensor(I32, new int[] {2}, Integer.MAX_VALUE, Integer.MIN_VALUE), tensor(I8, new int[] {2}, 1, -1));
    assertArrayEquals(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, y.toArray());
  }

  @Test void reluKeepsTheType() {
    Tensor y = TestModels.eval(Ops.RELU, DictAttr.EMPTY, tensor(I16, new int[] {4}, -5, 0, 7, -32768));
    assertEquals(TensorType.of(I16, 4), y.type());
    assertArrayEquals(new int[] {0, 0, 7, 0}, y.toArray());
  }

  @Test void requantShiftZeroOnlyClamps() {
    assertArrayEquals(new int[] {5, -5, 127, -128, 127, -128},
        requant(0, 5, -5, 128, -129, Integer.MAX_VALUE, Integer.MIN_VALUE));
  }

  @Test void requantRoundsHalfUpWithArithmeticShift() {
    // (x + 1) >> 1: 5 -> 3, 4 -> 2, -3 -> -1, -4 -> -2, -5 -> -2, -1 -> 0
    assertArrayEquals(new int[] {3, 2, -1, -2, -2, 0}, requant(1, 5, 4, -3, -4, -5, -1));
    // (x + 4) >> 3: -12 -> -1, -13 -> -2, 12 -> 2, 11 -> 1
    assertArrayEquals(new int[] {-1, -2, 2, 1}, requant(3, -12, -13, 12, 11));
  }

  @Test void requantClampsAndNeverOverflows() {
    assertArrayEquals(new int[] {127, -128, 127, -128}, requant(2, 1000, -1000, 511, -515));
    assertArrayEquals(new int[] {1, -1, 0}, requant(31, Integer.MAX_VALUE, Integer.MIN_VALUE, -(1 << 30)));
    assertArrayEquals(new int[] {127}, requant(8, Integer.MAX_VALUE));
  }

  @Test void requantResultIsI8() {
    Tensor y = TestModels.eval(Ops.REQUANT, attrs("shift", 2), tensor(I16, new int[] {1, 2}, 400, -400));
    assertEquals(TensorType.of(I8, 1, 2), y.type());
    assertArrayEquals(new int[] {100, -100}, y.toArray());
  }

  @Test void requantToSixteenBitsSaturatesIntoI16() {
    Tensor y = TestModels.eval(Ops.REQUANT, attrs("shift", 2, "bits", 16),
        tensor(I32, new int[] {4}, 400, -400, 1 << 20, -(1 << 20)));
    assertEquals(TensorType.of(I16, 4), y.type());
    // (x + 2) >> 2: 400 -> 100, -400 -> -100; 2^18 and -2^18 clamp into [-32768, 32767]
    assertArrayEquals(new int[] {100, -100, 32767, -32768}, y.toArray());
  }

  @Test void requantTakesOnlyEightOrSixteenBits() {
    org.tdlc.ir.ops.OpTypeException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.tdlc.ir.ops.OpTypeException.class,
        () -> TestModels.eval(Ops.REQUANT, attrs("shift", 2, "bits", 12), tensor(I32, new int[] {1}, 4)));
    assertEquals("requant: bits must be 8 or 16, got 12", e.getMessage());
  }
}
