// Entries of the program's descriptor table, which instructions name by index.
//
// Loop nests (MacDesc, AluDesc): loops.get(0) is outermost. For every index point i_0..i_{n-1} the
// operand addresses are base + sum_l i_l * stride_l elements (byte address = base + elements * size of
// the operand's type). MAX_LOOPS bounds the nest.
package org.tdlc.backend.isa;

import java.util.List;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.machine.PeWalk;
import org.tdlc.machine.sparse.TileView;

public sealed interface Descriptor {
  int MAX_LOOPS = org.tdlc.machine.ArrayLoops.MAX_LOOPS;
  int MAX_DMA_DIMS = TileView.MAX_DMA_DIMS;

  /**
   * MAC: for every point, C = wrap32(C + A * B) with A of type {@code a}, B of type {@code b}, C always i32.
   * Strides: dst = C, src1 = A, src2 = B. {@code rowLoops} and {@code colLoops} are the loops mapped across
   * the PE array's rows and columns, as bit masks (bit l: loop l; 0: none; disjoint), each axis holding its
   * loops flattened (machine.Timing); they only affect timing, never values. {@code init}: the
   * first reduction step of its accumulators, which it starts from zero (C = wrap32(A * B) at the first point
   * reaching each C element) instead of reading them, as an array writes its first partial sums; no FILL
   * precedes it. {@code pe}: how the PEs walk its loops and what each per-PE level keeps and bypasses, by
   * loop (machine.PeWalk), where the mapping pins it; PeWalk.RULE otherwise. Like the axes it only affects
   * timing and traffic.
   */
  record MacDesc(ElementType a, ElementType b, List<Loop> loops, int rowLoops, int colLoops, boolean init,
                 PeWalk pe) implements Descriptor {
    public MacDesc {
      loops = List.copyOf(loops);
      if (pe == null) pe = PeWalk.RULE;
    }

    /** A MAC whose PEs walk and keep by ArrayTraffic's rule. */
    public MacDesc(ElementType a, ElementType b, List<Loop> loops, int rowLoops, int colLoops, boolean init) {
      this(a, b, loops, rowLoops, colLoops, init, PeWalk.RULE);
    }

    /** A MAC that accumulates onto C. */
    public MacDesc(ElementType a, ElementType b, List<Loop> loops, int rowLoops, int colLoops) {
      this(a, b, loops, rowLoops, colLoops, false);
    }
  }

  /**
   * ALU: for every point, dst = op(dst, src1, src2) with the given types; results wrap into dstType
   * (two's complement) unless the op says otherwise. {@code imm} is the op's immediate.
   */
  record AluDesc(AluOp op, ElementType dstType, ElementType src1Type, ElementType src2Type, int imm, List<Loop> loops)
      implements Descriptor {
    public AluDesc { loops = List.copyOf(loops); }
  }

  /**
   * DMA shape. LOAD: for every buffer point j_d in [0, padBefore_d + count_d + padAfter_d), the element at
   * bufAddr + sum j_d * bufStride_d is DRAM[dramAddr + sum (j_d - padBefore_d) * dramStride_d] when every
   * j_d - padBefore_d is in [0, count_d), and padValue otherwise (0 for conv padding, the type's minimum
   * for maxpool so that padding never wins). STORE: pads must be 0; DRAM[dram + sum j*dramStride] =
   * buffer[buf + sum j*bufStride]. Strides are in elements of {@code type}; dims.get(0) is outermost.
   * A LOAD with a {@code format} other than DENSE reads one compressed block at dramAddr instead (see
   * org.tdlc.machine.sparse.SparseCodec): the buffer points in row-major order form a view of {@code rows} rows
   * (the compiler passes the tile's extent along the tensor's first dimension) by points / rows columns, and
   * the block encodes that view in {@code format}; the decoder writes every point (zero where the block holds
   * none). dramStride and the pads then only describe the source tile. rows is 0 for a dense transfer.
   */
  record DmaDesc(ElementType type, List<DmaDim> dims, int padValue, StorageFormat format, int rows)
      implements Descriptor {
    public DmaDesc {
      dims = List.copyOf(dims);
      if (format == null) format = StorageFormat.DENSE;
      if (format == StorageFormat.DENSE) rows = 0;
    }

    public DmaDesc(ElementType type, List<DmaDim> dims, int padValue) {
      this(type, dims, padValue, StorageFormat.DENSE, 0);
    }

    /** A compressed transfer viewed as total(dims.get(0)) rows (one row for a one-dimensional transfer). */
    public DmaDesc(ElementType type, List<DmaDim> dims, int padValue, StorageFormat format) {
      this(type, dims, padValue, format, defaultRows(dims));
    }

    private static int defaultRows(List<DmaDim> dims) {
      if (dims.size() < 2) return 1;
      DmaDim d = dims.get(0);
      return d.padBefore() + d.count() + d.padAfter();
    }

    public boolean compressed() { return format != StorageFormat.DENSE; }

    /** The rows of the compressed view. */
    public int viewRows() { return rows; }

    /** The buffer points the transfer writes. */
    public long points() {
      long n = 1;
      for (DmaDim d : dims) n *= (long) d.padBefore() + d.count() + d.padAfter();
      return n;
    }
  }

  record DmaDim(int count, int dramStride, int bufStride, int padBefore, int padAfter) {}
}
