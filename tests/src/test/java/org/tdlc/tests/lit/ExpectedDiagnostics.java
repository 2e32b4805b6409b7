// --verify-diagnostics: "expected-error@+N {{text}}" comments (also @-N, or none for the comment's own
// line) written next to the line that causes them, compared with the FILE:LINE:COL: error: lines tdlc
// printed; "expected-error@unknown" (as in MLIR) is an error without a location ("tdlc: error: ..."). A
// missing error and an unexpected one both fail, so a diagnostic cannot silently move or vanish.
package org.tdlc.tests.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class ExpectedDiagnostics {
  private static final Pattern EXPECTED = Pattern.compile("expected-error(?:@([+-]\\d+|unknown))?\\s*\\{\\{(.*?)\\}\\}");
  private static final Pattern UNLOCATED = Pattern.compile("^tdlc: error: (.*)$");
  /** The line of an expected-error@unknown. */
  static final int UNKNOWN = -1;

  /** An expected error: the 1-based line it is expected on ({@link #UNKNOWN}: none) and a substring of its message. */
  record Expected(int line, String text, int commentLine) {}

  private ExpectedDiagnostics() {}

  /** The expectations written in {@code source} (whose line numbers are the file's). */
  static List<Expected> parse(String source) {
    List<Expected> out = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = EXPECTED.matcher(lines[i]);
      while (m.find()) {
        String at = m.group(1);
        int line = at == null ? i + 1 : at.equals("unknown") ? UNKNOWN : i + 1 + Integer.parseInt(at);
        out.add(new Expected(line, m.group(2), i + 1));
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
      Matcher unlocated = UNLOCATED.matcher(text);
      int line;
      String message;
      if (m.matches()) {
        line = Integer.parseInt(m.group(1));
        message = m.group(3);
      } else if (unlocated.matches()) {
        line = UNKNOWN;
        message = unlocated.group(1);
      } else {
        if (text.contains("error: ")) problems.add("an error not located in this file: " + text);
        continue;
      }
      Expected hit = open.stream().filter(e -> e.line() == line && message.contains(e.text())).findFirst().orElse(null);
      if (hit != null) open.remove(hit);
      else problems.add(line == UNKNOWN ? "unexpected error without a location: " + message
          : "unexpected error at line " + line + ": " + message);
    }
    for (Expected e : open) {
      problems.add("expected error " + (e.line() == UNKNOWN ? "without a location" : "at line " + e.line())
          + " not produced (comment at line " + e.commentLine() + "): " + e.text());
    }
    return problems;
  }
}
