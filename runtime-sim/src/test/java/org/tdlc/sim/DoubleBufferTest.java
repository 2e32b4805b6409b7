// Double buffering with tokens: y = x . W with K = 12 split into three tiles of 4 over two buffers. Tile 1
// loads while tile 0 computes; tile 2 reuses buffer 0, so its load pops the c2l token the first mac pushes.
// The total cycle count is exactly the overlapped schedule, not the sum of the parts.
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tdlc.sim.TestPrograms.*;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.TensorType;

class DoubleBufferTest {
  static int[] x() {
    int[] v = new int[24];
    for (int i = 0; i < v.length; i++) v[i] = (i * 7) % 11 - 5;
    return v;
  }

  static int[] w() {
    int[] v = new int[48];
    for (int i = 0; i < v.length; i++) v[i] = (i * 5) % 13 - 6;
    return v;
  }

  // DRAM: W i8[12, 4] at 0 (data), x i8[2, 12] at 48, y i32[2, 4] at 80..112.
  // Buffers: 0 = {W tile at 0, x tile at 16}, 1 = {W tile at 32, x tile at 48}; C at 64..96.
  static Program program() {
    Descriptor.DmaDesc wTile = dma(I8, dim(16, 1, 1));
    Descriptor.DmaDesc xTile = dma(I8, dim(2, 12, 4), dim(4, 1, 1));
    // m (C 4, A 4), n (C 1, B 1), k (A 1, B 4); nothing mapped on the array: 32 steps + 8 = 40 cycles
    Descriptor.MacDesc tile = macDesc(I8, I8, -1, -1, loop(2, 4, 4, 0), loop(4, 1, 0, 1), loop(4, 0, 1, 4));
    return new ProgramBuilder(machine(), 112).data(w())
        .input("x", I8, 48, 2, 12).output("y", I32, 80, 2, 4)
        .load(NONE, wTile, 0, 0)                                                           // 0: W0 -> buf 0
        .load(PUSH_NEXT, xTile, 48, 16)                                                    // 1: x0 -> buf 0
        .alu(NONE, aluDesc(AluOp.FILL, I32, I32, I32, 0, loop(8, 1, 0, 0)), 64, 0, 0)     // 2
        .load(NONE, wTile, 16, 32)                                                         // 3: W1 -> buf 1
        .load(PUSH_NEXT, xTile, 52, 48)                                                    // 4: x1 -> buf 1
        .mac(POP_PREV_PUSH_PREV, tile, 16, 0, 64)                                          // 5: frees buf 0
        .load(POP_NEXT, wTile, 32, 0)                                                      // 6: W2 -> buf 0
        .load(PUSH_NEXT, xTile, 56, 16)                                                    // 7: x2 -> buf 0
        .mac(POP_PREV, tile, 48, 32, 64)                                                   // 8
        .mac(POP_PREV_PUSH_NEXT, tile, 16, 0, 64)                                          // 9
        .store(POP_PREV_PUSH_PREV, dma(I32, dim(8, 1, 1)), 64, 80)                          // 10
        .halt(POP_NEXT)                                                                    // 11
        .build();
  }

  @Test
  void loadOfTheNextTileOverlapsCompute() {
    Map<Integer, long[]> times = new TreeMap<>();
    SimResult r = Simulator.run(program(), Map.of("x", Tensor.of(TensorType.of(I8, 2, 12), x())),
        Options.tracing((i, start, end, insn) -> times.put(i, new long[] {start, end})));
    int[] y = new int[8];
    int[] x = x();
    int[] w = w();
    for (int m = 0; m < 2; m++) {
      for (int n = 0; n < 4; n++) for (int k = 0; k < 12; k++) y[m * 4 + n] += x[m * 12 + k] * w[k * 4 + n];
    }
    assertEquals(Tensor.of(TensorType.of(I32, 2, 4), y), r.outputs().get("y"));

    // W tile 16 B: 10 + max(2, 1) = 12; x tile 8 B: 10 + 1 = 11; fill 8 points: 2 + 2 = 4;
    // mac: the weights' load 4 + 32 steps + the skew 6 = 42
    long[][] expected = {
        {0, 12}, {12, 23},      // W0, x0 (l2c at 23)
        {0, 4},                 // fill
        {23, 35}, {35, 46},     // W1, x1 load while mac 0 runs (l2c at 46)
        {23, 65},               // mac 0, pushes c2l at 65
        {65, 77}, {77, 88},     // W2 waits for buffer 0 to be freed; x2 (l2c at 88)
        {65, 107},              // mac 1: its tile arrived at 46, the unit frees at 65
        {107, 149},             // mac 2
        {149, 163},             // store 32 B: 10 + max(4, 2) = 14
        {163, 163}};            // halt
    for (int i = 0; i < expected.length; i++) assertEquals(expected[i][0] + ".." + expected[i][1],
        times.get(i)[0] + ".." + times.get(i)[1], "instruction " + i);
    Counters c = r.total();
    // serially the parts add up to 69 (loads) + 130 (compute) + 14 (store) = 213; overlapped: 163
    assertEquals(163, c.cycles());
    assertEquals(69, c.loadBusyCycles());
    assertEquals(130, c.computeBusyCycles());
    assertEquals(14, c.storeBusyCycles());
    assertEquals(96, c.macs());
  }
}
