// The exact schedule of one mapped layer: walks the tile sequence in the lowering's emission order
// (TileEmitter), giving each instruction the simulator's duration (TimingModel) and the start the
// Scheduler gives it: max(its queue's free time, the end of every instruction it waits for on a buffer
// region), and counting the input loads exactly as the lowering's slots reuse boxes. Too slow for the
// search's inner loop, so the mapper ranks with CostModel's closed form and picks among its finalists,
// and Predictions reports, with this one.
package org.tdlc.passes.mapping;

import java.util.Arrays;
import java.util.List;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.target.MemoryLevel;
import org.tdlc.ir.target.Target;

/**
 * The layer's instructions, as emitted: a CONFIG barrier (1 cycle) that every load waits for; per output
 * tile (the order's last output index fastest), a FILL of the accumulator, per reduction step a load of
 * each input box no slot already holds (into the slot after the one it used last) and one MAC, then the
 * residual tile's load, one ALU per epilogue step and the store. Waits are the lowering's buffer hazards:
 * read after write, write after read, write after write, per slot region. A layer's cycles, as the
 * simulator reports them, run from its CONFIG's start to its last store's end.
 */
final class TileTimeline {
  /** The layer's cycles; per input, the DRAM bytes its loads read and the buffer bytes they write; load busy. */
  record Schedule(long cycles, long[] dramRead, long[] bufferWrite, long loadBusy) {}

  private static final int LOAD = 0, COMPUTE = 1, STORE = 2;

  private final LoopSpace space;
  private final Target target;
  private final int n;
  private final boolean[] reduced;
  private final int rowDim, colDim;
  private final int[] tile, order, ranges;
  private final int nIn, nOut;
  private final long[] free = new long[3];
  /** Per region: the end of its last writer, and the latest end of its readers since. */
  private final long[] writerEnd, readersEnd;
  /** Per input, per slot: the box it holds (lo then extent per subscript), null while empty. */
  private final int[][][] held;
  private final int[] lastSlot;
  private final long[] dramRead = new long[2], bufferWrite = new long[2];
  private long loadBusy;

  private TileTimeline(LoopSpace space, Target target, int rowDim, int colDim, int[] tile, int[] order, int[] slots) {
    this.space = space;
    this.target = target;
    this.n = space.dims().size();
    this.ranges = space.ranges();
    this.reduced = new boolean[n];
    for (int d = 0; d < n; d++) reduced[d] = space.reduced(d);
    this.rowDim = rowDim;
    this.colDim = colDim;
    this.tile = tile;
    this.order = order;
    this.nIn = slots[0];
    this.nOut = slots[1];
    int regions = nIn * 3 + nOut * 5;
    writerEnd = new long[regions];
    readersEnd = new long[regions];
    held = new int[2][nIn][];
    lastSlot = new int[] {-1, -1};
  }

  /** The layer's schedule for a feasible mapping with these {nIn, nOut} slots. */
  static Schedule of(LoopSpace space, Target target, int rowDim, int colDim, int[] tile, int[] order, int[] slots) {
    TileTimeline t = new TileTimeline(space, target, rowDim, colDim, tile, order, slots);
    long cycles = t.run();
    return new Schedule(cycles, t.dramRead, t.bufferWrite, t.loadBusy);
  }

  private long run() {
    long barrier = run(COMPUTE, 1, new int[0], new int[0], 0);
    long end = barrier;
    boolean[] outer = new boolean[n], inner = new boolean[n];
    for (int d = 0; d < n; d++) {
      outer[d] = !reduced[d];
      inner[d] = reduced[d];
    }
    int t = 0;
    int[] origin = new int[n];
    do {
      int slot = t % nOut, resSlot = t % nIn;
      long elements = 1;
      for (int d = 0; d < n; d++) if (!reduced[d]) elements *= extent(origin, d);
      long alu = (elements + target.cols() - 1) / target.cols() + 2;
      run(COMPUTE, alu, new int[0], new int[] {outRegion(slot, 4)}, 0);
      for (int d = 0; d < n; d++) if (reduced[d]) origin[d] = 0;
      do step(origin, slot, barrier); while (next(origin, inner));
      int from = 4;
      if (space.residualBytes() > 0) {
        long b = elements * space.residualBytes();
        run(LOAD, dma(b, b), new int[0], new int[] {residualRegion(resSlot)}, barrier);
      }
      for (int[] io : space.epilogueIo()) {
        int to = io[1];
        boolean add = io[0] != from;
        int[] reads = add ? new int[] {outRegion(slot, from), residualRegion(resSlot)} : new int[] {outRegion(slot, from)};
        run(COMPUTE, alu, reads, new int[] {outRegion(slot, to)}, 0);
        from = to;
      }
      long out = elements * space.resultBytes();
      end = run(STORE, dma(out, out), new int[] {outRegion(slot, from)}, new int[0], 0);
      t++;
    } while (next(origin, outer));
    return end;
  }

