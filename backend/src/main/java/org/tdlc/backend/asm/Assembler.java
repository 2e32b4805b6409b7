// Reads assembly text (the form Disassembler prints) back into a complete Program. Line-oriented: a bad
// line becomes a file:line:col diagnostic and reading goes on with the next line, so one run reports
// several problems; at the end, values too wide for their binary fields and dangling descriptor, symbol
// or layer references are reported at the line that holds them. The only exception is CompileException.
package org.tdlc.backend.asm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.IsaException;
import org.tdlc.backend.isa.IsaLayout;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.ProgramInfo;
import org.tdlc.backend.isa.ProgramProblem;
import org.tdlc.backend.isa.ProgramStructure;
import org.tdlc.backend.isa.ProgramVerifier;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.Location;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.machine.MachineConfig;

public final class Assembler {
  static final List<String> SECTIONS = List.of(".model", ".pipeline", ".machine", ".dram", ".symbols", ".layers",
      ".formats", ".descriptors", ".text", ".data");

  /** The section after an unknown directive: its lines are skipped rather than misread as another section's. */
  private static final String SKIPPED = "?";

  private record At<T>(T value, int line, int col) {}

  private final String file;
  private final DiagnosticEngine diagnostics = new DiagnosticEngine();
  private final Map<String, Integer> sectionLines = new HashMap<>();
  private final MachineText.Reader machine = new MachineText.Reader();
  private final List<At<Symbol>> symbols = new ArrayList<>();
  private final List<At<Layer>> layers = new ArrayList<>();
  private final List<Descriptor> descriptors = new ArrayList<>();
  /** Where each descriptor's label is, in order. */
  private final List<Location> descriptorAt = new ArrayList<>();
  private final List<At<InstructionSyntax.Parsed>> instructions = new ArrayList<>();
  private final ByteArrayOutputStream data = new ByteArrayOutputStream();
  private At<Long> dramSize;
  private String model = "";
  private String pipeline = "";
  /** .formats: per layer, each weight's storage format. */
  private final Map<String, Map<String, String>> formats = new LinkedHashMap<>();
  private boolean machineOnly;
  private String section;
  private int line;

  private Assembler(String file) { this.file = file; }

  /** The program of an assembly text; CompileException with every located problem when there are any. */
  public static Program parse(String text, String fileName) { return parse(text, fileName, false); }

  /**
   * As parse, then the whole-program checks (ProgramVerifier: byte ranges, tokens, the final halt): each
   * problem is reported at the instruction or descriptor it is about, or at the .text directive.
   */
  public static Program parseVerified(String text, String fileName) { return parse(text, fileName, true); }

  private static Program parse(String text, String fileName, boolean verify) {
    Assembler a = new Assembler(fileName == null ? "<asm>" : fileName);
    a.readLines(text);
    a.diagnostics.throwIfErrors();
    Program p = a.assemble();
    a.diagnostics.throwIfErrors();
    if (!verify) return p;
    for (ProgramProblem problem : ProgramVerifier.check(p)) a.diagnostics.error(a.where(problem), problem.message());
    a.diagnostics.throwIfErrors();
    return p;
  }

  private Location where(ProgramProblem problem) {
    if (problem.instruction() >= 0 && problem.instruction() < instructions.size()) {
      At<InstructionSyntax.Parsed> at = instructions.get(problem.instruction());
      int col = problem.field() == null ? at.col() : at.value().cols().getOrDefault(problem.field(), at.col());
      return Location.of(file, at.line(), col);
    }
    if (problem.descriptor() >= 0 && problem.descriptor() < descriptorAt.size()) {
      return descriptorAt.get(problem.descriptor());
    }
    String section = problem.message().startsWith("machine:") ? ".machine" : ".text";
    return Location.of(file, sectionLines.getOrDefault(section, 1), 1);
  }

  /** Just a machine: the lines of a .machine section's body, as MachineText prints them. */
  public static MachineConfig parseMachine(String text, String fileName) {
    Assembler a = new Assembler(fileName == null ? "<machine>" : fileName);
    a.section = ".machine";
    a.machineOnly = true;
    a.sectionLines.put(".machine", 1);
    a.readLines(text);
    a.diagnostics.throwIfErrors();
    MachineConfig m = a.machineOrReport();
    a.diagnostics.throwIfErrors();
    return m;
  }

