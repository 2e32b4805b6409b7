// Prints a complete Program as assembly text: the model and pipeline it came from (when known), machine,
// DRAM size, symbols, layers, the weights' formats, descriptors, code and data, each in its section. Deterministic, and Assembler reads it back to an equal program, so the text is
// what --emit=asm shows, what hand-written ISA tests start from and what bug reports quote.
package org.tdlc.backend.asm;

import java.util.List;
import org.tdlc.backend.isa.IsaLayout;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.Symbol;

public final class Disassembler {
  /** Instructions are followed by "; N" (their index) from this column on, for reading verifier messages. */
  static final int INDEX_COLUMN = 64;

  private Disassembler() {}

  /** One instruction in assembly, as in the .text section (used by the simulator's --trace). */
  public static String instruction(Instruction insn) { return InstructionSyntax.print(insn); }

  public static String print(Program p) {
    StringBuilder b = new StringBuilder();
    b.append("; tdlc assembly, ISA version ").append(IsaLayout.ISA_VERSION).append(", target ")
        .append(Strings.name(p.machine().target()))
        .append(String.format(" (fingerprint 0x%016x)", MachineText.fingerprint(p.machine()))).append('\n');
    if (!p.info().model().isEmpty()) b.append(".model ").append(Strings.name(p.info().model())).append('\n');
    if (!p.info().pipeline().isEmpty()) b.append(".pipeline ").append(Strings.quote(p.info().pipeline())).append('\n');
    b.append(".machine\n").append(MachineText.print(p.machine()));
    b.append(".dram ").append(p.dramSize()).append('\n');
    b.append(".symbols\n");
    for (Symbol s : p.symbols()) b.append(TableSyntax.symbol(s)).append('\n');
    b.append(".layers\n");
    for (Layer l : p.layers()) b.append(TableSyntax.layer(l)).append('\n');
    if (!p.info().formats().isEmpty()) {
      b.append(".formats\n");
      p.info().formats().forEach((layer, weights) -> weights.forEach((weight, format) ->
          b.append(TableSyntax.format(layer, weight, format)).append('\n')));
    }
    b.append(".descriptors\n");
    for (int i = 0; i < p.descriptors().size(); i++) {
      b.append('d').append(i).append(": ").append(DescriptorSyntax.print(p.descriptors().get(i))).append('\n');
    }
    b.append(".text\n");
    text(b, p);
    byte[] data = p.dataSegment() == null ? new byte[0] : p.dataSegment();
    b.append(".data ; ").append(data.length).append(" bytes\n");
    TableSyntax.data(b, data);
    return b.toString();
  }

  private static void text(StringBuilder b, Program p) {
    List<Layer> layers = p.layers();
    for (int i = 0; i < p.instructions().size(); i++) {
      for (Layer l : layers) {
        if (l.first() == i) {
          b.append("; layer ").append(Strings.name(l.name())).append(" (").append(Strings.name(l.op())).append(")\n");
        }
      }
      String line = InstructionSyntax.print(p.instructions().get(i));
      b.append(line).append(" ".repeat(Math.max(1, INDEX_COLUMN - line.length()))).append("; ").append(i).append('\n');
    }
  }
}
