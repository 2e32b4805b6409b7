// A diagnostic is a value: severity, location, a message that states the actual values, and notes
// pointing at related places (the earlier definition of a name, the op a pass blamed).
package org.tdlc.ir.diag;

import java.util.List;
import org.tdlc.ir.Location;

public record Diagnostic(Severity severity, Location location, String message, List<Diagnostic> notes) {

  public enum Severity {
    ERROR, WARNING, NOTE;
    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
  }

  public Diagnostic { notes = List.copyOf(notes); }

  public static Diagnostic error(Location at, String message) {
    return new Diagnostic(Severity.ERROR, at, message, List.of());
  }

  public static Diagnostic warning(Location at, String message) {
    return new Diagnostic(Severity.WARNING, at, message, List.of());
  }

  public Diagnostic withNote(Location at, String note) {
    var all = new java.util.ArrayList<>(notes);
    all.add(new Diagnostic(Severity.NOTE, at, note, List.of()));
    return new Diagnostic(severity, location, message, all);
  }

  /** The one-line form: file:line:col: error: message. */
  @Override public String toString() {
    Location.FileLineCol at = location == null ? null : location.primary();
    return (at == null ? "tdlc" : at.toString()) + ": " + severity.label() + ": " + message;
  }
}
