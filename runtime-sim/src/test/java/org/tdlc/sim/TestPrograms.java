// Builders for hand-written test programs: the small test machine (4x4 PEs, 4 KiB global buffer, DRAM at
// 8 B/cycle with a 10-cycle DMA latency) and a ProgramBuilder that collects instructions, descriptors,
// symbols and layers, so each test reads like the assembly it stands for.
package org.tdlc.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Deps;
import org.tdlc.backend.isa.Descriptor.DmaDim;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Loop;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.type.ElementType;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.MemoryLevel;

final class TestPrograms {
  static final ElementType I8 = ElementType.I8;
  static final ElementType I16 = ElementType.I16;
  static final ElementType I32 = ElementType.I32;

  // token bits: popPrev, popNext, pushPrev, pushNext
  static final Deps NONE = Deps.NONE;
  static final Deps POP_PREV = new Deps(true, false, false, false);
  static final Deps POP_NEXT = new Deps(false, true, false, false);
  static final Deps PUSH_PREV = new Deps(false, false, true, false);
  static final Deps PUSH_NEXT = new Deps(false, false, false, true);
  static final Deps POP_PREV_PUSH_PREV = new Deps(true, false, true, false);
  static final Deps POP_PREV_PUSH_NEXT = new Deps(true, false, false, true);

  private TestPrograms() {}

  /**
   * 4x4 PEs; dram: 8 B/cycle, 4 pJ/B; global: 4096 B, 16 B/cycle, 1 pJ/B; local: 0.25 pJ/B;
   * 0.5 pJ per MAC; DMA latency 10 cycles. A machine that skips zeros also decodes in hardware, so that
   * its programs can load compressed blocks.
   */
  static MachineConfig machine(boolean skipZeros) {
    return new MachineConfig("test4x4", 4, 4, Set.of(Dataflow.WS, Dataflow.OS), 100.0,
        List.of(new MemoryLevel("dram", 0, false, 8, 4.0, false),
            new MemoryLevel("global", 4096, false, 16, 1.0, true),
            new MemoryLevel("local", 64, true, 0, 0.25, false)),
        0.5, 10, List.of("dense"), skipZeros, skipZeros);
  }

  static MachineConfig machine() { return machine(false); }

  static Loop loop(int extent, int dst, int src1, int src2) { return new Loop(extent, dst, src1, src2); }

  static DmaDim dim(int count, int dramStride, int bufStride) { return new DmaDim(count, dramStride, bufStride, 0, 0); }

  static DmaDim dim(int count, int dramStride, int bufStride, int padBefore, int padAfter) {
    return new DmaDim(count, dramStride, bufStride, padBefore, padAfter);
  }

  static final class ProgramBuilder {
    private final MachineConfig machine;
    private final List<Instruction> insns = new ArrayList<>();
    private final List<Descriptor> descs = new ArrayList<>();
    private final List<Symbol> symbols = new ArrayList<>();
    private final List<Layer> layers = new ArrayList<>();
    private byte[] data = new byte[0];
    private long dramSize;

    ProgramBuilder(MachineConfig machine, long dramSize) {
      this.machine = machine;
      this.dramSize = dramSize;
    }

    ProgramBuilder data(int... bytes) {
      data = new byte[bytes.length];
      for (int i = 0; i < bytes.length; i++) data[i] = (byte) bytes[i];
      return this;
    }

    ProgramBuilder input(String name, ElementType t, long addr, Integer... shape) {
      symbols.add(new Symbol(name, Symbol.Kind.INPUT, t, List.of(shape), addr));
      return this;
    }

    ProgramBuilder output(String name, ElementType t, long addr, Integer... shape) {
      symbols.add(new Symbol(name, Symbol.Kind.OUTPUT, t, List.of(shape), addr));
      return this;
    }

    ProgramBuilder layer(String name, String op, int first, int last) {
      layers.add(new Layer(name, op, first, last));
      return this;
    }

    int desc(Descriptor d) {
      descs.add(d);
      return descs.size() - 1;
    }

    ProgramBuilder config(Dataflow df) { return add(new Instruction.Config(NONE, df)); }

    ProgramBuilder load(Deps deps, Descriptor.DmaDesc d, long dram, int buf) {
      return add(new Instruction.Load(deps, desc(d), dram, buf));
    }

    ProgramBuilder store(Deps deps, Descriptor.DmaDesc d, int buf, long dram) {
      return add(new Instruction.Store(deps, desc(d), buf, dram));
    }

    ProgramBuilder mac(Deps deps, Descriptor.MacDesc d, int a, int b, int c) {
      return add(new Instruction.Mac(deps, desc(d), a, b, c));
    }

    ProgramBuilder alu(Deps deps, Descriptor.AluDesc d, int dst, int src1, int src2) {
      return add(new Instruction.Alu(deps, desc(d), dst, src1, src2));
    }

    ProgramBuilder convert(Deps deps, Descriptor.DmaDesc d, int dst, int src, int bytes) {
      return add(new Instruction.Convert(deps, desc(d), dst, src, bytes));
    }

    ProgramBuilder halt(Deps deps) { return add(new Instruction.Halt(deps)); }

    ProgramBuilder add(Instruction insn) {
      insns.add(insn);
      return this;
    }

    Program build() { return new Program(machine, insns, descs, data, dramSize, symbols, layers); }
  }

  static Descriptor.DmaDesc dma(ElementType t, int pad, DmaDim... dims) {
    return new Descriptor.DmaDesc(t, List.of(dims), pad);
  }

  static Descriptor.DmaDesc dma(ElementType t, DmaDim... dims) { return dma(t, 0, dims); }

  /** A MAC with one loop (by index, -1: none) on each array axis; the descriptor holds them as masks. */
  static Descriptor.MacDesc macDesc(ElementType a, ElementType b, int rowLoop, int colLoop, Loop... loops) {
    return new Descriptor.MacDesc(a, b, List.of(loops), rowLoop < 0 ? 0 : 1 << rowLoop, colLoop < 0 ? 0 : 1 << colLoop);
  }

  static Descriptor.AluDesc aluDesc(AluOp op, ElementType dst, ElementType s1, ElementType s2, int imm,
                                    Loop... loops) {
    return new Descriptor.AluDesc(op, dst, s1, s2, imm, List.of(loops));
  }
}