  /** One reduction step: the loads of boxes no slot holds, then the MAC over every loaded box. */
  private void step(int[] origin, int outSlot, long barrier) {
    int[] reads = new int[3];
    for (int i = 0; i < 2; i++) {
      int[] box = box(i, origin);
      int slot = -1;
      for (int s = 0; s < nIn && slot < 0; s++) if (Arrays.equals(box, held[i][s])) slot = s;
      if (slot < 0) {
        slot = (lastSlot[i] + 1) % nIn;
        long[] bytes = boxBytes(i, box);
        dramRead[i] += bytes[0];
        bufferWrite[i] += bytes[1];
        run(LOAD, dma(bytes[0], bytes[1]), new int[0], new int[] {inputRegion(slot, i)}, barrier);
        held[i][slot] = box;
      }
      lastSlot[i] = slot;
      reads[i] = inputRegion(slot, i);
    }
    reads[2] = outRegion(outSlot, 4);
    long folds = 1;
    for (int d = 0; d < n; d++) {
      int e = extent(origin, d);
      folds *= d == rowDim ? ceil(e, target.rows()) : d == colDim ? ceil(e, target.cols()) : e;
    }
    run(COMPUTE, folds + target.rows() + target.cols(), reads, new int[] {reads[2]}, 0);
  }

  /** Schedules one instruction; returns its end. */
  private long run(int q, long duration, int[] reads, int[] writes, long after) {
    long start = Math.max(free[q], after);
    for (int r : reads) start = Math.max(start, writerEnd[r]);
    for (int r : writes) start = Math.max(start, Math.max(writerEnd[r], readersEnd[r]));
    long end = start + duration;
    free[q] = end;
    if (q == LOAD) loadBusy += duration;
    for (int r : reads) readersEnd[r] = Math.max(readersEnd[r], end);
    for (int r : writes) {
      writerEnd[r] = end;
      readersEnd[r] = 0;
    }
    return end;
  }

  /** Advances the tile origin over the included indices, the order's last fastest; false after the last. */
  private boolean next(int[] origin, boolean[] include) {
    for (int i = order.length - 1; i >= 0; i--) {
      int d = order[i];
      if (!include[d]) continue;
      if ((origin[d] += tile[d]) < ranges[d]) return true;
      origin[d] = 0;
    }
    return false;
  }

  private int extent(int[] origin, int d) { return Math.min(tile[d], ranges[d] - origin[d]); }

  /** Input i's box at this tile: per subscript its lowest point, then per subscript its extent. */
  private int[] box(int i, int[] origin) {
    List<AffineExpr> map = space.maps().get(i);
    int[] box = new int[2 * map.size()];
    for (int pos = 0; pos < map.size(); pos++) {
      AffineExpr e = map.get(pos);
      long lo = e.constant(), hi = e.constant();
      for (int d = 0; d < n; d++) {
        long c = e.coeffs().get(d), first = origin[d], last = origin[d] + extent(origin, d) - 1L;
        lo += c > 0 ? c * first : c * last;
        hi += c > 0 ? c * last : c * first;
      }
      box[pos] = (int) lo;
      box[map.size() + pos] = (int) (hi - lo + 1);
    }
    return box;
  }

  /** {in-range bytes DRAM delivers, every buffer point's bytes} of input i's box. */
  private long[] boxBytes(int i, int[] box) {
    int rank = box.length / 2;
    long all = space.bytes()[i], inRange = space.bytes()[i];
    for (int pos = 0; pos < rank; pos++) {
      int lo = box[pos], ext = box[rank + pos], size = space.shapes()[i][pos];
      all *= ext;
      inRange *= Math.max(0, Math.min(lo + ext, size) - Math.max(lo, 0));
    }
    return new long[] {inRange, all};
  }

  private long dma(long dramBytes, long bufBytes) {
    MemoryLevel dram = target.dram(), global = target.global();
    return dram.latencyCycles() + CostModel.transfer(dramBytes, bufBytes, dram.bandwidth(), global.bandwidth());
  }

  private int inputRegion(int slot, int i) { return slot * 2 + i; }

  private int residualRegion(int slot) { return nIn * 2 + slot; }

  /** The accumulator slot's tile of elements this wide (1, 2 or 4 bytes). */
  private int outRegion(int slot, int bytes) { return nIn * 3 + slot * 5 + bytes; }

  private static long ceil(long a, long b) { return (a + b - 1) / b; }
}
