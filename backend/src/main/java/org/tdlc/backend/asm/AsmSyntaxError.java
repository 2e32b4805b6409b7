// A problem at one column of the line being read. Thrown inside the assembler only, caught at the line,
// and turned into a file:line:col diagnostic there, so that the next line is read afresh.
package org.tdlc.backend.asm;

final class AsmSyntaxError extends RuntimeException {
  private final int col;

  AsmSyntaxError(int col, String message) {
    super(message, null, false, false);
    this.col = col;
  }

  int col() { return col; }
}
