// The lit runner failing as it should: a wrong check, a missing and an unexpected diagnostic, a 'not' on a
// command that succeeds. Each failure report must carry the command, the numbered input and a diff.
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
}
