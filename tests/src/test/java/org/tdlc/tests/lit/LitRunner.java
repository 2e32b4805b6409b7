// Runs one lit file: each RUN: line is "[not] tdlc ARGS [2>&1] [--verify-diagnostics] [| FileCheck %s
// [--check-prefix=P | --check-prefixes=P,Q]]", executed in-process on every case of the file (%s the case's
// file, %t a scratch path of the case). The cases' outputs, joined by "// -----", go to FileCheck. A failure
// reports the command, the numbered input, the output, FileCheck's verdict and a diff against the check lines;
// for a generated file (GeneratedChecks) it also writes the regenerated file for review, and the update mode
// accepts it.
package org.tdlc.tests.lit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tdlc.tests.Tdlc;

final class LitRunner {
  /** One parsed RUN: line; {@code prefixes} is null when the output is not checked. */
  record Command(boolean not, List<String> args, boolean mergeStderr, boolean verifyDiagnostics, List<String> prefixes) {}

  private LitRunner() {}

  static Command parse(String run, String casePath, String scratch) {
    List<String> tokens = tokens(run.replace("%s", casePath).replace("%t", scratch));
    int pipe = tokens.indexOf("|");
    List<String> head = new ArrayList<>(pipe < 0 ? tokens : tokens.subList(0, pipe));
    boolean not = !head.isEmpty() && head.get(0).equals("not");
    if (not) head.remove(0);
    if (head.isEmpty() || !head.get(0).equals("tdlc")) throw new IllegalArgumentException("RUN: must run tdlc: " + run);
    head.remove(0);
    boolean merge = head.remove("2>&1");
    boolean verify = head.remove("--verify-diagnostics");
    List<String> prefixes = null;
    if (pipe >= 0) {
      List<String> tail = tokens.subList(pipe + 1, tokens.size());
      if (tail.size() < 2 || !tail.get(0).equals("FileCheck") || !tail.get(1).equals(casePath)) {
        throw new IllegalArgumentException("RUN: may only pipe into 'FileCheck %s [--check-prefix=P]': " + run);
      }
      prefixes = List.of("CHECK");
      for (String option : tail.subList(2, tail.size())) {
        if (option.startsWith("--check-prefix=")) prefixes = List.of(option.substring("--check-prefix=".length()));
        else if (option.startsWith("--check-prefixes=")) prefixes = List.of(option.substring(17).split(","));
        else throw new IllegalArgumentException("unknown FileCheck option " + option + " in: " + run);
      }
    }
    return new Command(not, head, merge, verify, prefixes);
  }

