// The exact schedule of one mapped layer: visits the machine model's TileWalk, the tile sequence and slot
// assignment the lowering emits too, giving each instruction the machine model's duration (Timing) and the start the
// Scheduler gives it (QueueSchedule): max(its queue's free time, the end of every instruction it waits for on a
// buffer region), DRAM's port granted as DramArbiter says, and counting the input loads exactly as the lowering's
// slots reuse boxes. Too slow for the
// search's inner loop, so the mapper ranks with CostModel's closed form and picks among its finalists,
// and Predictions reports, with this one. A weight stored compressed loads its blocks (TileView cuts and
// encodes them as the lowering does) and, on a target that skips zeros, its zeros shorten the MACs.
package org.tdlc.passes.mapping;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.machine.ArrayLoops;
import org.tdlc.machine.BufferLayout;
import org.tdlc.machine.ArrayTraffic;
import org.tdlc.machine.Energy;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.PeWalk;
import org.tdlc.machine.QueueSchedule;
import org.tdlc.machine.RegionHazards;
import org.tdlc.machine.TileWalk;
import org.tdlc.machine.Timing;
import org.tdlc.machine.sparse.DecodeCost;
import org.tdlc.machine.sparse.SparseCodec;
import org.tdlc.machine.sparse.TileView;

/**
 * The layer's instructions, as emitted: a CONFIG barrier (1 cycle) that every load waits for; per output
 * tile (the order's last output index fastest), per reduction step a load of
 * each input box no slot already holds (into the slot after the one it used last) and one MAC (the first
 * starting the accumulators, MacDesc.init), then the
 * residual tile's load, one ALU per epilogue step and the store. Waits are the lowering's buffer hazards:
 * read after write, write after read, write after write, per slot region. A layer's cycles, as the
 * simulator reports them, run from its CONFIG's start to its last store's end.
 *
 * <p>An input stored compressed loads one block per DMA part of its box (at most four dimensions each):
 * the DRAM reads the block's bytes and its buffer points arrive with metadata. With a hardware decoder the
 * load takes the simulator's compressed DMA time (DecodeCost.hardware). With software conversion a plain
 * load stages the block in the input slot's staging area, then a CONVERT on the compute queue reads it and
 * writes the tile (max of DecodeCost.software and the buffer traffic of block plus tile). On a
 * target that skips zeros, a MAC skips the points where such an input is zero (activations never arrive
 * compressed), and its folds shrink by SkipTiming.
 */
final class TileTimeline implements TileWalk.Visitor {
  /**
   * The layer's cycles; per input, the DRAM bytes its loads read and the buffer bytes they write; load busy;
   * the buffer bytes software conversion reads (the staged blocks); the MAC points skipped; the cycles of
   * hardware decoding and of software conversion.
   */
  record Schedule(long cycles, long[] dramRead, long[] bufferWrite, long[] bufferRead, long loadBusy,
                  long computeBusy, long storeBusy, long macsSkipped, long decodeCycles, long convertCycles,
                  long[] macRead, long macWritten) {}

  /** A weight the lowering stores compressed: its format and its data (the tensor's row-major elements). */
  record Stored(StorageFormat format, Tensor data) {}

  private static final int LOAD = QueueSchedule.LOAD, COMPUTE = QueueSchedule.COMPUTE, STORE = QueueSchedule.STORE;

