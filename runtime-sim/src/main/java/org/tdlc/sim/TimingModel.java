// The analytic cycle cost of each instruction, kept apart from functional execution so it can be read and
// compared with the compiler's cost model. An instruction's duration depends only on its descriptor and the
// machine (never on data); when it starts is the scheduler's business (queue free time and token pushes).
//   LOAD/STORE: dmaLatency + max(ceil(dramBytes / dram.bandwidth), ceil(bufBytes / global.bandwidth)),
//               a bandwidth of 0 costing nothing; LOAD reads only in-range bytes from DRAM, writes all points.
//   MAC:        ceil(ext(rowLoop) / rows) * ceil(ext(colLoop) / cols) * (product of the other extents)
//               + rows + cols (array fill and drain); a missing row/col loop has extent 1.
//   ALU:        ceil(points / cols) + 2.   CONFIG: 1.   HALT: 0.
package org.tdlc.sim;

import org.tdlc.backend.isa.Descriptor.MacDesc;
import org.tdlc.backend.isa.MachineConfig;

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

  static long mac(MachineConfig m, NestPlan p, MacDesc d) {
    long steps = ceilDiv(p.extentOf(d.rowLoop()), m.rows()) * ceilDiv(p.extentOf(d.colLoop()), m.cols());
    for (int l = 0; l < p.depth; l++) {
      if (l != d.rowLoop() && l != d.colLoop()) steps *= p.extent[l];
    }
    return steps + m.rows() + m.cols();
  }

  static long alu(MachineConfig m, NestPlan p) { return ceilDiv(p.points, m.cols()) + ALU_PIPELINE; }

  private static long ceilDiv(long a, long b) { return (a + b - 1) / b; }
}
