// The analytical cost model the mapping passes share, MAESTRO-style, on the einsum index space: for a
// mapping it derives each operand's reloads from the loop order (reuse), the bytes per level, the
// compute delay by the simulator's MAC rule (folds over the array plus fill and drain per tile), the
// DMA delay by its load rule, overlap from double buffering, and energy = bytes x pJ/B + MACs x MAC pJ.
// Weights stored compressed are only estimated here (expected block size at their density, its decode,
// and the zeros skipped); TileTimeline, behind evaluateExact with the weights' data, counts them exactly.
package org.tdlc.passes.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.Operand;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.machine.ArrayAxes;
import org.tdlc.machine.ArrayLoops;
import org.tdlc.machine.ArrayTraffic;
import org.tdlc.machine.BufferLayout;
import org.tdlc.machine.Energy;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.PeWalk;
import org.tdlc.machine.TileWalk;
import org.tdlc.machine.Timing;
import org.tdlc.machine.sparse.DecodeCost;
import org.tdlc.machine.sparse.SparseCodec;

/**
 * Closed form, no tile walk: with tiles t_d = ceil(R_d / T_d), the average extent of subscript
 * sum(c_d * d) over all tiles is 1 + sum(c_d * (R_d / t_d - 1)) (exact, remainder tiles included, since
 * subscripts use disjoint indices); an input is reloaded each time a loop it depends on advances, unless
 * its slots still hold the box (see loads). Capacities follow the lowering's buffer
 * plan (16-byte aligned boxes, input and accumulator slots), so a tile the model accepts always lowers.
 *
 * <p>An input stored compressed (a weight: always in range) is approximate: each load reads
 * SparseCodec.expectedBits of its average box at the weight's density, viewed as the box's average
 * extent along the first subscript by the rest, and decodes (DecodeCost) its expected metadata bits and
 * nonzeros; on a target that skips zeros the MAC folds, per-PE traffic and MAC energy shrink to the
 * expected fraction of points with no zero compressed operand (macsSkipped estimates the rest).
 */
public final class CostModel {
  private final LoopSpace space;
  private final Target target;
  private final MachineConfig machine;
  /** Whether a shared level between the global buffer and the PEs stages only some operands (Energy.staged). */
  private final boolean stagesPart;
  private final int n;
  private final boolean[] reduced;
  private final boolean[][] uses;
  /** Per A, B and C, the element stride of each index (LoopSpace.strides: what ArrayTraffic counts by). */
  private final long[][] strides;
  /** Per input, per subscript: its coefficient per index, its constant, and whether clipping can apply. */
  private final int[][][] coef;
  private final int[][] constant;
  private final boolean[][] clips;
  /**
   * clippedAverage's results, remembered per input and subscript under the tiles of the subscript's own indices
   * (the only part of a mapping it reads; the trips follow from them, and a tile past the range reads as the
   * range): a mixed-radix number, one digit per index of radix range + 1, then the subscript's position and
   * the input. Subscripts whose key would not fit in a long are not remembered.
   */
  private final Map<Long, Double> clipped = new HashMap<>();
  /** Per input: its storage format when a weight stored compressed, else null; and its density. */
  private final StorageFormat[] formats;
  private final double[] densities;
  /** How the PEs walk and what the per-PE levels keep, by index, where the op's pin states it (PeWalk.RULE: not). */
  private final PeWalk pe;
  /** Whether the epilogue's result has a tile of its own beside the accumulator (it does not when it only narrows). */
  private final boolean resultTile;

  public CostModel(LoopSpace space, Target target) { this(space, target, new StorageFormat[2], new double[] {1, 1}); }

  /** A model where input i is stored in {@code formats[i]} (null or dense: uncompressed) at {@code densities[i]}. */
  public CostModel(LoopSpace space, Target target, StorageFormat[] formats, double[] densities) {
    this(space, target, formats, densities, PeWalk.RULE);
  }

