// The structural soundness of a Program, the part every reader (assembler, .tdlx reader) insists on before
// handing a program on: the machine has a layout, every instruction fits it, descriptor references exist and
// have the kind their opcode needs, symbols, layers and the data segment lie inside what they refer to.
package org.tdlc.backend.isa;

import java.util.ArrayList;
import java.util.List;

public final class ProgramStructure {
  private ProgramStructure() {}

  /** The descriptor kind an opcode names ("dma", "mac", "alu"), or null when it names none. */
  public static String descriptorKind(Opcode op) {
    return switch (op) {
      case LOAD, STORE, CONVERT -> "dma";
      case MAC -> "mac";
      case ALU -> "alu";
      case CONFIG, HALT -> null;
    };
  }

  public static String kindOf(Descriptor d) {
    if (d instanceof Descriptor.MacDesc) return "mac";
    if (d instanceof Descriptor.AluDesc) return "alu";
    return "dma";
  }

  /** The descriptor index an instruction names, or -1. */
  public static int descriptorIndex(Instruction insn) {
    if (insn instanceof Instruction.Load l) return l.desc();
    if (insn instanceof Instruction.Store s) return s.desc();
    if (insn instanceof Instruction.Mac m) return m.desc();
    if (insn instanceof Instruction.Alu a) return a.desc();
    if (insn instanceof Instruction.Convert c) return c.desc();
    return -1;
  }

  /** Why instruction {@code insn} cannot name its descriptor, or null when it can. */
  public static String descriptorProblem(Instruction insn, List<Descriptor> descriptors) {
    String want = descriptorKind(insn.opcode());
    if (want == null) return null;
    int d = descriptorIndex(insn);
    if (d < 0 || d >= descriptors.size()) {
      return "descriptor d" + d + " does not exist (the program has " + descriptors.size() + " descriptors)";
    }
    String have = kindOf(descriptors.get(d));
    if (!have.equals(want)) {
      return insn.opcode().mnemonic() + " needs a " + want + " descriptor, but d" + d + " is a " + have + " descriptor";
    }
    return null;
  }

  /** Why a symbol does not lie inside DRAM, or null. */
  public static String symbolProblem(Symbol s, long dramSize) {
    for (int d : s.shape()) if (d < 1) return "symbol " + s.name() + " has a non-positive dimension in " + s.shape();
    long bytes = s.type().bytes();
    for (int d : s.shape()) {
      bytes *= d;
      if (bytes > dramSize) {
        return "symbol " + s.name() + " " + s.shape() + " is larger than DRAM (" + dramSize + " bytes)";
      }
    }
    if (s.dramAddr() < 0 || s.dramAddr() > dramSize - bytes) {
      return "symbol " + s.name() + " occupies 0x" + Long.toHexString(s.dramAddr()) + "..+" + bytes
          + " bytes, outside DRAM (" + dramSize + " bytes)";
    }
    return null;
  }

  /** Why a layer's instruction range is not inside the program, or null. */
  public static String layerProblem(Layer l, int instructions) {
    if (l.first() < 0 || l.first() > l.last() || l.last() >= instructions) {
      return "layer " + l.name() + " spans instructions " + l.first() + ".." + l.last() + ", not inside 0.."
          + (instructions - 1);
    }
    return null;
  }

  /** Every structural problem, each as one line. */
  public static List<String> problems(Program p) { return ProgramProblem.messages(located(p)); }

  /** Every structural problem, with the instruction it is about where there is one. */
  static List<ProgramProblem> located(Program p) {
    List<ProgramProblem> out = new ArrayList<>();
    IsaLayout layout;
    try {
      layout = IsaLayout.of(p);
    } catch (IsaException e) {
      out.add(ProgramProblem.of(e.getMessage()));
      layout = null;
    }
    for (int i = 0; i < p.instructions().size(); i++) {
      Instruction insn = p.instructions().get(i);
      String where = "instruction " + i + " (" + insn.opcode().mnemonic() + "): ";
      String d = descriptorProblem(insn, p.descriptors());
      if (d != null) out.add(ProgramProblem.atInstruction(i, where + d));
      if (layout != null) {
        String f = layout.fieldProblem(insn);
        if (f != null) out.add(ProgramProblem.atInstruction(i, "instruction " + i + ": " + f));
      }
    }
    for (Symbol s : p.symbols()) {
      String m = symbolProblem(s, p.dramSize());
      if (m != null) out.add(ProgramProblem.of(m));
    }
    for (Layer l : p.layers()) {
      String m = layerProblem(l, p.instructions().size());
      if (m != null) out.add(ProgramProblem.of(m));
    }
    long data = p.dataSegment() == null ? 0 : p.dataSegment().length;
    if (data > p.dramSize()) {
      out.add(ProgramProblem.of("the data segment (" + data + " bytes) does not fit in DRAM (" + p.dramSize() + " bytes)"));
    }
    return out;
  }
}
