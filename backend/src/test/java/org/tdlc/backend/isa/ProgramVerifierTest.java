// The verifier accepts the sample program and catches each class of problem with a message that names the
// instruction or descriptor, the range or count at fault and the limit it breaks.
package org.tdlc.backend.isa;

import org.tdlc.ir.target.Dataflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.type.ElementType;

class ProgramVerifierTest {
  static final Deps NONE = Deps.NONE;
  static final Deps POP = new Deps(true, false, false, false);
  static final Program DENSE = SamplePrograms.dense();

  static void reports(Program p, String expected) {
    List<String> problems = ProgramVerifier.verify(p);
    assertTrue(problems.stream().anyMatch(m -> m.contains(expected)), "expected '" + expected + "' in " + problems);
  }

  static Program replace(int index, Instruction insn) {
    List<Instruction> code = new ArrayList<>(DENSE.instructions());
    code.set(index, insn);
    return SamplePrograms.withInstructions(DENSE, code);
  }

  static Program replaceDescriptor(int index, Descriptor d) {
    List<Descriptor> ds = new ArrayList<>(DENSE.descriptors());
    ds.set(index, d);
    return SamplePrograms.withDescriptors(DENSE, ds);
  }

  @Test void theSampleIsClean() { assertEquals(List.of(), ProgramVerifier.verify(DENSE)); }

  @Test void illegalDepsForTheQueue() {
    reports(replace(1, new Instruction.Load(new Deps(true, false, false, false), 0, 0x400, 0)),
        "instruction 1 (load): a load may not use pop_prev or push_prev");
    reports(replace(7, new Instruction.Store(new Deps(true, false, false, true), 6, 0x400, 0x500)),
        "instruction 7 (store): a store may not use pop_next or push_next");
  }

  @Test void descriptorReferences() {
    reports(replace(5, new Instruction.Mac(NONE, 0, 0, 0x10, 0x300)),
        "instruction 5 (mac): mac needs a mac descriptor, but d0 is a dma descriptor");
    reports(replace(5, new Instruction.Mac(NONE, 42, 0, 0x10, 0x300)), "descriptor d42 does not exist");
  }

  static final List<Descriptor.DmaDim> TILE =
      List.of(new Descriptor.DmaDim(16, 16, 16, 0, 0), new Descriptor.DmaDim(16, 1, 1, 0, 0));
  static final Descriptor.DmaDesc BITMAP =
      new Descriptor.DmaDesc(ElementType.I8, TILE, 0, org.tdlc.ir.type.StorageFormat.BITMAP);

  static Program onHardware(Program p) { return SamplePrograms.on(p, SamplePrograms.machine(4096, true)); }

  @Test void compressedLoads() {
    // the sample machine decodes dense and bitmap only; in hardware here
    List<Descriptor.DmaDim> tile = TILE;
    Descriptor.DmaDesc bitmap = BITMAP;
    assertEquals(List.of(), ProgramVerifier.verify(onHardware(replaceDescriptor(1, bitmap))));
    // without a hardware decoder a compressed load is refused: the block must be staged and converted
    reports(replaceDescriptor(1, bitmap), "instruction 2 (load): target gemmini_like decodes in software");
    assertEquals(16, bitmap.rows());
    reports(replaceDescriptor(1, new Descriptor.DmaDesc(ElementType.I8, tile, 0, org.tdlc.ir.type.StorageFormat.CSR)),
        "descriptor d1 (dma): storage format csr is not decoded by target gemmini_like (it has dense, bitmap)");
    reports(replaceDescriptor(1, new Descriptor.DmaDesc(ElementType.I8, tile, 0, org.tdlc.ir.type.StorageFormat.BITMAP,
        7)), "a compressed view of 7 rows does not divide the 256 points");
    reports(replace(2, new Instruction.Load(NONE, 1, 1L << 40, 0x010)), "instruction 2 (load): ");
  }