  /** Splits on blanks, keeping '...' and "..." together, with "|" a token of its own. */
  static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
        else cur.append(c);
      } else if (c == '\'' || c == '"') {
        quote = c;
        if (cur == null) cur = new StringBuilder();
      } else if (Character.isWhitespace(c) || c == '|') {
        if (cur != null) out.add(cur.toString());
        cur = null;
        if (c == '|') out.add("|");
      } else {
        if (cur == null) cur = new StringBuilder();
        cur.append(c);
      }
    }
    if (quote != 0) throw new IllegalArgumentException("unterminated quote in RUN: " + line);
    if (cur != null) out.add(cur.toString());
    return out;
  }

  /**
   * Where a failing file's actual output goes ({@code actual}: the regenerated file, or its output + ".out"
   * when its checks are hand-written), and whether a generated file is rewritten instead of failing.
   */
  record Update(Path actual, boolean rewrite) {}

  /** How a person accepts the regenerated check lines after reading the diff. */
  static final String ACCEPT = "mvn -B -q -pl tests -am verify -Dtest=LitTest -Dsurefire.failIfNoSpecifiedTests=false"
      + " -Dlit.update=true";

  /** Runs {@code file}, writing a failure's actual output under the scratch directory. */
  static void run(LitFile file, Path scratchDir) throws IOException {
    run(file, scratchDir, new Update(scratchDir.resolve("actual").resolve(file.path().getFileName()), false));
  }

  /**
   * Runs every RUN: line of {@code file}; throws an AssertionError with the full report on a failure. A
   * generated file must also be exactly what its outputs generate; when it is not, the regenerated file goes
   * to {@code update.actual()} for review, or replaces the file when {@code update.rewrite()}.
   */
  static void run(LitFile file, Path scratchDir, Update update) throws IOException {
    if (file.runs().isEmpty()) throw new AssertionError("lit test failed: " + file.path() + ": no RUN: line");
    List<Path> casePaths = casePaths(file, scratchDir);
    List<GeneratedChecks.Outputs> checked = new ArrayList<>();
    AssertionError mismatch = null;
    String mismatchOutput = null;
    for (String run : file.runs()) {
      List<String> outputs = new ArrayList<>();
      Command last = null;
      for (int k = 0; k < casePaths.size(); k++) {
        String casePath = casePaths.get(k).toString();
        Command cmd = parse(run, casePath, scratchDir.resolve("case" + k + ".tmp").toString());
        Tdlc.Result r = Tdlc.run(cmd.args().toArray(String[]::new));
        String problem = exitProblem(cmd, r, file.cases().get(k), casePath);
        if (problem != null) throw failure(file, run, cmd, k, r.toString(), problem, "");
        outputs.add(withNewline(r.out() + (cmd.mergeStderr() ? r.err() : "")));
        last = cmd;
      }
      if (last.prefixes() == null) continue;
      checked.add(new GeneratedChecks.Outputs(run, last.prefixes(), outputs));
      String output = String.join(GeneratedChecks.CASE_SEPARATOR + "\n", outputs);
      FileCheck.Failure f = FileCheck.check(file.text(), output, last.prefixes());
      if (f != null && mismatch == null) {
        mismatch = failure(file, run, last, -1, output, f.message(), diff(file, last.prefixes(), f.vars(), output));
        mismatchOutput = output;
      }
    }
    if (!GeneratedChecks.isGenerated(file)) {
      if (mismatch == null) return;
      Path out = Path.of(update.actual() + ".out");
      write(out, mismatchOutput);
      throw new AssertionError(mismatch.getMessage() + "--- the output is in " + out
          + "; the CHECK lines are hand-written"
          + (update.rewrite() ? " (the update rewrites only files with a '" + GeneratedChecks.NOTE + "' line)" : ""));
    }
    String regenerated = GeneratedChecks.regenerate(file, checked);
    if (mismatch == null && regenerated.equals(file.text())) return;
    if (update.rewrite()) {
      write(file.path(), regenerated);
      System.err.println("lit: rewrote the CHECK lines of " + file.path());
      return;
    }
    write(update.actual(), regenerated);
    String review = "--- review with:  diff -u " + file.path() + " " + update.actual()
        + "\n--- accept with:  " + ACCEPT;
    throw new AssertionError((mismatch != null ? mismatch.getMessage() : "lit test failed: " + file.path()
        + "\nthe output passes the CHECK lines but is not exactly the output they were generated from (extra lines,"
        + " or check lines edited by hand)\n") + review);
  }

  private static void write(Path path, String text) throws IOException {
    if (path.getParent() != null) Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

  private static List<Path> casePaths(LitFile file, Path scratchDir) throws IOException {
    if (file.cases().size() == 1) return List.of(file.path());
    List<Path> out = new ArrayList<>();
    for (int k = 0; k < file.cases().size(); k++) {
      Path p = scratchDir.resolve("case" + k).resolve(file.path().getFileName());
      Files.createDirectories(p.getParent());
      Files.writeString(p, file.cases().get(k));
      out.add(p);
    }
    return out;
  }

  /** Null when the exit code and the diagnostics are what the RUN: line promises. */
  private static String exitProblem(Command cmd, Tdlc.Result r, String source, String casePath) {
    if (r.code() == 3) return "internal error (exit 3)";
    if (cmd.verifyDiagnostics()) {
      List<ExpectedDiagnostics.Expected> expected = ExpectedDiagnostics.parse(source);
      List<String> problems = ExpectedDiagnostics.verify(expected, casePath, r.err());
      if (!problems.isEmpty()) return "diagnostics differ:\n  " + String.join("\n  ", problems);
      int want = expected.isEmpty() ? 0 : 1;
      return r.code() == want ? null : "exit " + r.code() + ", expected " + want;
    }
    if (cmd.not()) return r.code() != 0 ? null : "exit 0, but the RUN: line says 'not'";
    return r.code() == 0 ? null : "exit " + r.code();
  }

  private static String withNewline(String s) { return s.isEmpty() || s.endsWith("\n") ? s : s + "\n"; }

  private static AssertionError failure(LitFile file, String run, Command cmd, int caseIndex, String output,
                                        String why, String diff) {
    return new AssertionError("lit test failed: " + file.path() + "\nRUN: " + run + "\ncommand: tdlc "
        + String.join(" ", cmd.args()) + (caseIndex >= 0 ? "  (case " + caseIndex + ")" : "  (all cases)")
        + "\n--- input\n" + LitFile.numbered(caseIndex >= 0 ? file.cases().get(caseIndex) : file.text())
        + "--- output\n" + output + "\n--- verdict\n" + why + "\n" + (diff.isEmpty() ? "" : "--- diff (- check line, + output)\n" + diff));
  }

  private static String diff(LitFile file, List<String> prefixes, Map<String, String> vars, String output) {
    List<FileCheck.Directive> expected = FileCheck.directives(file.text(), prefixes).stream()
        .filter(d -> d.kind() != FileCheck.Kind.NOT).toList();
    return LineDiff.diff(expected, FileCheck.Directive::spelling, List.of(output.split("\n", -1)), (d, line) -> {
      if (d.kind() == FileCheck.Kind.EMPTY) return line.isEmpty();
      try {
        return d.pattern().compile(vars).matcher(line).find();
      } catch (IllegalArgumentException e) {
        return line.contains(d.pattern().text());
      }
    });
  }

  static boolean isLit(Path p) {
    return Pattern.matches(".*\\.(tdl|tir|s)$", p.getFileName().toString());
  }
}
