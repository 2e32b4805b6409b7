// One model run on several targets: the page compares them first, naming each target, with per-layer and
// total cycles, energy and utilization side by side and a grouped chart whose bars are each run's counts;
// each run keeps its own section, and every id on the page stays unique.
package org.tdlc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tdlc.cli.ReportFixture.byId;
import static org.tdlc.cli.ReportFixture.elements;
import static org.tdlc.cli.ReportFixture.number;
import static org.tdlc.cli.ReportFixture.only;
import static org.tdlc.cli.ReportFixture.withClass;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tdlc.sim.LayerCounters;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class TargetComparisonTest {
  @Test
  void severalTargetsAreComparedSideBySide() throws Exception {
    List<RunReport.ModelRun> runs = List.of(ReportFixture.run("default"), ReportFixture.run("eyeriss"));
    Document doc = ReportFixture.parse(HtmlReport.page(runs));
    Element section = only(withClass(doc.getDocumentElement(), "section", "comparison"), "comparison");
    assertEquals("net: default vs eyeriss", only(elements(section, "h2"), "heading").getTextContent());
    String verdict = elements(section, "p").get(0).getTextContent();
    assertTrue(verdict.startsWith("Fewest cycles: default (" + runs.get(0).sim().total().cycles() + " cycles; eyeriss "),
        verdict);
    double ratio = HtmlReport.millis(runs.get(1)) / HtmlReport.millis(runs.get(0));
    assertTrue(verdict.contains(String.format(Locale.ROOT, " ms; eyeriss %.2fx). ", ratio)), verdict);

    Element table = only(withClass(section, "table", "comparison"), "table");
    assertEquals(List.of("layer", "cycles default", "cycles eyeriss", "energy default", "energy eyeriss",
        "utilization default", "utilization eyeriss"), elements(table, "th").stream().map(Element::getTextContent).toList());
    List<Element> total = elements(only(withClass(table, "tr", "total"), "total"), "td");
    for (int t = 0; t < 2; t++) {
      assertEquals(Long.toString(runs.get(t).sim().total().cycles()), total.get(1 + t).getTextContent());
    }

    Element chart = byId(doc, "compare-cycles-net");
    for (LayerCounters lc : runs.get(0).sim().layers()) {
      Element bar = only(elements(chart, "g").stream().filter(g -> g.getAttribute("data-category").equals(lc.name()))
          .toList(), lc.name());
      List<Element> rects = elements(bar, "rect");
      assertEquals(List.of("default", "eyeriss"), rects.stream().map(r -> r.getAttribute("data-series")).toList());
      for (int t = 0; t < 2; t++) {
        long cycles = runs.get(t).sim().layers().stream().filter(l -> l.name().equals(lc.name())).findFirst()
            .orElseThrow().counters().cycles();
        assertEquals(cycles, number(rects.get(t), "data-value"), lc.name() + " on " + runs.get(t).target());
      }
    }
    assertEquals(2, withClass(doc.getDocumentElement(), "section", "model").size(), "each run keeps its section");
    Set<String> ids = new HashSet<>();
    for (Element e : elements(doc.getDocumentElement(), "*")) {
      if (e.hasAttribute("id")) assertTrue(ids.add(e.getAttribute("id")), "duplicate id " + e.getAttribute("id"));
    }
    for (Element a : elements(doc.getDocumentElement(), "a")) {
      String href = a.getAttribute("href");
      assertTrue(href.startsWith("#") && ids.contains(href.substring(1)), "a link within the page: " + href);
    }
  }

  @Test
  void oneTargetPerModelIsNoComparison() throws Exception {
    Document doc = ReportFixture.parse(HtmlReport.page(List.of(ReportFixture.run("default"))));
    assertTrue(withClass(doc.getDocumentElement(), "section", "comparison").isEmpty());
    assertTrue(elements(doc.getDocumentElement(), "nav").isEmpty(), "no contents for a single section");
  }
}
