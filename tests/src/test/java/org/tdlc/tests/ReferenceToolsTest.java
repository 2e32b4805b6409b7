// tdlc beside the reference tools (SCALE-Sim v2, MAESTRO, Timeloop v3) on the layers they were run on
// (validation/reference/, with the commands that produced each figure). The comparison itself is the
// report: docs/validation.md's tables and validation/tdlc/*.csv are what this test computes, so a change
// that moves tdlc's numbers fails here until the page is regenerated (-Dtdlc.updateDocs=true) and its
// prose still says what the tables show. Every compared layer must also do the tool's exact MAC count.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.tests.validation.MaestroComparison;
import org.tdlc.tests.validation.ScaleSimComparison;
import org.tdlc.tests.validation.TimeloopComparison;

class ReferenceToolsTest {
  static final Path PAGE = Path.of("docs/validation.md");
  private static ScaleSimComparison scaleSim;
  private static MaestroComparison maestro;
  private static TimeloopComparison timeloop;

  private static synchronized void compare() {
    if (scaleSim != null) return;
    scaleSim = ScaleSimComparison.run();
    maestro = MaestroComparison.run();
    timeloop = TimeloopComparison.run();
  }

  @Test
  void everyComparedLayerDoesTheToolsMacs() {
    compare();
    List<String> wrong = new ArrayList<>();
    int compared = 0;
    for (var l : scaleSim.layers) {
      compared++;
      check(wrong, "SCALE-Sim " + l.tool().get("config") + " " + l.tool().get("layer"), l.tool().get("macs"),
          l.tdlc().cost().macs());
    }
    for (var l : maestro.layers) {
      compared++;
      check(wrong, "MAESTRO " + l.tool().get("dataflow") + " " + l.tool().get("layer"), l.tool().get("macs_expected"),
          l.tdlc().cost().macs());
    }
    for (var l : maestro.sameMapping) {
      compared++;
      check(wrong, "MAESTRO " + l.tool().get("dataflow") + " " + l.tool().get("layer"), l.tool().get("macs_expected"),
          l.tdlc().cost().macs());
    }
    for (var l : timeloop.layers) {
      compared++;
      check(wrong, "Timeloop " + l.tool().get("layer"), l.tool().get("macs"), l.tdlc().cost().macs());
    }
    assertTrue(compared >= 540, "only " + compared + " layers compared");
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  private static void check(List<String> wrong, String what, String toolMacs, long tdlcMacs) {
    if (Long.parseLong(toolMacs) != tdlcMacs) wrong.add(what + ": the tool counts " + toolMacs + " MACs, tdlc " + tdlcMacs);
  }

  @Test
  void validationPageAndTablesAreCurrent() throws Exception {
    compare();
    GeneratedDocsTest.check(Path.of("validation/tdlc/scalesim.csv"), scaleSim.csv());
    GeneratedDocsTest.check(Path.of("validation/tdlc/maestro.csv"), maestro.csv());
    GeneratedDocsTest.check(Path.of("validation/tdlc/maestro_same_mapping.csv"), maestro.sameMappingCsv());
    GeneratedDocsTest.check(Path.of("validation/tdlc/timeloop.csv"), timeloop.csv());
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    for (var e : Map.of("scalesim", scaleSim.table(), "maestro", maestro.table(), "maestro-agreement",
        maestro.agreement(), "maestro-same", maestro.sameMappingTable(), "maestro-same-agreement",
        maestro.sameMappingAgreement(), "timeloop", timeloop.table()).entrySet()) {
      page = replaceTable(page, e.getKey(), e.getValue());
    }
    GeneratedDocsTest.check(PAGE, page);
  }

  /** The text between {@code <!-- table NAME -->} and {@code <!-- end NAME -->} replaced by {@code table}. */
  private static String replaceTable(String page, String name, String table) {
    String open = "<!-- table " + name + " -->\n";
    String close = "<!-- end " + name + " -->";
    int a = page.indexOf(open);
    int b = page.indexOf(close);
    assertTrue(a >= 0 && b > a, PAGE + " needs the markers " + open.strip() + " and " + close);
    return page.substring(0, a + open.length()) + table + page.substring(b);
  }
}
