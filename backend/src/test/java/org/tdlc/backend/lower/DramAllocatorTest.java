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
}
