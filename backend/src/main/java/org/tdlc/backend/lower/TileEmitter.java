// Emits one TiledOp as tiles, visiting the machine model's TileWalk (which fixes the tile order and which slot
// holds each input box, for the predictor too): per output tile FILL the accumulator, per reduction step load
// the boxes the walk says are missing and run the body on them, then load the residual tile, run the epilogue
// as successive ALU ops and store. Hazards are declared per buffer region; ProgramBuilder turns them into tokens.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Loop;
import org.tdlc.backend.lower.TileGeometry.Box;
import org.tdlc.backend.lower.TiledOp.Operand;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.type.ElementType;
import org.tdlc.machine.MemoryLevel;
import org.tdlc.machine.PeWalk;
import org.tdlc.machine.TileWalk;

final class TileEmitter implements TileWalk.Visitor {
  private final ProgramBuilder out;
  private final Dataflow dataflow;
  private final TiledOp op;
  private final int[] tile;
  private final BufferPlan plan;
  private final boolean[] reduced;
  private final int[] outIdx;
  private final int[] resultStrides;
  private final WideAverage wide;
  /** Whether a MAC of the current output tile has started its accumulators (MacDesc.init). */
  private boolean accumulatorsStarted;
  /** The mapping's walk order and array indices, or null for the heuristic. */
  private final MappedTiles mapped;

  private TileEmitter(ProgramBuilder out, Dataflow dataflow, TiledOp op, MemoryLevel global, MappedTiles mapped) {
    this.out = out;
    this.dataflow = dataflow;
    this.op = op;
    this.mapped = mapped;
    TileSizes.Choice choice = mapped == null ? TileSizes.choose(op, global) : TileSizes.fixed(op, global, mapped.tile());
    this.tile = choice.tile();
    this.plan = choice.plan();
    this.reduced = op.reduced();
    this.outIdx = op.outputIndices();
    this.resultStrides = TileGeometry.resultStrides(op);
    this.wide = op.wide() ? new WideAverage(out, plan, wideCount(op)) : null;
  }

  private static int wideCount(TiledOp op) {
    for (TiledOp.Post p : op.epilogue()) if (p instanceof TiledOp.WideAvgDiv w) return w.count();
    throw new IllegalStateException("no wide average in " + op.opName());
  }

  /** Emits every tile of {@code op}. */
  static void emit(ProgramBuilder out, Dataflow dataflow, TiledOp op, MemoryLevel global, MappedTiles mapped) {
    TileEmitter e = new TileEmitter(out, dataflow, op, global, mapped);
    List<List<AffineExpr>> maps = new ArrayList<>();
    int[][] shapes = new int[op.inputs().size()][];
    for (int i = 0; i < shapes.length; i++) {
      maps.add(op.inputs().get(i).map());
      shapes[i] = op.inputs().get(i).shape();
    }
    new TileWalk(op.ranges(), e.reduced, e.tile, e.order(), maps, e.plan.nIn, e.plan.nOut, mapped == null ? shapes : null)
        .walk(e);
  }

  /** The walk order of the tile loops, outermost first: the mapping's, else index order. */
  private int[] order() {
    if (mapped != null) return mapped.order();
    int[] o = new int[op.ranges().length];
    for (int d = 0; d < o.length; d++) o[d] = d;
    return o;
  }

  @Override
  public void beginTile(int[] origin, int[] outExt, int slot, int resSlot) {
    int elements = (int) TileGeometry.tileElements(op, outExt);
    accumulatorsStarted = false;
    if (op.body().init() != null && !macStartsAccumulators()) fill(slot, elements);
    if (wide != null) wide.init(slot, elements);
  }

  /** The accumulator tile set to the body's initial value by a FILL. */
  private void fill(int slot, int elements) {
    ElementType acc = op.body().accType();
    int desc = out.descriptor(new Descriptor.AluDesc(AluOp.FILL, acc, acc, acc, op.body().init(),
        List.of(new Loop(elements, 1, 0, 0))));
    out.alu(desc, plan.outAddr(slot, acc), 0, 0, new int[0], new int[] {plan.outRegion(slot, acc)});
  }

  /**
   * A sum of products starts its accumulators with the first MAC of each output tile (MacDesc.init), as an
   * array writes its first partial sums, instead of a FILL before it.
   */
  private boolean macStartsAccumulators() {
    return op.body().isMac() && wide == null && Integer.valueOf(0).equals(op.body().init());
  }

