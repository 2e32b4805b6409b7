// Chooses one tile size per index so that every slot of the layer's buffer plan fits the global buffer:
// start from the whole iteration space, halve the index whose halving saves the most bytes until it fits,
// then grow each index back as far as it still fits (which is what produces remainder tiles).
package org.tdlc.backend.lower;

import org.tdlc.machine.BufferLayout;
import org.tdlc.machine.MemoryLevel;

final class TileSizes {
  private TileSizes() {}

  /** The chosen tile sizes and the buffer plan they give. */
  record Choice(int[] tile, BufferPlan plan) {}

  static Choice choose(TiledOp op, MemoryLevel global) {
    long capacity = Math.min(global.sizeBytes(), Integer.MAX_VALUE);
    int[] ones = new int[op.ranges().length];
    java.util.Arrays.fill(ones, 1);
    long minimal = Long.MAX_VALUE;
    for (int[] slots : BufferLayout.slotOptions(global.doubleBuffer())) {
      long need = BufferPlan.bytes(op, ones, slots[0], slots[1]);
      minimal = Math.min(minimal, need);
      if (need > capacity) continue;
      int[] tile = search(op, capacity, slots[0], slots[1]);
      return new Choice(tile, BufferPlan.of(op, tile, slots[0], slots[1]));
    }
    throw new LoweringException(op.location(), op.opName() + " " + op.layerName() + ": the " + global.name()
        + " buffer holds " + global.sizeBytes() + " bytes, but even the smallest tile (one element per index) needs "
        + minimal + " bytes");
  }

  /**
   * A tile the mapping chose: the first slot layout it fits (double-buffered first, as for the heuristic);
   * a tile that fits none is a located error naming the buffer and both sizes.
   */
  static Choice fixed(TiledOp op, MemoryLevel global, int[] tile) {
    for (int[] slots : BufferLayout.slotOptions(global.doubleBuffer())) {
      if (BufferPlan.bytes(op, tile, slots[0], slots[1]) <= global.sizeBytes()) {
        return new Choice(tile.clone(), BufferPlan.of(op, tile, slots[0], slots[1]));
      }
    }
    throw new LoweringException(op.location(), op.opName() + " " + op.layerName() + ": the mapped tile needs "
        + BufferPlan.bytes(op, tile, 1, 1) + " bytes of the " + global.name() + " buffer, which holds "
        + global.sizeBytes() + " bytes");
  }

  private static int[] search(TiledOp op, long capacity, int nIn, int nOut) {
    int[] tile = op.ranges().clone();
    while (BufferPlan.bytes(op, tile, nIn, nOut) > capacity) {
      int best = -1;
      long bestBytes = Long.MAX_VALUE;
      for (int d = 0; d < tile.length; d++) {
        if (tile[d] == 1) continue;
        int keep = tile[d];
        tile[d] = (keep + 1) / 2;
        long bytes = BufferPlan.bytes(op, tile, nIn, nOut);
        tile[d] = keep;
        if (bytes < bestBytes) {
          bestBytes = bytes;
          best = d;
        }
      }
      tile[best] = (tile[best] + 1) / 2;   // some index is > 1 here: all-ones fits by the caller's check
    }
    for (int d = 0; d < tile.length; d++) {
      int lo = tile[d], hi = op.ranges()[d];
      while (lo < hi) {
        int mid = lo + (hi - lo + 1) / 2;
        tile[d] = mid;
        if (BufferPlan.bytes(op, tile, nIn, nOut) <= capacity) lo = mid; else hi = mid - 1;
      }
      tile[d] = lo;
    }
    return tile;
  }
}