  /** As above, the PEs walking and keeping as {@code pe} (by index) pins. */
  public CostModel(LoopSpace space, Target target, StorageFormat[] formats, double[] densities, PeWalk pe) {
    this.pe = pe;
    this.space = space;
    this.target = target;
    this.machine = MachineConfig.of(target);
    boolean part = false;
    for (int i = 2; i < machine.firstPerPe(); i++) part |= machine.levels().get(i).holds() != Operand.ALL;
    this.stagesPart = part;
    this.formats = new StorageFormat[2];
    for (int i = 0; i < 2; i++) this.formats[i] = formats[i] == StorageFormat.DENSE ? null : formats[i];
    this.densities = densities.clone();
    this.n = space.dims().size();
    this.resultTile = space.epilogueBytes().length > 0 && !BufferLayout.Areas.narrowsInPlace(space.chainWidths());
    this.reduced = new boolean[n];
    this.uses = new boolean[3][n];
    this.strides = space.strides();
    for (int d = 0; d < n; d++) {
      reduced[d] = space.reduced(d);
      for (int i = 0; i < 3; i++) uses[i][d] = space.uses(i, d);
    }
    coef = new int[2][][];
    constant = new int[2][];
    clips = new boolean[2][];
    for (int i = 0; i < 2; i++) {
      List<AffineExpr> map = space.maps().get(i);
      coef[i] = new int[map.size()][n];
      constant[i] = new int[map.size()];
      clips[i] = new boolean[map.size()];
      for (int pos = 0; pos < map.size(); pos++) {
        int used = 0;
        for (int d = 0; d < n; d++) {
          coef[i][pos][d] = map.get(pos).coeffs().get(d);
          if (coef[i][pos][d] != 0) used++;
        }
        constant[i][pos] = map.get(pos).constant();
        clips[i][pos] = constant[i][pos] != 0 || used > 1;
      }
    }
  }

  public LoopSpace space() { return space; }

  /** The machine the model counts on. */
  public MachineConfig machine() { return machine; }

  /** The pinned PE walk, by index (PeWalk.RULE when the op pins none). */
  public PeWalk pe() { return pe; }

  /**
   * What one MAC step moves on a full tile of this mapping (ArrayTraffic, not starting its accumulators), its
   * clusters' start-ups among it, for a person to read (explain).
   */
  public ArrayTraffic.Counts stepTraffic(Dataflow df, int rowDims, int colDims, int[] tile, int[] spread) {
    int[] ext = fullTile(tile);
    return ArrayLoops.of(ext, strides, rowDims, colDims, spread).traffic(machine, df, outputs(ext), false,
        space.bytes()[0], space.bytes()[1], pe);
  }

  /**
   * The machine model's walk and keeps on a full tile of this mapping, by name, for a person to read (explain):
   * the indices in the order the rule walks their loops (each where its first loop walks; those it does not walk
   * outermost), and per per-PE level that keeps operands the indices whose walked loops it keeps whole. The rule
   * chooses per MAC, so a remainder tile may walk otherwise.
   */
  public Mapping.Pe ruleWalk(Dataflow df, int rowDims, int colDims, int[] tile, int[] spread) {
    int[] ext = fullTile(tile);
    long outputs = outputs(ext);
    ArrayLoops loops = ArrayLoops.of(ext, strides, rowDims, colDims, spread);
    ArrayTraffic.Choice c = loops.choice(machine, df, outputs, false, space.bytes()[0], space.bytes()[1]);
    int temporal = 0;
    for (int l = 0; l < loops.extents().length; l++) {
      if (loops.extents()[l] > 1 && ((loops.rowMask() | loops.colMask()) >> l & 1) == 0) temporal |= 1 << l;
    }
    List<String> walk = new ArrayList<>();
    for (int l : c.walk()) {
      String d = space.dims().get(loops.index()[l]);
      if ((temporal >> l & 1) != 0 && !walk.contains(d)) walk.add(d);
    }
    for (int d = n - 1; d >= 0; d--) if (!walk.contains(space.dims().get(d))) walk.add(0, space.dims().get(d));
    Map<String, Map<String, Integer>> keep = new LinkedHashMap<>();
    for (int j = 0; j < c.kept().length; j++) {
      if (c.kept()[j] < 0) continue;
      List<String> kept = new ArrayList<>();
      for (String d : walk) {
        int mine = 0;
        for (int l = 0; l < loops.index().length; l++) if (space.dims().get(loops.index()[l]).equals(d)) mine |= 1 << l;
        mine &= temporal;
        if (mine != 0 && (c.kept()[j] & mine) == mine) kept.add(d);
      }
      keep.put(machine.levels().get(machine.firstPerPe() + j).name(), Mapping.Pe.whole(kept));
    }
    return new Mapping.Pe(walk, keep, Map.of());
  }

  /** This model with the PEs walking and keeping as {@code pe} pins. */
  public CostModel withPe(PeWalk pe) { return new CostModel(space, target, formats, densities, pe); }

