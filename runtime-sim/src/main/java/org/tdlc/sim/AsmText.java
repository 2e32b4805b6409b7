// A one-line, assembly-like description of an instruction for error messages and deadlock reports
// ("mac d1 a=0 b=64 c=128 [pop_prev push_prev]"). The simulator depends only on the ISA records, so it
// does not reuse the backend's assembler; this form is for people, not for parsing.
package org.tdlc.sim;

import org.tdlc.backend.isa.Deps;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Program;

final class AsmText {
  private AsmText() {}

  /** "instruction 4 (mac d1 a=0 b=64 c=128)". */
  static String named(Program p, int index) {
    return "instruction " + index + " (" + describe(p, p.instructions().get(index)) + ")";
  }

  static String describe(Program p, Instruction insn) {
    return body(p, insn) + deps(insn.deps());
  }

  private static String body(Program p, Instruction insn) {
    if (insn instanceof Instruction.Config c) return "config " + c.dataflow().keyword();
    if (insn instanceof Instruction.Load l) {
      return "load d" + l.desc() + " dram=" + l.dramAddr() + " buf=" + l.bufAddr();
    }
    if (insn instanceof Instruction.Store s) {
      return "store d" + s.desc() + " buf=" + s.bufAddr() + " dram=" + s.dramAddr();
    }
    if (insn instanceof Instruction.Mac m) return "mac d" + m.desc() + " a=" + m.a() + " b=" + m.b() + " c=" + m.c();
    if (insn instanceof Instruction.Alu a) {
      return "alu" + aluOp(p, a.desc()) + " d" + a.desc() + " dst=" + a.dst() + " src1=" + a.src1() + " src2="
          + a.src2();
    }
    if (insn instanceof Instruction.Convert v) {
      return "convert d" + v.desc() + " dst=" + v.dst() + " src=" + v.src() + " bytes=" + v.bytes();
    }
    return insn.opcode().mnemonic();
  }

  private static String aluOp(Program p, int desc) {
    if (desc >= 0 && desc < p.descriptors().size() && p.descriptors().get(desc) instanceof Descriptor.AluDesc d) {
      return "." + d.op().mnemonic();
    }
    return "";
  }

  private static String deps(Deps d) {
    if (d.none()) return "";
    StringBuilder b = new StringBuilder();
    if (d.popPrev()) b.append(" pop_prev");
    if (d.popNext()) b.append(" pop_next");
    if (d.pushPrev()) b.append(" push_prev");
    if (d.pushNext()) b.append(" push_next");
    return " [" + b.substring(1) + "]";
  }
}
