// First-fit allocation of DRAM above a fixed base, with freed blocks coalesced, so an intermediate tensor
// can take the bytes of one that is dead. Safe because layers are separated by a barrier: every access of
// an earlier layer has finished before a later layer touches DRAM.
package org.tdlc.backend.lower;

import java.util.Map;
import java.util.TreeMap;

final class DramAllocator {
  private final int align;
  /** Free blocks by start address, coalesced, each a multiple of align. */
  private final TreeMap<Long, Long> free = new TreeMap<>();
  private long top;

  DramAllocator(long base, int align) {
    this.align = align;
    this.top = roundUp(base);
  }

  /** The high-water mark: every block ever allocated lies below it. */
  long top() { return top; }

  long allocate(long bytes) {
    long size = Math.max(align, roundUp(bytes));
    for (Map.Entry<Long, Long> e : free.entrySet()) {
      // key and value read before the removal: TreeMap may reuse a removed entry's node for its successor,
      // so e.getValue() after free.remove(at) can be another block's size (that split overlapping blocks)
      long at = e.getKey(), have = e.getValue();
      if (have < size) continue;
      free.remove(at);
      if (have > size) free.put(at + size, have - size);
      return at;
    }
    Map.Entry<Long, Long> last = free.lastEntry();
    if (last != null && last.getKey() + last.getValue() == top) {   // grow the free block at the top
      free.remove(last.getKey());
      top = last.getKey() + size;
      return last.getKey();
    }
    long at = top;
    top += size;
    return at;
  }

  void release(long at, long bytes) {
    long size = Math.max(align, roundUp(bytes));
    Map.Entry<Long, Long> before = free.floorEntry(at);
    if (before != null && before.getKey() + before.getValue() == at) {
      at = before.getKey();
      size += before.getValue();
      free.remove(at);
    }
    Long after = free.get(at + size);
    if (after != null) {
      free.remove(at + size);
      size += after;
    }
    free.put(at, size);
  }

  private long roundUp(long x) { return (x + align - 1) / align * align; }
}
