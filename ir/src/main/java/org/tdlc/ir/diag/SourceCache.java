// The text of every source file read in this run, so diagnostics can show the offending line and a caret.
package org.tdlc.ir.diag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

public final class SourceCache {
  private final Map<String, String[]> lines = new HashMap<>();

  public void put(String file, String text) { lines.put(file, text.split("\r?\n", -1)); }

  /** The 1-based line of a file, or null when the file is unknown or unreadable. */
  public String line(String file, int line) {
    String[] ls = lines.computeIfAbsent(file, f -> {
      try {
        return new String(Files.readAllBytes(Path.of(f)), StandardCharsets.UTF_8).split("\r?\n", -1);
      } catch (IOException | RuntimeException e) {
        return new String[0];
      }
    });
    return line >= 1 && line <= ls.length ? ls[line - 1] : null;
  }
}
