// docs/ops.md is generated from the op declarations (OpDocs) and must match them. On a mismatch the test
// writes the generated page to tests/target/generated-docs/ops.md and names the diff to read and the
// command that accepts it: -Dtdlc.updateDocs=true rewrites docs/ops.md (as for docs/passes.md).
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.ops.OpDocs;

class OpDocsTest {
  static final String UPDATE = "tdlc.updateDocs";
  static final String REGENERATE =
      "mvn -B verify -pl tests -am -Dtest=OpDocsTest -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE + "=true";

  @Test
  void opReferenceMatchesTheDeclarations() throws Exception {
    Path page = Path.of(OpDocs.PATH);
    String generated = OpDocs.markdown();
    if (Boolean.getBoolean(UPDATE)) {
      Files.createDirectories(page.getParent());
      Files.writeString(page, generated, StandardCharsets.UTF_8);
      return;
    }
    String actual = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "";
    if (!actual.equals(generated)) {
      Path fresh = Path.of("tests/target/generated-docs/ops.md");
      Files.createDirectories(fresh.getParent());
      Files.writeString(fresh, generated, StandardCharsets.UTF_8);
      assertEquals(generated, actual, page + " is stale: it differs from what the op declarations generate.\n"
          + "See the difference with: diff " + page + " " + fresh + "\n"
          + "then regenerate it with: " + REGENERATE);
    }
  }
}
