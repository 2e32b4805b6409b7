// Windowed kernels whose borders come from DMA padding: a 3x3 convolution with zero padding (MAC over
// overlapping windows) and a 3x3 max pool whose padding is the i8 minimum, so that padding never wins.
// Outputs are checked against direct loops that skip out-of-range taps; counters are worked out by hand.
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tdlc.sim.TestPrograms.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.TensorType;

class PaddedWindowTest {
  static final int[] X = {3, -1, 4, 1, -5, 9, 2, -6, 5, 3, -5, 8, 9, -7, 9, 3};
  static final int[] K = {1, 0, -1, 2, 1, -2, 0, 3, 1};

  /** y[oy][ox] = sum over in-range taps of x[oy+ky-1][ox+kx-1] * k[ky][kx]. */
  static int[] conv() {
    int[] y = new int[16];
    for (int oy = 0; oy < 4; oy++) {
      for (int ox = 0; ox < 4; ox++) {
        for (int ky = 0; ky < 3; ky++) {
          for (int kx = 0; kx < 3; kx++) {
            int iy = oy + ky - 1;
            int ix = ox + kx - 1;
            if (iy >= 0 && iy < 4 && ix >= 0 && ix < 4) y[oy * 4 + ox] += X[iy * 4 + ix] * K[ky * 3 + kx];
          }
        }
      }
    }
    return y;
  }

  // DRAM: K at 0 (data), x at 16, y (i32[4, 4]) at 32..96.
  // Buffer: padded x (6x6) at 0, K at 48, C at 64..128.
  static Program convProgram() {
    return new ProgramBuilder(machine(), 96).data(K)
        .input("x", I8, 16, 4, 4).output("y", I32, 32, 4, 4)
        .load(NONE, dma(I8, dim(4, 4, 6, 1, 1), dim(4, 1, 1, 1, 1)), 16, 0)                 // 0
        .load(PUSH_NEXT, dma(I8, dim(9, 1, 1)), 0, 48)                                      // 1
        .alu(NONE, aluDesc(AluOp.FILL, I32, I32, I32, 0, loop(16, 1, 0, 0)), 64, 0, 0)     // 2
        // oy (C 4, A 6), ox (C 1, A 1), ky (A 6, B 3), kx (A 1, B 1); ky on the rows, no column loop
        .mac(POP_PREV_PUSH_NEXT, macDesc(I8, I8, 2, -1,
            loop(4, 4, 6, 0), loop(4, 1, 1, 0), loop(3, 0, 6, 3), loop(3, 0, 1, 1)), 0, 48, 64) // 3
        .store(POP_PREV_PUSH_PREV, dma(I32, dim(16, 1, 1)), 64, 32)                         // 4
        .halt(POP_NEXT)                                                                     // 5
        .build();
  }

  @Test
  void convolutionWithZeroPadding() {
    SimResult r = Simulator.run(convProgram(), Map.of("x", Tensor.of(TensorType.of(I8, 4, 4), X)));
    assertEquals(Tensor.of(TensorType.of(I32, 4, 4), conv()), r.outputs().get("y"));
    Counters c = r.total();
    // load x: 16 B from DRAM, 36 B into the buffer: 10 + max(ceil(16/8), ceil(36/16)) = 13, 0..13
    // load K: 9 B: 10 + max(2, 1) = 12, 13..25, l2c at 25; fill: 16 points: 4 + 2 = 6, 0..6
    // mac: 1 fold (ky=3 on 4 rows) * 4*4*3 = 48 steps, after the weights' 4-cycle load, + the skew 6 = 58,
    // 25..83; store 64 B: 10 + max(8, 4) = 18, 83..101
    assertEquals(101, c.cycles());
    assertEquals(25, c.loadBusyCycles());
    assertEquals(6 + 58, c.computeBusyCycles());
    assertEquals(18, c.storeBusyCycles());
    assertEquals(144, c.macs());
    // padding is not read from DRAM: 16 + 9
    assertEquals(new LevelCounters("dram", 25, 64, 356.0), c.level("dram"));
    // the mac (no config: the array's reset dataflow, ws; ArrayTraffic): the PEs walk oy, ox, kx; the 64-byte
    // local level keeps kx and ox (ox + kx of a padded row: 4 + 3 - 1 = 6 inputs and 4 partial sums, 22 B) but
    // not oy (24 inputs + 16 partial sums, 88 B), so each of the 3 rows takes 6 inputs per oy: 3 x 6 x 4 = 72 B;
    // B stays, entering once per kx: 3 x 3 = 9 B; a partial sum stays in its PE across kx (the innermost
    // loop) and leaves once per output, 16 x 4 = 64 B, read back first (the mac does not start them), 64 B
    // written: 36 + 9 + fill 64 + mac C 64; read: store 64 + mac (A 72 + B 9 + C 64)
    assertEquals(new LevelCounters("global", 209, 173, 382.0), c.level("global"));
    assertEquals(new LevelCounters("local", 144 * 6, 144 * 4, 144 * 10 * 0.25), c.level("local"));
  }

