// README's examples stay true: every `./tdlc ...` line in its code blocks runs and succeeds.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmeTest {
  @Test
  void everyCommandInTheReadmeRuns() throws Exception {
    List<String> commands = new ArrayList<>();
    boolean inCode = false;
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (line.startsWith("```")) inCode = !inCode;
      else if (inCode && line.startsWith("./tdlc ")) commands.add(line.replaceAll("\\s+#.*$", "").strip());
    }
    assertFalse(commands.isEmpty(), "README shows no ./tdlc command");
    for (String c : commands) {
      String[] args = c.substring("./tdlc ".length()).split("\\s+");
      Tdlc.Result r = Tdlc.run(args);
      assertEquals(0, r.code(), c + " failed: " + r + " (args " + Arrays.toString(args) + ")");
    }
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
