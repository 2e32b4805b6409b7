// The quantization rules docs/interop.md states, on values worked out by hand, and the node table's
// completeness: every ONNX op the importer knows is in the docs' table, so the two cannot drift apart.
package org.tdlc.interop.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QuantizationTest {
  @Test
  void aWeightTensorsExponentKeepsItsLargestMagnitudeWithin127() {
    assertEquals(7, Quantization.weightExponent(new float[] {0.5f, -0.25f}));     // 0.5 * 2^7 = 64, * 2^8 = 128
    assertEquals(8, Quantization.weightExponent(new float[] {0.49f}));            // 0.49 * 256 = 125.4
    assertEquals(-3, Quantization.weightExponent(new float[] {1000f}));           // 1000 / 8 = 125
    assertEquals(0, Quantization.weightExponent(new float[] {0f, 0f}));
    assertEquals(6, Quantization.weightExponent(new float[] {127f / 64}));         // exactly 127 at 2^6
  }

  @Test
  void weightsRoundToNearestTiesAwayFromZeroAndClampSymmetrically() {
    assertEquals(3, Quantization.weight(0.75f, 2));     // 3.0
    assertEquals(2, Quantization.weight(0.375f, 2));    // 1.5 -> 2
    assertEquals(-2, Quantization.weight(-0.375f, 2));  // -1.5 -> -2
    assertEquals(127, Quantization.weight(5f, 6));      // 320 clamps
    assertEquals(-127, Quantization.weight(-5f, 6));
    assertEquals(-128, Quantization.activation(-5.0, 6));   // activations use the whole i8 range
    assertEquals(Integer.MAX_VALUE, Quantization.bias(1e12f, 4));
  }

  @Test
  void anActivationsExponentPutsItsStandardDeviationAtMost32Steps() {
    assertEquals(5, Quantization.activationExponent(1.0));       // sigma 1: 32 steps
    assertEquals(4, Quantization.activationExponent(4.0));       // sigma 2: 2 * 2^4 = 32
    assertEquals(3, Quantization.activationExponent(4.41));      // sigma 2.1: 2^4 gives 33.6
    assertEquals(15, Quantization.activationExponent(1.0 / 1024 / 1024));   // sigma 2^-10: 2^-10 * 2^15 = 32
    assertEquals(0, Quantization.shift(5, 9));                   // never a left shift
    assertEquals(31, Quantization.shift(40, 2));
    assertEquals(7, Quantization.shift(12, 5));
  }

  @Test
  void everyOpOfTheNodeTableIsInTheDocsTable() throws IOException {
    String docs = Files.readString(Path.of("../docs/interop.md"));
    for (String op : NodeRules.RULES.keySet()) assertTrue(docs.contains("`" + op + "`"), op + " is missing from docs/interop.md");
  }
}
