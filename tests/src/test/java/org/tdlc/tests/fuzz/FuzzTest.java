// The fuzzer: mutated examples and lit files (grammar-aware), mutated .tdlx programs and .npy inputs,
// each read by the API of its kind (FastOracle) or, every 8th, by the whole tdlc command in-process (FuzzOracle),
// with a time limit. 10,000 inputs by default; -Pfuzz runs
// 1,000,000 (-Dfuzz.inputs=N, -Dfuzz.seed=S, -Dfuzz.first=I replay a range). Crashing inputs are saved
// under tests/target/fuzz-crashes/; each one fixed becomes a file in tests/src/test/resources/fuzz/.
package org.tdlc.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class FuzzTest {
  static final Path REGRESSIONS = Path.of("tests/src/test/resources/fuzz");
  static final Path CRASHES = Path.of("tests/target/fuzz-crashes");
  static final long TIMEOUT_SECONDS = 30;
  static final int MAX_REPORTED = 20;
  /** Every COMMAND_EVERY-th input runs through the whole tdlc command (every other one of those deep); the rest
   *  through FastOracle. */
  static final int COMMAND_EVERY = 8;

  @TempDir Path dir;

  @Test
  void mutatedInputsEndInSuccessOrALocatedError() throws Exception {
    long seed = Long.getLong("fuzz.seed", 1);
    long first = Long.getLong("fuzz.first", 0);
    long count = Long.getLong("fuzz.inputs", 10_000);
    FuzzCorpus corpus = new FuzzCorpus(Files.createDirectories(dir.resolve("corpus")));
    FuzzOracle oracle = new FuzzOracle(Files.createDirectories(dir.resolve("run")));
    FastOracle fast = new FastOracle(Files.createDirectories(dir.resolve("fast")));
    Map<FuzzCorpus.Kind, Long> perKind = new EnumMap<>(FuzzCorpus.Kind.class);
    Map<FuzzCorpus.Kind, Long> millisPerKind = new EnumMap<>(FuzzCorpus.Kind.class);
    List<String> problems = new ArrayList<>();
    ExecutorService worker = worker();
    long start = System.nanoTime();
    for (long n = first; n < first + count && problems.size() < MAX_REPORTED; n++) {
      final long i = n;
      if (i > first && (i - first) % 100_000 == 0) System.out.printf("FuzzTest: %d inputs...%n", i - first);
      FuzzCorpus.Input input = corpus.input(seed, i);
      perKind.merge(input.kind(), 1L, Long::sum);
      long t0 = System.nanoTime();
      String problem = runWithTimeout(worker, i % COMMAND_EVERY == 0 ? () -> oracle.check(input, i % (2 * COMMAND_EVERY) == 0)
          : () -> fast.check(input));
      millisPerKind.merge(input.kind(), (System.nanoTime() - t0) / 1_000_000, Long::sum);
      if (problem == null) continue;
      if (problem.startsWith("hang")) worker = worker();
      problems.add(save(input, seed, i, problem));
    }
    worker.shutdownNow();
    long tried = perKind.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("FuzzTest: %d inputs %s in %.1f s (ms per kind %s), %d failing%n", tried, perKind,
        (System.nanoTime() - start) / 1e9, millisPerKind, problems.size());
    if (!problems.isEmpty()) fail(problems.size() + " failing inputs:\n" + String.join("\n\n", problems));
  }

  private static ExecutorService worker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-worker");
      t.setDaemon(true);
      return t;
    });
  }

  /** One check of one input, returning null or the problem. */
  @FunctionalInterface
  interface Check {
    String run() throws IOException;
  }

  private static String runWithTimeout(ExecutorService worker, Check check) throws Exception {
    Future<String> f = worker.submit(() -> {
      try {
        return check.run();
      } catch (OutOfMemoryError e) {
        return "out of memory: " + e;
      } catch (RuntimeException | StackOverflowError e) {
        return "uncaught " + e;
      }
    });
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      worker.shutdownNow();
      return "hang: no result after " + TIMEOUT_SECONDS + " s";
    }
  }

  private static String save(FuzzCorpus.Input input, long seed, long i, String problem) throws IOException {
    Files.createDirectories(CRASHES);
    Path file = CRASHES.resolve("crash-" + seed + "-" + i + "." + input.kind().extension);
    Files.write(file, input.bytes());
    return "input " + i + " saved as " + file + "\n" + problem + "\nreplay: mvn -B -o verify -pl tests -am -Dtest=FuzzTest"
        + " -Dfuzz.seed=" + seed + " -Dfuzz.first=" + i + " -Dfuzz.inputs=1 -Dsurefire.failIfNoSpecifiedTests=false";
  }

  /** Every input that once crashed tdlc, run through both the shallow and the deep command of its kind. */
  @TestFactory
  Stream<DynamicTest> regressions() throws IOException {
    if (!Files.isDirectory(REGRESSIONS)) return Stream.empty();
    List<Path> files;
    try (Stream<Path> s = Files.list(REGRESSIONS)) {
      files = s.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
    }
    return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      Path scratch = Files.createTempDirectory(dir, "regression");  // removed with dir when the factory ends
      FuzzOracle oracle = new FuzzOracle(scratch);
      FuzzCorpus.Input input = new FuzzCorpus.Input(FuzzCorpus.Kind.of(p), Files.readAllBytes(p));
      assertNull(oracle.check(input, false));
      assertNull(oracle.check(input, true));
    }));
  }
}