  /** A full tile's extents: the tile, no larger than the loop space. */
  private int[] fullTile(int[] tile) {
    int[] ext = new int[n];
    for (int d = 0; d < n; d++) ext[d] = Math.min(tile[d], space.ranges()[d]);
    return ext;
  }

  /** The accumulators of a tile of these extents: its output indices' extents multiplied. */
  private long outputs(int[] ext) {
    long outputs = 1;
    for (int d = 0; d < n; d++) if (!reduced[d]) outputs *= ext[d];
    return outputs;
  }

  /**
   * The per-PE level (its index among the levels) whose pinned kept indices do not fit its room, with the
   * bytes they need; null when all fit (always, without a pin). The rule is the same for every arrangement,
   * so that the search can check it with the buffer's: the operands the level holds over the kept indices at
   * their whole tiles, as if no axis spread any of them (a bound on what any arrangement keeps).
   */
  public long[] keepOverflow(int[] tile) {
    if (pe.keep() == null) return null;
    long[] need = ArrayLoops.of(fullTile(tile), strides, 0, 0, null).keptBytes(machine, null, space.bytes()[0],
        space.bytes()[1], pe);
    for (int j = 0; j < need.length; j++) {
      int i = machine.firstPerPe() + j;
      if (need[j] > machine.levels().get(i).keepBytes()) return new long[] {i, need[j]};
    }
    return null;
  }

  public Target target() { return target; }

  /**
   * Bytes of the global buffer a tile needs with nIn input slots and nOut accumulator slots: the lowering's
   * layout (BufferLayout.Areas) of the same layer, staging areas for software conversion included.
   */
  public long footprint(int[] tile, int nIn, int nOut) { return areas(tile).bytes(nIn, nOut); }

  /**
   * The layer as BufferLayout.Areas sees it, as the lowering describes it: the two inputs' largest boxes (a
   * weight stored compressed staged on a software-decode target), the residual tile, and the accumulator's
   * width then the epilogue's.
   */
  private BufferLayout.Areas areas(int[] tile) {
    long tileElems = 1;
    for (int d = 0; d < n; d++) if (!reduced[d]) tileElems *= tile[d];
    List<BufferLayout.Loaded> loaded = new java.util.ArrayList<>(3);
    for (int i = 0; i < 2; i++) {
      loaded.add(new BufferLayout.Loaded(maxBox(i, tile), space.bytes()[i], formats[i], machine.hardwareDecode()));
    }
    if (space.residualBytes() > 0) loaded.add(new BufferLayout.Loaded(tileElems, space.residualBytes(), null, true));
    return BufferLayout.Areas.of(loaded, tileElems, space.chainWidths(), 0, false);
  }

  /** {nIn, nOut} the lowering would use for this tile, or {0, 0} when even single slots overflow. */
  public int[] slots(int[] tile) {
    int[] fit = areas(tile).fit(machine.global().sizeBytes(), machine.global().doubleBuffer());
    return fit == null ? new int[] {0, 0} : fit;
  }

  /**
   * Whether the tile fits the global buffer with at least single slots, and what the pin keeps in each per-PE
   * level fits it (keepOverflow).
   */
  public boolean slotsFit(int[] tile) {
    return footprint(tile, 1, 1) <= machine.global().sizeBytes() && keepOverflow(tile) == null;
  }

  private long maxBox(int i, int[] tile) { return TileWalk.maxBoxElements(coef[i], tile); }

  /**
   * The cost of a mapping given as indices: the dataflow, the indices on the rows and the cols (bit masks;
   * 0: none), tile per index, order of indices.
   */
  public Cost evaluate(Dataflow df, int rowDims, int colDims, int[] tile, int[] order) {
    return evaluate(df, rowDims, colDims, tile, order, null);
  }

