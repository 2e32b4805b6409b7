// Seeded property tests of the whole compiler on RandomCompilerCases: `tdlc run` (compile, simulate, compare
// with the reference interpreter bit for bit) succeeds on every built-in target; after every registered pass
// the verifier is green and print -> parse -> print is the identity. A failure prints the seed, the case and
// the replay command; -Dproperty.cases=N runs more, -Dproperty.seed=S replays one.
package org.tdlc.tests.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.frontend.Frontend;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.text.IrParser;
import org.tdlc.ir.text.IrPrinter;
import org.tdlc.ir.verify.Verifier;
import org.tdlc.passes.PassInfo;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Passes;
import org.tdlc.passes.Pipeline;
import org.tdlc.tests.Tdlc;

class CompilerPropertiesTest {
  static final int DEFAULT_CASES = 1000;

  @TempDir Path dir;

  /** The seeds to run: -Dproperty.seed alone, or -Dproperty.cases (default {@code cases}) from a fixed base. */
  static List<Long> seeds(int cases) {
    String replay = System.getProperty("property.seed");
    if (replay != null) return List.of(Long.parseLong(replay));
    int n = Integer.parseInt(System.getProperty("property.cases", Integer.toString(cases)));
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(0x7e57_0000L + i);
    return out;
  }

  static AssertionError failure(String test, RandomCompilerCases.Case c, Object what, Throwable cause) {
    return new AssertionError(c + "\n" + what + "\nreplay: mvn -B -o verify -pl tests -am -Dtest=CompilerPropertiesTest#"
        + test + " -Dproperty.seed=" + c.seed() + " -Dsurefire.failIfNoSpecifiedTests=false", cause);
  }

  /** What one property checks on one case, written at {@code file}. */
  @FunctionalInterface
  interface Property {
    void check(RandomCompilerCases.Case c, Path file) throws Exception;
  }

  /** Runs {@code property} on every seed's case; a failure names the seed and the replay command. */
  void forEachCase(String test, Property property) throws Exception {
    long start = System.nanoTime();
    List<Long> seeds = seeds(DEFAULT_CASES);
    for (long seed : seeds) {
      RandomCompilerCases.Case c = RandomCompilerCases.generate(seed);
      Path file = dir.resolve("case.tdl");
      Files.writeString(file, c.tdl());
      try {
        property.check(c, file);
      } catch (AssertionError | RuntimeException e) {
        throw failure(test, c, e.getMessage(), e);
      }
    }
    System.out.printf("CompilerPropertiesTest.%s: %d cases in %.1f s%n", test, seeds.size(), (System.nanoTime() - start) / 1e9);
  }

  @Test
  void runIsBitExactOnEveryBuiltInTarget() throws Exception {
    forEachCase("runIsBitExactOnEveryBuiltInTarget", (c, file) -> {
      List<String> args = new ArrayList<>(List.of("run", file.toString(), "--target", c.target().name(), "--seed",
          Long.toString(c.seed())));
      if (!c.pipeline().isEmpty()) args.addAll(List.of("--passes", c.pipeline()));
      Tdlc.Result r = Tdlc.run(args.toArray(String[]::new));
      assertTrue(r.code() == 0 && r.out().contains("bit-exact"), () -> "tdlc " + String.join(" ", args) + "\n" + r);
    });
  }

  @Test
  void everyPassKeepsTheVerifierGreenAndTheTextStable() throws Exception {
    forEachCase("everyPassKeepsTheVerifierGreenAndTheTextStable", (c, file) -> {
      IrModule m = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString()).module();
      checkStable(m, "the front end");
      for (PassInfo p : Passes.all()) {
        m = new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(org.tdlc.frontend.Targets.resolve(c.target().name(), List.of())))
            .run(m, Pipeline.parse(p.name()), new DiagnosticEngine());
        checkStable(m, p.name());
      }
    });
  }

  private static void checkStable(IrModule m, String after) {
    assertTrue(Verifier.verify(m).isEmpty(), () -> "verifier after " + after + ": " + Verifier.verify(m));
    for (IrPrinter.Options o : List.of(IrPrinter.Options.DEFAULT, new IrPrinter.Options(false))) {
      String text = IrPrinter.print(m, o);
      assertEquals(text, IrPrinter.print(IrParser.parse(text, "after-" + after + ".ir"), o),
          "print -> parse -> print after " + after);
    }
  }
}
