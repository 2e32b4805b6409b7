// The analytic cycle cost of each instruction, kept apart from functional execution so it can be read and
// compared with the compiler's cost model. A duration depends only on the descriptor and the machine, never
// on data; when an instruction starts is the Scheduler's business.
package org.tdlc.sim;

import org.tdlc.backend.isa.Descriptor.MacDesc;
import org.tdlc.backend.isa.MachineConfig;
import org.tdlc.ir.sparse.DecodeCost;
import org.tdlc.ir.sparse.SkipTiming;
import org.tdlc.ir.sparse.SparseCodec;

/**
 * <ul>
 * <li>LOAD/STORE: dmaLatency + max(ceil(dramBytes / dram.bandwidth), ceil(bufBytes / global.bandwidth)), a
 *     bandwidth of 0 costing nothing. dramBytes counts in-range elements only (padding is not read from
 *     DRAM), bufBytes every buffer point; for STORE both are all points.
 * <li>MAC: ceil(ext(rowLoop) / rows) * ceil(ext(colLoop) / cols) folds, times the product of the other loops'
 *     extents, plus rows + cols cycles of array fill and drain; a missing row/col loop (-1) has extent 1.
 * <li>compressed LOAD (hardware decoder only): dmaLatency + max(block transfer, buffer write, decoder cycles)
 *     (DecodeCost.hardware). The block's bytes are what the decoder read.
 * <li>CONVERT (software conversion, compute queue): max(DecodeCost.software(block), ceil((block bytes + tile
 *     bytes) / global.bandwidth)): the conversion loop, which can go no faster than the buffer port that
 *     reads the staged block and writes the dense tile. The staging LOAD before it is a plain LOAD.
 * <li>MAC with s of its p points skipped (zero operands that arrived with metadata on a machine that skips
 *     zeros): the folds above times (p - s) / p, rounded up, plus the fill and drain.
 * <li>ALU: ceil(points / cols) + 2. CONFIG: 1. HALT: 0.
 * </ul>
 * The CONFIG dataflow does not change any duration yet.
 */
final class TimingModel {
  static final long CONFIG_CYCLES = 1;
  static final long HALT_CYCLES = 0;
  static final long ALU_PIPELINE = 2;

  private TimingModel() {}

  static long dma(MachineConfig m, long dramBytes, long bufBytes) {
    return m.dmaLatency() + Math.max(transfer(dramBytes, m.dram().bandwidth()),
        transfer(bufBytes, m.global().bandwidth()));
  }

  private static long transfer(long bytes, double bandwidth) {
    return bandwidth <= 0 ? 0 : (long) Math.ceil(bytes / bandwidth);
  }

  static long mac(MachineConfig m, NestPlan p, MacDesc d) { return mac(m, p, d, 0); }

  static long mac(MachineConfig m, NestPlan p, MacDesc d, long skipped) {
    long steps = ceilDiv(p.extentOf(d.rowLoop()), m.rows()) * ceilDiv(p.extentOf(d.colLoop()), m.cols());
    for (int l = 0; l < p.depth; l++) {
      if (l != d.rowLoop() && l != d.colLoop()) steps *= p.extent[l];
    }
    if (skipped > 0 && p.points > 0) steps = SkipTiming.steps(steps, p.points, skipped);
    return steps + m.rows() + m.cols();
  }

  static long compressedDma(MachineConfig m, long blockBytes, long bufBytes, SparseCodec.Size block) {
    long transfer = Math.max(transfer(blockBytes, m.dram().bandwidth()), transfer(bufBytes, m.global().bandwidth()));
    return m.dmaLatency() + Math.max(transfer, DecodeCost.hardware(block));
  }

  static long convert(MachineConfig m, SparseCodec.Size block, long blockBytes, long tileBytes) {
    return Math.max(DecodeCost.software(block), transfer(blockBytes + tileBytes, m.global().bandwidth()));
  }

  static long alu(MachineConfig m, NestPlan p) { return ceilDiv(p.points, m.cols()) + ALU_PIPELINE; }

  private static long ceilDiv(long a, long b) { return (a + b - 1) / b; }
}
