// FileCheck in Java, after LLVM's: the check file's PREFIX: lines (CHECK, -NEXT, -SAME, -LABEL, -DAG,
// -NOT, -EMPTY, -COUNT-n) are matched in order against a command's output. Labels are matched first and
// cut the output into blocks that the other directives are matched within, so one wrong function cannot
// make the checks of the next one match in the wrong place.
package org.tdlc.tests.lit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class FileCheck {
  enum Kind { PLAIN, NEXT, SAME, LABEL, DAG, NOT, EMPTY }

  /** One directive of the check file; {@code line} is 1-based in that file. */
  record Directive(Kind kind, String prefix, CheckPattern pattern, int line) {
    String spelling() {
      return prefix + (kind == Kind.PLAIN ? "" : "-" + kind) + ": " + pattern.text();
    }
  }

  /** Why a check failed: the directive (null for file-level problems) and a report a person can act on. */
  record Failure(Directive directive, String message, Map<String, String> vars) {}

  private final String input;
  private final int[] lineStarts;
  private final Map<String, String> vars = new HashMap<>();

  private FileCheck(String input) {
    this.input = input;
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < input.length(); i++) if (input.charAt(i) == '\n') starts.add(i + 1);
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The directives of {@code checkText} for any of {@code prefixes}, COUNT-n expanded into n plain checks. */
  static List<Directive> directives(String checkText, List<String> prefixes) {
    List<Directive> out = new ArrayList<>();
    String[] lines = checkText.split("\n", -1);
    for (String prefix : prefixes) {
      if (!prefix.matches("[A-Za-z][A-Za-z0-9_-]*")) throw new IllegalArgumentException("bad check prefix '" + prefix + "'");
    }
    Pattern p = directiveLine(prefixes);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = p.matcher(lines[i]);
      if (!m.find()) continue;
      String suffix = m.group(2) == null ? "" : m.group(2);
      CheckPattern pattern = CheckPattern.parse(m.group(4).strip());
      if (suffix.startsWith("-COUNT-")) {
        for (int k = 0; k < Integer.parseInt(m.group(3)); k++) out.add(new Directive(Kind.PLAIN, m.group(1), pattern, i + 1));
        continue;
      }
      Kind kind = suffix.isEmpty() ? Kind.PLAIN : Kind.valueOf(suffix.substring(1));
      if (kind != Kind.EMPTY && pattern.text().isEmpty()) {
        throw new IllegalArgumentException("check line " + (i + 1) + ": empty " + m.group(1) + suffix + " pattern");
      }
      out.add(new Directive(kind, m.group(1), pattern, i + 1));
    }
    return out;
  }

  /** Finds a directive of any of {@code prefixes} in a line: prefix, suffix, COUNT's n, pattern text. */
  static Pattern directiveLine(List<String> prefixes) {
    return Pattern.compile("(?<![A-Za-z0-9_-])(" + String.join("|", prefixes)
        + ")(-NEXT|-SAME|-LABEL|-DAG|-NOT|-EMPTY|-COUNT-(\\d+))?:(.*)$");
  }

  /** Checks {@code input} against the directives of {@code checkText}; null when every directive holds. */
  static Failure check(String checkText, String input, List<String> prefixes) {
    List<Directive> directives = directives(checkText, prefixes);
    if (directives.isEmpty()) {
      return new Failure(null, "no check lines with prefix " + String.join(", ", prefixes) + " in the check file", Map.of());
    }
    FileCheck fc = new FileCheck(input);
    try {
      return fc.run(directives);
    } catch (IllegalArgumentException e) {
      return new Failure(null, e.getMessage(), fc.vars);
    }
  }

  private Failure run(List<Directive> directives) {
    List<Integer> labelIdx = new ArrayList<>();
    List<int[]> labelSpans = new ArrayList<>();
    int pos = 0;
    for (int i = 0; i < directives.size(); i++) {
      if (directives.get(i).kind() != Kind.LABEL) continue;
      Matcher m = find(directives.get(i), pos, input.length());
      if (m == null) return notFound(directives.get(i), pos);
      labelIdx.add(i);
      labelSpans.add(new int[] {m.start(), m.end()});
      pos = m.end();
    }
    for (int b = 0; b <= labelIdx.size(); b++) {
      int first = b == 0 ? 0 : labelIdx.get(b - 1) + 1;
      int last = b < labelIdx.size() ? labelIdx.get(b) : directives.size();
      int start = b == 0 ? 0 : labelSpans.get(b - 1)[1];
      int end = b < labelIdx.size() ? labelSpans.get(b)[0] : input.length();
      Failure f = block(directives.subList(first, last), start, end);
      if (f != null) return f;
    }
    return null;
  }

  /** Matches the directives of one label block within [start, end). */
  private Failure block(List<Directive> ds, int start, int end) {
    int pos = start;
    List<Directive> nots = new ArrayList<>();
    for (int i = 0; i < ds.size(); i++) {
      Directive d = ds.get(i);
      switch (d.kind()) {
        case NOT -> nots.add(d);
        case DAG -> {
          int j = i;
          while (j < ds.size() && ds.get(j).kind() == Kind.DAG) j++;
          int[] span = new int[2];
          Failure f = dagGroup(ds.subList(i, j), pos, end, span);
          if (f == null) f = checkNots(nots, pos, span[0]);
          if (f != null) return f;
          nots.clear();
          pos = span[1];
          i = j - 1;
        }
        case EMPTY -> {
          int line = lineOf(pos) + 1;
          if (line >= lineStarts.length || lineEnd(line) != lineStarts[line] || lineStarts[line] > end) {
            return fail(d, "expected an empty line after input line " + (lineOf(pos) + 1), pos);
          }
          Failure f = checkNots(nots, pos, lineStarts[line]);
          if (f != null) return f;
          nots.clear();
          pos = lineStarts[line];
        }
        default -> {
          Matcher m = find(d, pos, end);
          if (m == null) return notFound(d, pos);
          int prevLine = lineOf(pos), line = lineOf(m.start());
          if (d.kind() == Kind.NEXT && line != prevLine + 1) {
            return fail(d, line == prevLine ? "matched on the same line as the previous match, not the next one"
                : "is not on the line after the previous match (found on input line " + (line + 1) + ")", pos);
          }
          if (d.kind() == Kind.SAME && line != prevLine) {
            return fail(d, "is not on the same line as the previous match (found on input line " + (line + 1) + ")", pos);
          }
          Failure f = checkNots(nots, pos, m.start());
          if (f != null) return f;
          nots.clear();
          d.pattern().capture(m, vars);
          pos = m.end();
        }
      }
    }
    return checkNots(nots, pos, end);
  }

  /** Matches CHECK-DAGs in any order, without overlaps; span receives [earliest start, latest end]. */
  private Failure dagGroup(List<Directive> group, int pos, int end, int[] span) {
    List<int[]> taken = new ArrayList<>();
    span[0] = end;
    span[1] = pos;
    for (Directive d : group) {
      int at = pos;
      Matcher m;
      while (true) {
        m = find(d, at, end);
        if (m == null) return notFound(d, pos);
        final int s = m.start(), e = m.end();
        if (taken.stream().noneMatch(t -> s < t[1] && t[0] < e)) break;
        at = Math.max(s + 1, at + 1);
        if (at > end) return notFound(d, pos);
      }
      taken.add(new int[] {m.start(), m.end()});
      d.pattern().capture(m, vars);
      span[0] = Math.min(span[0], m.start());
      span[1] = Math.max(span[1], m.end());
    }
    return null;
  }

  private Failure checkNots(List<Directive> nots, int from, int to) {
    for (Directive d : nots) {
      Matcher m = find(d, from, to);
      if (m != null) return fail(d, "excluded string found in input at line " + (lineOf(m.start()) + 1), m.start());
    }
    return null;
  }

  private Matcher find(Directive d, int from, int to) {
    if (from > to) return null;
    Matcher m = d.pattern().compile(vars).matcher(input);
    m.region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
    return m.find() ? m : null;
  }

  private Failure notFound(Directive d, int pos) {
    return fail(d, "expected string not found in input", pos);
  }

  private Failure fail(Directive d, String why, int pos) {
    return new Failure(d, "check line " + d.line() + ": error: " + d.spelling() + "\n  " + why
        + "\n  scanning from input line " + (lineOf(pos) + 1) + ": " + input.substring(lineStarts[lineOf(pos)],
        lineEnd(lineOf(pos))), Map.copyOf(vars));
  }

  private int lineOf(int offset) {
    int lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) / 2;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private int lineEnd(int line) {
    int nl = input.indexOf('\n', lineStarts[line]);
    return nl < 0 ? input.length() : nl;
  }
}