  /**
   * As above with {@code spread[d]} the part of index d's tile its axis spreads, the rest walked by the PEs
   * (ArrayLoops; null or 0: all of it).
   */
  public Cost evaluate(Dataflow df, int rowDims, int colDims, int[] tile, int[] order, int[] spread) {
    int[] slots = slots(tile);
    long cap = machine.global().sizeBytes();
    if (slots[0] == 0 || keepOverflow(tile) != null) {   // a pinned keep must fit too
      return new Cost(space.macs(), 0, 0, new long[3], new long[3], new long[3], new long[3], 0, 0, 0, 0,
          footprint(tile, 1, 1), cap, 0, 0, 0, 0, 0);
    }
    int[] trips = new int[n];
    long steps = 1, outTiles = 1;
    for (int d = 0; d < n; d++) {
      trips[d] = (space.ranges()[d] + tile[d] - 1) / tile[d];
      steps *= trips[d];
      if (!reduced[d]) outTiles *= trips[d];
    }
    long[] dramRead = new long[3], dramWrite = new long[3], gRead = new long[3], gWrite = new long[3];
    long loadCycles = 0;
    double[] box = new double[2];
    for (int i = 0; i < 2; i++) {
      long loads = loads(i, trips, order, slots[0]);
      int b = space.bytes()[i];
      long inRange = Math.round(loads * avgBox(i, tile, trips, true)) * b;
      box[i] = avgBox(i, tile, trips, false);
      dramRead[i] = inRange;
      gWrite[i] = Math.round(loads * box[i]) * b;
      if (formats[i] != null) {
        loadCycles += compressedLoads(i, loads, box[i], tile, trips, gWrite[i], dramRead);
      } else {
        loadCycles += Timing.dmas(machine, Timing.Dma.LOAD, loads, inRange, gWrite[i]);
      }
    }
    long outElems = outputs();
    int rb = space.resultBytes();
    dramWrite[2] = outElems * rb;
    // the MACs' operands and partial sums (ArrayTraffic) on the full tile, each tile's first step starting
    // its accumulators; then what the epilogue, the residual and the store move
    int[] ext = fullTile(tile);
    long tileOutputs = outputs(ext);
    ArrayLoops loops = ArrayLoops.of(ext, strides, rowDims, colDims, spread);
    if (loops.extents().length == n) spread = null;   // the full tile splits nothing (ArrayLoops.of)
    ArrayTraffic.Counts step = loops.traffic(machine, df, tileOutputs, false, space.bytes()[0], space.bytes()[1], pe);
    gRead[0] = steps * step.a() * space.bytes()[0];
    gRead[1] = steps * step.b() * space.bytes()[1];
    long partialsWritten = steps * step.cWritten() * Energy.PSUM_BYTES;
    long partialsRead = partialsWritten - outTiles * Math.min(tileOutputs, step.cWritten()) * Energy.PSUM_BYTES;
    long[] outSide = outputSide(outElems);
    gRead[2] = outSide[0] + partialsRead;
    gWrite[2] = outSide[1] + partialsWritten;
    long storeCycles = Timing.dmas(machine, Timing.Dma.STORE, outTiles, outElems * rb, outElems * rb);
    if (space.residualBytes() > 0) {
      // each tile's residual fills the tile; DRAM gives only its distinct elements (a broadcast bias: K per tile)
      long res = outElems * space.residualBytes(), distinct = space.residualBytes();
      for (int d = 0; d < n; d++) if (!reduced[d]) distinct *= space.residualUses(d) ? space.ranges()[d] : trips[d];
      dramRead[2] = distinct;
      loadCycles += Timing.dmas(machine, Timing.Dma.LOAD, outTiles, distinct, res);
    }
    double issuedShare = 1;
    if (machine.skipZeros()) for (int i = 0; i < 2; i++) if (formats[i] != null) issuedShare *= densities[i];
    long[] staged = {gRead[0], gRead[1], partialsRead + partialsWritten};
    long compute = computeCycles(df, rowDims, colDims, tile, spread, trips, steps, outTiles, issuedShare,
        gRead[0] + gRead[1] + partialsRead, partialsWritten, Timing.startUp(machine, step), staged);
    long cycles = Math.max(overlap(box, outElems / outTiles, slots, compute, loadCycles, storeCycles),
        Timing.dramBound(machine, loadCycles, Cost.sum(dramRead), storeCycles, dramWrite[2]));
    long macs = space.macs();
    long issued = Math.round(macs * issuedShare);
    Charge e = charge(dramRead, dramWrite, gRead, gWrite, staged, issued);
    return new Cost(macs, cycles, e.energyPj(), dramRead, dramWrite, gRead, gWrite, e.localBytes(), compute,
        loadCycles, storeCycles, footprint(tile, slots[0], slots[1]), cap, slots[0], slots[1], macs - issued, 0, 0);
  }

