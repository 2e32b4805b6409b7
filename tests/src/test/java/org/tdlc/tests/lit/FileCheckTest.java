// FileCheck's own tests: every directive both passing and failing, regexes, captures, prefixes, and that a
// failure names the check line and why. A FileCheck that never fails would make every lit test pass.
package org.tdlc.tests.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FileCheckTest {
  static final String OUT = "module {\n  %a = add %x, %y\n  %b = mul %a, %a\n\n  ret %b\n}\nfunc @g\n  %c = sub %x\n  ret %c\n";

  static FileCheck.Failure check(String checks) { return FileCheck.check(checks, OUT, List.of("CHECK")); }

  static void passes(String checks) {
    FileCheck.Failure f = check(checks);
    assertNull(f, () -> "expected a match for\n" + checks + "\n" + f.message());
  }

  static String fails(String checks, String why) {
    FileCheck.Failure f = check(checks);
    assertNotNull(f, "expected a failure for\n" + checks);
    assertTrue(f.message().contains(why), f.message());
    return f.message();
  }

  @Test
  void plainChecksMatchInOrder() {
    passes("// CHECK: %a = add\n// CHECK: ret %b\n");
    fails("// CHECK: ret %b\n// CHECK: %a = add\n", "expected string not found");
    passes("// CHECK: add    %x,\t%y\n");  // whitespace runs match any run
    String m = fails("// CHECK: module\n// CHECK: nowhere\n", "check line 2: error: CHECK: nowhere");
    assertTrue(m.contains("scanning from input line 1"), m);
  }

  @Test
  void nextSameAndEmpty() {
    passes("// CHECK: %a = add\n// CHECK-NEXT: %b = mul\n// CHECK-SAME: %a, %a\n// CHECK-EMPTY:\n// CHECK-NEXT: ret %b\n");
    fails("// CHECK: module\n// CHECK-NEXT: %b = mul\n", "is not on the line after the previous match");
    fails("// CHECK: %a = add\n// CHECK-SAME: mul\n", "is not on the same line");
    fails("// CHECK: module\n// CHECK-EMPTY:\n", "expected an empty line");
    fails("// CHECK: %a = add\n// CHECK-NEXT: %x, %y\n", "same line as the previous match");
  }

  @Test
  void notIsCheckedBetweenItsNeighbours() {
    passes("// CHECK: %a = add\n// CHECK-NOT: sub\n// CHECK: ret %b\n");
    fails("// CHECK: module\n// CHECK-NOT: mul\n// CHECK: ret %b\n", "excluded string found in input at line 3");
    fails("// CHECK: ret %b\n// CHECK-NOT: sub\n", "excluded string found");
    passes("// CHECK: ret %c\n// CHECK-NOT: sub\n");
  }

  @Test
  void dagMatchesInAnyOrderWithoutOverlap() {
    passes("// CHECK-DAG: %b = mul\n// CHECK-DAG: %a = add\n// CHECK: ret %b\n");
    fails("// CHECK-DAG: ret\n// CHECK-DAG: ret\n// CHECK-DAG: ret\n// CHECK-DAG: ret\n// CHECK-DAG: ret\n", "CHECK-DAG: ret");
    passes("// CHECK-DAG: ret\n// CHECK-DAG: ret\n");
    fails("// CHECK-DAG: mul\n// CHECK-DAG: add\n// CHECK-NOT: ret %b\n// CHECK: mul\n", "expected string not found");
  }

  @Test
  void labelsCutTheInputIntoBlocks() {
    passes("// CHECK-LABEL: module\n// CHECK: ret\n// CHECK-LABEL: func @g\n// CHECK: ret %c\n");
    // Without the label, "CHECK: sub" would be found in @g; with it, the block of module must hold it.
    fails("// CHECK-LABEL: module\n// CHECK: sub\n// CHECK-LABEL: func @g\n", "CHECK: sub");
    fails("// CHECK-LABEL: func @nope\n", "CHECK-LABEL: func @nope");
  }

  @Test
  void regexesAndCaptures() {
    passes("// CHECK: %{{[a-z]}} = add\n// CHECK: ret %{{.*}}\n");
    passes("// CHECK: %[[V:[a-z]+]] = add\n// CHECK-NEXT: mul %[[V]], %[[V]]\n");
    fails("// CHECK: %[[V:[a-z]+]] = mul\n// CHECK: ret %[[V]]\n// CHECK: ret %[[V]]\n", "CHECK: ret %[[V]]");
    passes("// CHECK: %[[R:.]] = add %[[X:.]]\n// CHECK: sub %[[X]]\n");
    fails("// CHECK: ret %[[W]]\n", "undefined variable [[W]]");
    passes("// CHECK: {{^}}}\n");
    passes("// CHECK: %b = mul %[[Q:.]], %[[Q]]\n");
  }

  @Test
  void countAndPrefixes() {
    passes("// CHECK-COUNT-2: ret\n");
    fails("// CHECK-COUNT-3: ret\n", "CHECK: ret");
    assertNull(FileCheck.check("// OTHER: func @g\n// CHECK: nowhere\n", OUT, List.of("OTHER")));
    assertNull(FileCheck.check("// A: module\n// B: func @g\n", OUT, List.of("A", "B")));
    assertNotNull(FileCheck.check("// CHECKX: module\n", OUT, List.of("CHECK")), "no directive is a failure");
    assertNull(FileCheck.check("// XCHECK: nowhere\n// CHECK: module\n", OUT, List.of("CHECK")), "XCHECK is not CHECK");
  }

  @Test
  void malformedCheckFilesAreReported() {
    assertThrows(IllegalArgumentException.class, () -> FileCheck.directives("// CHECK: {{oops\n", List.of("CHECK")));
    assertThrows(IllegalArgumentException.class, () -> FileCheck.directives("// CHECK-NEXT:\n", List.of("CHECK")));
    assertThrows(IllegalArgumentException.class, () -> FileCheck.directives("// CHECK: [[1x:.]]\n", List.of("CHECK")));
  }

  @Test
  void theDiffShowsMissingAndNewLines() {
    String d = LineDiff.diff(List.of("a", "b", "c"), s -> s, List.of("a", "x", "c"), String::equals);
    assertEquals("  a\n+ x\n- b\n  c\n", d);
  }
}
