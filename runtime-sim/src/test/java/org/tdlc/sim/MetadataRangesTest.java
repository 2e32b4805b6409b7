// MetadataRanges: marks merge when they touch, other writes clear exactly their bytes (splitting a range),
// and an operand counts as compressed only when all of its bytes are marked.
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetadataRangesTest {
  @Test
  void marksMergeAndWritesClear() {
    MetadataRanges m = new MetadataRanges();
    assertFalse(m.covers(0, 1));
    m.mark(0, 16);
    m.mark(16, 32);
    assertTrue(m.covers(0, 32), "touching blocks of one tile form one range");
    m.clear(8, 12);
    assertFalse(m.covers(0, 32));
    assertTrue(m.covers(0, 8));
    assertTrue(m.covers(12, 32));
    m.mark(8, 12);
    assertTrue(m.covers(0, 32));
    m.clear(0, 40);
    assertTrue(m.isEmpty());
    m.mark(100, 200);
    m.mark(50, 100);
    m.mark(200, 210);
    assertTrue(m.covers(50, 210));
    assertFalse(m.covers(49, 210));
  }
}