  /**
   * Per index, the part of its tile the array spreads (ArrayLoops; 0: all of it) under an arrangement whose
   * {@code split} indices (a mask over indices on its axes) an axis spreads only in part: the {@code pinned}
   * extent where a pin gives one, else the largest divisor of the tile that, times the other indices' tiles on
   * that axis, fits the axis' PEs (none above 1: the whole tile, folded). The PEs then hold the stationary
   * operand's elements over the part they walk: where a pin did not choose it, a split the per-PE levels
   * holding that operand cannot keep (their bytes over the product of the walked extents it depends on) is
   * not made. Null when nothing splits.
   */
  public int[] spreads(Dataflow df, int rows, int cols, int split, int[] tile, int[] pinned) {
    if (split == 0) return null;
    int[] spread = new int[n];
    int[] axes = {rows, cols}, pes = {machine.rows(), machine.cols()};
    boolean any = false, chosen = false;
    for (int x = 0; x < 2; x++) {
      for (int d = 0; d < n; d++) {
        if ((axes[x] >> d & 1) == 0 || (split >> d & 1) == 0) continue;
        int t = Math.min(tile[d], space.ranges()[d]);
        if (pinned != null && pinned[d] > 0) {
          spread[d] = Math.min(pinned[d], t);
        } else {
          long others = 1;
          for (int e = 0; e < n; e++) if (e != d && (axes[x] >> e & 1) != 0) others *= Math.min(tile[e], space.ranges()[e]);
          int best = 1;
          for (int v = 1; v <= t; v++) if (t % v == 0 && v * others <= pes[x]) best = v;
          spread[d] = best > 1 ? best : t;   // a spread of 1 is d off the axis, which the space holds
          chosen = true;
        }
        any |= spread[d] < t;
      }
    }
    if (!any) return null;
    if (chosen && !stationaryFits(df, rows | cols, tile, spread)) return null;
    return spread;
  }

  /**
   * Whether the per-PE levels that hold the operand {@code df} keeps stationary hold its elements over the
   * loops the PEs walk: the indices on no axis ({@code axes}), and the walked part of a split one.
   */
  private boolean stationaryFits(Dataflow df, int axes, int[] tile, int[] spread) {
    int x = ArrayAxes.stationary(df);
    long elements = 1;
    for (int d = 0; d < n; d++) {
      boolean depends = x == ArrayTraffic.C ? !reduced[d] : uses[x][d];
      if (!depends) continue;
      int t = Math.min(tile[d], space.ranges()[d]);
      if ((axes >> d & 1) == 0) elements *= t;
      else if (spread[d] > 0 && spread[d] < t) elements *= t / spread[d];
    }
    long capacity = 0;
    for (int i = machine.firstPerPe(); i < machine.levels().size(); i++) {
      if (machine.levels().get(i).keepsStationary(x)) capacity += machine.levels().get(i).keepBytes();
    }
    return elements * (x == ArrayTraffic.C ? Energy.PSUM_BYTES : space.bytes()[x]) <= capacity;
  }

  /**
   * The same cost with TileTimeline's exact schedule, which search loops cannot afford but a final
   * choice and a prediction (run --json, explain) can: its cycles and load busy time, and the input
   * loads as the lowering's slots really reuse boxes (the closed form misses reuse of equal boxes at
   * different tile indices, as a window's taps and outputs overlap when their tiles are tiny).
   */
  public Cost evaluateExact(Dataflow df, int rowDims, int colDims, int[] tile, int[] order) {
    return evaluateExact(df, rowDims, colDims, tile, order, null, null);
  }

  /** As above with each axis index's spread (evaluate). */
  public Cost evaluateExact(Dataflow df, int rowDims, int colDims, int[] tile, int[] order, int[] spread) {
    return evaluateExact(df, rowDims, colDims, tile, order, spread, null);
  }

