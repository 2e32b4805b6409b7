// tdlc targets as a user meets it: the JSON of docs/json.md parses (with a small JSON reader
// written here, so the test trusts nothing of the code it checks) and lists every built-in, a file
// adds its own targets, the table is readable, and a bad target file is a located error.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsCliTest {
  static final List<String> BUILT_INS = List.of("default", "systolic", "eyeriss", "nvdla", "maeri", "sparse");

  @TempDir Path dir;

  @Test
  void jsonListsEveryBuiltInWithTheDocumentedKeys() {
    Tdlc.Result r = Tdlc.run("targets", "--json");
    assertEquals(0, r.code(), r.toString());
    Map<?, ?> report = (Map<?, ?>) new JsonReader(r.out()).document();
    assertEquals("targets", report.get("command"));
    List<?> targets = (List<?>) report.get("targets");
    assertEquals(BUILT_INS, targets.stream().map(t -> ((Map<?, ?>) t).get("name")).toList());
    for (Object o : targets) {
      Map<?, ?> t = (Map<?, ?>) o;
      List<?> pe = (List<?>) t.get("pe_array");
      assertEquals(2, pe.size(), t.toString());
      assertTrue((Double) pe.get(0) >= 1 && (Double) pe.get(1) >= 1, t.toString());
      assertTrue(!((List<?>) t.get("dataflows")).isEmpty()
          && Set.of("ws", "os", "rs", "is").containsAll((List<?>) t.get("dataflows")), t.toString());
      assertTrue(((List<?>) t.get("formats")).contains("dense")
          && Set.of("dense", "bitmap", "rle", "csr", "csc", "coo").containsAll((List<?>) t.get("formats")), t.toString());
      assertEquals("built-in", t.get("source"));
      List<?> levels = (List<?>) t.get("levels");
      assertTrue(levels.size() >= 2 && ((Map<?, ?>) levels.get(0)).get("size_bytes") == null, t.toString());
      // the level table's figures: the bandwidth in GB/s at the target's clock too
      Map<?, ?> dram = (Map<?, ?>) levels.get(0);
      assertEquals((Double) dram.get("bandwidth_bytes_per_cycle") * (Double) t.get("frequency_mhz") / 1000,
          (Double) dram.get("bandwidth_gb_per_s"), 1e-9, t.toString());
    }
    Map<?, ?> first = (Map<?, ?>) targets.get(0);
    assertEquals(List.of("ws", "os", "rs"), first.get("dataflows"), "the default target runs ws, os and rs");
    assertEquals(List.of("dense", "bitmap", "rle", "csr", "csc", "coo"), first.get("formats"));
  }

  @Test
  void theTableShowsBandwidthsInBothUnitsAndEnergies() {
    Tdlc.Result r = Tdlc.run("targets");
    assertEquals(0, r.code(), r.toString());
    // default: 32 B/cycle at 800 MHz is 25.6 GB/s; eyeriss: 2.4 B/cycle at 200 MHz is 0.48 GB/s
    assertTrue(java.util.regex.Pattern.compile("(?m)^default\\s+dram\\s+-\\s+32 B/cycle\\s+\\(25\\.6 GB/s\\)\\s+80 pJ/B"
        + "\\s+64 cycles$").matcher(r.out()).find(), r.out());
    // NOTES: double buffering, what a per-PE level holds, what the network does
    assertTrue(java.util.regex.Pattern.compile("(?m)^default\\s+global\\s.*\\s0 cycles\\s+double buffer$")
        .matcher(r.out()).find(), r.out());
    assertTrue(java.util.regex.Pattern.compile("(?m)^eyeriss\\s+filter_spad\\s+448 B per PE\\s.*\\s+holds weights$")
        .matcher(r.out()).find(), r.out());
    assertTrue(java.util.regex.Pattern.compile("(?m)^default\\s+network\\s.*\\s+multicast, reduction$")
        .matcher(r.out()).find(), r.out());
    assertTrue(java.util.regex.Pattern.compile("(?m)^eyeriss\\s+dram\\s+-\\s+2\\.4 B/cycle\\s+\\(0\\.48 GB/s\\)")
        .matcher(r.out()).find(), r.out());
    assertTrue(java.util.regex.Pattern.compile("(?m)^default\\s+mac\\s+0\\.2 pJ$").matcher(r.out()).find(), r.out());
  }

  @Test
  void aFileAddsItsTargets() {
    Tdlc.Result r = Tdlc.run("targets", "examples/targets.tdl", "--json");
    assertEquals(0, r.code(), r.toString());
    List<Object> names = new ArrayList<>();
    for (Object o : (List<?>) ((Map<?, ?>) new JsonReader(r.out()).document()).get("targets")) {
      names.add(((Map<?, ?>) o).get("name"));
    }
    List<Object> expected = new ArrayList<>(BUILT_INS);
    expected.addAll(List.of("edge_systolic", "eyeriss_like", "sparse_flex"));
    assertEquals(expected, names);
    assertTrue(r.out().contains("\"source\": \"examples/targets.tdl\""), r.out());
  }

  @Test
  void tableShowsEveryTarget() {
    Tdlc.Result r = Tdlc.run("targets", "examples/targets.tdl");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("NAME "), r.out());
    for (String name : BUILT_INS) assertTrue(r.out().contains("\n" + name + " "), name + " in\n" + r.out());
    assertTrue(r.out().matches("(?s).*\nmaeri +8 x 8 +flexible +500 MHz +dram \\| global 64 KiB \\| local 8 B/pe .*"),
        r.out());
    assertTrue(r.out().contains("\nedge_systolic "), r.out());
    assertTrue(r.out().contains("global 256 KiB | local 64 B/pe"), r.out());
    Tdlc.Result help = Tdlc.run("targets", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().startsWith("usage: tdlc targets [FILE.tdl] [--json]"), help.out());
    assertTrue(Tdlc.run("--help").out().contains("  targets "));
  }

  @Test
  void badTargetIsALocatedErrorAndBadUsageIsExit1() throws Exception {
    Path file = dir.resolve("bad.tdl");
    Files.writeString(file, Files.readString(Path.of("examples/targets.tdl")).replace("16 B/cycle", "16 B/cyle"));
    Tdlc.Result r = Tdlc.run("targets", file.toString());
    assertEquals(1, r.code(), r.toString());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith(file + ":9:32: error: unknown bandwidth unit 'B/cyle' (did you mean 'B/cycle'?)\n"),
        r.err());
    assertEquals(1, Tdlc.run("targets", "a.tdl", "b.tdl").code());
    assertEquals(1, Tdlc.run("targets", "x.ir").code());
    assertEquals(1, Tdlc.run("targets", dir.resolve("missing.tdl").toString()).code());
  }

  /** Just enough JSON: objects (insertion-ordered), arrays, strings with simple escapes, numbers, literals. */
  static final class JsonReader {
    private final String s;
    private int i;

    JsonReader(String s) { this.s = s; }

    Object document() {
      Object v = value();
      skip();
      if (i != s.length()) throw new IllegalArgumentException("trailing text at " + i);
      return v;
    }

    private Object value() {
      skip();
      char c = s.charAt(i);
      if (c == '{') {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        skip();
        if (s.charAt(i) == '}') { i++; return m; }
        do {
          skip();
          String key = string();
          skip();
          expect(':');
          if (m.put(key, value()) != null) throw new IllegalArgumentException("duplicate key " + key);
          skip();
        } while (s.charAt(i++) == ',');
        if (s.charAt(i - 1) != '}') throw new IllegalArgumentException("expected } at " + (i - 1));
        return m;
      }
      if (c == '[') {
        List<Object> l = new ArrayList<>();
        i++;
        skip();
        if (s.charAt(i) == ']') { i++; return l; }
        do { l.add(value()); skip(); } while (s.charAt(i++) == ',');
        if (s.charAt(i - 1) != ']') throw new IllegalArgumentException("expected ] at " + (i - 1));
        return l;
      }
      if (c == '"') return string();
      for (String lit : List.of("true", "false", "null")) {
        if (s.startsWith(lit, i)) {
          i += lit.length();
          return lit.equals("null") ? null : Boolean.valueOf(lit);
        }
      }
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
      return Double.parseDouble(s.substring(start, i));
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (s.charAt(i) != '"') {
        char c = s.charAt(i++);
        b.append(c == '\\' ? s.charAt(i++) : c);
      }
      i++;
      return b.toString();
    }

    private void expect(char c) {
      if (s.charAt(i) != c) throw new IllegalArgumentException("expected " + c + " at " + i + ": " + s.charAt(i));
      i++;
    }

    private void skip() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }
  }
}
