// tdlc run --report: the page parses as XML (so any browser reads it), lists every layer of the run in its
// table and in each per-layer plot, has its plots as inline SVG, and fetches nothing from the network.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {
  @TempDir Path dir;

  @Test
  void everyLayerAndEveryPlot() throws Exception {
    Path page = dir.resolve("out.html");
    Tdlc.Result r = Tdlc.run("run", "examples/resnet_block.tdl", "--json", "--report", page.toString());
    assertEquals(0, r.code(), r.toString());
    String html = Files.readString(page);
    assertFalse(html.contains("src=") || html.replace("href=\"#", "").contains("href=") || html.contains("@import")
        || html.contains("url("), "must not fetch anything");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    Document doc = f.newDocumentBuilder().parse(page.toFile());
    List<String> rows = texts(doc.getElementsByTagName("tr"), "layer");
    assertEquals(List.of("r1", "y"), rows, "the table's layers");
    for (String plot : List.of("cycles", "energy", "utilization")) {
      Element svg = byId(doc, "plot-" + plot + "-resnet_block-default");
      assertNotNull(svg, plot + " plot missing");
      assertEquals(rows, categories(svg), plot + " plot's bars");
    }
    Element bytes = byId(doc, "plot-bytes-resnet_block-default");
    assertNotNull(bytes, "bytes plot missing");
    assertEquals(List.of("dram", "global", "local"), categories(bytes));
    for (String layer : rows) assertTrue(r.out().contains("{\"name\": \"" + layer + "\", \"op\""), layer);
    // each layer's mapping shows what its PEs walk and what the default target's per-PE level keeps
    assertTrue(html.contains("pe (the rule&#39;s walk and keeps, on a full tile)")
        || html.contains("pe (the rule's walk and keeps, on a full tile)"), "the PEs' loops in the mapping section");
    assertTrue(html.contains("local [ "), "the per-PE level's tile");
    // the cycles plot stacks each layer's elapsed cycles by what bounds them: its parts add up to them
    NodeList bars = byId(doc, "plot-cycles-resnet_block-default").getElementsByTagName("g");
    for (int i = 0; i < bars.getLength(); i++) {
      Element bar = (Element) bars.item(i);
      NodeList rects = bar.getElementsByTagName("rect");
      assertEquals(4, rects.getLength(), "PE array, vector unit, transfers only, idle");
      long sum = 0;
      for (int k = 0; k < rects.getLength(); k++) sum += Long.parseLong(((Element) rects.item(k)).getAttribute("data-value"));
      String layer = bar.getAttribute("data-category");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"name\": \"" + layer + "\", \"op\".*?\"cycles\": (\\d+), "
          + "\"elapsed_cycles\": \\{\"computing\": (\\d+), \"transfer_only\": (\\d+), \"idle\": (\\d+)\\}").matcher(r.out());
      assertTrue(m.find(), layer + " in the JSON");
      assertEquals(Long.parseLong(m.group(1)), sum, layer);
      assertEquals(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) + Long.parseLong(m.group(3))
          + Long.parseLong(m.group(4)), layer);
      assertTrue(Long.parseLong(m.group(2)) > 0, layer + " computes");
    }
  }

  private static List<String> texts(NodeList trs, String cls) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < trs.getLength(); i++) {
      Element tr = (Element) trs.item(i);
      if (tr.getAttribute("class").equals(cls)) out.add(tr.getElementsByTagName("td").item(0).getTextContent());
    }
    return out;
  }

  private static Element byId(Document doc, String id) {
    NodeList svgs = doc.getElementsByTagName("svg");
    for (int i = 0; i < svgs.getLength(); i++) {
      if (((Element) svgs.item(i)).getAttribute("id").equals(id)) return (Element) svgs.item(i);
    }
    return null;
  }

  private static List<String> categories(Element svg) {
    List<String> out = new ArrayList<>();
    NodeList gs = svg.getElementsByTagName("g");
    for (int i = 0; i < gs.getLength(); i++) out.add(((Element) gs.item(i)).getAttribute("data-category"));
    return out;
  }
}