  /**
   * As above with the inputs that are weights stored compressed ({@code stored}, per input, null when
   * dense): their blocks' bytes, decode or conversion cycles and, on a zero-skipping target, skipped MACs
   * (which the per-PE level does not read or write).
   */
  Cost evaluateExact(Dataflow df, int rowDims, int colDims, int[] tile, int[] order, int[] spread,
                     TileTimeline.Stored[] stored) {
    Cost c = evaluate(df, rowDims, colDims, tile, order, spread);
    if (!c.feasible()) return c;
    TileTimeline.Schedule s = TileTimeline.of(space, machine, df, rowDims, colDims, tile, spread, pe, order,
        new int[] {c.nIn(), c.nOut()}, stored);
    long[] dramRead = c.dramRead().clone(), globalWrite = c.globalWrite().clone();
    long[] globalRead = c.globalRead().clone();
    for (int i = 0; i < 2; i++) {
      dramRead[i] = s.dramRead()[i];
      globalWrite[i] = s.bufferWrite()[i];
      globalRead[i] = s.macRead()[i] + s.bufferRead()[i];
    }
    long[] outSide = outputSide(outputs());
    globalRead[2] = outSide[0] + s.macRead()[2];
    globalWrite[2] = outSide[1] + s.macWritten();
    // energy counts issued MACs, and every issued MAC's per-PE traffic
    long issued = c.macs() - s.macsSkipped();
    Charge e = charge(dramRead, c.dramWrite(), globalRead, globalWrite,
        new long[] {s.macRead()[0], s.macRead()[1], s.macRead()[2] + s.macWritten()}, issued);
    return new Cost(c.macs(), s.cycles(), e.energyPj(), dramRead, c.dramWrite(), globalRead, globalWrite,
        e.localBytes(), s.computeBusy(), s.loadBusy(), s.storeBusy(), c.footprint(), c.capacity(), c.nIn(),
        c.nOut(), s.macsSkipped(), s.decodeCycles(), s.convertCycles());
  }

  /** A layer's energy and the bytes its per-PE levels read and write. */
  private record Charge(double energyPj, long localBytes) {}

  /**
   * Energy from the final counts, summed level by level (DRAM, global, the shared levels that stage the
   * array's {@code staged} bytes per operand, Energy.staged, per-PE) and then the issued MACs, the order the simulator's Counters sums
   * them in, so a prediction's energy equals the simulated one to the bit; beside it the per-PE levels' bytes.
   */
  private Charge charge(long[] dramRead, long[] dramWrite, long[] gRead, long[] gWrite, long[] staged, long issued) {
    int levels = machine.levels().size();
    long[] read = new long[levels], written = new long[levels];
    read[0] = Cost.sum(dramRead);
    written[0] = Cost.sum(dramWrite);
    read[1] = Cost.sum(gRead);
    written[1] = Cost.sum(gWrite);
    Energy.staged(machine, staged, read, written);
    Energy.perPe(machine, issued, space.bytes()[0], space.bytes()[1], pe, read, written);
    long local = 0;
    for (int i = machine.firstPerPe(); i < levels; i++) local += read[i] + written[i];
    return new Charge(Energy.total(machine, read, written, issued), local);
  }
  /**
   * Total cycles from the three queues' busy times: loads overlap compute when input slots are
   * double-buffered (all but the first step's loads); a store overlaps the next tile when the accumulator
   * is double-buffered, or when the epilogue writes a tile of its own beside the accumulator (the store reads
   * that one while the next tile fills the other; a requant narrows in place, BufferLayout.Areas); the last
   * tile's epilogue and store never overlap.
   */
  private long overlap(double[] box, long tileElems, int[] slots, long compute, long loadCycles, long storeCycles) {
    long firstLoad = 0;
    for (int i = 0; i < 2; i++) {
      long b = Math.round(box[i]) * space.bytes()[i];
      firstLoad += Timing.dma(machine, Timing.Dma.LOAD, b, b);
    }
    long out = tileElems * space.resultBytes();
    long lastStore = Timing.dma(machine, Timing.Dma.STORE, out, out) + space.epilogueIo().length * Timing.alu(machine, tileElems);
    long core = slots[0] >= 2 ? firstLoad + Math.max(compute, loadCycles - firstLoad) : loadCycles + compute;
    // one output slot: the store still overlaps the next tile where the epilogue's result has a tile of its own
    boolean storeOverlaps = slots[1] >= 2 || resultTile;
    return storeOverlaps ? Math.max(core, firstLoad + storeCycles - lastStore) + lastStore : core + storeCycles;
  }

  /**
   * How many times input i's box is loaded, walking output loops then the reduction's, each in order: a
   * box is reloaded whenever a loop it depends on advances, after every loop outside it that advanced
   * since (it restarts the sweep). The slots of an input are filled round-robin after the one used last,
   * which for two slots keeps the last two boxes: if the innermost loop i depends on has no more trips
   * than slots, its boxes all stay resident and only the loops outside it reload them.
   */
  private long loads(int i, int[] trips, int[] order, int slots) {
    int innermost = -1;
    for (int pass = 0; pass < 2; pass++) {
      for (int d : order) if (reduced[d] == (pass == 1) && trips[d] > 1 && uses[i][d]) innermost = d;
    }
    int kept = innermost >= 0 && trips[innermost] <= slots ? innermost : -1;
    long loads = 1, pending = 1;
    for (int pass = 0; pass < 2; pass++) {          // output tile loops first, then the reduction's
      for (int d : order) {
        if (reduced[d] != (pass == 1) || trips[d] == 1 || d == kept) continue;
        pending *= trips[d];
        if (uses[i][d]) {
          loads *= pending;
          pending = 1;
        }
      }
    }
    return kept >= 0 ? loads * trips[kept] : loads;
  }

