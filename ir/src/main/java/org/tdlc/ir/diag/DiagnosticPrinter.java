// Renders diagnostics the way compilers do: file:line:col: error: message, the source line, a caret.
package org.tdlc.ir.diag;

import java.util.List;
import org.tdlc.ir.Location;

public final class DiagnosticPrinter {
  private final SourceCache sources;

  public DiagnosticPrinter(SourceCache sources) { this.sources = sources; }

  public String render(List<Diagnostic> diagnostics) {
    StringBuilder b = new StringBuilder();
    for (Diagnostic d : diagnostics) render(d, b);
    return b.toString();
  }

  private void render(Diagnostic d, StringBuilder b) {
    b.append(d).append('\n');
    Location.FileLineCol at = d.location() == null ? null : d.location().primary();
    if (at != null) {
      String line = sources.line(at.file(), at.line());
      if (line != null && line.length() <= 300 && line.chars().noneMatch(c -> c < 0x20 && c != '\t')) {
        b.append(line).append('\n');
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < at.col() - 1 && i < line.length(); i++) caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
        b.append(caret).append("^\n");
      }
    }
    for (Diagnostic n : d.notes()) render(n, b);
  }
}
