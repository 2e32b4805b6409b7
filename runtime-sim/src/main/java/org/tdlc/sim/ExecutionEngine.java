// How the bodies of MAC and ALU instructions are executed: interpreted by the shared units (MacUnit, AluUnit)
// or by Java compiled for the program's descriptors (CompiledEngine). Everything else (bounds checks, DMA,
// timing, counting, scheduling) is Machine's and Scheduler's, shared by both, so the engines can only
// differ in speed.
package org.tdlc.sim;

import org.tdlc.backend.isa.Descriptor.AluDesc;

interface ExecutionEngine {
  /** As MacUnit.execute for descriptor {@code desc}, whose plan is {@code p}; bounds are already checked. */
  long mac(int desc, byte[] g, NestPlan p, int sizeA, int sizeB, int a, int b, int c, ZeroRows zeroRows);

  /** As AluUnit.execute for descriptor {@code desc}; bounds are already checked. */
  void alu(int desc, byte[] g, NestPlan p, AluDesc d, int dst, int src1, int src2);

  /** The shared units themselves. */
  ExecutionEngine INTERPRETING = new ExecutionEngine() {
    @Override public long mac(int desc, byte[] g, NestPlan p, int sizeA, int sizeB, int a, int b, int c,
                              ZeroRows zeroRows) {
      return MacUnit.execute(g, p, sizeA, sizeB, a, b, c, zeroRows);
    }

    @Override public void alu(int desc, byte[] g, NestPlan p, AluDesc d, int dst, int src1, int src2) {
      AluUnit.execute(g, p, d, dst, src1, src2);
    }
  };
}