  /**
   * Input i's box averaged over all tiles, in elements: every buffer point, or (inRange) only those inside
   * the tensor, which is what DRAM delivers. Subscripts use disjoint indices, so the average is a product.
   */
  private double avgBox(int i, int[] tile, int[] trips, boolean inRange) {
    double e = 1;
    for (int pos = 0; pos < coef[i].length; pos++) {
      int[] c = coef[i][pos];
      double ext = 1;
      if (inRange && clips[i][pos]) {
        ext = clippedAverage(i, pos, tile, trips);
      } else {
        for (int d = 0; d < n; d++) if (c[d] != 0) ext += Math.abs(c[d]) * ((double) space.ranges()[d] / trips[d] - 1);
      }
      e *= ext;
    }
    return e;
  }

  /** The layer's output elements. */
  private long outputs() { return outputs(space.ranges()); }

  /**
   * {read, written}: the bytes of the global buffer the output side moves besides the MACs' partial sums:
   * the epilogue's ALU ops, the residual loaded beside each tile, the store reading the results.
   */
  private long[] outputSide(long outElems) {
    long read = outElems * space.resultBytes(), written = outElems * space.residualBytes();
    for (int[] io : space.epilogueIo()) {
      read += outElems * io[0];
      written += outElems * io[1];
    }
    return new long[] {read, written};
  }

  /** clippedAverage of input i's subscript pos, remembered (clipped) where its key fits. */
  private double clippedAverage(int i, int pos, int[] tile, int[] trips) {
    int[] c = coef[i][pos];
    long room = Long.MAX_VALUE / (2L * coef[i].length), key = 0;
    for (int d = 0; d < n; d++) {
      if (c[d] == 0) continue;
      long radix = space.ranges()[d] + 1L;
      if (key >= room / radix) return clippedAverage(c, constant[i][pos], tile, trips, space.shapes()[i][pos]);
      key = key * radix + Math.min(tile[d], space.ranges()[d]);
    }
    key = (key * coef[i].length + pos) * 2 + i;
    Double known = clipped.get(key);
    if (known != null) return known;
    double v = clippedAverage(c, constant[i][pos], tile, trips, space.shapes()[i][pos]);
    clipped.put(key, v);
    return v;
  }

  /** The average over the subscript's tiles of its extent clipped to [0, size): a walk over its own indices. */
  private double clippedAverage(int[] c, int k, int[] tile, int[] trips, int size) {
    int[] t = new int[n];
    long sum = 0, count = 0;
    while (true) {
      long lo = k, hi = k;
      for (int d = 0; d < n; d++) {
        if (c[d] == 0) continue;
        long first = (long) t[d] * tile[d], last = Math.min(space.ranges()[d], first + tile[d]) - 1;
        lo += c[d] > 0 ? c[d] * first : c[d] * last;
        hi += c[d] > 0 ? c[d] * last : c[d] * first;
      }
      sum += Math.max(0, Math.min(hi, size - 1) - Math.max(lo, 0) + 1);
      count++;
      int d = n - 1;
      while (d >= 0 && (c[d] == 0 || ++t[d] == trips[d])) {
        t[d] = 0;
        d--;
      }
      if (d < 0) return (double) sum / count;
    }
  }

