// The lit suite: every file under tests/src/test/resources/lit/ is a test (RUN: lines, FileCheck, expected
// diagnostics). Pass tests live in lit/passes/NAME.tir with generated (exact) CHECK lines, and a pass without
// one fails the completeness test, so no pass can change its output unseen. On a mismatch in a generated
// file, the file as its output would regenerate it goes to tests/target/lit-actual/ with the diff command;
// after review, -Dlit.update=true rewrites the file (LitRunner.ACCEPT).
package org.tdlc.tests.lit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tdlc.passes.PassInfo;
import org.tdlc.passes.Passes;

class LitTest {
  static final Path DIR = Path.of("tests/src/test/resources/lit");
  static final Path ACTUAL = Path.of("tests/target/lit-actual");
  static final boolean UPDATE = Boolean.getBoolean("lit.update");

  static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(DIR)) {
      return s.filter(Files::isRegularFile).filter(LitRunner::isLit).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> lit() throws IOException {
    return files().stream().map(p -> DynamicTest.dynamicTest(DIR.relativize(p).toString(), () -> {
      Path scratch = Files.createTempDirectory("lit");
      LitRunner.run(LitFile.read(p), scratch, new LitRunner.Update(ACTUAL.resolve(DIR.relativize(p)), UPDATE));
    }));
  }

  @Test
  void everyPassHasALitTest() throws IOException {
    for (PassInfo p : Passes.all()) {
      Path file = DIR.resolve("passes").resolve(p.name() + ".tir");
      assertTrue(Files.isRegularFile(file), "pass '" + p.name() + "' has no lit test " + file);
      assertTrue(GeneratedChecks.isGenerated(LitFile.read(file)), file + " has no '" + GeneratedChecks.NOTE
          + "' line: a pass's output is checked exactly");
    }
  }

  @Test
  void everyKindOfTestIsPresent() throws IOException {
    for (String kind : List.of("passes", "lowering", "sim", "diagnostics")) {
      assertTrue(files().stream().anyMatch(p -> p.startsWith(DIR.resolve(kind))), "no lit test in " + kind);
    }
  }
}
