// The compiled engine against the interpreting one on random instruction streams: one program of many MAC
// and ALU instructions (each its own random descriptor; MACs with rows long enough for the generated row
// kernels, zero-rich data so zero rows get skipped), run by both engines, with and without zero skipping
// (with skipping, the data arrives through a compressed load, so the operands carry metadata).
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tdlc.sim.TestPrograms.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Deps;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Loop;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.data.Tensor;
import org.tdlc.machine.sparse.SparseCodec;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.ir.type.TensorType;

class CompiledEngineTest {
  static final int REGION = RandomNestTest.REGION;
  static final long SEED = Long.getLong("sim.seed", 0xc0de);
  static final int INSTRUCTIONS = 200;

  @Test
  void randomProgramsGiveTheSameOutputsAndCountersOnBothEngines() {
    for (boolean skipZeros : new boolean[] {false, true}) {
      Random r = new Random(SEED);
      int[] values = new int[REGION];
      for (int i = 0; i < REGION; i++) values[i] = r.nextInt(3) == 0 ? 0 : r.nextInt(256) - 128;
      Program p = randomProgram(r, skipZeros, values);
      KernelSource.Kernels k = KernelSource.generate(p.descriptors(), ProgramCheck.check(p), skipZeros);
      assertTrue(k.units().stream().mapToInt(u -> u.macs().size()).sum() > 20, "too few generated MAC kernels");
      Map<String, Tensor> in = Map.of("m", Tensor.of(TensorType.of(I8, REGION), values));
      SimResult interp = Simulator.run(p, in, Options.DEFAULT.withEngine(Options.Engine.INTERP));
      SimResult compiled = Simulator.run(p, in, Options.DEFAULT.withEngine(Options.Engine.COMPILED));
      String replay = "skipZeros " + skipZeros + " (replay: -Dsim.seed=" + SEED + ")";
      assertEquals(interp.outputs(), compiled.outputs(), replay);
      assertEquals(interp.total(), compiled.total(), replay);
      if (skipZeros) assertTrue(interp.total().macsSkipped() > 0, "no zero was skipped");
    }
  }

  /**
   * LOAD the region, INSTRUCTIONS random MACs (i8) and ALU ops on it in one queue, STORE it back. With
   * skipZeros the region is loaded from a bitmap block of {@code values} in the data segment, so MACs find
   * both, one or none of their operands still carrying metadata (writes clear it): every counting path runs.
   */
  private static Program randomProgram(Random r, boolean skipZeros, int[] values) {
    List<Instruction> insns = new ArrayList<>();
    List<Descriptor> descs = new ArrayList<>();
    byte[] data = new byte[0];
    if (skipZeros) {
      data = SparseCodec.encode(StorageFormat.BITMAP, values, 32, REGION / 32, 8).bytes();
      descs.add(new Descriptor.DmaDesc(I8, List.of(dim(32, REGION / 32, REGION / 32), dim(REGION / 32, 1, 1)), 0,
          StorageFormat.BITMAP));
    }
    int store = descs.size();
    descs.add(dma(I8, dim(REGION, 1, 1)));
    insns.add(new Instruction.Load(PUSH_NEXT, 0, skipZeros ? 0 : data.length, 0));
    for (int n = 0; n < INSTRUCTIONS; n++) {
      Deps deps = n == 0 ? POP_PREV : n == INSTRUCTIONS - 1 ? PUSH_NEXT : NONE;
      int d = descs.size();
      if (r.nextInt(4) > 0) {
        List<Loop> loops = rowLoops(r);
        Descriptor.MacDesc m = macDesc(I8, I8, -1, -1, loops.toArray(new Loop[0]));
        int[] base = RandomNestTest.bases(r, m.loops(), new int[] {4, 1, 1}, 3);
        descs.add(m);
        insns.add(new Instruction.Mac(deps, d, base[1], base[2], base[0]));
      } else {
        AluOp op = AluOp.values()[r.nextInt(AluOp.values().length)];
        int imm = op == AluOp.AVGDIV ? 1 + r.nextInt(20) : op == AluOp.REQUANT ? r.nextInt(12) : r.nextInt(600) - 300;
        Descriptor.AluDesc a = aluDesc(op, RandomNestTest.TYPES[r.nextInt(3)], RandomNestTest.TYPES[r.nextInt(3)],
            RandomNestTest.TYPES[r.nextInt(3)], imm, RandomNestTest.loops(r));
        int[] base = RandomNestTest.bases(r, a.loops(),
            new int[] {a.dstType().bytes(), a.src1Type().bytes(), a.src2Type().bytes()}, 3);
        descs.add(a);
        insns.add(new Instruction.Alu(deps, d, base[0], base[1], base[2]));
      }
    }
    insns.add(new Instruction.Halt(POP_NEXT));
    int at = data.length;
    insns.add(insns.size() - 1, new Instruction.Store(POP_PREV_PUSH_PREV, store, 0, at + REGION));
    return new Program(machine(skipZeros), insns, descs, data, at + 2 * REGION,
        List.of(new Symbol("m", Symbol.Kind.INPUT, I8, List.of(REGION), at),
            new Symbol("o", Symbol.Kind.OUTPUT, I8, List.of(REGION), at + REGION)), List.of());
  }

  /** One loop of 8 to 12 moving C (a row), up to two more small ones, strides that fit the region. */
  private static List<Loop> rowLoops(Random r) {
    while (true) {
      List<Loop> loops = new ArrayList<>();
      int depth = 1 + r.nextInt(3);
      int row = r.nextInt(depth);
      for (int l = 0; l < depth; l++) {
        int c = l == row ? 1 + r.nextInt(3) : r.nextInt(3);
        loops.add(loop(l == row ? 8 + r.nextInt(5) : 1 + r.nextInt(4), c, r.nextInt(5) - 1, r.nextInt(5) - 1));
      }
      long span = 0;
      for (Loop l : loops) span += (long) (l.extent() - 1) * Math.abs(l.dst()) * 4 + 4;
      if (span < REGION / 3) return loops;
    }
  }
}
