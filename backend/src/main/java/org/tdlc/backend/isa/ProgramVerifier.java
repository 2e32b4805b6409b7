// Static checks of a whole Program before it is written or simulated: the structure (ProgramStructure),
// the machine's sanity, descriptor limits and types, every byte range an instruction can touch (from its
// descriptor's extents and strides) inside the global buffer or DRAM, dependency tokens (TokenFlow) and the
// final HALT. Each problem is one human-readable line naming the instruction or descriptor at fault.
package org.tdlc.backend.isa;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.ElementType;
import org.tdlc.machine.ArrayAxes;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.MemoryLevel;

public final class ProgramVerifier {
  private final Program program;
  private final List<ProgramProblem> found = new ArrayList<>();
  /** What the checks running now are about: an instruction, a descriptor (-1: neither). */
  private int instruction = -1;
  private int descriptor = -1;

  private ProgramVerifier(Program program) { this.program = program; }

  /** Every problem found; empty when the program is sound. */
  public static List<String> verify(Program program) { return ProgramProblem.messages(check(program)); }

  /** Every problem found, with the instruction or descriptor it is about. */
  public static List<ProgramProblem> check(Program program) {
    ProgramVerifier v = new ProgramVerifier(program);
    v.found.addAll(ProgramStructure.located(program));
    v.machine();
    for (int d = 0; d < program.descriptors().size(); d++) {
      v.descriptor = d;
      v.descriptor(d, program.descriptors().get(d));
    }
    v.descriptor = -1;
    for (int i = 0; i < program.instructions().size(); i++) {
      v.instruction = i;
      v.instruction(i, program.instructions().get(i));
    }
    v.instruction = -1;
    v.halt();
    v.found.addAll(TokenFlow.problems(program.instructions()));
    return v.found;
  }

  private void problem(String message) { problem(message, null); }

  /** A problem with operand {@code field} (its name in the assembly text) of the current instruction. */
  private void problem(String message, String field) {
    found.add(new ProgramProblem(message, instruction, descriptor, field));
  }

  private void machine() {
    MachineConfig m = program.machine();
    if (m.rows() < 1 || m.cols() < 1) problem("machine: the PE array is " + m.rows() + " x " + m.cols());
    if (!(m.frequencyMhz() > 0) || Double.isInfinite(m.frequencyMhz())) {
      problem("machine: frequency " + m.frequencyMhz() + " MHz is not a positive number");
    }
    if (m.dmaLatency() < 0) problem("machine: negative DMA latency " + m.dmaLatency());
    if (!finiteNonNegative(m.macEnergyPj())) problem("machine: MAC energy " + m.macEnergyPj() + " pJ");
    for (MemoryLevel l : m.levels()) {
      if (l.sizeBytes() < 0 || !finiteNonNegative(l.bandwidth()) || !finiteNonNegative(l.writeBandwidth())
          || (l.bandwidth() > 0) != (l.writeBandwidth() > 0) || !finiteNonNegative(l.energyPjPerByte())) {
        problem("machine: memory level " + l.name() + " has a negative or non-finite size, bandwidth or energy");
      }
    }
  }

  private static boolean finiteNonNegative(double v) { return v >= 0 && !Double.isInfinite(v); }

