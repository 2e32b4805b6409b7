// The check lines of a generated lit file (one with a "NOTE: CHECK lines generated" line), written from the
// commands' outputs as LLVM's update_test_checks.py does: each case's check lines are its output line by
// line, CHECK on the first line of the file's output and CHECK-NEXT on every other (the "// -----" the runner
// puts between cases included). The runner compares a generated file with what these outputs would write,
// so its expectations are exact, and the review-then-accept update writes exactly that text.
package org.tdlc.tests.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class GeneratedChecks {
  static final String NOTE = "NOTE: CHECK lines generated";
  /** Between the outputs of two cases, as LitRunner joins them. */
  static final String CASE_SEPARATOR = "// -----";
  private static final Pattern LEADER = Pattern.compile("^\\s*(//|;|#)");

  /** One FileCheck RUN line and its command's output for each case. */
  record Outputs(String run, List<String> prefixes, List<String> perCase) {}

  private GeneratedChecks() {}

  static boolean isGenerated(LitFile file) {
    return file.text().lines().anyMatch(l -> LEADER.matcher(l).find() && l.contains(NOTE));
  }

  /**
   * The file's text with each case's check lines (of the runs' prefixes) replaced by its output. The new lines
   * go where the case's first check line was, or after its last non-blank line when it has none yet.
   */
  static String regenerate(LitFile file, List<Outputs> runs) {
    Map<String, List<String>> byPrefix = new LinkedHashMap<>();
    for (Outputs o : runs) {
      if (o.prefixes().size() != 1) {
        throw new IllegalArgumentException("a generated file's RUN line checks exactly one prefix: " + o.run());
      }
      List<String> before = byPrefix.putIfAbsent(o.prefixes().get(0), o.perCase());
      if (before != null && !before.equals(o.perCase())) {
        throw new IllegalArgumentException("two RUN lines checking prefix " + o.prefixes().get(0)
            + " print different outputs; give each its own --check-prefix");
      }
    }
    String[] lines = file.text().split("\n", -1);
    Matcher leader = LEADER.matcher(file.runs().isEmpty() ? "//" : firstRunLine(lines));
    String comment = leader.find() ? leader.group(1) : "//";
    Pattern directive = FileCheck.directiveLine(List.copyOf(byPrefix.keySet()));
    Map<String, Boolean> started = new LinkedHashMap<>();
    List<String> out = new ArrayList<>();
    int k = 0;
    List<String> kept = new ArrayList<>();
    int insertAt = -1;
    for (int i = 0; i <= lines.length; i++) {
      boolean end = i == lines.length;
      if (end || LitFile.SPLIT.matcher(lines[i]).matches()) {
        if (insertAt < 0) insertAt = lastNonBlank(kept) + 1;
        List<String> block = new ArrayList<>();
        for (var e : byPrefix.entrySet()) {
          block.addAll(checkLines(comment, e.getKey(), k, e.getValue().get(k), started));
        }
        kept.addAll(insertAt, block);
        out.addAll(kept);
        if (!end) out.add(lines[i]);
        kept = new ArrayList<>();
        insertAt = -1;
        k++;
      } else if (!byPrefix.isEmpty() && directive.matcher(lines[i]).find()) {
        if (insertAt < 0) insertAt = kept.size();
      } else {
        kept.add(lines[i]);
      }
    }
    return String.join("\n", out);
  }

  /** Case k's check lines for one prefix: the separator before it (k > 0), then its output, line by line. */
  private static List<String> checkLines(String comment, String prefix, int k, String output,
                                         Map<String, Boolean> started) {
    List<String> printed = new ArrayList<>();
    if (k > 0) printed.add(CASE_SEPARATOR);
    if (!output.isEmpty()) {
      String body = output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
      printed.addAll(List.of(body.split("\n", -1)));
    }
    List<String> out = new ArrayList<>();
    for (String line : printed) {
      boolean first = started.put(prefix, true) == null;
      String text = line.stripTrailing();
      if (first) {
        out.add(comment + " " + prefix + ":      " + (text.isEmpty() ? "{{^[ \\t]*$}}" : pattern(text)));
      } else if (line.isEmpty()) {
        out.add(comment + " " + prefix + "-EMPTY:");
      } else {
        out.add(comment + " " + prefix + "-NEXT: " + (text.isEmpty() ? "{{^[ \\t]+$}}" : pattern(text)));
      }
    }
    return out;
  }

  /** The line as a pattern that matches it literally: "{{" and "[[" would open a regex or a variable. */
  static String pattern(String line) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < line.length(); ) {
      if (line.startsWith("{{", i)) {
        b.append("{{\\{\\{}}");
        i += 2;
      } else if (line.startsWith("[[", i)) {
        b.append("{{\\[\\[}}");
        i += 2;
      } else {
        b.append(line.charAt(i++));
      }
    }
    return b.toString();
  }

  private static String firstRunLine(String[] lines) {
    for (String l : lines) if (LitFile.RUN.matcher(l).matches()) return l;
    return "//";
  }

  private static int lastNonBlank(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) if (!lines.get(i).isBlank()) return i;
    return -1;
  }
}
