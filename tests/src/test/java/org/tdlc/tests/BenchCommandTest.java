// tdlc bench on the smallest model: every figure the issue asks for is in its JSON, and the text table
// names the model. The real figures come from running it on models/ by hand (docs/benchmarks.md).
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchCommandTest {
  @Test
  void jsonHasEveryFigure() {
    Tdlc.Result r = Tdlc.run("bench", "models/dlrm.tdl", "--json");
    JsonSchema.assertValid("bench models/dlrm.tdl --json", r.out());
    assertEquals(0, r.code(), r.toString());
    for (String key : new String[] {"\"second_thread_gain\"", "\"compile_ms\"", "\"simulate_ms\"", "\"reference_ms\"",
        "\"sim_macs_per_s\"", "\"reference_macs_per_s\"", "\"kernel_macs_per_s\"", "\"sim_ratio\"",
        "\"reference_ratio\"", "\"peak_heap_bytes\"",
        "\"simulate_warm_ms\"", "\"sim_warm_ratio\"", "\"reference_warm_ms\"",
        "\"reference_warm_ratio\"",
        "\"macs\": 2458496", "\"verified\": true"}) {
      assertTrue(r.out().contains(key), key + " missing in\n" + r.out());
    }
    assertEquals("", r.err());
    assertFalse(r.out().contains("compiled"), "the compiled engine is retired: " + r.out());
  }

  @Test
  void textTableNamesTheModel() {
    Tdlc.Result r = Tdlc.run("bench", "models/dlrm.tdl");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("\ndlrm ") && r.out().contains("second thread gains"), r.out());
  }
}