  @Test void conversions() {
    assertEquals(List.of(), ProgramVerifier.verify(SamplePrograms.staged()));
    reports(SamplePrograms.staged(new Instruction.Convert(POP, 9, 0x010, 0x600, 40), DENSE.descriptors().get(1)),
        "instruction 3 (convert): descriptor d9 is dense; convert needs a compressed format");
    reports(SamplePrograms.staged(new Instruction.Convert(POP, 4, 0x010, 0x600, 40), BITMAP),
        "instruction 3 (convert): convert needs a dma descriptor, but d4 is a mac descriptor");
    reports(SamplePrograms.staged(new Instruction.Convert(POP, 9, 0x010, 0xff0, 40), BITMAP),
        "instruction 3 (convert): src range 0x0ff0..0x1017 exceeds the global buffer (4096 bytes)");
    reports(SamplePrograms.staged(new Instruction.Convert(POP, 9, 0xf80, 0x600, 40), BITMAP),
        "instruction 3 (convert): dst range 0x0f80..0x107f exceeds the global buffer");
    reports(SamplePrograms.staged(new Instruction.Convert(POP, 9, 0x010, 0x600, 0), BITMAP),
        "instruction 3 (convert): bytes = 0, a block has at least one byte");
  }

  @Test void loopAndDimensionLimits() {
    List<Loop> nine = Collections.nCopies(Descriptor.MAX_LOOPS + 1, new Loop(1, 0, 0, 0));
    reports(replaceDescriptor(4, new Descriptor.MacDesc(ElementType.I8, ElementType.I8, nine, 0, 0)),
        "descriptor d4 (mac): 9 loops, at most 8");
    List<Descriptor.DmaDim> five = Collections.nCopies(Descriptor.MAX_DMA_DIMS + 1, new Descriptor.DmaDim(1, 0, 0, 0, 0));
    reports(replaceDescriptor(0, new Descriptor.DmaDesc(ElementType.I8, five, 0)), "descriptor d0 (dma): 5 dimensions, at most 4");
    // loop masks: bit 1 names a second loop the nest lacks; one loop on both axes
    reports(replaceDescriptor(4, new Descriptor.MacDesc(ElementType.I8, ElementType.I8, List.of(new Loop(2, 1, 1, 1)), 0b10, 0)),
        "row/col loops (mask 10) name a loop not below 1");
    reports(replaceDescriptor(4, new Descriptor.MacDesc(ElementType.I8, ElementType.I8, List.of(new Loop(2, 1, 1, 1)), 1, 1)),
        "loops (mask 1) are mapped on both rows and columns");
  }

  @Test void addressRanges() {
    reports(replace(5, new Instruction.Mac(NONE, 4, 0, 0x10, 0xfd0)),
        "instruction 5 (mac): c range 0x0fd0..0x100f exceeds the global buffer (4096 bytes)");
    reports(replace(5, new Instruction.Mac(NONE, 4, 0xff5, 0x10, 0x300)), "a range 0x0ff5..0x1004 exceeds the global buffer");
    reports(replace(1, new Instruction.Load(NONE, 0, 0xfff8, 0)),
        "instruction 1 (load): dram range 0xfff8..0x10007 exceeds DRAM (65536 bytes)");
    reports(replace(7, new Instruction.Store(new Deps(true, false, false, false), 6, 0xff8, 0x500)),
        "buf range 0x0ff8..0x1007 exceeds the global buffer");
    // negative strides walk down from the base address: 0x200 - 15 * 4 = 0x1c4 is fine, 0x200 - 255 * 16 is not
    assertEquals(List.of(), ProgramVerifier.verify(replaceDescriptor(3, new Descriptor.AluDesc(AluOp.COPY,
        ElementType.I32, ElementType.I32, ElementType.I32, 0, List.of(new Loop(16, 1, -1, 0))))));
    reports(replaceDescriptor(3, new Descriptor.AluDesc(AluOp.COPY, ElementType.I32, ElementType.I32, ElementType.I32, 0,
        List.of(new Loop(0x100, 0, -4, 0)))), "instruction 4 (alu): src1 range -0xdf0..0x0203 starts below address 0");
    // load padding widens the buffer side only: 6 x 6 padded points reach 35 bytes past the base, 4 x 4 only 21
    reports(replace(1, new Instruction.Load(NONE, 7, 0x400, 0xfe0)),
        "instruction 1 (load): buf range 0x0fe0..0x1003 exceeds the global buffer (4096 bytes)");
    assertTrue(ProgramVerifier.verify(replace(1, new Instruction.Load(NONE, 7, 0x400, 0xf00))).isEmpty());
    reports(replaceDescriptor(4, new Descriptor.MacDesc(ElementType.I8, ElementType.I8,
        List.of(new Loop(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0), new Loop(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0),
            new Loop(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0)), 0, 0)), "address arithmetic overflows 64 bits");
  }

