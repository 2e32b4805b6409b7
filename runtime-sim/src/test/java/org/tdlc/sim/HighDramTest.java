// DRAM beyond what one Java array holds: a program in a 6 GiB DRAM reads its input just below 5 GiB, across a
// page boundary (the byte-by-byte path), and writes its output above it, contiguous within one page and
// transposed (strided) across the next; only the pages written are allocated, so the test needs no 6 GiB heap.
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tdlc.sim.TestPrograms.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.TensorType;

class HighDramTest {
  static final long GIB = 1L << 30;
  static final long X = 5 * GIB - 8;              // x's 16 bytes straddle the page boundary at 5 GiB
  static final long Y = 5 * GIB + Dram.PAGE - 8;  // y's rows straddle the next page boundary
  static final long Z = 5 * GIB + 3 * Dram.PAGE;  // z, the same values, in one page
  static final int[] VALUES = {1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12, 13, -14, 15, -16};

  static Program program() {
    return new ProgramBuilder(machine(), 6 * GIB)
        .input("x", I8, X, 16).output("y", I8, Y, 4, 4).output("z", I8, Z, 16)
        .load(PUSH_NEXT, dma(I8, dim(16, 1, 1)), X, 0)                                          // 0
        .alu(POP_PREV_PUSH_NEXT, aluDesc(AluOp.RELU, I8, I8, I8, 0, loop(16, 1, 1, 0)), 32, 0, 0)  // 1
        .store(POP_PREV, dma(I8, dim(16, 1, 1)), 32, Z)                                          // 2
        // y, transposed: buffer row o (4 bytes) goes to DRAM column o, stride 4 (each row straddles the page)
        .store(PUSH_PREV, dma(I8, dim(4, 1, 4), dim(4, 4, 1)), 32, Y)                            // 3
        .halt(POP_NEXT)                                                                         // 4
        .build();
  }

  @Test
  void runsAboveFourGiB() {
    SimResult r = Simulator.run(program(), Map.of("x", Tensor.of(TensorType.of(I8, 16), VALUES)));
    int[] relu = new int[16];
    for (int i = 0; i < 16; i++) relu[i] = Math.max(VALUES[i], 0);
    int[] transposed = new int[16];
    for (int f = 0; f < 16; f++) transposed[f] = relu[4 * (f % 4) + f / 4];
    assertEquals(Tensor.of(TensorType.of(I8, 16), relu), r.outputs().get("z"));
    assertEquals(Tensor.of(TensorType.of(I8, 4, 4), transposed), r.outputs().get("y"));
    assertEquals(16, r.total().level("dram").bytesRead());
    assertEquals(32, r.total().level("dram").bytesWritten());
  }

  @Test
  void pagesAreAllocatedWhenWritten() {
    Dram dram = new Dram(6 * GIB);
    assertEquals(0, dram.get(5 * GIB + 17));
    dram.write(5 * GIB - 2, new byte[] {1, 2, 3, 4}, 0, 4);
    byte[] back = new byte[6];
    dram.read(5 * GIB - 3, back, 0, 6);
    assertEquals("[0, 1, 2, 3, 4, 0]", java.util.Arrays.toString(back));
  }
}
