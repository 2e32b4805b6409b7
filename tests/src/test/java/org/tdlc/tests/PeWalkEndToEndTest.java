// The PEs' part of a mapping, pinned end to end (resources/prediction/walk.tdl): @map's walk, keep and bypass
// reach the MAC descriptors, the simulator counts them by the same rule as the compiler's predictor (every
// layer predicted exactly, outputs bit-exact), they change the bytes they should by the amounts worked out
// by hand, and what does not fit or does not exist is a located error.
package org.tdlc.tests;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.sim.Counters;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.SimResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeWalkEndToEndTest {
  static final String FILE = "tests/src/test/resources/prediction/walk.tdl";

  @Test
  void everyLayerWithAPinnedWalkKeepOrBypassIsPredictedExactly() {
    PredictionTest.Tally t = PredictionTest.examplesAndFile(FILE, List.of("spads", "tight"));
    t.assertExact("pinned PE walks", 30);
  }

  @Test
  void theWalkWhatTheLevelsKeepAndTheirOrdersChangeTheBytesAsWorkedOutByHand() {
    SimResult sim = PredictionTest.simulateVerified(FILE, "spads");
    Counters base = layer(sim, "base"), inner = layer(sim, "inner"), outer = layer(sim, "outer"),
        bypassed = layer(sim, "bypassed");
    // ws, c = 16 on 8 rows (2 folds, reduced along them), k = 16 on 8 columns, temporal p, q, r, s. Keeping
    // no partial sum, the PEs walking the taps inside the outputs: each column's 144 partial sums leave once
    // per row fold: 2 x 16 x 144 x 4 B, as the rule (which keeps q's 12 in the 64-byte `out`) moves them
    long once = 2L * 16 * 144 * 4;
    assertEquals(base.level("global").bytesWritten(), inner.level("global").bytesWritten());
    // the taps outside the outputs: they leave once per tap (9 times), and come back 8 times
    assertEquals(8 * once, outer.level("global").bytesWritten() - inner.level("global").bytesWritten());
    // and the inputs, which `in` (64 B) keeps by the rule, follow the walk too: walking p, q, r, s it keeps the
    // 14 x 3 inputs of q, r and s and slides them down p, 14 x 14 per PE row; walking r, s, p, q it keeps only
    // q's 12 (p's 144 do not fit), each (r, s) sweeping all 144. 16 rows x 2 column folds (multicast along k)
    long inputs = (9 * 144 - 14 * 14) * 16 * 2;
    assertEquals(8 * once + inputs, outer.level("global").bytesRead() - inner.level("global").bytesRead());
    assertTrue(outer.cycles() > inner.cycles(), "the 16 B/cycle port carries 9x the partial sums");
    // bypassing `in`, no MAC reads an input there, and the inputs cross the global buffer's port more often
    assertEquals(0, bypassed.level("in").bytesRead());
    assertEquals(base.macs(), base.level("in").bytesRead(), "one i8 input per MAC, unbypassed");
    assertTrue(bypassed.level("global").bytesRead() > base.level("global").bytesRead());
    assertEquals(base.level("out").bytesRead(), bypassed.level("out").bytesRead());
    // a level's own order. `in` keeps 4 of q and all of s, `out` nothing, so a partial sum stays in the PE only
    // while the PEs walk its taps. Walked in the walk's order (q4 then s), each partial sum leaves once per r, 3
    // times, where walking r and s inside q (`inner`) sends it once; each time but the first it comes back
    Counters byWalk = layer(sim, "by_walk"), reordered = layer(sim, "reordered");
    assertEquals(2 * once, byWalk.level("global").bytesWritten() - inner.level("global").bytesWritten());
    // in's own order, s then q, walks q4 innermost: the partial sum changes at every step and leaves once per tap,
    // 9 times; `in` keeps the same parts, so the inputs move the same bytes
    assertEquals(6 * once, reordered.level("global").bytesWritten() - byWalk.level("global").bytesWritten());
    assertEquals(6 * once, reordered.level("global").bytesRead() - byWalk.level("global").bytesRead());
    assertEquals(byWalk.level("in").bytesRead(), reordered.level("in").bytesRead());
  }

  @Test
  void thePinThatExplainPrintsRunsTheSameMapping(@TempDir Path dir) throws Exception {
    Tdlc.Result explained = Tdlc.run("explain", FILE, "--target", "spads", "--model", "walks", "--layer", "grouped",
        "--json");
    assertEquals(0, explained.code(), explained.toString());
    String pin = Reports.parse(explained.out()).get("chosen").get("pin").asText();
    assertTrue(pin.contains("walk = [n, p, q, k, c, r, s]") && pin.contains("keep = { w = [k, c, r, s] }"), pin);
    // the PEs' loops, each level opening where the parts it keeps begin
    Tdlc.Result text = Tdlc.run("explain", FILE, "--target", "spads", "--model", "same_tile", "--layer", "partial");
    String nest = String.join("\n", "        pe", "        | for p in [0:12)", "          | for q in [0:3)",
        "            | for r in [0:3)", "              in [ q=4 s=3 ]", "              | for s in [0:3)",
        "                out [ q=4 ]", "                | for q in [0:4)");
    assertTrue(text.out().contains(nest), text.out());
    String model = targets() + """
        model again {
          input x : i8[1, 16, 12, 12];
          weight w2 : i8[16, 8, 3, 3] init random(seed = 2);
          %s
          grouped = conv2d(x, w2, pad = 1, groups = 2);
          output grouped;
        }
        """.formatted(pin);
    Path again = dir.resolve("again.tdl");
    Files.writeString(again, model);
    Tdlc.Result first = Tdlc.run("run", FILE, "--target", "spads", "--model", "walks", "--json");
    Tdlc.Result second = Tdlc.run("run", again.toString(), "--target", "spads", "--json");
    assertEquals(0, second.code(), second.toString());
    assertTrue(Reports.onlyRun(second.out()).get("verified").asBoolean(), second.out());
    assertEquals(Reports.layer(Reports.onlyRun(first.out()), "grouped").get("cycles").asLong(),
        Reports.layer(Reports.onlyRun(second.out()), "grouped").get("cycles").asLong());
  }

  @Test
  void theRulesWalkThatExplainPrintsPinnedCostsTheSame(@TempDir Path dir) throws Exception {
    // base maps the whole layer as one tile, so the rule's choice on a full tile is its choice for every MAC
    Tdlc.Result explained = Tdlc.run("explain", FILE, "--target", "spads", "--model", "same_tile", "--layer", "base",
        "--json");
    assertEquals(0, explained.code(), explained.toString());
    var chosen = Reports.parse(explained.out()).get("chosen");
    var rule = chosen.get("pe_by_rule");
    List<String> walk = new java.util.ArrayList<>();
    rule.get("walk").forEach(x -> walk.add(x.asText()));
    StringBuilder keep = new StringBuilder();
    rule.get("keep").fields().forEachRemaining(e -> {
      List<String> kept = new java.util.ArrayList<>();
      e.getValue().forEach(x -> kept.add(x.asText()));
      keep.append(keep.length() == 0 ? "" : ", ").append(e.getKey()).append(" = [").append(String.join(", ", kept)).append(']');
    });
    String pin = chosen.get("pin").asText().replaceFirst("\\)$", ", walk = [" + String.join(", ", walk) + "], keep = { "
        + keep + " })");
    Tdlc.Result text = Tdlc.run("explain", FILE, "--target", "spads", "--model", "same_tile", "--layer", "base");
    assertTrue(text.out().contains("pe (the rule's walk and keeps, on a full tile)"), text.out());
    Tdlc.Result pinned = Tdlc.run("run", pinned(dir, pin, "base").toString(), "--target", "spads", "--json");
    Tdlc.Result ruled = Tdlc.run("run", FILE, "--target", "spads", "--model", "same_tile", "--json");
    assertEquals(0, pinned.code(), pinned.toString());
    var a = Reports.layer(Reports.onlyRun(ruled.out()), "base");
    var b = Reports.layer(Reports.onlyRun(pinned.out()), "base");
    assertEquals(a.get("cycles").asLong(), b.get("cycles").asLong(), pin);
    assertEquals(a.get("bytes"), b.get("bytes"), pin);
  }

  @Test
  void aProgramCarriesItsWalksThroughAssemblyAndTheTdlxFile(@TempDir Path dir) throws Exception {
    Path tdlx = dir.resolve("w.tdlx"), s = dir.resolve("w.s"), again = dir.resolve("w2.tdlx");
    Tdlc.Result compiled = Tdlc.run("compile", FILE, "--target", "tight", "--model", "walks", "-o", tdlx.toString());
    assertEquals(0, compiled.code(), compiled.toString());
    Tdlc.Result dis = Tdlc.run("disasm", tdlx.toString());
    assertEquals(0, dis.code(), dis.toString());
    assertTrue(dis.out().contains(" walk=[") && dis.out().contains(" keep=[") && dis.out().contains(" bypass=")
        && dis.out().contains(" order=["), dis.out());
    Files.writeString(s, dis.out());
    assertEquals(0, Tdlc.run("asm", s.toString(), "-o", again.toString()).code());
    assertEquals(-1L, Files.mismatch(tdlx, again), "asm(disasm(p)) must be the same file");
    // the simulator reads the walks back from the file: the same cycles as run's
    Tdlc.Result sim = Tdlc.run("sim", tdlx.toString(), "--json"), run = Tdlc.run("run", FILE, "--target", "tight",
        "--model", "walks", "--json");
    assertEquals(Reports.onlyRun(run.out()).get("total").get("cycles"), Reports.onlyRun(sim.out()).get("total").get("cycles"));
    // a walk that ranks the wrong number of loops is refused by name
    String bad = dis.out().replaceFirst(" walk=\\[[-0-9,]+\\]", " walk=[0]");
    Files.writeString(s, bad);
    Tdlc.Result refused = Tdlc.run("asm", s.toString(), "-o", again.toString());
    assertEquals(1, refused.code(), refused.toString());
    assertTrue(refused.err().contains("its PE walk ranks 1 loops"), refused.err());
  }

  @Test
  void maestroDirectivesStepThePesLoopsInThePinnedWalk(@TempDir Path dir) throws Exception {
    Path tdl = dir.resolve("m.tdl"), out = dir.resolve("out");
    Files.writeString(tdl, """
        model m {
          input x : i8[1, 32, 28, 28];
          weight w : i8[64, 32, 3, 3] init random(seed = 31);
          @map(dataflow = rs, walk = [n, c, r, s, k, p, q], bypass = { psum_spad = [outputs] })
          y = conv2d(x, w, pad = 1);
          output y;
        }
        """);
    Tdlc.Result r = Tdlc.run("export", "maestro", tdl.toString(), "--target", "eyeriss", "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    String m = Files.readString(out.resolve("m.m"));
    assertTrue(m.contains("// the PEs' walk pinned: [n, c, r, s, k, p, q]"), m);
    assertTrue(m.contains("bypassed {psum_spad=[outputs]}, which MAESTRO has no directive for"), m);
    // the innermost level's temporal maps, outermost first: the walk's order of MAESTRO's dimensions
    String inner = m.substring(m.lastIndexOf("Cluster("));
    List<String> order = inner.lines().filter(l -> l.contains("TemporalMap")).map(l -> l.substring(l.lastIndexOf(' ') + 1,
        l.indexOf(';'))).toList();
    // (those the array spreads, or pairs with a spread filter dimension, are left out)
    assertTrue(order.size() >= 4, inner);
    assertEquals(List.of("N", "C", "R", "S", "K", "Y", "X").stream().filter(order::contains).toList(), order, inner);
    // and MAESTRO's files come back through import maestro and run verified
    Path back = dir.resolve("back.tdl");
    Tdlc.Result i = Tdlc.run("import", "maestro", out.resolve("m.m").toString(), out.resolve("eyeriss_hw.m").toString(),
        "-o", back.toString());
    assertEquals(0, i.code(), i.toString());
    Tdlc.Result run = Tdlc.run("run", back.toString(), "--json");
    assertTrue(Reports.onlyRun(run.out()).get("verified").asBoolean(), run.toString());
  }

  @Test
  void whatATargetLacksOrALevelCannotKeepIsALocatedError(@TempDir Path dir) throws Exception {
    String[][] cases = {
        {"@map(dataflow = rs, walk = [n, k, p, q, c, r, s], keep = { psum_spad = [s] })",
            "keep names level psum_spad, which is not a per-PE level of this target (its per-PE levels: in, w, out)"},
        {"@map(bypass = { in = [weights] })", "bypass in names weights, which level in does not hold (it holds inputs)"},
        {"@map(dataflow = ws, tile = { p = 12, q = 12 }, walk = [n, k, p, q, c, r, s], keep = { out = [p, q, c, r, s] })",
            "@map: keep out needs 576 bytes per PE"},
    };
    for (String[] c : cases) {
      Tdlc.Result r = Tdlc.run("run", pinned(dir, c[0]).toString(), "--target", "tight");
      assertEquals(1, r.code(), r.toString());
      assertTrue(r.err().contains(c[1]), r.err());
      assertTrue(r.err().contains("bad.tdl:" + (pinLine() + 1) + ":"), "located at the statement: " + r.err());
    }
    // the front end's checks, at the offending name
    String[][] syntax = {
        {"@map(keep = { w = [c, r, s] })", "keep needs walk", "@map(keep = { w = "},
        {"@map(walk = [n, k, p, q, c, r, s], keep = { in = [c], w = { r = 2 } })", "do not nest", "@map(walk = [n, k, p, q, c, r, s], keep = "},
        {"@map(walk = [n, k, p, q, c, r, s], keep = { w = { r = 0 } })", "the part of r must be a positive integer or all",
            "@map(walk = [n, k, p, q, c, r, s], keep = { w = { r = "},
        {"@map(bypass = { w = [filters] })", "no operand 'filters' (the operands are inputs, weights, outputs)",
            "@map(bypass = { w = ["},
        {"@map(walk = [n, k, p, q, c, r])", "walk must list each dimension of conv2d once", "@map(walk = "},
        {"@map(walk = [n, k, p, q, c, r, s], keep = { w = [r, s] }, orders = { in = [s, r] })",
            "@map: orders in: level in keeps no part of any loop, so it has none to order",
            "@map(walk = [n, k, p, q, c, r, s], keep = { w = [r, s] }, orders = { "},
        {"@map(walk = [n, k, p, q, c, r, s], keep = { w = [r, s] }, orders = { w = [s, x] })",
            "orders w: conv2d has no dimension 'x'", "@map(walk = [n, k, p, q, c, r, s], keep = { w = [r, s] }, orders = { w = [s, "},
        {"@map(walk = [n, k, p, q, c, r, s], keep = { w = [r, s], in = [r, s] }, orders = { w = [s, r], in = [r, s] })",
            "orders in and w differ, but the two levels keep the same parts",
            "@map(walk = [n, k, p, q, c, r, s], keep = { w = [r, s], in = [r, s] }, orders = "},
    };
    for (String[] c : syntax) {
      Tdlc.Result r = Tdlc.run("check", pinned(dir, c[0]).toString(), "--target", "tight");
      assertEquals(1, r.code(), r.toString());
      assertTrue(r.err().contains(c[1]), r.err());
      assertTrue(r.err().contains("bad.tdl:" + pinLine() + ":" + (3 + c[2].length())), c[0] + "\n" + r.err());
    }
  }

  /** walk.tdl's targets and a one-conv2d model whose @map is {@code pin}, on line pinLine(), as dir/bad.tdl. */
  private static Path pinned(Path dir, String pin) throws Exception { return pinned(dir, pin, "y"); }

  /** As above, the conv2d (same_tile's) named {@code layer}. */
  private static Path pinned(Path dir, String pin, String layer) throws Exception {
    Path f = dir.resolve("bad.tdl");
    Files.writeString(f, targets() + """
        model bad {
          input x : i8[1, 16, 12, 12];
          weight w1 : i8[16, 16, 3, 3] init random(seed = 1);
          %s
          %s = conv2d(x, w1, pad = 1);
          output %s;
        }
        """.formatted(pin, layer, layer));
    return f;
  }

  private static String targets() throws Exception {
    String source = Files.readString(Path.of(FILE));
    return source.substring(0, source.indexOf("model same_tile"));
  }

  private static int pinLine() throws Exception { return targets().split("\n", -1).length + 3; }

  private static Counters layer(SimResult sim, String name) {
    for (LayerCounters l : sim.layers()) if (l.name().equals(name)) return l.counters();
    throw new AssertionError("no layer " + name);
  }
}
