// The docs' examples stay true: every `./tdlc ...` line in a code block of README.md or docs/**/*.md runs
// and succeeds, and the output README shows for the quickstart is what it prints. Lines written `tdlc ...` (no "./") are synopses and do not run; a runnable line holds
// plain words only (no quotes, pipes or redirections), as it is split on blanks and run in-process.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmeTest {
  record Shown(Path page, int line, String command) {
    @Override public String toString() { return page + ":" + line + ": " + command; }
  }

  /** The `./tdlc` lines in the code blocks of one page, trailing `# comments` dropped. */
  static List<Shown> commands(Path page) throws Exception {
    List<Shown> commands = new ArrayList<>();
    boolean inCode = false;
    List<String> lines = Files.readAllLines(page);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("```")) inCode = !inCode;
      else if (inCode && line.startsWith("./tdlc ")) {
        commands.add(new Shown(page, i + 1, line.replaceAll("\\s+#.*$", "").strip()));
      }
    }
    return commands;
  }

  @Test
  void everyCommandInTheReadmeRuns() throws Exception {
    List<Shown> commands = commands(Path.of("README.md"));
    assertFalse(commands.isEmpty(), "README shows no ./tdlc command");
    runAll(commands);
  }

  @Test
  void everyCommandInTheDocsRuns() throws Exception {
    List<Shown> commands = new ArrayList<>();
    for (Path page : DocLinksTest.pages()) if (!page.equals(Path.of("README.md"))) commands.addAll(commands(page));
    assertFalse(commands.isEmpty(), "docs/ show no ./tdlc command");
    runAll(commands);
  }

  private static void runAll(List<Shown> commands) {
    for (Shown c : commands) {
      assertTrue(c.command().matches("[^'\"|<>;&`$]*"), c + ": a runnable example must be plain words (no quotes,"
          + " pipes or redirections); write it as `tdlc ...` without ./ if it is only a synopsis");
      String[] args = c.command().substring("./tdlc ".length()).split("\\s+");
      Tdlc.Result r = Tdlc.run(args);
      assertEquals(0, r.code(), c + " failed: " + r + " (args " + Arrays.toString(args) + ")");
    }
  }

  @Test
  void theQuickstartOutputIsWhatRunPrints() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String open = "```text\nmodel mlp on target default";
    int start = readme.indexOf(open);
    assertTrue(start >= 0, "README shows the quickstart's output in a ```text block");
    String shown = readme.substring(start + "```text\n".length(), readme.indexOf("```", start + open.length()));
    Tdlc.Result r = Tdlc.run("run", "examples/quickstart.tdl");
    assertEquals(0, r.code(), r.toString());
    assertEquals(shown, r.out(), "README's quickstart output is stale: paste what ./tdlc run examples/quickstart.tdl prints");
  }

  @Test
  void ciRunsTheReadmeTestCommand() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String ci = Files.readString(Path.of(".ci/run"));
    String testCommand = "mvn -B verify";
    assertFalse(!readme.contains(testCommand + "  ") && !readme.contains(testCommand + "\n"), "README names the test command");
    assertFalse(!ci.contains("\n" + testCommand + "\n"), ".ci/run runs it");
  }
}
