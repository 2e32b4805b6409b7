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

  @Test
  void runIsBitExactOnEveryBuiltInTarget() throws Exception {
    long start = System.nanoTime();
    List<Long> seeds = seeds(DEFAULT_CASES);
    for (long seed : seeds) {
      RandomCompilerCases.Case c = RandomCompilerCases.generate(seed);
      Path file = dir.resolve("case.tdl");
      Files.writeString(file, c.tdl());
      List<String> args = new ArrayList<>(List.of("run", file.toString(), "--target", c.target().name(), "--seed",
          Long.toString(seed)));
      if (!c.pipeline().isEmpty()) args.addAll(List.of("--passes", c.pipeline()));
      Tdlc.Result r;
      try {
        r = Tdlc.run(args.toArray(String[]::new));
      } catch (AssertionError | RuntimeException e) {
        throw failure("runIsBitExactOnEveryBuiltInTarget", c, "tdlc " + String.join(" ", args), e);
      }
      if (r.code() != 0 || !r.out().contains("bit-exact")) {
        throw failure("runIsBitExactOnEveryBuiltInTarget", c, "tdlc " + String.join(" ", args) + "\n" + r, null);
      }
    }
    System.out.printf("CompilerPropertiesTest: %d run cases in %.1f s%n", seeds.size(), (System.nanoTime() - start) / 1e9);
  }

  @Test
  void everyPassKeepsTheVerifierGreenAndTheTextStable() throws Exception {
    long start = System.nanoTime();
    List<Long> seeds = seeds(DEFAULT_CASES);
    for (long seed : seeds) {
      RandomCompilerCases.Case c = RandomCompilerCases.generate(seed);
      Path file = dir.resolve("case.tdl");
      Files.writeString(file, c.tdl());
      try {
        IrModule m = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString()).module();
        checkStable(m, "the front end");
        for (PassInfo p : Passes.all()) {
          m = new PassManager(PassManager.Instrumentation.defaults(System.err))
              .run(m, Pipeline.parse(p.name()), new DiagnosticEngine());
          checkStable(m, p.name());
        }
      } catch (AssertionError | RuntimeException e) {
        throw failure("everyPassKeepsTheVerifierGreenAndTheTextStable", c, e.getMessage(), e);
      }
    }
    System.out.printf("CompilerPropertiesTest: %d pass cases in %.1f s%n", seeds.size(), (System.nanoTime() - start) / 1e9);
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