  private final LoopSpace space;
  private final MachineConfig machine;
  private final int n;
  private final boolean[] reduced;
  private final int rowDims, colDims;
  private final Dataflow dataflow;
  private final int[] tile, order, ranges;
  /** Per index, the part of its tile its axis spreads (ArrayLoops; null: all of it). */
  private final int[] spread;
  /** How the PEs walk and what the per-PE levels keep, by index (PeWalk.RULE: the rule). */
  private final PeWalk pe;
  private final int nIn, nOut;
  /** Whether the epilogue writes each step over the accumulator tile (BufferLayout.Areas.narrowsInPlace). */
  private final boolean inPlace;
  /** The layer's instructions in emission order, scheduled once the walk has emitted them all. */
  private final QueueSchedule queues;
  /** The id of the layer's CONFIG barrier, and of its latest store. */
  private int barrier, lastStore;
  /** The layer's buffer hazards over instruction ids (in emission order). */
  private final RegionHazards hazards = new RegionHazards();
  /** While adding one instruction: the ids it waits for. */
  private int[] waits = new int[16];
  private int waitCount;
  private final java.util.function.IntConsumer waitFor = w -> {
    if (waitCount == waits.length) waits = Arrays.copyOf(waits, 2 * waitCount);
    waits[waitCount++] = w;
  };
  private final long[] dramRead = new long[2], bufferWrite = new long[2], bufferRead = new long[2];
  private long macsSkipped, decodeCycles, convertCycles;
  /** What the MACs read from the global buffer ({A, B, partial sums}) and write to it (partial sums), in bytes. */
  private final long[] macRead = new long[3];
  private long macWritten;
  /** Per A, B and C, the element stride of each dim (LoopSpace.strides: what ArrayTraffic counts by). */
  private final long[][] strides;
  /** Per input: how it is stored compressed, or null when dense. */
  private final Stored[] stored;
  /** Per input: the sizes of its boxes' blocks (one per DMA part) and each part's buffer bytes, by box. */
  private final List<Map<TileWalk.Box, long[][]>> blocks = List.of(new HashMap<>(), new HashMap<>());
  /** MAC points with a zero compressed operand, by the origins of the indices those operands use. */
  private final Map<String, Long> zeroPoints = new HashMap<>();

  private TileTimeline(LoopSpace space, MachineConfig machine, Dataflow dataflow, int rowDims, int colDims, int[] tile,
                       int[] spread, PeWalk pe, int[] order, int[] slots, Stored[] stored) {
    this.spread = spread;
    this.pe = pe;
    this.dataflow = dataflow;
    this.space = space;
    this.stored = stored;
    this.machine = machine;
    this.queues = new QueueSchedule(machine);
    this.n = space.dims().size();
    this.ranges = space.ranges();
    this.reduced = new boolean[n];
    for (int d = 0; d < n; d++) reduced[d] = space.reduced(d);
    this.strides = space.strides();
    this.rowDims = rowDims;
    this.colDims = colDims;
    this.tile = tile;
    this.order = order;
    this.nIn = slots[0];
    this.nOut = slots[1];
    this.inPlace = BufferLayout.Areas.narrowsInPlace(space.chainWidths());
  }

  /**
   * The layer's schedule for a feasible mapping with these {nIn, nOut} slots, {@code stored} saying per
   * input whether it is a weight stored compressed (null entries, or a null array: dense).
   */
  static Schedule of(LoopSpace space, MachineConfig machine, Dataflow dataflow, int rowDims, int colDims, int[] tile,
                     int[] spread, PeWalk pe, int[] order, int[] slots, Stored[] stored) {
    TileTimeline t = new TileTimeline(space, machine, dataflow, rowDims, colDims, tile, spread, pe, order, slots,
        stored == null ? new Stored[2] : stored);
    long cycles = t.run();
    return new Schedule(cycles, t.dramRead, t.bufferWrite, t.bufferRead, t.queues.busy(LOAD),
        t.queues.busy(COMPUTE), t.queues.busy(STORE), t.macsSkipped, t.decodeCycles, t.convertCycles, t.macRead,
        t.macWritten);
  }

  private long run() {
    barrier = run(COMPUTE, Timing.CONFIG, new int[0], new int[0], -1);
    lastStore = barrier;
    new TileWalk(ranges, reduced, tile, order, List.of(space.maps().get(0), space.maps().get(1)), nIn, nOut, null)
        .walk(this);
    return queues.run().end(lastStore);
  }

  /** Nothing: the tile's first reduction step starts its accumulators (MacDesc.init), no FILL runs. */
  @Override
  public void beginTile(int[] origin, int[] extent, int slot, int resSlot) {}