  /**
   * The compute queue's cycles: every MAC step (Timing.mac, here on the steps' average folds, streaming and
   * buffer bytes, what the shared levels stage of them ({@code staged} per operand, Energy.staged), and the
   * full tile's cluster start-ups, exact when every tile is full) and the epilogue's ALU ops per output tile.
   */
  private long computeCycles(Dataflow df, int rowDims, int colDims, int[] tile, int[] spread, int[] trips, long steps,
                             long outTiles, double issuedShare, long macRead, long macWritten, long startUp,
                             long[] staged) {
    long folds = axisFoldSum(rowDims, tile, spread, trips, machine.rows(), true)
        * axisFoldSum(colDims, tile, spread, trips, machine.cols(), true);
    long spatial = spread == null ? folds : axisFoldSum(rowDims, tile, spread, trips, machine.rows(), false)
        * axisFoldSum(colDims, tile, spread, trips, machine.cols(), false);
    for (int d = 0; d < n; d++) {
      if (((rowDims | colDims) >> d & 1) != 0) continue;
      folds *= space.ranges()[d];
      spatial *= trips[d];
    }
    if (issuedShare < 1) folds = (long) Math.ceil(folds * issuedShare);
    long perStep = Timing.mac(machine, df, Math.round((double) spatial / steps), Math.round((double) folds / steps), 0, 0,
        Math.round((double) macRead / steps), Math.round((double) macWritten / steps), space.bytes()[0], space.bytes()[1],
        pe, startUp, stagesPart ? new long[] {Math.round((double) staged[0] / steps), Math.round((double) staged[1] / steps),
            Math.round((double) staged[2] / steps)} : null);
    long tileElems = 1;
    for (int d = 0; d < n; d++) if (!reduced[d]) tileElems *= tile[d];
    long aluOps = space.epilogueIo().length;   // no fill: the first reduction step starts the accumulators
    long alu = outTiles * aluOps * Timing.alu(machine, tileElems);
    return steps * perStep + alu;
  }

  /**
   * The load cycles of input i's {@code loads} compressed boxes (average {@code box} elements, {@code bufBytes}
   * written in all), adding their expected block bytes to {@code dramRead[i]}.
   */
  private long compressedLoads(int i, long loads, double box, int[] tile, int[] trips, long bufBytes,
                               long[] dramRead) {
    int valueBits = space.bytes()[i] * 8;
    double first = 1;
    for (int d = 0; d < n; d++) {
      int c = coef[i][0][d];
      if (c != 0) first += Math.abs(c) * ((double) space.ranges()[d] / trips[d] - 1);
    }
    int rows = (int) Math.max(1, Math.round(first)), cols = (int) Math.max(1, Math.round(box / rows));
    double bits = SparseCodec.expectedBits(formats[i], rows, cols, valueBits, densities[i]);
    double nnz = densities[i] * rows * cols;
    SparseCodec.Size perLoad = new SparseCodec.Size(Math.round(bits), Math.max(0, Math.round(bits - nnz * valueBits)),
        Math.round(nnz));
    long blockBytes = loads * perLoad.bytes();
    dramRead[i] = blockBytes;
    if (!machine.hardwareDecode()) return Timing.dmas(machine, Timing.Dma.LOAD, loads, blockBytes, bufBytes) + loads * DecodeCost.software(perLoad);
    return Timing.decodedDmas(machine, loads, blockBytes, bufBytes, perLoad);
  }

  /** Folds of one axis over the whole layer with these tiles: axisFoldSum at the tiles' trip counts. */
  long axisFolds(int mask, int[] tile, int pe) {
    int[] trips = new int[n];
    for (int d = 0; d < n; d++) trips[d] = (space.ranges()[d] + tile[d] - 1) / tile[d];
    return axisFoldSum(mask, tile, null, trips, pe, false);
  }

  /**
   * Sum over the tiles of an axis' indices ({@code mask}) of its folds, ceil(product of the tile's extents /
   * pe): each index full or its remainder, weighted by how many tiles have that shape. An index the axis
   * spreads in part (ArrayLoops) counts its spread, and, {@code withTime}, times the steps the PEs walk the
   * rest in.
   */
  private long axisFoldSum(int mask, int[] tile, int[] spread, int[] trips, int pe, boolean withTime) {
    if (mask == 0) return 1;
    long sum = 0;
    for (int combo = mask; ; combo = (combo - 1) & mask) {   // each index full (bit set) or the remainder
      long weight = 1, extent = 1;
      for (int d = 0; d < n && weight > 0; d++) {
        if ((mask >> d & 1) == 0) continue;
        int last = space.ranges()[d] - (trips[d] - 1) * tile[d];
        boolean full = (combo >> d & 1) != 0;
        if (!full && last == tile[d]) weight = 0;                  // no separate remainder tile
        int e = full ? tile[d] : last;
        boolean split = spread != null && spread[d] > 0 && spread[d] < e && e % spread[d] == 0;
        extent *= split ? spread[d] : e;
        weight *= full ? (last == tile[d] ? trips[d] : trips[d] - 1) : 1;
        if (split && withTime) weight *= e / spread[d];
      }
      if (weight > 0) sum += weight * Timing.folds(extent, pe);
      if (combo == 0) return sum;
    }
  }
}
