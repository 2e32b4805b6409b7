// Where Machine sends the bodies of MAC and ALU instructions: the shared units (MacUnit, AluUnit), the one
// engine since the compiled engine was retired (it generated and javac-compiled Java per program and was
// slower than these on every model). Machine still takes the engine as a parameter; INTERPRETING is all
// there is to pass.
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