  /** The residual tile's load, one ALU per epilogue step and the store. */
  @Override
  public void endTile(int[] origin, int[] extent, int slot, int resSlot) {
    long elements = elements(extent), alu = Timing.alu(machine, elements);
    int from = 4;
    if (space.residualBytes() > 0) {
      long b = elements * space.residualBytes(), fromDram = space.residualBytes();
      for (int d = 0; d < n; d++) if (space.residualUses(d)) fromDram *= extent[d];
      dma(Timing.Dma.LOAD, fromDram, dma(Timing.Dma.LOAD, fromDram, b), new int[0],
          new int[] {residualRegion(resSlot)}, barrier);
    }
    for (int[] io : space.epilogueIo()) {
      int to = io[1];
      boolean add = io[0] != from;
      int[] reads = add ? new int[] {outRegion(slot, from), residualRegion(resSlot)} : new int[] {outRegion(slot, from)};
      run(COMPUTE, alu, reads, new int[] {outRegion(slot, to)}, -1);
      from = to;
    }
    long out = elements * space.resultBytes();
    lastStore = dma(Timing.Dma.STORE, out, dma(Timing.Dma.STORE, out, out), new int[] {outRegion(slot, from)},
        new int[0], -1);
  }

  private long elements(int[] extent) {
    long e = 1;
    for (int d = 0; d < n; d++) if (!reduced[d]) e *= extent[d];
    return e;
  }

  /** A load of input i's box, which no slot holds. */
  @Override
  public void load(int i, TileWalk.Box box, int slot, int[] origin, int[] extent) {
    if (stored[i] != null) {
      loadCompressed(i, box, inputRegion(slot, i), stagingRegion(slot, i), barrier);
    } else {
      long[] bytes = boxBytes(i, box);
      dramRead[i] += bytes[0];
      bufferWrite[i] += bytes[1];
      dma(Timing.Dma.LOAD, bytes[0], dma(Timing.Dma.LOAD, bytes[0], bytes[1]), new int[0],
          new int[] {inputRegion(slot, i)}, barrier);
    }
  }

  /**
   * What a step's MAC moves through the global buffer's port, as the simulator counts it (ArrayTraffic):
   * added to the layer's MAC traffic, and returned.
   */
  private ArrayTraffic.Counts traffic(int[] origin, ArrayLoops loops, int[] ext) {
    long outputs = 1;
    boolean first = true;
    for (int d = 0; d < n; d++) {
      if (!reduced[d]) outputs *= ext[d];
      else first &= origin[d] == 0;
    }
    ArrayTraffic.Counts c = loops.traffic(machine, dataflow, outputs, first, space.bytes()[0], space.bytes()[1], pe);
    macRead[0] += c.a() * space.bytes()[0];
    macRead[1] += c.b() * space.bytes()[1];
    macRead[2] += c.cRead() * Energy.PSUM_BYTES;
    macWritten += c.written();
    return c;
  }

  /** One reduction step: the MAC over the boxes in {@code slots}. */
  @Override
  public void step(int[] origin, int[] ext, int[] slots, int outSlot) {
    int[] reads = {inputRegion(slots[0], 0), inputRegion(slots[1], 1), outRegion(outSlot, 4)};
    long points = 1;
    for (int d = 0; d < n; d++) points *= ext[d];
    long skipped = 0;
    if (machine.skipZeros() && (stored[0] != null || stored[1] != null)) {
      skipped = skippedPoints(origin);
      macsSkipped += skipped;
    }
    ArrayLoops loops = ArrayLoops.of(ext, strides, rowDims, colDims, spread);
    ArrayTraffic.Counts moved = traffic(origin, loops, ext);
    int sa = space.bytes()[0], sb = space.bytes()[1];
    long mac = Timing.mac(machine, dataflow, loops.spatialFolds(machine), loops.folds(machine), points, skipped,
        moved.read(sa, sb), moved.written(), sa, sb, pe, Timing.startUp(machine, moved),
        Energy.operandBytes(moved, sa, sb));   // the MAC's timing reads only the bypass
    run(COMPUTE, mac, reads, new int[] {reads[2]}, -1);
  }

