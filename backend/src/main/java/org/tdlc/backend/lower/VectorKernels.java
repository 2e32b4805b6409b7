// The ops that do not tile as one body over an iteration space, each lowered by a kernel of its own that
// walks chunks of rows through the global buffer: softmax and layernorm (several passes over each row:
// RowKernel), gather (data-dependent rows: GatherKernel) and concat (DMA only: ConcatKernel). Every kernel
// sizes its chunks by BufferLayout with the same slot options as the tiler, double-buffered where it fits,
// and declares its buffer regions' hazards as the tiler does; ProgramBuilder turns them into tokens.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Loop;
import org.tdlc.ir.Operation;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.ElementType;
import org.tdlc.machine.BufferLayout;
import org.tdlc.machine.MemoryLevel;

final class VectorKernels {
  private VectorKernels() {}

  /** Whether {@code op} is lowered here rather than by the tiler. */
  static boolean handles(Operation op) {
    return op.is(Ops.SOFTMAX) || op.is(Ops.LAYERNORM) || op.is(Ops.GATHER) || op.is(Ops.CONCAT);
  }

  /** Emits {@code op}'s instructions into the open layer. */
  static void emit(ProgramBuilder out, Operation op, String layer, DramPlan dram, MemoryLevel global) {
    if (op.is(Ops.SOFTMAX) || op.is(Ops.LAYERNORM)) new RowKernel(out, op, layer, dram, global).emit();
    else if (op.is(Ops.GATHER)) new GatherKernel(out, op, layer, dram, global).emit();
    else new ConcatKernel(out, op, layer, dram, global).emit();
  }

  /** A chunk size, the input and output slots it has, and the layout they give. */
  record Chunk(int size, int nIn, int nOut, BufferLayout layout) {}

  /**
   * The largest chunk (1..max) whose areas fit the buffer, with the first slot counts (double-buffered first)
   * that fit a chunk of 1; {@code in} and {@code out} give the areas of one slot for a chunk size, shared
   * those of all. Null when not even a chunk of 1 fits.
   */
  static Chunk chunk(MemoryLevel global, int max, IntFunction<long[]> in, IntFunction<long[]> out,
                     IntFunction<long[]> shared) {
    long capacity = Math.min(global.sizeBytes(), Integer.MAX_VALUE);
    for (int[] slots : BufferLayout.slotOptions(global.doubleBuffer())) {
      if (BufferLayout.bytes(in.apply(1), out.apply(1), shared.apply(1), slots[0], slots[1]) > capacity) continue;
      int lo = 1, hi = max;
      while (lo < hi) {
        int mid = lo + (hi - lo + 1) / 2;
        if (BufferLayout.bytes(in.apply(mid), out.apply(mid), shared.apply(mid), slots[0], slots[1]) <= capacity) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return new Chunk(lo, slots[0], slots[1], BufferLayout.of(in.apply(lo), out.apply(lo), shared.apply(lo), slots[0],
          slots[1]));
    }
    return null;
  }

  /** The smallest layout's bytes, for the error when nothing fits. */
  static long smallest(IntFunction<long[]> in, IntFunction<long[]> out, IntFunction<long[]> shared) {
    return BufferLayout.bytes(in.apply(1), out.apply(1), shared.apply(1), 1, 1);
  }

  static LoweringException tooBig(Operation op, String layer, MemoryLevel global, long need, String what) {
    return new LoweringException(op.location(), op.shortName() + " " + layer + ": the " + global.name()
        + " buffer holds " + global.sizeBytes() + " bytes, but " + what + " needs " + need + " bytes");
  }

  /**
   * A loop nest over rows x cols (either may be 1, and is then left out), each operand's strides per row and
   * per column in elements: {dst, src1, src2}.
   */
  static List<Loop> nest(int rows, int cols, int[] perRow, int[] perCol) {
    List<Loop> loops = new ArrayList<>();
    if (rows > 1) loops.add(new Loop(rows, perRow[0], perRow[1], perRow[2]));
    if (cols > 1) loops.add(new Loop(cols, perCol[0], perCol[1], perCol[2]));
    if (loops.isEmpty()) loops.add(new Loop(1, 0, 0, 0));
    return loops;
  }

  /** An ALU instruction over a nest. */
  static void alu(ProgramBuilder out, AluOp op, ElementType dst, ElementType src1, ElementType src2, int imm,
                  List<Loop> loops, long dstAddr, long src1Addr, long src2Addr, int[] reads, int[] writes) {
    int desc = out.descriptor(new Descriptor.AluDesc(op, dst, src1, src2, imm, loops));
    out.alu(desc, (int) dstAddr, (int) src1Addr, (int) src2Addr, reads, writes);
  }

  /** A load of {@code n} consecutive elements. */
  static void load(ProgramBuilder out, ElementType t, int n, long dram, long buf, int region) {
    out.load(out.descriptor(contiguous(t, n)), dram, (int) buf, region);
  }

  /** A store of {@code n} consecutive elements. */
  static void store(ProgramBuilder out, ElementType t, int n, long buf, long dram, int region) {
    out.store(out.descriptor(contiguous(t, n)), (int) buf, dram, region);
  }

  private static Descriptor.DmaDesc contiguous(ElementType t, int n) {
    return new Descriptor.DmaDesc(t, List.of(new Descriptor.DmaDim(n, 1, 1, 0, 0)), 0);
  }
}
