// docs/ops.md is generated from the op declarations (OpDocs) and must match them. On a mismatch the test
// writes the generated page beside it (docs/ops.md.actual) and says how to accept it:
// -Dtdlc.updateDocs=true rewrites docs/ops.md, to be reviewed with git diff.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.ops.OpDocs;

class OpDocsTest {
  static final String UPDATE = "tdlc.updateDocs";

  @Test
  void opReferenceMatchesTheDeclarations() throws Exception {
    Path page = Path.of(OpDocs.PATH);
    String generated = OpDocs.markdown();
    Path actual = Path.of(OpDocs.PATH + ".actual");
    if (Boolean.getBoolean(UPDATE)) {
      Files.writeString(page, generated);
      Files.deleteIfExists(actual);
      return;
    }
    String checkedIn = Files.exists(page) ? Files.readString(page) : "";
    if (checkedIn.equals(generated)) {
      Files.deleteIfExists(actual);
      return;
    }
    Files.writeString(actual, generated);
    fail(OpDocs.PATH + " differs from the op declarations. Review: diff " + page + " " + actual
        + "; accept: mvn -B -q -pl tests -am verify -Dtest=OpDocsTest -Dsurefire.failIfNoSpecifiedTests=false -D"
        + UPDATE + "=true");
  }
}
