// The roofline plot: one point per layer that issued MACs, at the intensity and throughput computed here from
// the simulator's counters, placed where the plot's own log-scale ticks say those values lie; the flat roof at
// the PE count and the slanted one at DRAM's bandwidth.
package org.tdlc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tdlc.cli.ReportFixture.byId;
import static org.tdlc.cli.ReportFixture.number;
import static org.tdlc.cli.ReportFixture.only;
import static org.tdlc.cli.ReportFixture.withClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdlc.sim.Counters;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.LevelCounters;
import org.w3c.dom.Element;

class RooflineTest {
  /** Where v lies on an axis whose ticks (values and positions) are given: log-linear between two of them. */
  private static double position(List<Element> ticks, String at, double v) {
    Element a = ticks.get(0), b = ticks.get(ticks.size() - 1);
    double fa = Math.log10(number(a, "data-value")), fb = Math.log10(number(b, "data-value"));
    return number(a, at) + (Math.log10(v) - fa) / (fb - fa) * (number(b, at) - number(a, at));
  }

  @Test
  void aPointPerMacLayerWhereItsCountersPutIt() throws Exception {
    for (String target : List.of("default", "eyeriss")) {
      RunReport.ModelRun run = ReportFixture.run(target);
      Element svg = byId(ReportFixture.parse(HtmlReport.page(List.of(run))), "plot-roofline-net-" + target);
      List<Element> xTicks = withClass(svg, "line", "xtick"), yTicks = withClass(svg, "line", "tick");
      List<Element> points = withClass(svg, "circle", "layer");
      List<LayerCounters> macLayers = run.sim().layers().stream().filter(l -> l.counters().macs() > 0).toList();
      assertEquals(macLayers.stream().map(LayerCounters::name).toList(),
          points.stream().map(p -> p.getAttribute("data-layer")).toList(), target + ": the MAC layers, not the pool");
      for (int i = 0; i < points.size(); i++) {
        Counters c = macLayers.get(i).counters();
        LevelCounters dram = c.levels().get(0);
        double issued = c.macs() - c.macsSkipped();
        double intensity = issued / (dram.bytesRead() + dram.bytesWritten());
        double perCycle = issued / c.cycles();
        Element p = points.get(i);
        assertEquals(intensity, number(p, "data-intensity"), intensity * 1e-12);
        assertEquals(perCycle, number(p, "data-macs-per-cycle"), perCycle * 1e-12);
        assertEquals(position(xTicks, "x1", intensity), number(p, "cx"), 0.02, "x of " + p.getAttribute("data-layer"));
        assertEquals(position(yTicks, "y1", perCycle), number(p, "cy"), 0.02, "y of " + p.getAttribute("data-layer"));
        assertTrue(p.getElementsByTagName("title").item(0).getTextContent().startsWith(macLayers.get(i).name() + ":"));
      }
      roofs(run, only(withClass(svg, "polyline", "roof"), "roof"), xTicks, yTicks);
    }
  }

  /** The roof's corner is the ridge (peak / bandwidth, peak) and its end on the flat roof at the peak. */
  private static void roofs(RunReport.ModelRun run, Element roof, List<Element> xTicks, List<Element> yTicks) {
    var m = run.program().machine();
    String[] corners = roof.getAttribute("points").trim().split(" ");
    assertEquals(3, corners.length, "slanted, ridge, flat: " + roof.getAttribute("points"));
    double peak = m.peCount(), bandwidth = m.dram().bandwidth();
    String[] ridge = corners[1].split(",");
    assertEquals(position(xTicks, "x1", peak / bandwidth), Double.parseDouble(ridge[0]), 0.02);
    assertEquals(position(yTicks, "y1", peak), Double.parseDouble(ridge[1]), 0.02);
    String[] start = corners[0].split(",");
    double x0 = Math.pow(10, Math.log10(number(xTicks.get(0), "data-value")) + (Double.parseDouble(start[0])
        - number(xTicks.get(0), "x1")) / (number(xTicks.get(xTicks.size() - 1), "x1") - number(xTicks.get(0), "x1"))
        * Math.log10(number(xTicks.get(xTicks.size() - 1), "data-value") / number(xTicks.get(0), "data-value")));
    assertEquals(position(yTicks, "y1", bandwidth * x0), Double.parseDouble(start[1]), 0.05, "slope: the bandwidth");
  }
}
