// Each ALU op on edge values, against AluOp's documented semantics written out independently here: rounding
// and clamping of REQUANT, floor division of AVGDIV on negatives, wrap-around of ADD and SUM into the
// destination type, MAX/SUM reading the destination, FILL wrapping its immediate.
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tdlc.sim.TestPrograms.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

class AluOpTest {
  static final int N = 8;

  /** Loads a and b (i32) and the destination's initial values d (dstType), runs op and returns the result. */
  static int[] run(AluOp op, ElementType dst, int imm, int[] a, int[] b, int[] d) {
    Program p = new ProgramBuilder(machine(), 256)
        .input("a", I32, 0, N).input("b", I32, 32, N).input("d", dst, 64, N).output("y", dst, 128, N)
        .load(NONE, dma(I32, dim(N, 1, 1)), 0, 0)
        .load(NONE, dma(I32, dim(N, 1, 1)), 32, 64)
        .load(PUSH_NEXT, dma(dst, dim(N, 1, 1)), 64, 128)
        .alu(POP_PREV_PUSH_NEXT, aluDesc(op, dst, I32, I32, imm, loop(N, 1, 1, 1)), 128, 0, 64)
        .store(POP_PREV_PUSH_PREV, dma(dst, dim(N, 1, 1)), 128, 128)
        .halt(POP_NEXT).build();
    Map<String, Tensor> in = Map.of("a", Tensor.of(TensorType.of(I32, N), a),
        "b", Tensor.of(TensorType.of(I32, N), b), "d", Tensor.wrapped(TensorType.of(dst, N), d.clone()));
    return Simulator.run(p, in).outputs().get("y").toArray();
  }

  static final int[] A = {0, 1, -1, 5, -6, 127, 300, Integer.MIN_VALUE};
  static final int[] B = {0, 2, -2, 100, -100, 1, 1, -1};
  static final int[] D = {3, -3, 0, 10, -10, 0, 7, 1};
  static final int[] ZERO = new int[N];

  @Test
  void fillWrapsItsImmediate() {
    assertArrayEquals(new int[] {44, 44, 44, 44, 44, 44, 44, 44}, run(AluOp.FILL, I8, 300, A, B, D));
  }

  @Test
  void copyAndReluWrapIntoTheDestination() {
    assertArrayEquals(new int[] {0, 1, -1, 5, -6, 127, 44, 0}, run(AluOp.COPY, I8, 0, A, B, D));
    assertArrayEquals(new int[] {0, 1, 0, 5, 0, 127, 300, 0}, run(AluOp.RELU, I16, 0, A, B, D));
  }

  @Test
  void addWraps() {
    assertArrayEquals(new int[] {0, 3, -3, 105, -106, -128, 301 - 256, -1}, run(AluOp.ADD, I8, 0, A, B, D));
    assertArrayEquals(new int[] {0, 3, -3, 105, -106, 128, 301, Integer.MAX_VALUE}, run(AluOp.ADD, I32, 0, A, B, D));
  }

  @Test
  void requantRoundsHalfUpAndClamps() {
    // (x + 2) >> 2: 0, 0, 0, 1, -1, 32, 75 -> clamp 75, huge negative -> -128
    assertArrayEquals(new int[] {0, 0, 0, 1, -1, 32, 75, -128}, run(AluOp.REQUANT, I8, 2, A, B, D));
    int[] big = {128, -129, 1000, -1000, 127, -128, 0, Integer.MAX_VALUE};
    assertArrayEquals(new int[] {127, -128, 127, -128, 127, -128, 0, 127}, run(AluOp.REQUANT, I8, 0, big, B, D));
    // -6 + 4 = -2 >> 3 = -1 (floor); 5 + 4 = 9 >> 3 = 1; -1 + 4 = 3 >> 3 = 0
    assertArrayEquals(new int[] {0, 0, 0, 1, -1, 16, 38, -128}, run(AluOp.REQUANT, I8, 3, A, B, D));
  }

  @Test
  void maxAndSumReadTheDestination() {
    assertArrayEquals(new int[] {3, 1, 0, 10, -6, 127, 44, 1}, run(AluOp.MAX, I8, 0, A, B, D));
    assertArrayEquals(new int[] {3, -2, -1, 15, -16, 127, 307, Integer.MIN_VALUE + 1},
        run(AluOp.SUM, I32, 0, A, B, D));
  }

  @Test
  void avgdivFloorsAfterAddingHalfTheDivisor() {
    // floorDiv(x + 4, 9)
    int[] x = {0, 4, 5, -4, -5, -13, -14, 81};
    assertArrayEquals(new int[] {0, 0, 1, 0, -1, -1, -2, 9}, run(AluOp.AVGDIV, I8, 9, x, B, ZERO));
    // floorDiv(x + 1, 3): imm / 2 is 1
    int[] y = {1, 2, -2, -3, 0, 3, 4, -4};
    assertArrayEquals(new int[] {0, 1, -1, -1, 0, 1, 1, -1}, run(AluOp.AVGDIV, I8, 3, y, B, ZERO));
  }
}