  @Test void typesPadsAndImmediates() {
    reports(replaceDescriptor(6, new Descriptor.DmaDesc(ElementType.I8, List.of(new Descriptor.DmaDim(16, 1, 1, 1, 0)), 0)),
        "instruction 7 (store): descriptor d6 pads, but only loads may pad");
    reports(replaceDescriptor(5, new Descriptor.AluDesc(AluOp.REQUANT, ElementType.I32, ElementType.I32, ElementType.I32,
        4, List.of(new Loop(16, 1, 1, 0)))), "descriptor d5 (alu): requant must write i8 or i16, not i32");
    reports(replaceDescriptor(5, new Descriptor.AluDesc(AluOp.AVGDIV, ElementType.I8, ElementType.I32, ElementType.I32,
        0, List.of(new Loop(16, 1, 1, 0)))), "avgdiv divisor 0 must be positive");
    reports(replace(0, new Instruction.Config(NONE, Dataflow.RS)), "dataflow rs is not supported by target gemmini_like");
  }

  @Test void haltAndTokens() {
    List<Instruction> noHalt = new ArrayList<>(DENSE.instructions());
    noHalt.remove(noHalt.size() - 1);
    reports(SamplePrograms.withInstructions(DENSE, noHalt), "the program does not end with halt");
    reports(replace(2, new Instruction.Halt(NONE)), "instruction 2 (halt): halt before the end of the program");
    reports(replace(4, new Instruction.Alu(NONE, 3, 0x300, 0x200, 0)), "token FIFO l2c is unbalanced: 1 pushes, 0 pops");
    // compute waits for the store queue to free a buffer, which waits for the compute queue's result
    List<Instruction> dead = new ArrayList<>(DENSE.instructions());
    dead.set(5, new Instruction.Mac(new Deps(false, true, false, false), 4, 0, 0x10, 0x300));
    dead.set(7, new Instruction.Store(new Deps(true, false, true, false), 6, 0x400, 0x500));
    reports(SamplePrograms.withInstructions(DENSE, dead), "the queues deadlock: the compute queue waits at instruction 5"
        + " (mac) for a s2c token; the store queue waits at instruction 7 (store) for a c2s token");
  }

  @Test void structure() {
    reports(replace(5, new Instruction.Mac(NONE, 4, 0, 0x10, 5000)), "instruction 5: mac: c = 5000 (0x1388) does not fit");
    Program p = new Program(DENSE.machine(), DENSE.instructions(), DENSE.descriptors(), new byte[0x10001],
        DENSE.dramSize(), DENSE.symbols(), List.of(new Layer("l", "x", 3, 2)));
    reports(p, "the data segment (65537 bytes) does not fit in DRAM (65536 bytes)");
    reports(p, "layer l spans instructions 3..2, not inside 0..8");
    Program big = new Program(SamplePrograms.machine(1L << 32), List.of(new Instruction.Halt(NONE)), List.of(),
        new byte[0], 16, List.of(), List.of());
    reports(big, "the global buffer of 4294967296 bytes needs 32-bit addresses");
  }
}
