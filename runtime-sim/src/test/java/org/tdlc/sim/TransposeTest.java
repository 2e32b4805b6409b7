// Data movement by ALU COPY strides: a transpose of an i16[3, 5] into an i8[5, 3], which also checks that
// COPY wraps into the destination type (two's complement) rather than clamping.
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tdlc.sim.TestPrograms.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.TensorType;

class TransposeTest {
  static final int[] X = {1, 2, 3, 4, 5, 300, -129, 128, -1, 0, 1000, -1000, 255, 7, -32768};

  // DRAM: x i16 at 0 (30 B), y i8 at 32 (15 B). Buffer: x at 0, y at 32.
  static Program program() {
    return new ProgramBuilder(machine(), 48)
        .input("x", I16, 0, 3, 5).output("y", I8, 32, 5, 3)
        .load(PUSH_NEXT, dma(I16, dim(15, 1, 1)), 0, 0)                                       // 0
        // i (dst 1, src1 5), j (dst 3, src1 1): y[j][i] = x[i][j]
        .alu(POP_PREV_PUSH_NEXT, aluDesc(AluOp.COPY, I8, I16, I16, 0, loop(3, 1, 5, 0), loop(5, 3, 1, 0)), 32, 0, 0)
        .store(POP_PREV_PUSH_PREV, dma(I8, dim(15, 1, 1)), 32, 32)                            // 2
        .halt(POP_NEXT)                                                                       // 3
        .build();
  }

  @Test
  void transposesAndWraps() {
    SimResult r = Simulator.run(program(), Map.of("x", Tensor.of(TensorType.of(I16, 3, 5), X)));
    int[] y = new int[15];
    for (int i = 0; i < 3; i++) for (int j = 0; j < 5; j++) y[j * 3 + i] = (byte) X[i * 5 + j];
    assertEquals(Tensor.of(TensorType.of(I8, 5, 3), y), r.outputs().get("y"));
    // 300 -> 44, -129 -> 127, 128 -> -128, 1000 -> -24, -1000 -> 24, 255 -> -1, -32768 -> 0
    assertEquals(44, r.outputs().get("y").get(0, 1));
    Counters c = r.total();
    // load 30 B: 10 + max(4, 2) = 14; copy 15 points: 4 + 2 = 6, 14..20; store 15 B: 10 + max(2, 1) = 12, 20..32
    assertEquals(32, c.cycles());
    assertEquals(new LevelCounters("global", 30 + 15, 30 + 15, 90.0), c.level("global"));
  }
}