  /**
   * Loads input i's box compressed, one block per DMA part: the block's bytes from DRAM, every buffer point
   * written; decoded by the load (hardware) or staged and converted on the compute queue (software).
   */
  private void loadCompressed(int i, TileWalk.Box box, int region, int staging, int barrier) {
    long[][] parts = blocks.get(i).computeIfAbsent(box, k -> encode(i, box));
    for (long[] p : parts) {
      SparseCodec.Size size = new SparseCodec.Size(p[0], p[1], p[2]);
      dramRead[i] += size.bytes();
      bufferWrite[i] += p[3];
      if (machine.hardwareDecode()) {
        decodeCycles += DecodeCost.hardware(size);
        dma(Timing.Dma.LOAD, size.bytes(), Timing.compressedDma(machine, size.bytes(), p[3], size), new int[0],
            new int[] {region}, barrier);
      } else {
        bufferWrite[i] += size.bytes();
        bufferRead[i] += size.bytes();
        dma(Timing.Dma.LOAD, size.bytes(), dma(Timing.Dma.LOAD, size.bytes(), size.bytes()), new int[0],
            new int[] {staging}, barrier);
        long convert = Timing.convert(machine, size, size.bytes(), p[3]);
        convertCycles += convert;
        run(COMPUTE, convert, new int[] {staging}, new int[] {region}, -1);
      }
    }
  }

  /** Per DMA part of input i's box, as the lowering cuts it: its block's size fields and its buffer bytes. */
  private long[][] encode(int i, TileWalk.Box box) {
    int[] lo = box.lo(), ext = box.extent();
    int rank = lo.length;
    int bytes = space.bytes()[i];
    List<TileView.Part> parts = TileView.box(space.shapes()[i], lo, ext, TileView.rowMajor(ext), TileView.MAX_DMA_DIMS);
    long[][] out = new long[parts.size()][];
    for (int k = 0; k < parts.size(); k++) {
      TileView.Part p = parts.get(k);
      int rows = TileView.viewRows(rank == 0 ? 1 : ext[0], p.dims());
      SparseCodec.Size s = TileView.blockSize(stored[i].format(), stored[i].data(), p, rows, 0, bytes * 8);
      out[k] = new long[] {s.bits(), s.metadataBits(), s.entries(), p.points() * bytes};
    }
    return out;
  }

  /**
   * The points of this step's MAC where some compressed input is zero: a walk over the indices those
   * inputs use (each point's element by the subscripts), times the extents of the other indices.
   */
  private long skippedPoints(int[] origin) {
    boolean[] used = new boolean[n];
    for (int i = 0; i < 2; i++) {
      if (stored[i] == null) continue;
      for (int d = 0; d < n; d++) used[d] |= space.uses(i, d);
    }
    long other = 1;
    StringBuilder key = new StringBuilder();
    for (int d = 0; d < n; d++) {
      if (used[d]) key.append(origin[d]).append(',');
      else other *= extent(origin, d);
    }
    Long zeros = zeroPoints.get(key.toString());
    if (zeros == null) {
      zeros = zeroWalk(origin, used);
      zeroPoints.put(key.toString(), zeros);
    }
    return zeros * other;
  }

