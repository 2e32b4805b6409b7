// Without --target, a file that itself defines exactly one target runs on it (as the files tdlc import
// scalesim, maestro and timeloop write); a file defining several, or importing its one target from another
// file, runs on the built-in default, and --target still chooses. run, check, explain and compile agree.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnTargetTest {
  static final Path TINY = Path.of("docs/examples/tiny_matmul.tdl");

  @TempDir Path dir;

  private static String runTarget(Path file, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "run";
    args[1] = file.toString();
    args[2] = "--json";
    System.arraycopy(more, 0, args, 3, more.length);
    Tdlc.Result r = Tdlc.run(args);
    assertEquals(0, r.code(), r.toString());
    JsonNode run = Reports.onlyRun(r.out());
    assertTrue(run.get("verified").asBoolean(), r.out());
    return run.get("target").asText();
  }

  private static String checkTarget(Path file) {
    Tdlc.Result r = Tdlc.run("check", file.toString(), "--json");
    assertEquals(0, r.code(), r.toString());
    return Reports.parse(r.out()).get("target").asText();
  }

  @Test
  void aFileWithOneTargetOfItsOwnRunsOnIt() {
    assertEquals("tiny", runTarget(TINY));
    assertEquals("tiny", checkTarget(TINY));
    assertEquals("systolic", runTarget(TINY, "--target", "systolic"));   // --target still chooses
    Tdlc.Result explain = Tdlc.run("explain", TINY.toString(), "--layer", "y", "--json");
    assertEquals(0, explain.code(), explain.toString());
    assertEquals("tiny", Reports.parse(explain.out()).get("target").asText(), explain.out());
    Tdlc.Result asm = Tdlc.run("compile", TINY.toString(), "--emit", "asm");
    Tdlc.Result named = Tdlc.run("compile", TINY.toString(), "--target", "tiny", "--emit", "asm");
    assertEquals(0, asm.code(), asm.toString());
    assertEquals(named.out(), asm.out());
  }

  @Test
  void aFileWithSeveralTargetsRunsOnTheDefault() throws IOException {
    String text = Files.readString(TINY);
    Path two = dir.resolve("two.tdl");
    Files.writeString(two, text + "\n" + text.substring(text.indexOf("target tiny"), text.indexOf("model mm"))
        .replace("target tiny", "target tiny2"));
    assertEquals("default", runTarget(two));
    assertEquals("default", checkTarget(two));
    assertEquals("tiny2", runTarget(two, "--target", "tiny2"));
  }

  @Test
  void aTargetImportedFromAnotherFileIsNotTheFilesOwn() throws IOException {
    String text = Files.readString(TINY);
    Path targets = dir.resolve("targets.tdl"), model = dir.resolve("model.tdl");
    Files.writeString(targets, text.substring(text.indexOf("target tiny"), text.indexOf("model mm")));
    Files.writeString(model, "import \"targets.tdl\";\n\n" + text.substring(text.indexOf("model mm")));
    assertEquals("default", runTarget(model));
    assertEquals("tiny", runTarget(model, "--target", "tiny"));
  }

  @Test
  void aScaleSimImportRunsOnTheTargetItWrote() {
    Path out = dir.resolve("gemm.tdl");
    Tdlc.Result r = Tdlc.run("import", "scalesim", "validation/reference/scalesim/configs/scalesim_32x32_os.cfg",
        "validation/reference/scalesim/topologies/gemm_mnk_tiny.csv", "-o", out.toString(), "--json");
    assertEquals(0, r.code(), r.toString());
    String target = Reports.parse(r.out()).get("target").asText();
    assertEquals(target, runTarget(out));
  }
}
