// One line of the .text section, printed and parsed: a mnemonic, optional deps(...) and the operand fields
// under the names IsaLayout gives them, e.g. `mac deps(pop_prev,push_next) desc=5 a=0x0000 b=0x0400 c=0x0800`.
// Parsing keeps each value's column so that a value too wide for its binary field is reported where it is.
package org.tdlc.backend.asm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.backend.isa.Deps;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Opcode;

final class InstructionSyntax {
  static final List<String> DEP_NAMES = List.of("pop_prev", "pop_next", "push_prev", "push_next");

  /** A parsed instruction and the columns of its field values (key: field name as in IsaLayout). */
  record Parsed(Instruction insn, Map<String, Integer> cols) {}

  private InstructionSyntax() {}

  static String print(Instruction insn) {
    StringBuilder b = new StringBuilder(padRight(insn.opcode().mnemonic(), 6));
    if (!insn.deps().none()) {
      b.append(" deps(");
      int bits = insn.deps().bits();
      String sep = "";
      for (int k = 0; k < 4; k++) {
        if ((bits & (1 << k)) != 0) {
          b.append(sep).append(DEP_NAMES.get(k));
          sep = ",";
        }
      }
      b.append(')');
    }
    if (insn instanceof Instruction.Config c) {
      b.append(" dataflow=").append(c.dataflow().keyword());
    } else if (insn instanceof Instruction.Load l) {
      b.append(" desc=").append(l.desc()).append(" dram=").append(dram(l.dramAddr())).append(" buf=")
          .append(buf(l.bufAddr()));
    } else if (insn instanceof Instruction.Store s) {
      b.append(" desc=").append(s.desc()).append(" buf=").append(buf(s.bufAddr())).append(" dram=")
          .append(dram(s.dramAddr()));
    } else if (insn instanceof Instruction.Mac m) {
      b.append(" desc=").append(m.desc()).append(" a=").append(buf(m.a())).append(" b=").append(buf(m.b()))
          .append(" c=").append(buf(m.c()));
    } else if (insn instanceof Instruction.Alu a) {
      b.append(" desc=").append(a.desc()).append(" dst=").append(buf(a.dst())).append(" src1=")
          .append(buf(a.src1())).append(" src2=").append(buf(a.src2()));
    } else if (insn instanceof Instruction.Convert v) {
      b.append(" desc=").append(v.desc()).append(" dst=").append(buf(v.dst())).append(" src=").append(buf(v.src()))
          .append(" bytes=").append(v.bytes());
    }
    return b.toString();
  }

  private static String buf(long v) { return hex(v, 4); }

  private static String dram(long v) { return hex(v, 8); }

  static String hex(long v, int digits) {
    if (v < 0) return Long.toString(v);
    String h = Long.toHexString(v);
    return "0x" + "0".repeat(Math.max(0, digits - h.length())) + h;
  }

  static String padRight(String s, int width) { return s.length() >= width ? s : s + " ".repeat(width - s.length()); }

  static Parsed parse(TokenCursor c) {
    AsmLexer.Token mn = c.atom("an instruction mnemonic");
    Opcode op = null;
    for (Opcode o : Opcode.values()) if (o.mnemonic().equals(mn.text())) op = o;
    if (op == null) {
      throw c.error(mn, "unknown instruction " + mn.shown() + "; expected config, load, store, mac, alu, convert or halt");
    }
    Deps deps = Deps.NONE;
    if (!c.atEnd() && c.peek().text().equals("deps") && !c.atKey()) deps = deps(c);
    Map<String, Function<TokenCursor, Object>> p = new LinkedHashMap<>();
    String owner = op.mnemonic();
    switch (op) {
      case CONFIG -> p.put("dataflow", InstructionSyntax::dataflow);
      case LOAD, STORE -> {
        p.put("desc", k -> k.integer("desc", 0, Integer.MAX_VALUE));
        p.put("buf", k -> k.integer("buf", Integer.MIN_VALUE, Integer.MAX_VALUE));
        p.put("dram", k -> k.integer("dram", Long.MIN_VALUE, Long.MAX_VALUE));
      }
      case MAC, ALU -> {
        p.put("desc", k -> k.integer("desc", 0, Integer.MAX_VALUE));
        for (String s : op == Opcode.MAC ? List.of("a", "b", "c") : List.of("dst", "src1", "src2")) {
          p.put(s, k -> k.integer(s, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
      }
      case CONVERT -> {
        p.put("desc", k -> k.integer("desc", 0, Integer.MAX_VALUE));
        for (String s : List.of("dst", "src", "bytes")) p.put(s, k -> k.integer(s, Integer.MIN_VALUE, Integer.MAX_VALUE));
      }
      case HALT -> { }
    }
    TokenCursor.Pairs v = c.keyValues(owner, p);
    c.expectEnd();
    Instruction insn = switch (op) {
      case CONFIG -> new Instruction.Config(deps, (Dataflow) v.get("dataflow"));
      case LOAD -> new Instruction.Load(deps, v.integer("desc"), v.longValue("dram"), v.integer("buf"));
      case STORE -> new Instruction.Store(deps, v.integer("desc"), v.integer("buf"), v.longValue("dram"));
      case MAC -> new Instruction.Mac(deps, v.integer("desc"), v.integer("a"), v.integer("b"), v.integer("c"));
      case ALU -> new Instruction.Alu(deps, v.integer("desc"), v.integer("dst"), v.integer("src1"), v.integer("src2"));
      case CONVERT -> new Instruction.Convert(deps, v.integer("desc"), v.integer("dst"), v.integer("src"),
          v.integer("bytes"));
      case HALT -> new Instruction.Halt(deps);
    };
    return new Parsed(insn, v.cols());
  }

  private static Deps deps(TokenCursor c) {
    c.next("deps");
    c.expect('(');
    int bits = 0;
    if (c.at(')')) {
      c.expect(')');
      return Deps.NONE;
    }
    while (true) {
      AsmLexer.Token t = c.atom("a dependency flag (" + String.join(", ", DEP_NAMES) + ")");
      int k = DEP_NAMES.indexOf(t.text());
      if (k < 0) {
        throw c.error(t, "unknown dependency flag " + t.shown() + "; expected " + String.join(", ", DEP_NAMES));
      }
      if ((bits & (1 << k)) != 0) throw c.error(t, "dependency flag " + t.text() + " given twice");
      bits |= 1 << k;
      AsmLexer.Token sep = c.next("',' or ')'");
      if (sep.is(')')) return Deps.of(bits);
      if (!sep.is(',')) throw c.error(sep, "expected ',' or ')' in deps(...), found " + sep.shown());
    }
  }

  private static Object dataflow(TokenCursor c) {
    AsmLexer.Token t = c.atom("a dataflow (" + Dataflow.allKeywords() + ")");
    for (Dataflow d : Dataflow.values()) if (d.keyword().equals(t.text())) return d;
    throw c.error(t, "unknown dataflow " + t.shown() + "; expected one of " + Dataflow.allKeywords());
  }
}
