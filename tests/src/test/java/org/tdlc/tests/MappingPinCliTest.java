// A mapping edited by hand in IR text, as a user meets it through the command line: a malformed or illegal
// one is a located error (exit 1, within seconds) from check, opt and run alike; a legal one is kept by the
// default pipeline as a pin, run says so, and the simulated layer is the edited mapping, still bit-exact.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappingPinCliTest {
  static final String MODEL = """
      model m {
        input x : i8[1, 16, 14, 14];
        weight w : i8[32, 16, 3, 3] init random(seed = 1);
        y = conv2d(x, w, pad = 1);
        output y;
      }
      """;
  /** A legal mapping of the conv on the default target, which the edits below start from. */
  static final String MAPPING = "mapping = {cols = [\"k\"], dataflow = \"ws\", levels = [{level = \"global\", order = "
      + "[\"k\", \"n\", \"p\", \"q\", \"c\", \"r\", \"s\"], tile = {c = 16, k = 16, n = 1, p = 8, q = 14, r = 3, s = 3}}], "
      + "rows = [\"c\"], spatial = {c = 16, k = 16}}";

  @TempDir Path dir;
  Path tdl;
  String ir;

  @BeforeEach
  void mapTheModel() throws Exception {
    tdl = dir.resolve("m.tdl");
    Files.writeString(tdl, MODEL);
    Tdlc.Result r = Tdlc.run("opt", tdl.toString(), "--passes", "canonicalize,fuse-epilogue,select-formats,mapper");
    assertEquals(0, r.code(), r.toString());
    // the edits start from a mapping of our own, so that they do not depend on what the mapper picks
    ir = r.out().replaceFirst("mapping = \\{.*?\\}\\}\\], rows = \\[[^]]*\\], spatial = \\{[^}]*\\}\\}",
        Matcher.quoteReplacement(MAPPING));
    assertTrue(ir.contains(MAPPING), ir);
  }

  Path edited(String from, String to) throws Exception {
    assertTrue(ir.contains(from), from);
    Path p = dir.resolve("edited.ir");
    Files.writeString(p, ir.replace(from, to));
    return p;
  }

  Path unedited() throws Exception { return Files.writeString(dir.resolve("mapped.ir"), ir); }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "rows = [\"c\"]|rows = [\"banana\"]|mapping: rows names \"banana\", which is not an index of the op (its indices: n, k, c, p, q, r, s)",
      "n = 1, p = 8|n = 0, p = 8|mapping: tile n = 0 must be at least 1",
      "order = [\"k\", \"n\"|order = [\"n\", \"n\"|mapping: order [\"n\", \"n\", \"p\", \"q\", \"c\", \"r\", \"s\"] names n twice",
      "dataflow = \"ws\"|dataflow = \"zz\"|mapping: unknown dataflow \"zz\" (the dataflows: ws, os, rs, is)",
      "p = 8, q = 14|p = 15, q = 14|mapping: tile p = 15 exceeds the range of p (14)",
      "rows = [\"c\"], |~~|mapping: the mapping has no rows (its keys: cols, dataflow, levels, rows, spatial)",
      "spatial = {c = 16, k = 16}|spatial = {c = 6, k = 16}|mapping: spatial c = 6 must divide the tile of c (16): an axis spreads a part of its index's tile that the PEs' loop walks whole",
      "rows = [\"c\"], spatial = {c = 16, k = 16}|rows = [\"p\"], spatial = {k = 16, p = 8}|mapping: rows [p] do not fit dataflow ws: [p] cannot go on its rows, which hold [c, r, s] (ws: reduction indices)",
  })
  void aBadMappingIsALocatedErrorForEveryCommand(String from, String to, String message) throws Exception {
    Path bad = edited(from, to);
    String located = tdl + ":4:7: error: 'tdl.conv2d' op " + message + "\n";
    for (String command : new String[] {"check", "opt", "run"}) {
      long start = System.nanoTime();
      Tdlc.Result r = Tdlc.run(command, bad.toString());
      assertEquals(1, r.code(), command + ": " + r);
      assertTrue(r.err().startsWith(located), command + ": " + r.err());
      assertTrue(System.nanoTime() - start < 10_000_000_000L, command + " took over 10 s");
    }
  }

  @Test
  void aMappingTheTargetCannotRunIsRefusedByRunWhateverThePasses() throws Exception {
    Path ws = unedited();   // ws on eyeriss, which runs rs only
    for (String passes : new String[] {"canonicalize,fuse-epilogue,select-formats,mapper", "canonicalize", "mapper"}) {
      Tdlc.Result r = Tdlc.run("run", ws.toString(), "--target", "eyeriss", "--passes", passes);
      assertEquals(1, r.code(), passes + ": " + r);
      assertTrue(r.err().startsWith(tdl + ":4:7: error: 'tdl.conv2d' op mapping: target 'eyeriss' has no dataflow ws "
          + "(it runs rs)"), passes + ": " + r.err());
    }
  }

  /** An axis of several indices (im2col's c, r, s on the rows), edited in, runs bit-exact and exactly predicted. */
  @Test
  void severalIndicesOnOneAxisRunAsEdited() throws Exception {
    Path p = edited("rows = [\"c\"], spatial = {c = 16, k = 16}",
        "rows = [\"c\", \"r\", \"s\"], spatial = {c = 16, k = 16, r = 3, s = 3}");
    Tdlc.Result r = Tdlc.run("run", p.toString(), "--json");
    assertEquals(0, r.code(), r.toString());
    JsonNode y = Reports.layer(Reports.onlyRun(r.out()), "y");
    assertEquals("[\"c\",\"r\",\"s\"]", y.get("mapping").get("rows").toString(), r.out());
    assertEquals(y.get("cycles").asLong(), y.get("predicted").get("cycles").asLong());
    assertTrue(Reports.onlyRun(r.out()).get("verified").asBoolean(), r.out());
    assertEquals("{\"c\":16,\"r\":3,\"s\":3,\"k\":16}", y.get("mapping").get("spatial").toString(), r.out());
  }

  @Test
  void aLegalEditIsWhatRunSimulates() throws Exception {
    Path p = edited("n = 1, p = 8, q = 14", "n = 1, p = 2, q = 7");
    Tdlc.Result text = Tdlc.run("run", p.toString());
    assertEquals(0, text.code(), text.toString());
    assertTrue(text.out().contains("note: layer y runs the mapping written in the IR (pinned; not searched)\n"), text.out());
    assertTrue(text.out().contains("verified: 1 output bit-exact"), text.out());

    Tdlc.Result edited = Tdlc.run("run", p.toString(), "--json");
    Tdlc.Result before = Tdlc.run("run", unedited().toString(), "--json");
    Tdlc.Result searched = Tdlc.run("run", tdl.toString(), "--json");
    assertEquals(0, edited.code(), edited.toString());
    assertEquals(0, before.code(), before.toString());
    JsonNode y = Reports.layer(Reports.onlyRun(edited.out()), "y");
    assertEquals("{\"n\":1,\"k\":16,\"c\":16,\"p\":2,\"q\":7,\"r\":3,\"s\":3}",
        y.get("mapping").get("levels").get(0).get("tile").toString(), edited.out());
    assertEquals("ir", y.get("mapping_source").asText());
    JsonNode unedited = Reports.layer(Reports.onlyRun(before.out()), "y");
    assertEquals(8, unedited.get("mapping").get("levels").get(0).get("tile").get("p").asInt(), before.out());
    assertEquals(14, unedited.get("mapping").get("levels").get(0).get("tile").get("q").asInt(), before.out());
    assertEquals("ir", unedited.get("mapping_source").asText());
    assertEquals("mapper", Reports.layer(Reports.onlyRun(searched.out()), "y").get("mapping_source").asText());
    assertTrue(Reports.onlyRun(edited.out()).get("verified").asBoolean(), edited.out());
    long cycles = y.get("cycles").asLong();
    assertNotEquals(unedited.get("cycles").asLong(), cycles);
    assertEquals(cycles, y.get("predicted").get("cycles").asLong(), "the cost model predicts the edited mapping exactly");
  }

  @Test
  void aFormatPinTheTargetLacksIsRefusedBySelectFormatsAlone() throws Exception {
    Path pinned = edited("name = \"w\", seed = 1}", "format = \"csr\", name = \"w\", seed = 1}");
    Tdlc.Result r = Tdlc.run("opt", pinned.toString(), "--passes", "select-formats", "--target", "systolic");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith(tdl + ":3:10: error: weight 'w' is pinned to format csr, which target 'systolic' "
        + "does not support (its formats: dense)"), r.err());
  }
}
