// One thing wrong with a Program, with what it is about: an instruction (and which of its operand fields,
// when one is at fault), a descriptor, or neither (the machine, the data segment, a symbol or layer, the
// whole program). Tools that know where each instruction
// and descriptor came from (the assembler) turn it into a located diagnostic; the others print the message.
package org.tdlc.backend.isa;

public record ProgramProblem(String message, int instruction, int descriptor, String field) {
  static ProgramProblem of(String message) { return new ProgramProblem(message, -1, -1, null); }

  static ProgramProblem atInstruction(int i, String message) { return new ProgramProblem(message, i, -1, null); }

  /** The messages alone. */
  public static java.util.List<String> messages(java.util.List<ProgramProblem> problems) {
    return problems.stream().map(ProgramProblem::message).toList();
  }
}
