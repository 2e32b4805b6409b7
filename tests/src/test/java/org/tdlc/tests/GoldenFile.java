// A golden test file: "// RUN: PIPELINE", then cases split by "// -----". Each case is an IR module
// followed by "// EXPECT:" and the exact expected output as comment lines, or "// EXPECT: unchanged", or
// "// EXPECT-ERROR: text" for a case that must fail with that message. Rendering a file back with actual
// outputs is how the review-then-accept update flow rewrites expectations.
package org.tdlc.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

record GoldenFile(Path path, String header, String pipeline, List<Case> cases) {
  static final String SPLIT = "// -----";
  static final String EXPECT = "// EXPECT:";
  static final String EXPECT_ERROR = "// EXPECT-ERROR:";
  static final String UNCHANGED = "unchanged";

  /** input is the case's text up to its EXPECT line; expected is null when the case has none yet. */
  record Case(int index, String input, String expected, boolean expectsError) {
    String name() {
      for (String line : input.split("\n")) {
        if (line.startsWith("// ") && !line.startsWith("// RUN:")) return line.substring(3).strip();
      }
      return "case " + index;
    }
  }

  static GoldenFile read(Path path) throws IOException {
    String text = Files.readString(path);
    String[] chunks = text.split("\n" + SPLIT + "\n", -1);
    String header = "";
    String pipeline = null;
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < chunks.length; i++) {
      String chunk = chunks[i];
      if (i == 0) {
        int run = chunk.indexOf("// RUN:");
        if (run < 0) throw new IllegalStateException(path + ": the first line must be // RUN: PIPELINE");
        int eol = chunk.indexOf('\n', run);
        pipeline = chunk.substring(run + 7, eol).strip();
        header = chunk.substring(0, eol + 1);
        chunk = chunk.substring(eol + 1);
      }
      cases.add(parseCase(i, chunk));
    }
    return new GoldenFile(path, header, pipeline, cases);
  }

  private static Case parseCase(int index, String chunk) {
    int at = chunk.indexOf(EXPECT_ERROR);
    if (at >= 0) {
      return new Case(index, chunk.substring(0, at), chunk.substring(at + EXPECT_ERROR.length()).strip(), true);
    }
    at = chunk.indexOf(EXPECT);
    if (at < 0) return new Case(index, chunk, null, false);
    String rest = chunk.substring(at + EXPECT.length());
    if (rest.strip().equals(UNCHANGED)) return new Case(index, chunk.substring(0, at), UNCHANGED, false);
    StringBuilder expected = new StringBuilder();
    for (String line : rest.split("\n")) {
      if (line.isBlank()) continue;
      expected.append(line.startsWith("// ") ? line.substring(3) : line.substring(Math.min(2, line.length())))
          .append('\n');
    }
    return new Case(index, chunk.substring(0, at), expected.toString(), false);
  }

  /** The file with each case's expectation replaced by {@code actual.get(i)} (errors stay errors). */
  String render(List<String> actual) {
    StringBuilder b = new StringBuilder(header);
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      if (i > 0) b.append(SPLIT).append('\n');
      b.append(c.input());
      if (!c.input().endsWith("\n")) b.append('\n');
      String a = actual.get(i);
      if (c.expectsError()) {
        b.append(EXPECT_ERROR).append(' ').append(a).append('\n');
      } else if (a.equals(UNCHANGED)) {
        b.append(EXPECT).append(' ').append(UNCHANGED).append('\n');
      } else {
        b.append(EXPECT).append('\n');
        for (String line : a.split("\n")) b.append("// ").append(line).append('\n');
      }
    }
    return b.toString();
  }
}