  @Override
  public void endTile(int[] origin, int[] outExt, int slot, int resSlot) {
    int elements = (int) TileGeometry.tileElements(op, outExt);
    // every step was padding (skipped), so no MAC started the accumulators: they are the sum of nothing
    if (macStartsAccumulators() && !accumulatorsStarted) fill(slot, elements);
    int[] tileStrides = TileGeometry.tileStrides(op, outExt);
    long resultOffset = TileGeometry.resultOffset(op, origin);
    if (op.residual() != null) loadResidual(resSlot, outExt, tileStrides, TileGeometry.residualOffset(op, origin));
    ElementType last = epilogue(slot, resSlot, elements);
    for (DmaShapes.Part p : DmaShapes.tile(outIdx, outExt, resultStrides, tileStrides)) {
      int desc = out.descriptor(new Descriptor.DmaDesc(last, p.dims(), 0));
      out.store(desc, (int) (plan.outAddr(slot, last) + p.bufOffset() * last.bytes()),
          op.resultAddr() + (resultOffset + p.dramOffset()) * last.bytes(), plan.outRegion(slot, last));
    }
  }

  /** One reduction step: the body over the boxes the walk placed in {@code slots}. */
  @Override
  public void step(int[] origin, int[] ext, int[] slots, int outSlot) {
    List<Box> boxes = new ArrayList<>();
    for (Operand x : op.inputs()) boxes.add(TileGeometry.box(x, origin, ext));
    int[] reads = new int[boxes.size() + 1];
    for (int i = 0; i < boxes.size(); i++) reads[i] = plan.inputRegion(slots[i], i);
    ElementType acc = op.body().accType();
    int accRegion = plan.outRegion(outSlot, acc);
    reads[boxes.size()] = accRegion;
    int[] writes = {accRegion};
    int[] dst = TileGeometry.tileStrides(op, ext);
    Box a = boxes.get(0), b = boxes.size() > 1 ? boxes.get(1) : null;
    int[] bStrides = b == null ? new int[ext.length] : b.indexStrides();
    Operand xa = op.inputs().get(0), xb = b == null ? xa : op.inputs().get(1);
    int aBase = plan.inputAddr(slots[0], 0) + a.originOffset() * xa.type().bytes();
    int bBase = b == null ? 0 : plan.inputAddr(slots[1], 1) + b.originOffset() * xb.type().bytes();
    int cBase = plan.outAddr(outSlot, acc);
    if (wide != null) {
      wide.step(a, plan.inputAddr(slots[0], 0), reads[0], ext, dst, outSlot);
    } else if (op.body().isMac()) {
      int[] roles = mapped != null ? new int[] {mapped.rowDims(), mapped.colDims()}
          : LoopNests.defaultAxes(dataflow, op);
      boolean starts = macStartsAccumulators() && !accumulatorsStarted;
      accumulatorsStarted = true;
      int[] spread = mapped != null ? mapped.spread() : null;
      PeWalk pe = mapped != null ? mapped.pe() : PeWalk.RULE;
      for (LoopNests.Nest n : LoopNests.build(ext, dst, a.indexStrides(), bStrides, false, roles[0], roles[1], spread,
          pe)) {
        int desc = out.descriptor(new Descriptor.MacDesc(xa.type(), xb.type(), n.loops(), n.rowLoops(), n.colLoops(),
            starts && n.first(), n.pe()));
        out.mac(desc, (int) (aBase + n.src1() * xa.type().bytes()), (int) (bBase + n.src2() * xb.type().bytes()),
            (int) (cBase + n.dst() * acc.bytes()), reads, writes);
      }
    } else {
      for (LoopNests.Nest n : LoopNests.build(ext, dst, a.indexStrides(), bStrides, true, 0, 0, null, PeWalk.RULE)) {
        int desc = out.descriptor(new Descriptor.AluDesc(op.body().alu(), acc, xa.type(), xb.type(), op.body().imm(),
            n.loops()));
        out.alu(desc, (int) (cBase + n.dst() * acc.bytes()), (int) (aBase + n.src1() * xa.type().bytes()),
            b == null ? 0 : (int) (bBase + n.src2() * xb.type().bytes()), reads, writes);
      }
    }
  }

  /** Loads input {@code i}'s box for this step into {@code slot}, part by part. */
  @Override
  public void load(int i, TileWalk.Box ignored, int slot, int[] origin, int[] ext) {
    Operand x = op.inputs().get(i);
    Box box = TileGeometry.box(x, origin, ext);
    int bytes = x.type().bytes();
    for (DmaShapes.Part p : DmaShapes.boxLoad(x, box)) {
      load(x, p, (int) (plan.inputAddr(slot, i) + p.bufOffset() * bytes), plan.inputRegion(slot, i), x.padValue(),
          box.extent().length == 0 ? 1 : box.extent()[0], slot, i);
    }
  }

