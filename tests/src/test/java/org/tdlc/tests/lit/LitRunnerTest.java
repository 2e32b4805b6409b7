// The lit runner failing as it should: a wrong check, a missing and an unexpected diagnostic, a 'not' on a
// command that succeeds. Each failure report must carry the command, the numbered input and a diff. And the
// review-then-accept flow of generated files: the regenerated file for review, then the rewrite on request.
package org.tdlc.tests.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LitRunnerTest {
  static final String MODEL = "model m {\n  input x : i8[2, 2];\n  y = relu(x);\n  output y;\n}\n";

  @TempDir Path dir;

  String fails(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    AssertionError e = assertThrows(AssertionError.class, () -> LitRunner.run(LitFile.read(file), dir));
    assertTrue(e.getMessage().contains("lit test failed: " + file), e.getMessage());
    return e.getMessage();
  }

  void passes(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    LitRunner.run(LitFile.read(file), dir);
  }

  @Test
  void aWrongCheckReportsCommandInputOutputAndDiff() throws Exception {
    String m = fails("wrong.tdl", "// RUN: tdlc check %s | FileCheck %s\n" + MODEL + "// CHECK: tdl.model @m\n"
        + "// CHECK-NEXT: \"tdl.sigmoid\"\n");
    assertTrue(m.contains("command: tdlc check "), m);
    assertTrue(m.contains("   3|   input x : i8[2, 2];"), m);
    assertTrue(m.contains("check line 8: error: CHECK-NEXT: \"tdl.sigmoid\""), m);
    assertTrue(m.contains("--- diff (- check line, + output)\n"), m);
    assertTrue(m.contains("- CHECK-NEXT: \"tdl.sigmoid\""), m);
    assertTrue(m.contains("+     %x = \"tdl.input\"()"), m);
  }

  @Test
  void diagnosticsMissingOrUnexpectedBothFail() throws Exception {
    String bad = "model m {\n  input x : i8[2, 2];\n  y = relu(q);\n  output y;\n}\n";
    passes("ok.tdl", "// RUN: tdlc check %s --verify-diagnostics\n" + bad.replace("relu(q);", "relu(q); // expected-error {{undefined name 'q'}}"));
    String m = fails("unexpected.tdl", "// RUN: tdlc check %s --verify-diagnostics\n" + bad);
    assertTrue(m.contains("unexpected error at line 4: undefined name 'q'"), m);
    m = fails("missing.tdl", "// RUN: tdlc check %s --verify-diagnostics\n// expected-error@+1 {{no such thing}}\n" + MODEL);
    assertTrue(m.contains("expected error at line 3 not produced (comment at line 2): no such thing"), m);
    m = fails("moved.tdl", "// RUN: tdlc check %s --verify-diagnostics\n// expected-error@+2 {{undefined name 'q'}}\n" + bad);
    assertTrue(m.contains("unexpected error at line 5") && m.contains("expected error at line 4 not produced"), m);
  }

  @Test
  void notAndExitCodes() throws Exception {
    String m = fails("not.tdl", "// RUN: not tdlc check %s\n" + MODEL);
    assertTrue(m.contains("exit 0, but the RUN: line says 'not'"), m);
    m = fails("exit.tdl", "// RUN: tdlc check %s\n" + MODEL.replace("relu(x)", "relu(z)"));
    assertTrue(m.contains("exit 1"), m);
    fails("none.tdl", MODEL);
  }

  @Test
  void casesKeepTheirLineNumbersAndOutputsAreJoined() throws Exception {
    passes("split.tdl", "// RUN: tdlc check %s | FileCheck %s\n" + MODEL + "// -----\n"
        + MODEL.replace("model m", "model n") + "// CHECK-LABEL: tdl.model @m\n// CHECK: // -----\n"
        + "// CHECK-LABEL: tdl.model @n\n// CHECK-SAME: {\n");
    LitFile f = LitFile.parse(Path.of("x.tdl"), "a\n// -----\nb\nc\n");
    assertEquals(List.of("a\n\n\n\n", "\n\nb\nc\n"), f.cases());
  }

  @Test
  void runLinesParse() {
    LitRunner.Command c = LitRunner.parse("not tdlc opt %s '--passes=a,b{x=1}' 2>&1 | FileCheck %s --check-prefix=ERR",
        "f.tir", "t");
    assertTrue(c.not() && c.mergeStderr());
    assertEquals(List.of("opt", "f.tir", "--passes=a,b{x=1}"), c.args());
    assertEquals(List.of("ERR"), c.prefixes());
    assertThrows(IllegalArgumentException.class, () -> LitRunner.parse("rm -rf %s", "f", "t"));
    assertThrows(IllegalArgumentException.class, () -> LitRunner.parse("tdlc check %s | grep x", "f", "t"));
  }

  /** A generated file's first case (a dead relu) and its check lines, some missing, then an error case. */
  static final String FIRST = "// RUN: tdlc opt %s --passes=canonicalize --no-locations --verify-diagnostics"
      + " | FileCheck %s\n// " + GeneratedChecks.NOTE + " (a test)\n\n// dead relu\n"
      + "module attributes {stages = [\"shapes\"]} {\n  tdl.model @m {\n"
      + "    %x = \"tdl.input\"() {name = \"x\"} : () -> tensor<4xi8>\n"
      + "    %r = \"tdl.relu\"(%x) : (tensor<4xi8>) -> tensor<4xi8>\n"
      + "    \"tdl.output\"(%x) {names = [\"x\"]} : (tensor<4xi8>) -> ()\n  }\n}\n";
  static final String SECOND = "// -----\n// no shapes yet\n"
      + "// expected-error@unknown {{pass 'canonicalize' requires stage 'shapes'}}\n"
      + "module {\n  tdl.model @n {\n    %x = \"tdl.input\"() {name = \"x\"} : () -> tensor<4xi8>\n"
      + "    \"tdl.output\"(%x) {names = [\"x\"]} : (tensor<4xi8>) -> ()\n  }\n}\n";
  static final String GENERATED = FIRST + "// CHECK:      module attributes {stages = [\"shapes\"]} {\n"
      + "// CHECK-NEXT:   tdl.model @m {\n"
      + "// CHECK-NEXT:     \"tdl.output\"(%x) {names = [\"x\"]} : (tensor<4xi8>) -> ()\n" + SECOND;
  /** What the update writes for {@link #GENERATED}: every output line, and the separator before the error case. */
  static final String REGENERATED = FIRST + "// CHECK:      module attributes {stages = [\"shapes\"]} {\n"
      + "// CHECK-NEXT:   tdl.model @m {\n"
      + "// CHECK-NEXT:     %x = \"tdl.input\"() {name = \"x\"} : () -> tensor<4xi8>\n"
      + "// CHECK-NEXT:     \"tdl.output\"(%x) {names = [\"x\"]} : (tensor<4xi8>) -> ()\n"
      + "// CHECK-NEXT:   }\n// CHECK-NEXT: }\n" + SECOND + "// CHECK-NEXT: // -----\n";

  @Test
  void aGeneratedFileFailsWithTheDiffCommandAndTheUpdateRewritesIt() throws Exception {
    Path file = dir.resolve("gen.tir");
    Path actual = dir.resolve("lit-actual/passes/gen.tir");
    Files.writeString(file, GENERATED);
    AssertionError e = assertThrows(AssertionError.class,
        () -> LitRunner.run(LitFile.read(file), dir, new LitRunner.Update(actual, false)));
    assertTrue(e.getMessage().contains("--- review with:  diff -u " + file + " " + actual), e.getMessage());
    assertTrue(e.getMessage().contains("-Dlit.update=true"), e.getMessage());
    assertEquals(REGENERATED, Files.readString(actual));
    assertEquals(GENERATED, Files.readString(file), "without the update flag the file stays as it is");

    LitRunner.run(LitFile.read(file), dir, new LitRunner.Update(actual, true));
    assertEquals(REGENERATED, Files.readString(file));
    LitRunner.run(LitFile.read(file), dir, new LitRunner.Update(actual, false));   // passes as rewritten
  }

  @Test
  void aGeneratedFileMustMatchExactlyNotJustPassFileCheck() throws Exception {
    passes("exact.tir", REGENERATED);
    String m = fails("loose.tir", REGENERATED.replace("// CHECK-NEXT: // -----\n", ""));
    assertTrue(m.contains("not exactly the output they were generated from"), m);
    assertTrue(m.contains("review with:  diff -u"), m);
  }

  @Test
  void aCaseWithoutChecksGetsThemAndPatternsAreEscaped() {
    LitFile f = LitFile.parse(Path.of("x.tir"), "// RUN: tdlc opt %s | FileCheck %s\n// -----\nb\n\n");
    String out = GeneratedChecks.regenerate(f, List.of(new GeneratedChecks.Outputs("r", List.of("CHECK"),
        List.of("", "x {{y}} [[z]]\n\n"))));
    assertEquals("// RUN: tdlc opt %s | FileCheck %s\n// -----\nb\n// CHECK:      // -----\n"
        + "// CHECK-NEXT: x {{\\{\\{}}y}} {{\\[\\[}}z]]\n// CHECK-EMPTY:\n\n", out);
    assertEquals("a {{\\[\\[}}b", GeneratedChecks.pattern("a [[b"));
  }

  @Test
  void aHandWrittenFileKeepsItsChecksAndItsOutputIsWritten() throws Exception {
    Path file = dir.resolve("hand.tdl");
    Files.writeString(file, "// RUN: tdlc check %s | FileCheck %s\n" + MODEL + "// CHECK: tdl.sigmoid\n");
    Path actual = dir.resolve("hand-actual/hand.tdl");
    AssertionError e = assertThrows(AssertionError.class,
        () -> LitRunner.run(LitFile.read(file), dir, new LitRunner.Update(actual, true)));
    assertTrue(e.getMessage().contains("the output is in " + actual + ".out; the CHECK lines are hand-written"),
        e.getMessage());
    assertTrue(Files.readString(Path.of(actual + ".out")).contains("tdl.model @m"));
    assertTrue(Files.readString(file).endsWith("// CHECK: tdl.sigmoid\n"), "a hand-written file is never rewritten");
  }

  @Test
  void unlocatedErrorsAreExpectedWithAtUnknown() throws Exception {
    String noShapes = "module {\n  tdl.model @n {\n    %x = \"tdl.input\"() {name = \"x\"} : () -> tensor<4xi8>\n"
        + "    \"tdl.output\"(%x) {names = [\"x\"]} : (tensor<4xi8>) -> ()\n  }\n}\n";
    String run = "// RUN: tdlc opt %s --passes=canonicalize --verify-diagnostics\n";
    passes("unknown.tir", run + "// expected-error@unknown {{requires stage 'shapes'}}\n" + noShapes);
    String m = fails("unexpected.tir", run + noShapes);
    assertTrue(m.contains("unexpected error without a location: pass 'canonicalize' requires stage"), m);
    m = fails("missing.tir", run + "// expected-error@unknown {{no such thing}}\n"
        + noShapes.replace("module {", "module attributes {stages = [\"shapes\"]} {"));
    assertTrue(m.contains("expected error without a location not produced (comment at line 2): no such thing"), m);
  }
}
