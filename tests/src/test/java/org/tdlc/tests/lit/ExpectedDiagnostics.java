// --verify-diagnostics: "expected-error@+N {{text}}" comments (also @-N, or none for the comment's own
// line) written next to the line that causes them, compared with the FILE:LINE:COL: error: lines tdlc
// printed. A missing error and an unexpected one both fail, so a diagnostic cannot silently move or vanish.
package org.tdlc.tests.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class ExpectedDiagnostics {
  private static final Pattern EXPECTED = Pattern.compile("expected-error(?:@([+-]\\d+))?\\s*\\{\\{(.*?)\\}\\}");

  /** An expected error: the 1-based line it is expected on and a substring of its message. */
  record Expected(int line, String text, int commentLine) {}

  private ExpectedDiagnostics() {}

  /** The expectations written in {@code source} (whose line numbers are the file's). */
  static List<Expected> parse(String source) {
    List<Expected> out = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = EXPECTED.matcher(lines[i]);
      while (m.find()) {
        int offset = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        out.add(new Expected(i + 1 + offset, m.group(2), i + 1));
      }
    }
    return out;
  }

  /** Problems (empty when none) comparing {@code expected} with the errors about {@code path} in {@code stderr}. */
  static List<String> verify(List<Expected> expected, String path, String stderr) {
    Pattern error = Pattern.compile("^" + Pattern.quote(path) + ":(\\d+):(\\d+): error: (.*)$");
    List<Expected> open = new ArrayList<>(expected);
    List<String> problems = new ArrayList<>();
    for (String text : stderr.split("\n")) {
      Matcher m = error.matcher(text);
      if (!m.matches()) {
        if (text.contains("error: ")) problems.add("an error not located in this file: " + text);
        continue;
      }
      int line = Integer.parseInt(m.group(1));
      String message = m.group(3);
      Expected hit = open.stream().filter(e -> e.line() == line && message.contains(e.text())).findFirst().orElse(null);
      if (hit != null) open.remove(hit);
      else problems.add("unexpected error at line " + line + ": " + message);
    }
    for (Expected e : open) {
      problems.add("expected error at line " + e.line() + " not produced (comment at line " + e.commentLine() + "): "
          + e.text());
    }
    return problems;
  }
}
