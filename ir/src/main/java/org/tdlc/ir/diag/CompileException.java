// Carries diagnostics out of a phase that cannot go on (a failed parse, a pass that found an error).
// The CLI prints them and exits 1; nothing else ever reaches the user as a stack trace.
package org.tdlc.ir.diag;

import java.util.List;
import org.tdlc.ir.Location;

public final class CompileException extends RuntimeException {
  private final List<Diagnostic> diagnostics;

  public CompileException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "compilation failed" : diagnostics.get(0).toString(), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public CompileException(Diagnostic d) { this(List.of(d)); }

  public CompileException(Location at, String message) { this(Diagnostic.error(at, message)); }

  public List<Diagnostic> diagnostics() { return diagnostics; }
}
