// First-fit DRAM allocation: aligned blocks, reuse of freed blocks, coalescing of neighbours.
package org.tdlc.backend.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DramAllocatorTest {
  @Test
  void allocatesAlignedAboveTheBase() {
    DramAllocator a = new DramAllocator(100, 64);
    assertEquals(128, a.allocate(10));
    assertEquals(192, a.allocate(65));
    assertEquals(320, a.top());
  }

  @Test
  void reusesAndCoalescesFreedBlocks() {
    DramAllocator a = new DramAllocator(0, 64);
    long x = a.allocate(64), y = a.allocate(64), z = a.allocate(64);
    a.release(x, 64);
    a.release(y, 64);
    assertEquals(x, a.allocate(128));        // x and y coalesced
    a.release(z, 64);
    assertEquals(z, a.allocate(256));        // the free block at the top grows instead of leaving a hole
    assertEquals(z + 256, a.top());
  }

  /**
   * Random allocations and releases never hand out a block that overlaps a live one. (Splitting a free block
   * once read its size from a TreeMap entry after removing it; TreeMap may reuse that node for the successor,
   * so the remainder took another block's size and later blocks overlapped live tensors: MobileNetV2's layer
   * features_13 read input its own output had overwritten.)
   */
  @Test
  void liveBlocksNeverOverlap() {
    for (long seed = 0; seed < 200; seed++) {
      java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
      DramAllocator a = new DramAllocator(0, 64);
      java.util.List<long[]> live = new java.util.ArrayList<>();
      for (int step = 0; step < 300; step++) {
        if (!live.isEmpty() && rnd.nextInt(3) == 0) {
          long[] b = live.remove(rnd.nextInt(live.size()));
          a.release(b[0], b[1]);
          continue;
        }
        long bytes = 1 + rnd.nextInt(rnd.nextBoolean() ? 200 : 5000);
        long at = a.allocate(bytes);
        long end = at + (bytes + 63) / 64 * 64;
        for (long[] b : live) {
          long bEnd = b[0] + (b[1] + 63) / 64 * 64;
          if (at < bEnd && b[0] < end) {
            throw new AssertionError("seed " + seed + " step " + step + ": [" + at + ", " + end + ") overlaps live ["
                + b[0] + ", " + bEnd + ")");
          }
        }
        assertEquals(0, at % 64);
        live.add(new long[] {at, bytes});
      }
    }
  }
}
