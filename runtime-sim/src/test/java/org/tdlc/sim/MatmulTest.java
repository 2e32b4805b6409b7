// The tiny matmul end to end: y = requant(x . W, shift 2) with x i8[2, 3] an input, W i8[3, 4] in the data
// segment. Every cycle, byte and picojoule below is worked out by hand in the comments, so a change to the
// timing or energy rules shows up here as a number that no longer adds up.
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tdlc.sim.TestPrograms.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Opcode;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.type.TensorType;
import org.tdlc.machine.MachineConfig;

class MatmulTest {
  static final int[] X = {1, -2, 3, 4, 5, -6};
  static final int[] W = {1, 2, 3, 4, -1, -2, -3, -4, 5, 6, 7, 8};

  // DRAM: W at 0 (12 B, data segment), x at 16 (6 B), y at 32 (8 B).
  // Global buffer: x at 0, W at 8, C (i32[2, 4]) at 32..64, y (i8[2, 4]) at 64.
  static Program program(MachineConfig m) {
    return new ProgramBuilder(m, 64).data(W)
        .input("x", I8, 16, 2, 3).output("y", I8, 32, 2, 4)
        .config(Dataflow.WS)                                                                  // 0
        .load(NONE, dma(I8, dim(2, 3, 3), dim(3, 1, 1)), 16, 0)                              // 1: x
        .load(PUSH_NEXT, dma(I8, dim(3, 4, 4), dim(4, 1, 1)), 0, 8)                          // 2: W
        .alu(NONE, aluDesc(AluOp.FILL, I32, I32, I32, 0, loop(2, 4, 0, 0), loop(4, 1, 0, 0)), 32, 0, 0) // 3
        // m (C 4, A 3), n (C 1, B 1), k (A 1, B 4); k on the rows, n on the columns
        .mac(POP_PREV, macDesc(I8, I8, 2, 1, loop(2, 4, 3, 0), loop(4, 1, 0, 1), loop(3, 0, 1, 4)), 0, 8, 32) // 4
        .alu(PUSH_NEXT, aluDesc(AluOp.REQUANT, I8, I32, I32, 2, loop(2, 4, 4, 0), loop(4, 1, 1, 0)), 64, 32, 0) // 5
        .store(POP_PREV_PUSH_PREV, dma(I8, dim(8, 1, 1)), 64, 32)                            // 6
        .halt(POP_NEXT)                                                                      // 7
        .layer("mm", "matmul", 0, 4).layer("rq", "requant", 5, 7)
        .build();
  }

  static Map<String, Tensor> inputs() { return Map.of("x", Tensor.of(TensorType.of(I8, 2, 3), X)); }

  @Test
  void computesTheRequantizedProduct() {
    SimResult r = Simulator.run(program(machine()), inputs());
    // C = [[18, 24, 30, 36], [-31, -38, -45, -52]]; (c + 2) >> 2 with floor:
    assertEquals(Tensor.of(TensorType.of(I8, 2, 4), 5, 6, 8, 9, -8, -9, -11, -13), r.outputs().get("y"));
  }

