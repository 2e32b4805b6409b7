// Runs for the HTML report's tests, built the way `tdlc run` builds them (Compilation, Execution, the formats,
// mappings and predictions), of a small model with a convolution, a pool (vector/ALU work only) and a matmul on
// pruned weights; and the page parsed as XML with lookups by id and class.
package org.tdlc.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.cli.DefaultParser;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.mapping.Predictions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

final class ReportFixture {
  static final String MODEL = """
      model net {
        input  x : i8[1, 8, 16, 16];
        weight w : i8[16, 8, 3, 3] init random(seed = 1);
        weight v : i8[256, 32] init random(seed = 2) density 0.25;
        c = requant(relu(conv2d(x, w, pad = 1)), shift = 8);
        p = maxpool(c, kernel = 4);
        f = reshape(p, shape = [1, 256]);
        y = matmul(f, v);
        output y;
      }
      """;
  private static final Map<String, RunReport.ModelRun> RUNS = new HashMap<>();

  private ReportFixture() {}

  /** The model's run on a built-in target, with everything `run --json --report` gives the report. */
  static synchronized RunReport.ModelRun run(String target) throws Exception {
    if (!RUNS.containsKey(target)) {
      Path file = Files.createTempDirectory("report").resolve("net.tdl");
      Files.writeString(file, MODEL);
      var cl = new DefaultParser().parse(Compilation.options(), new String[] {file.toString(), "--target", target});
      PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      Compilation.Result r = Compilation.compile(cl, file.toString(), new SourceCache(),
          PassManager.Instrumentation.defaults(quiet));
      Compilation.Compiled c = r.models().get(0);
      RUNS.put(target, Execution.run(c.source().name(), r.target().name(), c.program(),
          InputFeeds.forModel(c.source(), Map.of(), 0), c.source(), r.millis(), null)
          .withSparse(c.sparse()).withMappings(c.mappings()).withPredicted(Predictions.of(c.optimized(), r.target())));
    }
    return RUNS.get(target);
  }

  static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  static Element byId(Document doc, String id) {
    for (Element e : elements(doc.getDocumentElement(), "*")) if (e.getAttribute("id").equals(id)) return e;
    throw new AssertionError("no element with id " + id);
  }

  /** The descendants of e with that tag ("*": any), in document order. */
  static List<Element> elements(Element e, String tag) {
    NodeList nodes = e.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
    return out;
  }

  /** The descendants of e with that tag whose class attribute is cls. */
  static List<Element> withClass(Element e, String tag, String cls) {
    return elements(e, tag).stream().filter(x -> x.getAttribute("class").equals(cls)).toList();
  }

  static Element only(List<Element> elements, String what) {
    if (elements.size() != 1) throw new AssertionError("expected one " + what + ", got " + elements.size());
    assertNotNull(elements.get(0));
    return elements.get(0);
  }

  static double number(Element e, String attribute) { return Double.parseDouble(e.getAttribute(attribute)); }
}
