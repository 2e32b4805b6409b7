// concat: the result, viewed as outer rows x row elements (row = its extent along the axis times the extents
// after it), is assembled in an input slot a chunk at a time, each operand's rows loaded straight into their
// columns (the load's buffer stride is the chunk's row), then one ALU COPY moves the chunk to an output slot
// and a store writes it (a store cannot wait on a load directly: the compute queue relays the order). Chunks
// alternate between two slots of each where the buffer has room, so loading, copying and storing overlap.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Loop;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;
import org.tdlc.machine.BufferLayout;
import org.tdlc.machine.MemoryLevel;

final class ConcatKernel {
  private final ProgramBuilder out;
  private final Operation op;
  private final String layer;
  private final DramPlan dram;
  private final MemoryLevel global;
  private final ElementType t;
  private final int outer, row;
  /** Per operand: its columns of the row view, and where they start. */
  private final int[] part, at;

  ConcatKernel(ProgramBuilder out, Operation op, String layer, DramPlan dram, MemoryLevel global) {
    this.out = out;
    this.op = op;
    this.layer = layer;
    this.dram = dram;
    this.global = global;
    TensorType y = op.result().type();
    this.t = y.element();
    int axis = (int) op.attributes().getInt("axis");
    if (axis < 0) axis += y.rank();
    int o = 1, inner = 1;
    for (int d = 0; d < axis; d++) o *= y.dim(d);
    for (int d = axis + 1; d < y.rank(); d++) inner *= y.dim(d);
    this.outer = o;
    this.row = y.dim(axis) * inner;
    this.part = new int[op.operands().size()];
    this.at = new int[part.length];
    for (int k = 0, c = 0; k < part.length; k++) {
      part[k] = op.operand(k).type().dim(axis) * inner;
      at[k] = c;
      c += part[k];
    }
  }

  void emit() {
    IntFunction<long[]> none = k -> new long[0];
    // whole rows when one fits (as many as fit), else a chunk of one row's columns
    IntFunction<long[]> rows = k -> new long[] {(long) k * row * t.bytes()};
    VectorKernels.Chunk chunk = VectorKernels.chunk(global, outer, rows, rows, none);
    int chunkRows = 1, cols = row;
    if (chunk == null) {
      IntFunction<long[]> columns = k -> new long[] {(long) k * t.bytes()};
      chunk = VectorKernels.chunk(global, row, columns, columns, none);
      if (chunk == null) {
        throw VectorKernels.tooBig(op, layer, global, VectorKernels.smallest(columns, columns, none), "one element");
      }
      cols = chunk.size();
    } else {
      chunkRows = chunk.size();
    }
    BufferLayout l = chunk.layout();
    long y = dram.address(op.result());
    int index = 0;
    for (int r0 = 0; r0 < outer; r0 += chunkRows) {
      int r = Math.min(chunkRows, outer - r0);
      for (int c0 = 0; c0 < row; c0 += cols, index++) {
        int w = Math.min(cols, row - c0), slot = index % chunk.nIn(), o = index % chunk.nOut();
        long buf = l.inAddr(slot, 0);
        for (int k = 0; k < part.length; k++) {
          int lo = Math.max(c0, at[k]), hi = Math.min(c0 + w, at[k] + part[k]);
          if (lo >= hi) continue;
          Value x = op.operand(k);
          long src = dram.address(x) + ((long) r0 * part[k] + (lo - at[k])) * t.bytes();
          out.load(out.descriptor(dma(r, hi - lo, part[k], w)), src, (int) (buf + (long) (lo - c0) * t.bytes()), slot);
        }
        VectorKernels.alu(out, AluOp.COPY, t, t, t, 0, List.of(new Loop(r * w, 1, 1, 0)), l.outAddr(o, 0), buf, 0,
            new int[] {slot}, new int[] {10 + o});
        out.store(out.descriptor(dma(r, w, row, w)), (int) l.outAddr(o, 0), y + ((long) r0 * row + c0) * t.bytes(),
            10 + o);
      }
    }
  }

  /** r rows of n elements, rows dramRow apart in DRAM and bufRow apart in the buffer. */
  private Descriptor.DmaDesc dma(int r, int n, int dramRow, int bufRow) {
    List<Descriptor.DmaDim> dims = new ArrayList<>();
    if (r > 1) dims.add(new Descriptor.DmaDim(r, dramRow, bufRow, 0, 0));
    dims.add(new Descriptor.DmaDim(n, 1, 1, 0, 0));
    return new Descriptor.DmaDesc(t, dims, 0);
  }
}
