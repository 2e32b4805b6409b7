// I-BERT's integer functions worked out by hand at frac = 4 (S = 1/16): the constants from the paper's decimals,
// i-exp halving every q_ln2 steps, i-sqrt's floor, i-GELU's sign symmetry and saturation, and the two tables at
// their ends. docs/ops.md prints the same constants; tests/numpy/vector_ops_check.py recomputes them in Python.
package org.tdlc.ir.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tdlc.ir.type.ElementType;

class IntegerFunctionsTest {
  @Test void expConstantsAreThePapersAtScaleOneSixteenth() {
    // q_ln2 = floor(0.6931 * 16) = 11, q_b = floor(1.353 * 16) = 21, q_c = floor(0.344 * 256 / 0.3585) = 245
    assertEquals(new IntegerFunctions.ExpConstants(4, 11, 21, 245, 0), IntegerFunctions.exp(4));
    // frac 12: each term shifted right by 2 * 12 - 14 = 10 so that it stays below 2^16
    assertEquals(10, IntegerFunctions.exp(12).shift());
    assertTrue(IntegerFunctions.exp(12).maxTerm() < 1 << 16);
    assertThrows(IllegalArgumentException.class, () -> IntegerFunctions.exp(0));
    assertThrows(IllegalArgumentException.class, () -> IntegerFunctions.exp(15));
  }

  @Test void iexpHalvesEveryLn2AndClampsFarBelow() {
    IntegerFunctions.ExpConstants k = IntegerFunctions.exp(4);
    assertEquals(686, IntegerFunctions.expTerm(k, 0));      // 21^2 + 245
    assertEquals(343, IntegerFunctions.expTerm(k, -11));    // one q_ln2 down: z = 1, p = 0
    assertEquals(501, IntegerFunctions.expTerm(k, -5));     // (16)^2 + 245: 501 / 686 = 0.730, exp(-5/16) = 0.732
    assertEquals(0, IntegerFunctions.expTerm(k, -1000));    // clamped at -30 q_ln2: 686 >> 30
  }

  @Test void isqrtIsTheFloorOfTheSquareRoot() {
    assertEquals(0, IntegerFunctions.isqrt(0));
    assertEquals(0, IntegerFunctions.isqrt(-5));
    assertEquals(3, IntegerFunctions.isqrt(15));
    assertEquals(4, IntegerFunctions.isqrt(16));
    assertEquals(4, IntegerFunctions.isqrt(24));
    assertEquals(1L << 31, IntegerFunctions.isqrt(1L << 62));
    assertEquals(3037000499L, IntegerFunctions.isqrt(Long.MAX_VALUE));
    for (long n = 0; n < 5000; n++) {
      long r = IntegerFunctions.isqrt(n);
      assertTrue(r * r <= n && (r + 1) * (r + 1) > n, "isqrt(" + n + ") = " + r);
    }
  }

  @Test void igeluFollowsTheSignAndTheIdentityFarOut() {
    // q_b = floor(-1.769 * sqrt(2) * 16) = -41, q_c = floor(-2^9 / 0.2888) = -1773
    IntegerFunctions.GeluConstants k = IntegerFunctions.gelu(4);
    assertEquals(new IntegerFunctions.GeluConstants(4, -41, -1773), k);
    assertEquals(0, IntegerFunctions.gelu(k, 0));
    // x = 1: erf = (16 - 41)^2 - 1773 = -1148; y = -16 * (-1148 - 1773) = 46736 ~ 0.8238 / (0.2888 * 2^-14)
    assertEquals(46736, IntegerFunctions.gelu(k, 16));
    assertEquals(-10000, IntegerFunctions.gelu(k, -16));
    assertEquals(3546000, IntegerFunctions.gelu(k, 1000));  // = 1000 * 2 * 1773: GELU(x) = x far out
    assertEquals(0, IntegerFunctions.gelu(k, -1000));
    assertEquals(Integer.MAX_VALUE, IntegerFunctions.gelu(IntegerFunctions.gelu(13), Integer.MAX_VALUE));
    assertEquals(0.2888 * 0x1p-14, IntegerFunctions.geluScale(4));
  }

  @Test void tablesRoundToNearestAndSaturate() {
    int[] sigmoid = IntegerFunctions.sigmoidTable(4), tanh = IntegerFunctions.tanhTable(4);
    assertEquals(0, sigmoid[0]);            // x = -8: 128 / (1 + e^8) = 0.04
    assertEquals(64, sigmoid[128]);         // x = 0: 64
    assertEquals(127, sigmoid[255]);        // 127.95 rounds to 128, saturated
    assertEquals(0, tanh[128]);
    assertEquals(97, tanh[128 + 16]);       // 128 tanh(1) = 97.48
    assertEquals(-97, tanh[128 - 16]);
    assertEquals(-128, tanh[0]);
    assertEquals(127, tanh[255]);
    tanh[0] = 5;
    assertEquals(-128, IntegerFunctions.tanhTable(4)[0], "the table is a copy");
  }

  @Test void layernormShiftsOnlyWhenTheSquaresCouldLeaveI32() {
    assertEquals(0, NormKernel.layernormShift(ElementType.I8, 768));
    assertEquals(0, NormKernel.layernormShift(ElementType.I8, 33025));   // 33025 * 255^2 < 2^31
    assertEquals(1, NormKernel.layernormShift(ElementType.I8, 33026));
    assertEquals(6, NormKernel.layernormShift(ElementType.I16, 768));
  }
}
