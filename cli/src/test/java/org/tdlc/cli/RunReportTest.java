// The verdict a user reads when the simulator and the reference interpreter disagree.
package org.tdlc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.type.ElementType;

class RunReportTest {
  static final Symbol Y = new Symbol("y", Symbol.Kind.OUTPUT, ElementType.I32, List.of(4, 128), 0);
  static final Symbol Z = new Symbol("z", Symbol.Kind.OUTPUT, ElementType.I8, List.of(2), 0);

  @Test
  void aMismatchNamesTheOutputAndTheFirstDifference() {
    var run = new RunReport.ModelRun("mlp", "default", null, null, List.of(
        new RunReport.OutputCheck(Y, false, "1 of 512 elements differ; first at [0, 3]: expected 7, got 8"),
        new RunReport.OutputCheck(Z, true, null)), 0, 0, 0);
    assertFalse(run.verified());
    assertEquals("MISMATCH in output y: 1 of 512 elements differ; first at [0, 3]: expected 7, got 8\n"
        + "verification FAILED: 1 of 2 outputs differ from the reference interpreter\n", RunReport.verdict(run));
  }

  @Test
  void allBitExact() {
    var run = new RunReport.ModelRun("mlp", "default", null, null, List.of(new RunReport.OutputCheck(Y, true, null),
        new RunReport.OutputCheck(Z, true, null)), 0, 0, 0);
    assertEquals("verified: 2 outputs bit-exact\n", RunReport.verdict(run));
  }
}
