// Small, valid programs built in Java for the ISA tests: a dense layer (load x, W and bias, copy the bias
// into the accumulator, MAC, requantize, store y) that uses every instruction and descriptor kind, on a
// small machine whose field widths are easy to overflow on purpose.
package org.tdlc.backend.isa;

import java.util.List;
import java.util.Set;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.type.ElementType;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.MemoryLevel;

public final class SamplePrograms {
  private SamplePrograms() {}

  public static MachineConfig machine(long globalBytes) { return machine(globalBytes, false); }

  /** The sample machine; it decodes bitmap blocks in software unless {@code hardwareDecode}. */
  public static MachineConfig machine(long globalBytes, boolean hardwareDecode) {
    return new MachineConfig("gemmini_like", 4, 4, Set.of(Dataflow.WS, Dataflow.OS), 500.0,
        List.of(new MemoryLevel("dram", 0, false, 16.0, 100.0, false),
            new MemoryLevel("global", globalBytes, false, 64.0, 2.5, true),
            new MemoryLevel("local", 64, true, 0.0, 0.15, false)),
        0.25, 20, List.of("dense", "bitmap"), hardwareDecode, true);
  }

  /** The bitmap view of W's 16 x 16 tile. */
  public static final Descriptor.DmaDesc BITMAP_TILE = new Descriptor.DmaDesc(ElementType.I8,
      List.of(dim(16, 16, 16), dim(16, 1, 1)), 0, org.tdlc.ir.type.StorageFormat.BITMAP);

  /**
   * The dense layer with W's load replaced by a software conversion: a dense load stages 40 raw bytes at
   * buffer 0x600 (descriptor 8) and pushes a token that {@code convert} (naming {@code convertDesc} as
   * descriptor 9) should pop.
   */
  public static Program staged(Instruction.Convert convert, Descriptor convertDesc) {
    List<Descriptor> ds = new java.util.ArrayList<>(descriptors());
    ds.add(new Descriptor.DmaDesc(ElementType.I8, List.of(dim(40, 1, 1)), 0));
    ds.add(convertDesc);
    List<Instruction> code = new java.util.ArrayList<>(instructions());
    code.set(2, new Instruction.Load(new Deps(false, false, false, true), 8, 0x000, 0x600));
    code.add(3, convert);
    Program d = dense();
    return new Program(d.machine(), code, ds, d.dataSegment(), d.dramSize(), d.symbols(),
        List.of(new Layer("fc1", "dense", 0, 9)));
  }

  /** staged() with a well-formed conversion into W's tile. */
  public static Program staged() {
    return staged(new Instruction.Convert(new Deps(true, false, false, false), 9, 0x010, 0x600, 40), BITMAP_TILE);
  }

  /** The same program on another machine. */
  public static Program on(Program p, MachineConfig m) {
    return new Program(m, p.instructions(), p.descriptors(), p.dataSegment(), p.dramSize(), p.symbols(), p.layers());
  }

  public static MachineConfig machine() { return machine(4096); }

  static Descriptor.DmaDim dim(int count, int dram, int buf) { return new Descriptor.DmaDim(count, dram, buf, 0, 0); }

  public static List<Descriptor> descriptors() {
    return List.of(
        new Descriptor.DmaDesc(ElementType.I8, List.of(dim(16, 1, 1)), 0),
        new Descriptor.DmaDesc(ElementType.I8, List.of(dim(16, 16, 16), dim(16, 1, 1)), 0),
        new Descriptor.DmaDesc(ElementType.I32, List.of(dim(16, 1, 1)), 0),
        new Descriptor.AluDesc(AluOp.COPY, ElementType.I32, ElementType.I32, ElementType.I32, 0,
            List.of(new Loop(16, 1, 1, 0))),
        new Descriptor.MacDesc(ElementType.I8, ElementType.I8, List.of(new Loop(16, 0, 1, 16), new Loop(16, 1, 0, 1)),
            0b01, 0b10),
        new Descriptor.AluDesc(AluOp.REQUANT, ElementType.I8, ElementType.I32, ElementType.I32, 4,
            List.of(new Loop(16, 1, 1, 0))),
        new Descriptor.DmaDesc(ElementType.I8, List.of(dim(16, 1, 1)), 0),
        new Descriptor.DmaDesc(ElementType.I8, List.of(new Descriptor.DmaDim(4, 4, 6, 1, 1),
            new Descriptor.DmaDim(4, 1, 1, 1, 1)), -128));
  }

  public static List<Instruction> instructions() {
    Deps none = Deps.NONE;
    return List.of(
        new Instruction.Config(none, Dataflow.WS),
        new Instruction.Load(none, 0, 0x400, 0x000),
        new Instruction.Load(none, 1, 0x000, 0x010),
        new Instruction.Load(new Deps(false, false, false, true), 2, 0x100, 0x200),
        new Instruction.Alu(new Deps(true, false, false, false), 3, 0x300, 0x200, 0),
        new Instruction.Mac(none, 4, 0x000, 0x010, 0x300),
        new Instruction.Alu(new Deps(false, false, false, true), 5, 0x400, 0x300, 0),
        new Instruction.Store(new Deps(true, false, false, false), 6, 0x400, 0x500),
        new Instruction.Halt(none));
  }

  public static byte[] data() {
    byte[] d = new byte[256 + 64];
    for (int i = 0; i < 256; i++) d[i] = (byte) (i * 7 - 100);
    for (int n = 0; n < 16; n++) d[256 + 4 * n] = (byte) n;
    return d;
  }

  /** The dense layer: y[n] = requant(bias[n] + sum_k x[k] * W[k][n], 4). */
  public static Program dense() {
    return new Program(machine(), instructions(), descriptors(), data(), 0x10000,
        List.of(new Symbol("x", Symbol.Kind.INPUT, ElementType.I8, List.of(1, 16), 0x400),
            new Symbol("y", Symbol.Kind.OUTPUT, ElementType.I8, List.of(1, 16), 0x500)),
        List.of(new Layer("fc1", "dense", 0, 8)));
  }

  /** The same program with some instructions replaced, for verifier and reader tests. */
  public static Program withInstructions(Program p, List<Instruction> insns) {
    return new Program(p.machine(), insns, p.descriptors(), p.dataSegment(), p.dramSize(), p.symbols(), p.layers());
  }

  public static Program withDescriptors(Program p, List<Descriptor> descriptors) {
    return new Program(p.machine(), p.instructions(), descriptors, p.dataSegment(), p.dramSize(), p.symbols(),
        p.layers());
  }
}