  /**
   * Loads the residual's tile, laid out as the accumulator tile: a broadcast residual (a bias) is read with
   * DRAM stride 0 along the dimensions it repeats, so the DMA writes it expanded.
   */
  private void loadResidual(int resSlot, int[] outExt, int[] tileStrides, long residualOffset) {
    Operand r = op.residual();
    int bytes = r.type().bytes();
    for (DmaShapes.Part p : DmaShapes.tile(outIdx, outExt, TileGeometry.residualStrides(op), tileStrides)) {
      DmaShapes.Part at = new DmaShapes.Part(p.dims(), residualOffset + p.dramOffset(), p.bufOffset());
      load(r, at, (int) (plan.residualAddr(resSlot) + p.bufOffset() * bytes), plan.residualRegion(resSlot), 0, 0,
          resSlot, plan.residualInput());
    }
  }

  /**
   * One LOAD of a part of {@code x}: plain strided elements, or its tile's block when x is stored compressed,
   * viewed as {@code rows} rows (the box's extent along x's first dimension) when they divide the part, else
   * as the part's outermost dimension. A staged block (software conversion) is loaded raw into input
   * {@code input}'s staging area of slot {@code slot}, then converted into the tile by the compute queue; the
   * parts of a box share the area one after another (the region's hazards order them).
   */
  private void load(Operand x, DmaShapes.Part p, int buf, int region, int padValue, int rows, int slot, int input) {
    if (x.stored() == null) {
      int desc = out.descriptor(new Descriptor.DmaDesc(x.type(), p.dims(), padValue));
      out.load(desc, x.dramAddr() + p.dramOffset() * x.type().bytes(), buf, region);
      return;
    }
    Descriptor.DmaDesc d = new Descriptor.DmaDesc(x.type(), p.dims(), padValue, x.stored().format(),
        org.tdlc.machine.sparse.TileView.viewRows(rows, DmaShapes.view(p.dims())));
    CompressedBlocks.Placed block = out.blocks().block(x, p.dramOffset(), d);
    if (!x.stored().staged()) {
      out.loadBlock(out.descriptor(d), block, buf, region);
      return;
    }
    long bytes = block.size().bytes();
    if (bytes > plan.stagingBytes(input)) {
      throw new IllegalStateException(x.name() + ": a " + bytes + "-byte block exceeds its " + plan.stagingBytes(input)
          + "-byte staging area");
    }
    int staging = plan.stagingAddr(slot, input);
    int raw = out.descriptor(new Descriptor.DmaDesc(ElementType.I8, List.of(new Descriptor.DmaDim((int) bytes, 1, 1, 0,
        0)), 0));
    out.stageBlock(raw, block, staging, plan.stagingRegion(slot, input));
    out.convert(out.descriptor(d), buf, staging, block, plan.stagingRegion(slot, input), region);
  }

  /** The epilogue as ALU ops over the whole tile; returns the element type the tile ends in. */
  private ElementType epilogue(int slot, int resSlot, int elements) {
    List<ElementType> chain = op.typeChain();
    List<Loop> loops = List.of(new Loop(elements, 1, 1, 1));
    for (int i = 0; i < op.epilogue().size(); i++) {
      ElementType from = chain.get(i), to = chain.get(i + 1);
      int src = plan.outAddr(slot, from), dst = plan.outAddr(slot, to);
      int srcRegion = plan.outRegion(slot, from), dstRegion = plan.outRegion(slot, to);
      TiledOp.Post post = op.epilogue().get(i);
      if (post instanceof TiledOp.WideAvgDiv) {
        wide.epilogue(slot, elements);
      } else if (post instanceof TiledOp.AddResidual) {
        ElementType rt = op.residual().type();
        int desc = out.descriptor(new Descriptor.AluDesc(AluOp.ADD, to, from, rt, 0, loops));
        out.alu(desc, dst, src, plan.residualAddr(resSlot), new int[] {srcRegion, plan.residualRegion(resSlot)},
            new int[] {dstRegion});
      } else {
        AluOp alu = post instanceof TiledOp.Relu ? AluOp.RELU : post instanceof TiledOp.Requant ? AluOp.REQUANT
            : post instanceof TiledOp.AluStep step ? step.op() : AluOp.AVGDIV;
        int imm = post instanceof TiledOp.Requant rq ? rq.shift() : post instanceof TiledOp.AvgDiv av ? av.count()
            : post instanceof TiledOp.AluStep step ? step.imm() : 0;
        int desc = out.descriptor(new Descriptor.AluDesc(alu, to, from, from, imm, loops));
        out.alu(desc, dst, src, 0, new int[] {srcRegion}, new int[] {dstRegion});
      }
    }
    ElementType last = chain.get(chain.size() - 1);
    if (last != op.resultType()) {
      throw new IllegalStateException(op.opName() + ": epilogue ends in " + last + ", result is " + op.resultType());
    }
    return last;
  }
}
