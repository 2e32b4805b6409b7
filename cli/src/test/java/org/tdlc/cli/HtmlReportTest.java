// The HTML report of one run, read as XML: the cycles plot names the unit that did the work (a pool is the
// vector/ALU unit's, not the PE array's), utilization is drawn against 100%, bytes on a log axis, the table has
// the weights' formats, every mapped layer's loop nest names every index, predictions sit beside the counts
// (and a difference is flagged), the target's levels are summarized, odd names are escaped, no title is clipped.
package org.tdlc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tdlc.cli.ReportFixture.byId;
import static org.tdlc.cli.ReportFixture.elements;
import static org.tdlc.cli.ReportFixture.number;
import static org.tdlc.cli.ReportFixture.only;
import static org.tdlc.cli.ReportFixture.withClass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.MemoryLevel;
import org.tdlc.passes.mapping.Cost;
import org.tdlc.sim.Counters;
import org.tdlc.sim.LayerCounters;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlReportTest {
  private static Document page(RunReport.ModelRun run) throws Exception {
    return ReportFixture.parse(HtmlReport.page(List.of(run)));
  }

  private static Element bar(Element svg, String category) {
    return only(elements(svg, "g").stream().filter(g -> g.getAttribute("data-category").equals(category)).toList(),
        "bar of " + category);
  }

  private static double series(Element bar, String series) {
    return number(only(elements(bar, "rect").stream().filter(r -> r.getAttribute("data-series").equals(series))
        .toList(), series), "data-value");
  }

  @Test
  void cyclesAreChargedToTheUnitThatSpentThem() throws Exception {
    RunReport.ModelRun run = ReportFixture.run("default");
    Element svg = byId(page(run), "plot-cycles-net-default");
    for (LayerCounters lc : run.sim().layers()) {
      Counters c = lc.counters();
      Element bar = bar(svg, lc.name());
      boolean pool = lc.op().equals("maxpool");
      assertEquals(pool, c.macs() == 0, lc.name());
      assertEquals(pool ? 0 : c.computingCycles(), series(bar, HtmlReport.PE_ARRAY), lc.name() + " on the PE array");
      assertEquals(pool ? c.computingCycles() : 0, series(bar, HtmlReport.VECTOR), lc.name() + " on the vector unit");
      assertTrue(c.computingCycles() > 0, lc.name());
      assertEquals(c.transferOnlyCycles(), series(bar, "dram transfers only"), lc.name());
      assertEquals(c.idleCycles(), series(bar, "idle"), lc.name());
    }
  }

  @Test
  void energyIsDrawnInTheUnitOfItsLargestLayer() throws Exception {
    RunReport.ModelRun run = ReportFixture.run("default");
    Element svg = byId(page(run), "plot-energy-net-default");
    double largest = run.sim().layers().stream().mapToDouble(l -> l.counters().energyPj()).max().orElseThrow();
    String unit = RunReport.energy(largest).split(" ")[1];
    assertTrue(elements(svg, "text").stream().anyMatch(t -> t.getTextContent().equals(unit)), unit);
    double pj = Map.of("pJ", 1.0, "nJ", 1e3, "uJ", 1e6).get(unit);
    for (LayerCounters lc : run.sim().layers()) {
      double sum = elements(bar(svg, lc.name()), "rect").stream().mapToDouble(r -> number(r, "data-value")).sum();
      assertEquals(lc.counters().energyPj() / pj, sum, 1e-9 * sum, lc.name());
    }
  }

  @Test
  void utilizationIsDrawnAgainstAHundredPercent() throws Exception {
    RunReport.ModelRun run = ReportFixture.run("default");
    Element svg = byId(page(run), "plot-utilization-net-default");
    List<Element> ticks = withClass(svg, "line", "tick");
    assertEquals(List.of(0.0, 25.0, 50.0, 75.0, 100.0), ticks.stream().map(t -> number(t, "data-value")).toList());
    double zero = number(ticks.get(0), "y1"), full = number(ticks.get(4), "y1");
    for (LayerCounters lc : run.sim().layers()) {
      Element rect = only(elements(bar(svg, lc.name()), "rect"), "utilization bar");
      double fraction = number(rect, "height") / (zero - full);
      assertEquals(lc.counters().utilization(), fraction, 1e-4, lc.name() + ": its height is its share of 100%");
      assertTrue(lc.counters().utilization() < 0.9, "no layer is full, so no bar reaches the top");
    }
  }

  @Test
  void bytesAreDrawnOnALogAxisOfWholeDecades() throws Exception {
    RunReport.ModelRun run = ReportFixture.run("default");
    Element svg = byId(page(run), "plot-bytes-net-default");
    List<Element> ticks = withClass(svg, "line", "tick");
    List<Double> values = ticks.stream().map(t -> number(t, "data-value")).toList();
    for (int i = 0; i < values.size(); i++) {
      double decade = Math.log10(values.get(i));
      assertEquals(Math.rint(decade), decade, 1e-12, values + " are powers of ten");
      if (i > 0) {
        assertEquals(values.get(i - 1) * 10, values.get(i), 1e-6, "one tick per decade");
        double gap = number(ticks.get(i - 1), "y1") - number(ticks.get(i), "y1");
        assertEquals(number(ticks.get(0), "y1") - number(ticks.get(1), "y1"), gap, 0.02, "decades equally spaced");
      }
    }
    Counters total = run.sim().total();
    long fewest = total.levels().stream().mapToLong(l -> Math.min(l.bytesRead(), l.bytesWritten())).min().orElseThrow();
    long most = total.levels().stream().mapToLong(l -> Math.max(l.bytesRead(), l.bytesWritten())).max().orElseThrow();
    assertTrue(values.get(0) <= fewest && fewest < 10 * values.get(0), "the axis starts at the decade of " + fewest);
    assertTrue(values.get(values.size() - 1) >= most && most > values.get(values.size() - 1) / 10, "ends above " + most);
    List<String> ticksText = elements(svg, "text").stream().map(Element::getTextContent).toList();
    assertTrue(ticksText.contains("1K") && ticksText.contains("10K"), "short labels: " + ticksText);
    Element dram = bar(svg, "dram");
    for (Element rect : elements(dram, "rect")) assertTrue(number(rect, "height") > 20, "DRAM stays visible");
  }

  @Test
  void theTableGivesEachLayersWeightFormats() throws Exception {
    RunReport.ModelRun run = ReportFixture.run("default");
    Element table = only(withClass(page(run).getDocumentElement(), "table", "layers"), "layer table");
    List<String> header = elements(table, "th").stream().map(Element::getTextContent).toList();
    int format = header.indexOf("format");
    assertTrue(format > 0, header.toString());
    Map<String, String> shown = new HashMap<>();
    for (Element tr : withClass(table, "tr", "layer")) {
      List<Element> td = elements(tr, "td");
      shown.put(td.get(0).getTextContent(), td.get(format).getTextContent());
    }
    assertEquals(String.join("/", run.sparse().formats().get("y").values()), shown.get("y"));
    assertFalse(shown.get("y").equals("dense"), "the pruned matmul's weights are compressed");
    assertEquals("-", shown.get("p"), "a pool has no weights");
  }

  @Test
  void everyMappedLayerShowsItsLoopNestFoldedWithEveryIndex() throws Exception {
    RunReport.ModelRun run = ReportFixture.run("default");
    Document doc = page(run);
    List<Element> details = withClass(doc.getDocumentElement(), "details", "mapping");
    assertEquals(new ArrayList<>(run.mappings().keySet()), details.stream().map(d -> d.getAttribute("data-layer")).toList());
    for (Element d : details) {
      assertFalse(d.hasAttribute("open"), "folded");
      MappedLayers.Mapped m = run.mappings().get(d.getAttribute("data-layer"));
      String nest = only(elements(d, "pre"), "nest").getTextContent();
      for (String index : m.space().dims()) {
        assertTrue(nest.contains(index + "=" + m.mapping().tileOf(index)), index + " in\n" + nest);
      }
      assertTrue(nest.contains("(Spatial-"), nest);
      assertTrue(only(elements(d, "summary"), "summary").getTextContent().contains("mapper"));
    }
    assertTrue(doc.getDocumentElement().getTextContent().contains("No mapping: run on the vector/ALU unit, not the PE "
        + "array: p."));
  }

  @Test
  void predictionsSitBesideTheCountsAndADifferenceIsLoud() throws Exception {
    RunReport.ModelRun run = ReportFixture.run("default");
    Document doc = page(run);
    Element table = only(withClass(doc.getDocumentElement(), "table", "predictions"), "prediction table");
    List<Element> rows = withClass(table, "tr", "predicted");
    assertEquals(run.predicted().keySet().stream().toList(), rows.stream().map(r -> elements(r, "td").get(0)
        .getTextContent()).toList());
    for (Element r : rows) assertEquals("equal", elements(r, "td").get(7).getTextContent());
    assertTrue(withClass(doc.getDocumentElement(), "p", "alarm").isEmpty());

    Map<String, Cost> off = new HashMap<>(run.predicted());
    Cost c = off.get("y");
    off.put("y", new Cost(c.macs(), c.cycles() + 1, c.energyPj(), c.dramRead(), c.dramWrite(), c.globalRead(),
        c.globalWrite(), c.localBytes(), c.computeCycles(), c.loadCycles(), c.storeCycles(), c.footprint(), c.capacity(),
        c.nIn(), c.nOut(), c.macsSkipped(), c.decodeCycles(), c.convertCycles()));
    Document wrong = page(run.withPredicted(off));
    String alarm = only(withClass(wrong.getDocumentElement(), "p", "alarm"), "alarm").getTextContent();
    assertTrue(alarm.contains("1 layer (y)"), alarm);
    Element bad = only(withClass(wrong.getDocumentElement(), "tr", "predicted bad"), "differing row");
    assertEquals("DIFFERENT cycles " + (c.cycles() + 1) + " vs " + c.cycles(), elements(bad, "td").get(7).getTextContent());
  }

  @Test
  void theTargetSummaryGivesEveryLevelInBothBandwidthUnits() throws Exception {
    RunReport.ModelRun run = ReportFixture.run("default");
    MachineConfig m = run.program().machine();
    Element table = only(withClass(page(run).getDocumentElement(), "table", "target"), "target table");
    List<Element> rows = elements(table, "tr").subList(1, m.levels().size() + 2);
    for (int i = 0; i < m.levels().size(); i++) {
      MemoryLevel l = m.levels().get(i);
      List<String> td = elements(rows.get(i), "td").stream().map(Element::getTextContent).toList();
      assertEquals(l.name(), td.get(0));
      if (l.bandwidth() > 0) {
        double gbs = l.bandwidth() * m.frequencyMhz() * 1e6 / 1e9;
        assertEquals(gbs, Double.parseDouble(td.get(3).replaceAll("[^0-9.]", "")), gbs * 0.005, td.toString());
      }
      assertEquals(l.energyPjPerByte(), Double.parseDouble(td.get(4).replace(" pJ/B", "")), 1e-12);
    }
    List<String> mac = elements(rows.get(m.levels().size()), "td").stream().map(Element::getTextContent).toList();
    assertEquals("mac", mac.get(0));
    assertEquals(m.macEnergyPj(), Double.parseDouble(mac.get(4).replace(" pJ", "")), 1e-12);
  }

  @Test
  void oddNamesAreEscaped() throws Exception {
    RunReport.ModelRun r = ReportFixture.run("default");
    String model = "a<b>&\"c'", target = "t&<u>";
    var odd = new RunReport.ModelRun(model, target, r.program(), r.sim(), r.outputs(), 0, 0, 0, r.predicted(),
        r.sparse(), r.mappings());
    Document doc = page(odd);
    Element h2 = only(elements(doc.getDocumentElement(), "h2"), "heading");
    assertEquals(model + " on " + target, h2.getTextContent());
    assertEquals("plot-cycles-" + model + "-" + target, byId(doc, "plot-cycles-" + model + "-" + target).getAttribute("id"));
  }

  @Test
  void everyChartIsWideEnoughForItsTitle() throws Exception {
    for (Element svg : elements(page(ReportFixture.run("default")).getDocumentElement(), "svg")) {
      Element title = elements(svg, "text").get(0);
      double right = number(title, "x") + title.getTextContent().length() * 7.5;
      assertTrue(number(svg, "width") >= right, svg.getAttribute("id") + ": " + title.getTextContent());
    }
  }
}