  private void descriptor(int index, Descriptor d) {
    String where = "descriptor d" + index + " (" + ProgramStructure.kindOf(d) + "): ";
    if (d instanceof Descriptor.MacDesc m) {
      loops(where, m.loops());
      for (int mask : new int[] {m.rowLoops(), m.colLoops()}) {
        if (!ArrayAxes.within(mask, m.loops().size())) {
          problem(where + "row/col loops (mask " + Integer.toBinaryString(mask) + ") name a loop not below "
              + m.loops().size());
        }
      }
      if ((m.rowLoops() & m.colLoops()) != 0) {
        problem(where + "loops (mask " + Integer.toBinaryString(m.rowLoops() & m.colLoops())
            + ") are mapped on both rows and columns");
      }
      String walk = m.pe().problem(m.loops().size());
      if (walk != null) problem(where + walk);
    } else if (d instanceof Descriptor.AluDesc a) {
      loops(where, a.loops());
      if (a.op() == AluOp.REQUANT && a.dstType() == ElementType.I32) {
        problem(where + "requant must write i8 or i16, not " + a.dstType());
      }
      if (a.op() == AluOp.REQUANT && (a.imm() < 0 || a.imm() > Ops.REQUANT_MAX_SHIFT)) {
        problem(where + "requant shift " + a.imm() + " is outside 0.." + Ops.REQUANT_MAX_SHIFT);
      }
      if (a.op() == AluOp.AVGDIV && a.imm() < 1) {
        problem(where + "avgdiv divisor " + a.imm() + " must be positive");
      }
      String bad = a.op().problem(a.imm(), a.src1Type());
      if (bad != null) problem(where + bad);
    } else if (d instanceof Descriptor.DmaDesc m) {
      if (m.compressed() && !program.machine().formats().contains(m.format().keyword())) {
        problem(where + "storage format " + m.format().keyword() + " is not decoded by target "
            + program.machine().target() + " (it has " + String.join(", ", program.machine().formats()) + ")");
      }
      if (m.compressed() && m.points() > Integer.MAX_VALUE) {
        problem(where + "a compressed transfer of " + m.points() + " points, at most " + Integer.MAX_VALUE);
      }
      if (m.compressed() && (m.rows() < 1 || m.points() % m.rows() != 0)) {
        problem(where + "a compressed view of " + m.rows() + " rows does not divide the " + m.points() + " points");
      }
      if (m.dims().size() > Descriptor.MAX_DMA_DIMS) {
        problem(where + m.dims().size() + " dimensions, at most " + Descriptor.MAX_DMA_DIMS);
      }
      for (Descriptor.DmaDim x : m.dims()) {
        if (x.count() < 0 || x.padBefore() < 0 || x.padAfter() < 0) {
          problem(where + "negative count or padding in " + x);
        }
      }
    }
  }

  private void loops(String where, List<Loop> loops) {
    if (loops.size() > Descriptor.MAX_LOOPS) {
      problem(where + loops.size() + " loops, at most " + Descriptor.MAX_LOOPS);
    }
  }

  private void instruction(int i, Instruction insn) {
    String where = TokenFlow.where(i, insn);
    if (insn instanceof Instruction.Config c) {
      if (!program.machine().dataflows().isEmpty() && !program.machine().dataflows().contains(c.dataflow())) {
        problem(where + "dataflow " + c.dataflow().keyword() + " is not supported by target "
            + program.machine().target());
      }
      return;
    }
    if (ProgramStructure.descriptorKind(insn.opcode()) == null) return;
    if (ProgramStructure.descriptorProblem(insn, program.descriptors()) != null) return;
    if (program.machine().levels().size() < 2) return;
    Descriptor d = program.descriptors().get(ProgramStructure.descriptorIndex(insn));
    try {
      ranges(where, insn, d);
    } catch (AddressSpan.Overflow e) {
      problem(where + e.getMessage());
    }
  }

  private void ranges(String where, Instruction insn, Descriptor d) {
    if (insn instanceof Instruction.Mac m && d instanceof Descriptor.MacDesc md) {
      loopRange(where, "a", m.a(), md.loops(), Loop::src1, md.a());
      loopRange(where, "b", m.b(), md.loops(), Loop::src2, md.b());
      loopRange(where, "c", m.c(), md.loops(), Loop::dst, ElementType.I32);
    } else if (insn instanceof Instruction.Alu a && d instanceof Descriptor.AluDesc ad) {
      loopRange(where, "dst", a.dst(), ad.loops(), Loop::dst, ad.dstType());
      if (ad.op().readsSrc1()) loopRange(where, "src1", a.src1(), ad.loops(), Loop::src1, ad.src1Type());
      long reach = ad.op().indirectReach(ad.imm());
      if (reach >= 0) {
        check(where, "src2", AddressSpan.of(a.src2(), List.of(new AddressSpan.Step(reach, 1)), ad.src2Type().bytes()),
            false);
      } else if (ad.op().readsSrc2()) {
        loopRange(where, "src2", a.src2(), ad.loops(), Loop::src2, ad.src2Type());
      }
    } else if (insn instanceof Instruction.Load l && d instanceof Descriptor.DmaDesc dd) {
      dma(where, dd, l.dramAddr(), l.bufAddr(), true);
    } else if (insn instanceof Instruction.Convert c && d instanceof Descriptor.DmaDesc dd) {
      convert(where, c, dd);
    } else if (insn instanceof Instruction.Store s && d instanceof Descriptor.DmaDesc dd) {
      if (dd.dims().stream().anyMatch(x -> x.padBefore() != 0 || x.padAfter() != 0)) {
        problem(where + "descriptor d" + s.desc() + " pads, but only loads may pad");
      }
      dma(where, dd, s.dramAddr(), s.bufAddr(), false);
    }
  }