  @Test
  void countsEveryCycleByteAndPicojoule() {
    Counters c = Simulator.run(program(machine()), inputs()).total();
    // load x: 6 B -> 10 + max(ceil(6/8), ceil(6/16)) = 11 cycles, 0..11
    // load W: 12 B -> 10 + max(2, 1) = 12, 11..23, pushes l2c at 23
    // config 0..1; fill: 8 points -> ceil(8/4) + 2 = 4, 1..5
    // mac waits for l2c: 23..35 (k=3 on 4 rows and n=4 on 4 cols: 1 fold; times m=2: 2 steps; ws loads its
    // weights first, a row per cycle: 4 + 2, then the skew 4 + 4 - 2: 12)
    // requant: 8 points -> 4, 35..39, pushes c2s; store 8 B: 10 + 1 = 11, 39..50, pushes s2c
    // halt pops s2c: 50..50
    assertEquals(50, c.cycles());
    assertEquals(23, c.loadBusyCycles());
    assertEquals(1 + 4 + 12 + 4, c.computeBusyCycles());
    assertEquals(11, c.storeBusyCycles());
    assertEquals(1, c.instructions(Opcode.CONFIG));
    assertEquals(2, c.instructions(Opcode.LOAD));
    assertEquals(1, c.instructions(Opcode.STORE));
    assertEquals(1, c.instructions(Opcode.MAC));
    assertEquals(2, c.instructions(Opcode.ALU));
    assertEquals(1, c.instructions(Opcode.HALT));
    assertEquals(24, c.macs());
    assertEquals(0, c.macsSkipped());
    assertEquals(16, c.aluOps());
    // dram: read 6 + 12, written 8 -> 26 B * 4 pJ
    assertEquals(new LevelCounters("dram", 18, 8, 104.0), c.level("dram"));
    // global written: loads 18 + fill 8*4 + mac C footprint 8*4 + requant 8*1 = 90
    // global read: store 8 + mac (A 6 + B 12 + C 32) + requant 8*4 = 90
    assertEquals(new LevelCounters("global", 90, 90, 180.0), c.level("global"));
    // local: 24 MACs, each reads 1 + 1 + 4 and writes 4 -> 144 + 96 = 240 B * 0.25 pJ
    assertEquals(new LevelCounters("local", 144, 96, 60.0), c.level("local"));
    assertEquals(12.0, c.macEnergyPj());
    assertEquals(104.0 + 180.0 + 60.0 + 12.0, c.energyPj());
    assertEquals(24.0 / (16 * 50), c.utilization());
  }

  @Test
  void layersSplitTheCyclesAndEvents() {
    List<LayerCounters> layers = Simulator.run(program(machine()), inputs()).layers();
    assertEquals(2, layers.size());
    Counters mm = layers.get(0).counters();
    Counters rq = layers.get(1).counters();
    // mm's last instruction to finish is the mac at 35; rq's is the store at 50
    assertEquals(35, mm.cycles());
    assertEquals(15, rq.cycles());
    assertEquals(24, mm.macs());
    assertEquals(8, mm.aluOps());
    assertEquals(8, rq.aluOps());
    assertEquals(new LevelCounters("dram", 18, 0, 72.0), mm.level("dram"));
    assertEquals(new LevelCounters("dram", 0, 8, 32.0), rq.level("dram"));
    assertEquals(new LevelCounters("global", 50, 82, 132.0), mm.level("global"));
    assertEquals(new LevelCounters("global", 40, 8, 48.0), rq.level("global"));
    assertEquals(24.0 / (16 * 35), mm.utilization());
    assertEquals("mm", layers.get(0).name());
    assertEquals("matmul", layers.get(0).op());
  }

  @Test
  void traceReportsEveryInstructionWithItsCycles() {
    List<long[]> seen = new ArrayList<>();
    Simulator.run(program(machine()), inputs(),
        Options.tracing((i, start, end, insn) -> seen.add(new long[] {i, start, end})));
    // earliest start first, ties in load, compute, store order
    long[][] expected = {{1, 0, 11}, {0, 0, 1}, {3, 1, 5}, {2, 11, 23}, {4, 23, 35}, {5, 35, 39}, {6, 39, 50},
        {7, 50, 50}};
    assertEquals(expected.length, seen.size());
    for (int k = 0; k < expected.length; k++) assertArrayEquals(expected[k], seen.get(k), "step " + k);
  }

  @Test
  void zerosOfDenseStoredOperandsAreNotSkipped() {
    // x arrives by a plain (dense) load, without metadata: the array cannot know where its zeros are
    // (CompressedLoadTest shows the skipping once an operand arrives compressed)
    int[] x = {0, -2, 3, 4, 0, 0};
    Map<String, Tensor> in = Map.of("x", Tensor.of(TensorType.of(I8, 2, 3), x));
    SimResult plain = Simulator.run(program(machine(false)), in);
    SimResult skipping = Simulator.run(program(machine(true)), in);
    assertEquals(plain.outputs(), skipping.outputs());
    Counters c = skipping.total();
    assertEquals(24, c.macs());
    assertEquals(0, c.macsSkipped());
    assertEquals(plain.total().cycles(), c.cycles());
  }
}
