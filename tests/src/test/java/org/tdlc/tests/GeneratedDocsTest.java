// Generated documentation stays generated: docs/passes.md is what the pass registry renders (PassDocs),
// docs/ops.md what the op declarations render (OpDocs), and the first `text` block of each docs/commands/NAME.md is what `tdlc NAME --help` prints. A stale
// page fails with the diff command and how to regenerate it after reading the difference.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.ops.OpDocs;
import org.tdlc.passes.PassDocs;

class GeneratedDocsTest {
  static final String UPDATE = "tdlc.updateDocs";
  static final String REGENERATE =
      "mvn -B verify -pl tests -am -Dtest=GeneratedDocsTest -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE + "=true";
  static final List<String> COMMANDS =
      List.of("run", "compile", "sim", "check", "opt", "interp", "explain", "asm", "disasm", "targets", "bench",
          "import", "export");
  private static final String FENCE = "```text\n";

  @Test
  void passesPageMatchesTheRegistry() throws Exception {
    check(Path.of("docs/passes.md"), PassDocs.render());
  }

  @Test
  void opReferenceMatchesTheDeclarations() throws Exception {
    check(Path.of(OpDocs.PATH), OpDocs.markdown());
  }

  @Test
  void commandPagesShowTheCurrentHelp() throws Exception {
    for (String command : COMMANDS) {
      Path page = Path.of("docs/commands/" + command + ".md");
      Tdlc.Result help = Tdlc.run(command, "--help");
      assertEquals(0, help.code(), help.toString());
      String text = help.out().lines().map(String::stripTrailing).collect(Collectors.joining("\n", "", "\n"));
      String current = Files.readString(page, StandardCharsets.UTF_8);
      int open = current.indexOf(FENCE);
      int close = open < 0 ? -1 : current.indexOf("\n```\n", open + FENCE.length() - 1);
      assertTrue(close > 0, page + " needs a ```text block holding `tdlc " + command + " --help`");
      check(page, current.substring(0, open + FENCE.length()) + text + current.substring(close + 1));
    }
  }

  static void check(Path page, String generated) throws Exception {
    if (Boolean.getBoolean(UPDATE)) {
      Files.createDirectories(page.getParent());
      Files.writeString(page, generated, StandardCharsets.UTF_8);
      return;
    }
    String actual = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "";
    if (!actual.equals(generated)) {
      Path fresh = Path.of("tests/target/generated-docs").resolve(page.getFileName());
      Files.createDirectories(fresh.getParent());
      Files.writeString(fresh, generated, StandardCharsets.UTF_8);
      assertEquals(generated, actual, page + " is stale: it differs from what the declarations generate.\n"
          + "See the difference with: diff " + page + " " + fresh + "\n"
          + "then regenerate it with: " + REGENERATE);
    }
  }
}
