// TensorInit: deterministic values over the full range, exact non-zero counts, and per-input seeds.
// The pinned values guard the user-visible contract: a change here changes every generated weight.
package org.tdlc.ir.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

class TensorInitTest {
  private static final TensorType W = TensorType.of(ElementType.I8, 8, 4, 3, 3);

  private static long nonZeros(Tensor t) { return IntStream.of(t.toArray()).filter(v -> v != 0).count(); }

  @Test void randomIsDeterministicAndSeedSensitive() {
    assertEquals(TensorInit.random(W, 5), TensorInit.random(W, 5));
    assertNotEquals(TensorInit.random(W, 5), TensorInit.random(W, 6));
    assertEquals(TensorInit.random(W, 5, 0.3), TensorInit.random(W, 5, 0.3));
    assertNotEquals(TensorInit.random(W, 5, 0.3), TensorInit.random(W, 6, 0.3));
  }

  @Test void randomFollowsTheDocumentedAlgorithm() {
    TensorType t = TensorType.of(ElementType.I16, 5);
    SplitMix64 g = new SplitMix64(99);
    int[] expected = new int[5];
    for (int i = 0; i < 5; i++) expected[i] = (short) (g.nextLong() >>> 48);
    assertArrayEquals(expected, TensorInit.random(t, 99).toArray());
  }

  // Computed by an independent Python transcription of the algorithm in TensorInit's class comment.
  @Test void pinnedValues() {
    assertArrayEquals(new int[] {-111, -66, -8, 113, 113, -61},
        TensorInit.random(TensorType.of(ElementType.I8, 6), 1).toArray());
    assertArrayEquals(new int[] {113, 0, 0, 0, 113, -61, 0, 0},
        TensorInit.random(TensorType.of(ElementType.I8, 8), 1, 0.375).toArray());
  }

  @Test void coversTheFullRangeOfEachType() {
    Tensor t = TensorInit.random(TensorType.of(ElementType.I8, 4096), 3);
    assertEquals(-128, IntStream.of(t.toArray()).min().orElseThrow());
    assertEquals(127, IntStream.of(t.toArray()).max().orElseThrow());
    Tensor w = TensorInit.random(TensorType.of(ElementType.I32, 4096), 3);
    assertTrue(IntStream.of(w.toArray()).anyMatch(v -> v < -(1 << 30)));
    assertTrue(IntStream.of(w.toArray()).anyMatch(v -> v > (1 << 30)));
  }

  @Test void densityGivesExactlyRoundedNonZeroCounts() {
    int n = 8 * 4 * 3 * 3;
    assertEquals(0, nonZeros(TensorInit.random(W, 1, 0.0)));
    assertEquals(Math.round(0.25 * n), nonZeros(TensorInit.random(W, 1, 0.25)));
    assertEquals(n, nonZeros(TensorInit.random(W, 1, 1.0)));
    assertEquals(Math.round(0.35 * n), nonZeros(TensorInit.random(W, 1, 0.35)));
    TensorType one = TensorType.of(ElementType.I8, 1);
    assertEquals(1, nonZeros(TensorInit.random(one, 1, 0.5)));       // Math.round(0.5) = 1
    assertEquals(0, nonZeros(TensorInit.random(one, 1, 0.49)));
    TensorType three = TensorType.of(ElementType.I8, 3);
    assertEquals(2, nonZeros(TensorInit.random(three, 1, 0.5)));     // Math.round(1.5) = 2
  }

  @Test void rejectsDensityOutsideTheUnitInterval() {
    assertThrows(IllegalArgumentException.class, () -> TensorInit.random(W, 1, 1.5));
    assertThrows(IllegalArgumentException.class, () -> TensorInit.random(W, 1, Double.NaN));
  }

  @Test void inputsDifferByNameAndSeed() {
    TensorType t = TensorType.of(ElementType.I8, 16);
    assertEquals(TensorInit.randomInput(t, "x", 0), TensorInit.randomInput(t, "x", 0));
    assertNotEquals(TensorInit.randomInput(t, "x", 0), TensorInit.randomInput(t, "y", 0));
    assertNotEquals(TensorInit.randomInput(t, "x", 0), TensorInit.randomInput(t, "x", 1));
    assertEquals(TensorInit.random(t, 7 ^ TensorInit.fnv1a64("x")), TensorInit.randomInput(t, "x", 7));
  }

  @Test void fnvMatchesPublishedVectors() {
    assertEquals(0xcbf29ce484222325L, TensorInit.fnv1a64(""));
    assertEquals(0xaf63dc4c8601ec8cL, TensorInit.fnv1a64("a"));
    assertEquals(0x85944171f73967e8L, TensorInit.fnv1a64("foobar"));
  }
}
