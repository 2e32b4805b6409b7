// The one funnel for diagnostics: everything that reports a problem adds it here, so a run can
// report several errors at once and stop before a flood (binary garbage yields one screen, not ten thousand).
package org.tdlc.ir.diag;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.ir.Location;

public final class DiagnosticEngine {
  public static final int DEFAULT_ERROR_LIMIT = 20;

  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final int errorLimit;
  private int errors;

  public DiagnosticEngine() { this(DEFAULT_ERROR_LIMIT); }
  public DiagnosticEngine(int errorLimit) { this.errorLimit = errorLimit; }

  public void report(Diagnostic d) {
    if (d.severity() == Diagnostic.Severity.ERROR) {
      errors++;
      if (errors > errorLimit) return;
    }
    diagnostics.add(d);
  }

  public void error(Location at, String message) { report(Diagnostic.error(at, message)); }

  public boolean hasErrors() { return errors > 0; }
  public int errorCount() { return errors; }

  /** Everything reported, with a closing note when the limit swallowed some errors. */
  public List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new ArrayList<>(diagnostics);
    if (errors > errorLimit) {
      all.add(new Diagnostic(Diagnostic.Severity.NOTE, Location.UNKNOWN,
          (errors - errorLimit) + " more errors not shown (limit " + errorLimit + ")", List.of()));
    }
    return all;
  }

  /** Throws the collected errors, if there are any. */
  public void throwIfErrors() {
    if (hasErrors()) throw new CompileException(diagnostics());
  }
}
