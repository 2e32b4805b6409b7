// softmax and layernorm on the vector unit, a chunk of whole rows (the last axis) at a time: the chunk is
// loaded into an input slot, then a fixed sequence of ALU ops reduces each row to scalars (max, sum, mean,
// sum of squares), maps them (reciprocal, square root) and applies them to the row (a src2 of stride 0 along
// the row), in the output slot's work areas, and the result is stored. The sequence is the op's definition in
// docs/ops.md step by step; the arithmetic of each step is its AluOp's.
package org.tdlc.backend.lower;

import static org.tdlc.backend.lower.VectorKernels.alu;
import static org.tdlc.backend.lower.VectorKernels.nest;

import java.util.function.IntFunction;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.ir.Operation;
import org.tdlc.ir.interp.NormKernel;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;
import org.tdlc.machine.BufferLayout;
import org.tdlc.machine.MemoryLevel;

final class RowKernel {
  private static final ElementType I32 = ElementType.I32;
  /** softmax's work areas in an output slot, in layout order. */
  private static final int MAX = 0, EXP = 1, SUM = 2, FACTOR = 3, Y = 4;
  /** layernorm's. */
  private static final int TOTAL = 0, MEAN = 1, DEV = 2, VAR = 3, SIGMA = 4, SCALE = 5;

  private final ProgramBuilder out;
  private final Operation op;
  private final String layer;
  private final DramPlan dram;
  private final MemoryLevel global;
  private final boolean softmax;
  private final ElementType xt, yt;
  private final int rows, c;

  RowKernel(ProgramBuilder out, Operation op, String layer, DramPlan dram, MemoryLevel global) {
    this.out = out;
    this.op = op;
    this.layer = layer;
    this.dram = dram;
    this.global = global;
    this.softmax = op.is(Ops.SOFTMAX);
    TensorType x = op.operand(0).type();
    this.xt = x.element();
    this.yt = op.result().type().element();
    this.c = x.dim(x.rank() - 1);
    this.rows = x.shape().elementCount() / c;
  }

  private long[] in(int r) { return new long[] {(long) r * c * xt.bytes()}; }

  private long[] work(int r) {
    long row = (long) r * c;
    return softmax ? new long[] {4L * r, 4 * row, 4L * r, 4L * r, row * yt.bytes()}
        : new long[] {4L * r, 4L * r, 4 * row, 4L * r, 4L * r, 4L * r};
  }

  private long[] shared(int r) {
    if (softmax) return new long[0];
    long gamma = (long) c * op.operand(1).type().element().bytes(), beta = (long) c * op.operand(2).type().element().bytes();
    return new long[] {gamma, beta};
  }

  void emit() {
    IntFunction<long[]> in = this::in, work = this::work, shared = this::shared;
    VectorKernels.Chunk chunk = VectorKernels.chunk(global, rows, in, work, shared);
    if (chunk == null) {
      throw VectorKernels.tooBig(op, layer, global, VectorKernels.smallest(in, work, shared), "one row of " + c
          + " elements with its work areas");
    }
    BufferLayout l = chunk.layout();
    int nOut = chunk.nOut();
    if (!softmax) {
      for (int k = 0; k < 2; k++) {
        ElementType t = op.operand(1 + k).type().element();
        VectorKernels.load(out, t, c, dram.address(op.operand(1 + k)), l.sharedAddr(k), sharedRegion(k));
      }
    }
    long x = dram.address(op.operand(0)), y = dram.address(op.result());
    int index = 0;
    for (int r0 = 0; r0 < rows; r0 += chunk.size(), index++) {
      int r = Math.min(chunk.size(), rows - r0);
      int slot = index % chunk.nIn(), o = index % nOut;
      VectorKernels.load(out, xt, r * c, x + (long) r0 * c * xt.bytes(), l.inAddr(slot, 0), inRegion(slot));
      if (softmax) softmax(l, slot, o, r);
      else layernorm(l, slot, o, r);
      long at = y + (long) r0 * c * yt.bytes();
      int area = softmax ? Y : DEV;
      VectorKernels.store(out, yt, r * c, l.outAddr(o, area), at, outRegion(o, area));
    }
  }

  /** m = max of each row; e = iexp(x - m); s = sum of e; f = 2^31 / s; y = min(127, e * f >> 24). */
  private void softmax(BufferLayout l, int slot, int o, int r) {
    long xa = l.inAddr(slot, 0);
    int xr = inRegion(slot);
    int frac = (int) op.attributes().getInt("frac");
    alu(out, AluOp.FILL, I32, I32, I32, xt.min(), nest(r, 1, new int[] {1, 0, 0}, noStride()), l.outAddr(o, MAX), 0, 0,
        new int[0], regions(o, MAX));
    alu(out, AluOp.MAX, I32, xt, xt, 0, nest(r, c, new int[] {1, c, 0}, new int[] {0, 1, 0}), l.outAddr(o, MAX), xa, 0,
        new int[] {xr, outRegion(o, MAX)}, regions(o, MAX));
    alu(out, AluOp.IEXP, I32, xt, I32, frac, nest(r, c, new int[] {c, c, 1}, new int[] {1, 1, 0}), l.outAddr(o, EXP),
        xa, l.outAddr(o, MAX), new int[] {xr, outRegion(o, MAX)}, regions(o, EXP));
    reduce(AluOp.SUM, 0, l, o, EXP, SUM, r);
    alu(out, AluOp.RECIP, I32, I32, I32, NormKernel.RECIP_SHIFT, nest(r, 1, new int[] {1, 1, 0}, noStride()),
        l.outAddr(o, FACTOR), l.outAddr(o, SUM), 0, new int[] {outRegion(o, SUM)}, regions(o, FACTOR));
    alu(out, AluOp.MULSHR, yt, I32, I32, NormKernel.SOFTMAX_OUT_SHIFT, nest(r, c, new int[] {c, c, 1},
        new int[] {1, 1, 0}), l.outAddr(o, Y), l.outAddr(o, EXP), l.outAddr(o, FACTOR),
        new int[] {outRegion(o, EXP), outRegion(o, FACTOR)}, regions(o, Y));
  }

