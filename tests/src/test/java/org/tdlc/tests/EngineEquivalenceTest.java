// The two simulation engines held together: every model of every example on every built-in target is compiled once and
// simulated by `tdlc sim --engine interp` and `--engine compiled`; the saved outputs must be byte-identical
// and the reports (every counter, per layer and in total) equal, all but the wall-clock times.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.type.StorageFormat;

class EngineEquivalenceTest {
  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> bothEnginesGiveTheSameOutputsAndCounters() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path example : ExamplesTest.examples()) {
      String name = example.getFileName().toString();
      if (name.equals("targets.tdl")) continue;
      for (String model : models(example)) {
        for (Target t : Targets.builtIns()) {
          tests.add(DynamicTest.dynamicTest(name + " " + model + " on " + t.name(), () -> check(example, model, t)));
        }
      }
    }
    return tests.stream();
  }

  private void check(Path example, String model, Target t) throws Exception {
    String name = example.getFileName() + "." + model;
    Path tdlx = dir.resolve(name + "." + t.name() + ".tdlx");
    Tdlc.Result compiled = Tdlc.run("compile", example.toString(), "--model", model, "--target", t.name(),
        "-o", tdlx.toString());
    if (Files.readString(example).contains("format csr") && !t.supports(StorageFormat.CSR)) {
      assertEquals(1, compiled.code(), compiled.toString());   // EndToEndTest checks this error's text
      return;
    }
    assertEquals(0, compiled.code(), compiled.toString());
    Path interpOut = dir.resolve(name + "." + t.name() + ".interp");
    Path compiledOut = dir.resolve(name + "." + t.name() + ".compiled");
    String interp = sim(tdlx, "interp", interpOut);
    String fast = sim(tdlx, "compiled", compiledOut);
    assertTrue(interp.contains("\"macs\""), interp);
    assertEquals(interp, fast, "counters differ between the engines");
    List<Path> files;
    try (Stream<Path> s = Files.list(interpOut)) {
      files = s.sorted().toList();
    }
    assertTrue(!files.isEmpty(), "no outputs saved");
    for (Path f : files) {
      assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(compiledOut.resolve(f.getFileName())),
          f.getFileName() + " differs between the engines");
    }
  }

  /** The names of the models a file defines. */
  private static List<String> models(Path file) throws IOException {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\s*model\\s+(\\w+)").matcher(Files.readString(file));
    while (m.find()) names.add(m.group(1));
    return names;
  }

  /** The sim --json report without its wall-clock times. */
  private static String sim(Path tdlx, String engine, Path outputs) {
    Tdlc.Result r = Tdlc.run("sim", tdlx.toString(), "--json", "--engine", engine, "--save-outputs", outputs.toString());
    assertEquals(0, r.code(), r.toString());
    return r.out().replaceAll("\"time_ms\": \\{[^}]*\\}", "");
  }
}
