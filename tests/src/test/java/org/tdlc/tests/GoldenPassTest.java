// Golden tests of every registered pass (tests/src/test/resources/golden/passes/NAME.tir). On a mismatch
// the actual file is written under tests/target/golden-actual/ with the diff command to review it; after
// review, -Dgolden.update=true accepts it. A case whose pass changes nothing must say "EXPECT: unchanged".
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.text.IrParser;
import org.tdlc.ir.text.IrPrinter;
import org.tdlc.passes.PassInfo;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Passes;
import org.tdlc.passes.Pipeline;
import org.tdlc.passes.PipelineException;

class GoldenPassTest {
  static final Path DIR = Path.of("tests/src/test/resources/golden/passes");
  static final Path ACTUAL = Path.of("tests/target/golden-actual/passes");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");
  static final IrPrinter.Options NO_LOCATIONS = new IrPrinter.Options(false);

  static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".tir")).sorted().toList();
    }
  }

  @Test
  void everyPassHasAGoldenFile() {
    for (PassInfo p : Passes.all()) {
      assertTrue(Files.isRegularFile(DIR.resolve(p.name() + ".tir")), "pass '" + p.name() + "' has no golden file "
          + DIR.resolve(p.name() + ".tir"));
    }
  }

  @TestFactory
  Stream<DynamicTest> golden() throws IOException {
    return files().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> check(path, UPDATE)));
  }

  private static void check(Path path, boolean update) throws IOException {
    GoldenFile file = GoldenFile.read(path);
    List<String> actual = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (GoldenFile.Case c : file.cases()) {
      String got = run(file.pipeline(), c, path);
      actual.add(got);
      if (c.expected() == null) problems.add(c.name() + ": has no EXPECT block yet");
      else if (!c.expected().equals(got)) problems.add(c.name() + ": output differs");
    }
    if (problems.isEmpty()) return;
    if (update) {
      Files.writeString(path, file.render(actual));
      return;
    }
    Files.createDirectories(ACTUAL);
    Path out = ACTUAL.resolve(path.getFileName());
    Files.writeString(out, file.render(actual));
    fail(String.join("\n", problems) + "\nreview with:  diff -u " + path + " " + out
        + "\naccept with:  mvn -B verify -pl tests -am -Dgolden.update=true");
  }

  /** The case's output: printed IR, "unchanged", or the error message of a case that expects one. */
  private static String run(String pipeline, GoldenFile.Case c, Path path) {
    IrModule in = IrParser.parse(c.input(), path.toString());
    String before = IrPrinter.print(in, NO_LOCATIONS);
    try {
      IrModule out = new PassManager(PassManager.Instrumentation.defaults(System.err)
          .withTarget(org.tdlc.frontend.Targets.resolve(null, List.of())))   // the mapping passes map for default
          .run(in, Pipeline.parse(pipeline), new DiagnosticEngine());
      String after = IrPrinter.print(out, NO_LOCATIONS);
      if (c.expectsError()) return "no error; output:\n" + after;
      return after.equals(before) ? GoldenFile.UNCHANGED : after;
    } catch (CompileException | PipelineException e) {
      if (!c.expectsError()) throw e;
      return e instanceof CompileException ce ? ce.diagnostics().get(0).message() : e.getMessage();
    }
  }

  @Test
  void aChangedExpectationIsReported() throws IOException {
    Path tmp = Files.createTempFile("golden", ".tir");
    Files.writeString(tmp, "// RUN: canonicalize\n// dead relu\nmodule attributes {stages = [\"shapes\"]} {\n"
        + "  tdl.model @m {\n    %x = \"tdl.input\"() {name = \"x\"} : () -> tensor<4xi8>\n"
        + "    %r = \"tdl.relu\"(%x) : (tensor<4xi8>) -> tensor<4xi8>\n"
        + "    \"tdl.output\"(%x) {names = [\"x\"]} : (tensor<4xi8>) -> ()\n  }\n}\n// EXPECT: unchanged\n");
    AssertionErrorCatcher.expectFailure(() -> check(tmp, false), "output differs");
    assertEquals(1, GoldenFile.read(tmp).cases().size());
  }
}
