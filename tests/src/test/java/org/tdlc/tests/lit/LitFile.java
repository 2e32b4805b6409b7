// A lit test file: its RUN: lines (with "\" continuations) and its cases, split at "// -----" (or "; -----"
// in assembly). Each case keeps the file's line numbers (the other cases' lines become blank), so errors and
// expected-error@+N comments speak of the lines a person sees in the file.
package org.tdlc.tests.lit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

record LitFile(Path path, String text, List<String> runs, List<String> cases) {
  static final Pattern RUN = Pattern.compile("^\\s*(?://|;|#)\\s*RUN:(.*)$");
  static final Pattern SPLIT = Pattern.compile("^\\s*(?://|;|#) -----\\s*$");

  static LitFile read(Path path) throws IOException {
    return parse(path, Files.readString(path));
  }

  static LitFile parse(Path path, String text) {
    String[] lines = text.split("\n", -1);
    List<String> runs = new ArrayList<>();
    StringBuilder pending = null;
    for (String line : lines) {
      Matcher m = RUN.matcher(line);
      if (!m.matches()) continue;
      String body = m.group(1).strip();
      boolean more = body.endsWith("\\");
      if (more) body = body.substring(0, body.length() - 1).strip();
      pending = pending == null ? new StringBuilder(body) : pending.append(' ').append(body);
      if (!more) {
        runs.add(pending.toString());
        pending = null;
      }
    }
    if (pending != null) throw new IllegalArgumentException(path + ": the last RUN: line ends with a continuation");
    return new LitFile(path, text, runs, cases(lines));
  }

  /** The cases, each the whole file with every line outside it blanked. */
  private static List<String> cases(String[] lines) {
    List<Integer> splits = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) if (SPLIT.matcher(lines[i]).matches()) splits.add(i);
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int k = 0; k <= splits.size(); k++) {
      int to = k < splits.size() ? splits.get(k) : lines.length;
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) b.append('\n');
        if (i >= from && i < to) b.append(lines[i]);
      }
      out.add(b.toString());
      from = to + 1;
    }
    return out;
  }

  /** The text with line numbers, for failure reports. */
  static String numbered(String text) {
    StringBuilder b = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) continue;
      b.append(String.format("%4d| %s%n", i + 1, lines[i]));
    }
    return b.toString();
  }
}
