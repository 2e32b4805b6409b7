// SplitMix64 against the reference implementation's published outputs, and its derived draws.
package org.tdlc.ir.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplitMix64Test {
  @Test void matchesTheReferenceSequence() {
    // Outputs of Vigna's splitmix64.c seeded with 1234567.
    SplitMix64 g = new SplitMix64(1234567);
    assertEquals(6457827717110365317L, g.nextLong());
    assertEquals(3203168211198807973L, g.nextLong());
    assertEquals(Long.parseUnsignedLong("9817491932198370423"), g.nextLong());
    assertEquals(4593380528125082431L, g.nextLong());
    assertEquals(Long.parseUnsignedLong("16408922859458223821"), g.nextLong());
  }

  @Test void signedDrawsAreTheTopBits() {
    long first = new SplitMix64(7).nextLong();
    assertEquals((byte) (first >>> 56), new SplitMix64(7).nextSigned(8));
    assertEquals((short) (first >>> 48), new SplitMix64(7).nextSigned(16));
    assertEquals((int) (first >>> 32), new SplitMix64(7).nextSigned(32));
  }

  @Test void boundedDrawsStayInBoundsAndCoverThem() {
    SplitMix64 g = new SplitMix64(42);
    boolean[] seen = new boolean[7];
    for (int i = 0; i < 1000; i++) {
      int v = g.nextInt(7);
      assertTrue(v >= 0 && v < 7);
      seen[v] = true;
    }
    for (boolean s : seen) assertTrue(s);
    assertEquals(0, g.nextInt(1));
  }
}