  /**
   * mean = (sum + C/2) / C; d = x - mean; V = sum of (d >> k)^2; sigma = isqrt(V) << k; f = 2^31 / sigma;
   * n = d * f >> (31 - frac), then n * gamma + beta, in the d area.
   */
  private void layernorm(BufferLayout l, int slot, int o, int r) {
    long xa = l.inAddr(slot, 0);
    int xr = inRegion(slot);
    int k = NormKernel.layernormShift(xt, c);
    int frac = (int) op.attributes().getInt("frac");
    alu(out, AluOp.FILL, I32, I32, I32, 0, nest(r, 1, new int[] {1, 0, 0}, noStride()), l.outAddr(o, TOTAL), 0, 0,
        new int[0], regions(o, TOTAL));
    alu(out, AluOp.SUM, I32, xt, xt, 0, nest(r, c, new int[] {1, c, 0}, new int[] {0, 1, 0}), l.outAddr(o, TOTAL), xa,
        0, new int[] {xr, outRegion(o, TOTAL)}, regions(o, TOTAL));
    alu(out, AluOp.AVGDIV, I32, I32, I32, c, nest(r, 1, new int[] {1, 1, 0}, noStride()), l.outAddr(o, MEAN),
        l.outAddr(o, TOTAL), 0, new int[] {outRegion(o, TOTAL)}, regions(o, MEAN));
    alu(out, AluOp.SUB, I32, xt, I32, 0, nest(r, c, new int[] {c, c, 1}, new int[] {1, 1, 0}), l.outAddr(o, DEV), xa,
        l.outAddr(o, MEAN), new int[] {xr, outRegion(o, MEAN)}, regions(o, DEV));
    reduce(AluOp.SUMSQ, k, l, o, DEV, VAR, r);
    alu(out, AluOp.ISQRT, I32, I32, I32, k, nest(r, 1, new int[] {1, 1, 0}, noStride()), l.outAddr(o, SIGMA),
        l.outAddr(o, VAR), 0, new int[] {outRegion(o, VAR)}, regions(o, SIGMA));
    alu(out, AluOp.RECIP, I32, I32, I32, NormKernel.RECIP_SHIFT, nest(r, 1, new int[] {1, 1, 0}, noStride()),
        l.outAddr(o, SCALE), l.outAddr(o, SIGMA), 0, new int[] {outRegion(o, SIGMA)}, regions(o, SCALE));
    alu(out, AluOp.MULSHR, I32, I32, I32, NormKernel.RECIP_SHIFT - frac, nest(r, c, new int[] {c, c, 1},
        new int[] {1, 1, 0}), l.outAddr(o, DEV), l.outAddr(o, DEV), l.outAddr(o, SCALE),
        new int[] {outRegion(o, DEV), outRegion(o, SCALE)}, regions(o, DEV));
    for (int p = 0; p < 2; p++) {
      ElementType pt = op.operand(1 + p).type().element();
      alu(out, p == 0 ? AluOp.MUL : AluOp.ADD, I32, I32, pt, 0, nest(r, c, new int[] {c, c, 0}, new int[] {1, 1, 1}),
          l.outAddr(o, DEV), l.outAddr(o, DEV), l.sharedAddr(p), new int[] {outRegion(o, DEV), sharedRegion(p)},
          regions(o, DEV));
    }
  }

  /** into[row] = init, then into[row] op= each element of the row of {@code from} (SUM or SUMSQ with shift imm). */
  private void reduce(AluOp aluOp, int imm, BufferLayout l, int o, int from, int into, int r) {
    alu(out, AluOp.FILL, I32, I32, I32, 0, nest(r, 1, new int[] {1, 0, 0}, noStride()), l.outAddr(o, into), 0, 0,
        new int[0], regions(o, into));
    alu(out, aluOp, I32, I32, I32, imm, nest(r, c, new int[] {1, c, 0}, new int[] {0, 1, 0}), l.outAddr(o, into),
        l.outAddr(o, from), 0, new int[] {outRegion(o, from), outRegion(o, into)}, regions(o, into));
  }

  private static int[] noStride() { return new int[3]; }

  private int[] regions(int o, int area) { return new int[] {outRegion(o, area)}; }

  // Hazard-tracking ids of the regions, unique within the layer.
  private static int inRegion(int slot) { return slot; }
  private static int outRegion(int slot, int area) { return 10 + 10 * slot + area; }
  private static int sharedRegion(int k) { return 100 + k; }
}
