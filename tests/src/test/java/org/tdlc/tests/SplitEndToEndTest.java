// An index split between an array axis and the PEs' time, end to end (resources/prediction/split.tdl):
// spread in part (@map's spatial), c's partial sums stay in the PEs across the part they walk, so they cross
// the global buffer's port once instead of once per fold; the same MACs and outputs, bit-exact, predicted
// exactly. The mapper opens such arrangements where a per-PE scratchpad holds the stationary operand.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdlc.frontend.Frontend;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.target.Target;
import org.tdlc.passes.mapping.LoopSpace;
import org.tdlc.passes.mapping.MappingSpace;
import org.tdlc.sim.Counters;
import org.tdlc.sim.SimResult;

class SplitEndToEndTest {
  static final String FILE = "tests/src/test/resources/prediction/split.tdl";

  @Test
  void everyMappedLayerIsPredictedExactlyWithASplitIndex() {
    PredictionTest.Tally t = PredictionTest.examplesAndFile(FILE, List.of("filter_spad", "register_file"));
    t.assertExact("split indices", 20);
  }

  @Test
  void aSplitReductionIndexKeepsItsPartialSumsInThePes() {
    SimResult sim = PredictionTest.simulateVerified(FILE, "filter_spad");
    Counters whole = sim.layers().get(0).counters(), split = sim.layers().get(1).counters();
    long outputs = 16L * 16 * 16;
    // whole: c = 32 folds 4 times over the 8 rows, every fold's partial sums leave (i32) and all but the first
    // come back; split: they leave once
    long partials = 3 * outputs * 4;
    assertEquals(partials, whole.level("global").bytesWritten() - split.level("global").bytesWritten());
    assertEquals(partials, whole.level("global").bytesRead() - split.level("global").bytesRead());
    assertEquals(whole.macs(), split.macs());
    assertTrue(split.cycles() < whole.cycles(), "fewer bytes through the 2 B/cycle port: " + whole.cycles() + " then "
        + split.cycles());
    assertTrue(split.energyPj() < whole.energyPj());
    assertEquals(whole.level("ifmap").bytesRead(), split.level("ifmap").bytesRead(), "the same MACs' accesses");
  }

  @Test
  void aGroupedConvolutionsSplitStaysInThePinThatRunAndExplainWrite(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String model = """
        model g {
          input x : i8[1, 32, 16, 16];
          weight w : i8[32, 16, 3, 3] init random(seed = 1);
          %s
          y = conv2d(x, w, pad = 1, groups = 2);
          output y;
        }
        """;
    java.nio.file.Path pinned = dir.resolve("pinned.tdl");
    java.nio.file.Files.writeString(pinned,
        model.formatted("@map(dataflow = ws, rows = [c], cols = [k], tile = { c = 16 }, spatial = { c = 4 })"));
    Tdlc.Result explained = Tdlc.run("explain", pinned.toString(), "--layer", "y", "--json");
    assertEquals(0, explained.code(), explained.toString());
    String pin = Reports.parse(explained.out()).get("chosen").get("pin").asText();
    assertTrue(pin.contains("spatial = { c = 4 }"), pin);
    // the pin as written runs the same mapping: same cycles, bit-exact
    java.nio.file.Path again = dir.resolve("again.tdl");
    java.nio.file.Files.writeString(again, model.formatted(pin));
    Tdlc.Result first = Tdlc.run("run", pinned.toString(), "--json"), second = Tdlc.run("run", again.toString(), "--json");
    assertEquals(0, second.code(), second.toString());
    assertTrue(Reports.onlyRun(second.out()).get("verified").asBoolean(), second.out());
    assertEquals(Reports.layer(Reports.onlyRun(first.out()), "y").get("cycles").asLong(),
        Reports.layer(Reports.onlyRun(second.out()), "y").get("cycles").asLong());
  }

  @Test
  void theMapperSplitsOnlyWhereAScratchpadHoldsTheStationaryOperand() {
    Frontend.Result f = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(FILE);
    var op = f.module().models().get(0).ops(org.tdlc.ir.ops.Ops.CONV2D).get(0);
    LoopSpace s = LoopSpace.of(op).orElseThrow();
    Target spad = Targets.resolve("filter_spad", f), regs = Targets.resolve("register_file", f);
    assertTrue(MappingSpace.full(s, spad).arrangements().stream().anyMatch(a -> a.split() != 0));
    assertFalse(MappingSpace.full(s, regs).arrangements().stream().anyMatch(a -> a.split() != 0));
  }
}