  private void readLines(String text) {
    int start = 0;
    line = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      line++;
      readLine(text.substring(start, end));
      if (nl < 0) break;
      start = nl + 1;
    }
  }

  private void readLine(String text) {
    try {
      List<AsmLexer.Token> tokens = AsmLexer.tokenize(text);
      if (tokens.isEmpty()) return;
      TokenCursor c = new TokenCursor(tokens);
      AsmLexer.Token first = tokens.get(0);
      if (first.kind() == AsmLexer.Kind.ATOM && first.text().startsWith(".")) {
        directive(c);
      } else if (section == null) {
        throw c.error(first, "expected a section directive (" + String.join(", ", SECTIONS) + ") before "
            + first.shown());
      } else {
        sectionLine(c);
      }
    } catch (AsmSyntaxError e) {
      diagnostics.error(Location.of(file, line, e.col()), e.getMessage());
    }
  }

  private void directive(TokenCursor c) {
    AsmLexer.Token d = c.atom("a directive");
    if (machineOnly) throw c.error(d, "a machine description holds no directives, found " + d.shown());
    if (!SECTIONS.contains(d.text())) {
      section = SKIPPED;
      throw c.error(d, "unknown directive " + d.shown() + "; expected one of " + String.join(", ", SECTIONS));
    }
    if (sectionLines.containsKey(d.text())) {
      section = SKIPPED;
      throw c.error(d, d.text() + " appears twice (first on line " + sectionLines.get(d.text()) + ")");
    }
    sectionLines.put(d.text(), line);
    section = d.text();
    if (d.text().equals(".dram")) {
      int col = c.col();
      long size = c.integer("the DRAM size in bytes", 0L, 1L << IsaLayout.MAX_DRAM_BITS);
      dramSize = new At<>(size, line, col);
    } else if (d.text().equals(".model")) {
      model = c.name("the model's name");
    } else if (d.text().equals(".pipeline")) {
      pipeline = c.name("the pass pipeline (a quoted string)");
    }
    c.expectEnd();
  }

  private void sectionLine(TokenCursor c) {
    int col = c.col();
    switch (section) {
      case ".machine" -> machine.line(c);
      case ".symbols" -> symbols.add(new At<>(TableSyntax.parseSymbol(c), line, col));
      case ".layers" -> layers.add(new At<>(TableSyntax.parseLayer(c), line, col));
      case ".formats" -> TableSyntax.parseFormat(c, formats);
      case ".descriptors" -> descriptor(c);
      case ".text" -> instructions.add(new At<>(InstructionSyntax.parse(c), line, col));
      case ".data" -> TableSyntax.parseData(c, data);
      case SKIPPED -> { }
      default -> throw c.error(c.peek(), section + " takes no lines; found " + c.peek().shown());
    }
  }

  private void descriptor(TokenCursor c) {
    int col = c.col();
    AsmLexer.Token label = c.atom("a descriptor label dN");
    String expected = "d" + descriptors.size();
    descriptors.add(null);
    descriptorAt.add(Location.of(file, line, col));
    if (!label.text().equals(expected)) {
      throw c.error(label, "expected descriptor label " + expected + ", found " + label.shown()
          + " (descriptors are numbered d0, d1, ... in order)");
    }
    c.expect(':');
    descriptors.set(descriptors.size() - 1, DescriptorSyntax.parse(c));
  }

  private MachineConfig machineOrReport() {
    Integer at = sectionLines.get(".machine");
    if (at == null) {
      diagnostics.error(Location.of(file, 1, 1), "missing .machine section");
      return null;
    }
    List<String> missing = machine.missing();
    if (!missing.isEmpty()) {
      diagnostics.error(Location.of(file, at, 1), ".machine is missing " + String.join(", ", missing));
      return null;
    }
    return machine.build();
  }

  private Program assemble() {
    MachineConfig m = machineOrReport();
    if (dramSize == null) diagnostics.error(Location.of(file, 1, 1), "missing .dram section (the DRAM size in bytes)");
    if (m == null || dramSize == null) return null;
    IsaLayout layout;
    try {
      layout = IsaLayout.of(m, dramSize.value());
    } catch (IsaException e) {
      diagnostics.error(Location.of(file, sectionLines.get(".machine"), 1), e.getMessage());
      return null;
    }
    List<Instruction> insns = new ArrayList<>();
    for (At<InstructionSyntax.Parsed> p : instructions) {
      insns.add(p.value().insn());
      checkFields(layout, p);
    }
    byte[] bytes = data.toByteArray();
    if (bytes.length > dramSize.value()) {
      diagnostics.error(Location.of(file, sectionLines.get(".data"), 1), "the data segment (" + bytes.length
          + " bytes) does not fit in DRAM (" + dramSize.value() + " bytes, set by .dram)");
    }
    for (At<Symbol> s : symbols) {
      String problem = ProgramStructure.symbolProblem(s.value(), dramSize.value());
      if (problem != null) diagnostics.error(Location.of(file, s.line(), s.col()), problem);
    }
    for (At<Layer> l : layers) {
      String problem = ProgramStructure.layerProblem(l.value(), insns.size());
      if (problem != null) diagnostics.error(Location.of(file, l.line(), l.col()), problem);
    }
    return new Program(m, insns, descriptors, bytes, dramSize.value(), symbols.stream().map(At::value).toList(),
        layers.stream().map(At::value).toList(), new ProgramInfo(model, pipeline, formats));
  }

  private void checkFields(IsaLayout layout, At<InstructionSyntax.Parsed> p) {
    Instruction insn = p.value().insn();
    Map<String, Integer> cols = p.value().cols();
    Map<String, Long> values = IsaLayout.operands(insn);
    for (IsaLayout.Field f : layout.fields(insn.opcode())) {
      long v = values.get(f.name());
      if (!f.fits(v)) {
        diagnostics.error(Location.of(file, p.line(), cols.getOrDefault(f.name(), p.col())),
            f.overflowMessage(insn.opcode().mnemonic(), v));
      }
    }
    String d = ProgramStructure.descriptorProblem(insn, descriptors);
    if (d != null) diagnostics.error(Location.of(file, p.line(), cols.getOrDefault("desc", p.col())), d);
  }
}