  static final int[] P = {-3, -1, -4, -1, -5, -9, -2, -6, -5, -3, -5, -8, -9, -7, -9, -3};

  // DRAM: x at 0, y at 16. Buffer: padded x (6x6, pad -128) at 0, y at 48.
  static Program poolProgram() {
    return new ProgramBuilder(machine(), 32)
        .input("x", I8, 0, 4, 4).output("y", I8, 16, 4, 4)
        .load(PUSH_NEXT, dma(I8, -128, dim(4, 4, 6, 1, 1), dim(4, 1, 1, 1, 1)), 0, 0)       // 0
        .alu(NONE, aluDesc(AluOp.FILL, I8, I8, I8, -128, loop(16, 1, 0, 0)), 48, 0, 0)     // 1
        .alu(POP_PREV_PUSH_NEXT, aluDesc(AluOp.MAX, I8, I8, I8, 0,
            loop(4, 4, 6, 0), loop(4, 1, 1, 0), loop(3, 0, 6, 0), loop(3, 0, 1, 0)), 48, 0, 0) // 2
        .store(POP_PREV_PUSH_PREV, dma(I8, dim(16, 1, 1)), 48, 16)                          // 3
        .halt(POP_NEXT)                                                                     // 4
        .build();
  }

  @Test
  void maxPoolWithMinimumPadding() {
    SimResult r = Simulator.run(poolProgram(), Map.of("x", Tensor.of(TensorType.of(I8, 4, 4), P)));
    int[] y = new int[16];
    for (int oy = 0; oy < 4; oy++) {
      for (int ox = 0; ox < 4; ox++) {
        int m = Integer.MIN_VALUE;
        for (int iy = Math.max(0, oy - 1); iy <= Math.min(3, oy + 1); iy++) {
          for (int ix = Math.max(0, ox - 1); ix <= Math.min(3, ox + 1); ix++) m = Math.max(m, P[iy * 4 + ix]);
        }
        y[oy * 4 + ox] = m;
      }
    }
    // every input is negative, so zero padding would have shown up as 0
    assertEquals(Tensor.of(TensorType.of(I8, 4, 4), y), r.outputs().get("y"));
    Counters c = r.total();
    // load 0..13 (l2c at 13); fill 0..6; max: 144 points: 36 + 2 = 38, 13..51; store 16 B: 10 + 2 = 12, 51..63
    assertEquals(63, c.cycles());
    assertEquals(160, c.aluOps());
    assertEquals(new LevelCounters("dram", 16, 16, 128.0), c.level("dram"));
    // written: load 36 + fill 16 + max 144; read: store 16 + max 144 * (src1 + dst)
    assertEquals(new LevelCounters("global", 304, 196, 500.0), c.level("global"));
    assertEquals(new LevelCounters("local", 0, 0, 0.0), c.level("local"));
  }
}