  private void loopRange(String where, String operand, long base, List<Loop> loops, ToIntFunction<Loop> stride,
                         ElementType type) {
    List<AddressSpan.Step> steps =
        loops.stream().map(l -> new AddressSpan.Step(l.extent(), stride.applyAsInt(l))).toList();
    check(where, operand, AddressSpan.of(base, steps, type.bytes()), false);
  }

  /** A conversion reads its staged block from the buffer and writes the dense tile as a compressed load would. */
  private void convert(String where, Instruction.Convert c, Descriptor.DmaDesc d) {
    if (!d.compressed()) {
      problem(where + "descriptor d" + c.desc() + " is dense; convert needs a compressed format");
      return;
    }
    if (c.bytes() < 1) problem(where + "bytes = " + c.bytes() + ", a block has at least one byte");
    check(where, "src", AddressSpan.of(c.src(), List.of(new AddressSpan.Step(Math.max(c.bytes(), 1), 1)), 1), false);
    check(where, "dst", AddressSpan.of(c.dst(), paddedSteps(d), d.type().bytes()), false);
  }

  /** The buffer points of a load of {@code d}, padding included. */
  private static List<AddressSpan.Step> paddedSteps(Descriptor.DmaDesc d) {
    List<AddressSpan.Step> steps = new ArrayList<>();
    for (Descriptor.DmaDim x : d.dims()) {
      steps.add(new AddressSpan.Step((long) x.count() + x.padBefore() + x.padAfter(), x.bufStride()));
    }
    return steps;
  }

  private void dma(String where, Descriptor.DmaDesc d, long dram, long buf, boolean load) {
    if (load && d.compressed()) {
      if (!program.machine().hardwareDecode()) {
        problem(where + "target " + program.machine().target() + " decodes in software: a compressed load needs"
            + " a hardware decoder (stage the block with a dense load and convert it)");
      }
      // the block's length is in its data: the simulator checks that the decoder stays inside DRAM
      if (dram < 0 || dram >= program.dramSize()) {
        problem(where + "dram block at " + dram + " is outside DRAM [0, " + program.dramSize() + ")");
      }
      check(where, "buf", AddressSpan.of(buf, paddedSteps(d), d.type().bytes()), false);
      return;
    }
    List<AddressSpan.Step> dramSteps = new ArrayList<>();
    List<AddressSpan.Step> bufSteps = new ArrayList<>();
    for (Descriptor.DmaDim x : d.dims()) {
      dramSteps.add(new AddressSpan.Step(x.count(), x.dramStride()));
      long padded = load ? (long) x.count() + x.padBefore() + x.padAfter() : x.count();
      bufSteps.add(new AddressSpan.Step(padded, x.bufStride()));
    }
    check(where, "dram", AddressSpan.of(dram, dramSteps, d.type().bytes()), true);
    check(where, "buf", AddressSpan.of(buf, bufSteps, d.type().bytes()), false);
  }

  private void check(String where, String operand, AddressSpan span, boolean dram) {
    if (span == null) return;
    String why = dram ? span.outside(program.dramSize(), "DRAM")
        : span.outside(program.machine().global().sizeBytes(), "the global buffer");
    if (why != null) problem(where + operand + " " + why, operand);
  }

  private void halt() {
    List<Instruction> code = program.instructions();
    if (code.isEmpty() || !(code.get(code.size() - 1) instanceof Instruction.Halt)) {
      problem("the program does not end with halt");
    }
    for (int i = 0; i < code.size() - 1; i++) {
      if (code.get(i) instanceof Instruction.Halt) {
        found.add(ProgramProblem.atInstruction(i, "instruction " + i + " (halt): halt before the end of the program ("
            + code.size() + " instructions)"));
      }
    }
  }
}
