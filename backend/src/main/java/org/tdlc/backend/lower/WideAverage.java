// Exact average pooling of i32 values, whose window sums can exceed i32 while the ALU sums in i32. Each x is
// split as x = 65536*hi + lo (hi = AVGDIV(x, 65536), lo = x wrapped to i16) and H = sum hi, L = sum lo are
// accumulated apart; both fit in i32. The mean floorDiv(65536*H + L + c/2, c) is then recombined with
// a = floorDiv(H, c), b = H - c*a, z = floorDiv(65536*b + L + c/2, c), y = 65536*a + z: the divisions only see
// values that fit in i32, and the rest is multiply-add, exact modulo 2^32 and y itself fits.
package org.tdlc.backend.lower;

import java.util.List;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Loop;
import org.tdlc.backend.lower.TileGeometry.Box;
import org.tdlc.ir.type.ElementType;
import org.tdlc.machine.PeWalk;

final class WideAverage {
  static final int HALF = 1 << 16;
  /** The largest window for which 65536*b + L stays inside i32. */
  static final int MAX_COUNT = 21844;

  private static final ElementType I32 = ElementType.I32;
  private static final ElementType I16 = ElementType.I16;
  private final ProgramBuilder out;
  private final BufferPlan plan;
  private final int count;
  private boolean constantsFilled;

  WideAverage(ProgramBuilder out, BufferPlan plan, int count) {
    this.out = out;
    this.plan = plan;
    this.count = count;
  }

  /** At an output tile's start: zero the low-half sum; the first time, fill the constants -c/2, -c, 65536. */
  void init(int slot, int elements) {
    if (!constantsFilled) {
      int[] values = {-(count / 2), -count, HALF};
      for (int k = 0; k < 3; k++) {
        alu(AluOp.FILL, I32, I32, values[k], 1, plan.wideScratchAddr(2) + 4 * k, 0, 0, new int[0],
            plan.wideScratchRegion(2));
      }
      constantsFilled = true;
    }
    alu(AluOp.FILL, I32, I32, 0, elements, plan.wideTileAddr(slot, 0), 0, 0, new int[0], plan.wideTileRegion(slot, 0));
  }

  /** One window step: split the loaded box into halves, then sum each into its accumulator. */
  void step(Box a, int boxAddr, int boxRegion, int[] ext, int[] dst, int slot) {
    int n = (int) a.elements();
    int hi = plan.wideScratchAddr(0), lo = plan.wideScratchAddr(1);
    alu(AluOp.AVGDIV, I32, I32, HALF, n, hi, boxAddr, 0, new int[] {boxRegion}, plan.wideScratchRegion(0));
    alu(AluOp.COPY, I16, I32, 0, n, lo, boxAddr, 0, new int[] {boxRegion}, plan.wideScratchRegion(1));
    int accH = plan.outAddr(slot, I32), accL = plan.wideTileAddr(slot, 0);
    int regH = plan.outRegion(slot, I32), regL = plan.wideTileRegion(slot, 0);
    for (LoopNests.Nest nest : LoopNests.build(ext, dst, a.indexStrides(), new int[ext.length], true, -1, -1, null, PeWalk.RULE)) {
      long src = a.originOffset() + nest.src1();
      int dH = out.descriptor(new Descriptor.AluDesc(AluOp.SUM, I32, I32, I32, 0, nest.loops()));
      out.alu(dH, (int) (accH + nest.dst() * 4), (int) (hi + src * 4), 0,
          new int[] {plan.wideScratchRegion(0), regH}, new int[] {regH});
      int dL = out.descriptor(new Descriptor.AluDesc(AluOp.SUM, I32, I16, I16, 0, nest.loops()));
      out.alu(dL, (int) (accL + nest.dst() * 4), (int) (lo + src * 2), 0,
          new int[] {plan.wideScratchRegion(1), regL}, new int[] {regL});
    }
  }

  /** Recombines the two sums of the tile in output slot {@code slot} into the mean, left in its i32 tile. */
  void epilogue(int slot, int elements) {
    int h = plan.outAddr(slot, I32), l = plan.wideTileAddr(slot, 0);
    int a = plan.wideTileAddr(slot, 1), b = plan.wideTileAddr(slot, 2), k = plan.wideScratchAddr(2);
    int rh = plan.outRegion(slot, I32), rl = plan.wideTileRegion(slot, 0);
    int ra = plan.wideTileRegion(slot, 1), rb = plan.wideTileRegion(slot, 2), rk = plan.wideScratchRegion(2);
    int addDesc = out.descriptor(new Descriptor.AluDesc(AluOp.ADD, I32, I32, I32, 0,
        List.of(new Loop(elements, 1, 1, 0))));
    out.alu(addDesc, b, h, k, new int[] {rh, rk}, new int[] {rb});                        // H - c/2
    alu(AluOp.AVGDIV, I32, I32, count, elements, a, b, 0, new int[] {rb}, ra);             // a = floorDiv(H, c)
    alu(AluOp.COPY, I32, I32, 0, elements, b, h, 0, new int[] {rh}, rb);                   // H
    mac(elements, b, a, k + 4, new int[] {ra, rk}, rb);                                    // b = H - c*a
    mac(elements, l, b, k + 8, new int[] {rb, rk}, rl);                                    // 65536*b + L
    alu(AluOp.AVGDIV, I32, I32, count, elements, h, l, 0, new int[] {rl}, rh);             // z
    mac(elements, h, a, k + 8, new int[] {ra, rk}, rh);                                    // y = z + 65536*a
  }

  /** An ALU op over n consecutive elements of dst and src1. */
  private void alu(AluOp op, ElementType dstType, ElementType srcType, int imm, int n, int dst, int src, int src2,
                   int[] reads, int write) {
    int desc = out.descriptor(new Descriptor.AluDesc(op, dstType, srcType, srcType, imm,
        List.of(new Loop(n, 1, op == AluOp.FILL ? 0 : 1, 0))));
    out.alu(desc, dst, src, src2, reads, new int[] {write});
  }

  /** c[i] += a[i] * constant, over n elements, all i32. */
  private void mac(int n, int c, int a, int constant, int[] reads, int write) {
    int desc = out.descriptor(new Descriptor.MacDesc(I32, I32, List.of(new Loop(n, 1, 1, 0)), 0, 0));
    int[] all = java.util.Arrays.copyOf(reads, reads.length + 1);
    all[reads.length] = write;
    out.mac(desc, a, constant, c, all, new int[] {write});
  }
}