  /**
   * Walks the points over the used indices (the last fastest), keeping each compressed input's element
   * offset incrementally: advancing index d moves input i by the sum over subscripts of c_d x stride.
   */
  private long zeroWalk(int[] origin, boolean[] used) {
    int[] point = origin.clone();
    long[][] step = new long[2][n];
    long[] at = new long[2];
    int[][] data = new int[2][];
    for (int i = 0; i < 2; i++) {
      if (stored[i] == null) continue;
      int[] strides = TileView.rowMajor(space.shapes()[i]);
      List<AffineExpr> map = space.maps().get(i);
      for (int pos = 0; pos < map.size(); pos++) {
        at[i] += (long) map.get(pos).eval(point) * strides[pos];
        for (int d = 0; d < n; d++) step[i][d] += (long) map.get(pos).coeffs().get(d) * strides[pos];
      }
      data[i] = stored[i].data().sharedArray();
    }
    int[] end = new int[n];
    for (int d = 0; d < n; d++) end[d] = origin[d] + extent(origin, d);
    int last = -1;
    for (int d = 0; d < n; d++) if (used[d]) last = d;
    int[] a = data[0], b = data[1];
    if (last < 0) return (a != null && a[(int) at[0]] == 0) || (b != null && b[(int) at[1]] == 0) ? 1 : 0;
    long zeros = 0;
    while (true) {
      // the innermost used index runs in a tight loop
      long a0 = at[0], b0 = at[1], sa = step[0][last], sb = step[1][last];
      for (int x = point[last]; x < end[last]; x++, a0 += sa, b0 += sb) {
        if ((a != null && a[(int) a0] == 0) || (b != null && b[(int) b0] == 0)) zeros++;
      }
      int d = last - 1;
      for (; d >= 0; d--) {
        if (!used[d]) continue;
        if (++point[d] < end[d]) {
          at[0] += step[0][d];
          at[1] += step[1][d];
          break;
        }
        at[0] -= step[0][d] * (point[d] - 1 - origin[d]);
        at[1] -= step[1][d] * (point[d] - 1 - origin[d]);
        point[d] = origin[d];
      }
      if (d < 0) return zeros;
    }
  }

  /**
   * Adds one instruction: it starts when its queue is free, after instruction {@code after} (an id, or -1),
   * and after every instruction its buffer hazards make it wait for; returns its id.
   */
  private int run(int q, long duration, int[] reads, int[] writes, int after) {
    return add(q, duration, 0, reads, writes, after);
  }

  /** Adds a LOAD or STORE ({@code way}) of {@code dramBytes} through DRAM taking {@code duration} cycles. */
  private int dma(Timing.Dma way, long dramBytes, long duration, int[] reads, int[] writes, int after) {
    return add(way == Timing.Dma.LOAD ? LOAD : STORE, duration, Timing.dramCycles(machine, way, dramBytes), reads,
        writes, after);
  }

  private int add(int q, long duration, long dramCycles, int[] reads, int[] writes, int after) {
    waitCount = 0;
    if (after >= 0) waitFor.accept(after);
    hazards.access(queues.size(), reads, writes, waitFor);
    return queues.add(q, duration, dramCycles, Arrays.copyOf(waits, waitCount), 0);
  }

  private int extent(int[] origin, int d) { return Math.min(tile[d], ranges[d] - origin[d]); }

  /** {in-range bytes DRAM delivers, every buffer point's bytes} of input i's box. */
  private long[] boxBytes(int i, TileWalk.Box box) {
    long all = space.bytes()[i], inRange = space.bytes()[i];
    for (int pos = 0; pos < box.lo().length; pos++) {
      int lo = box.lo()[pos], ext = box.extent()[pos], size = space.shapes()[i][pos];
      all *= ext;
      inRange *= Math.max(0, Math.min(lo + ext, size) - Math.max(lo, 0));
    }
    return new long[] {inRange, all};
  }

  private long dma(Timing.Dma way, long dramBytes, long bufBytes) { return Timing.dma(machine, way, dramBytes, bufBytes); }

  private int inputRegion(int slot, int i) { return slot * 2 + i; }

  private int residualRegion(int slot) { return nIn * 2 + slot; }

  /** Input i's staging area in slot {@code slot}, where software conversion finds its blocks. */
  private int stagingRegion(int slot, int i) { return nIn * 3 + nOut * 5 + slot * 2 + i; }

  /** The accumulator slot's tile of elements this wide (1, 2 or 4 bytes). */
  /** An output slot's tile of {@code bytes}-wide elements: one region for the whole chain where it narrows in place. */
  private int outRegion(int slot, int bytes) { return nIn * 3 + slot * 5 + (inPlace ? Energy.PSUM_BYTES : bytes); }

}
