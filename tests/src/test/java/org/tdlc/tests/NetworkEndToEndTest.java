// The array's network and the dataflow-dependent traffic end to end (resources/prediction/network.tdl): one
// convolution pinned to ws, os, is and rs with the same tile moves different bytes through the global buffer
// (what stays in the PEs differs); a narrow network slows every layer without changing its bytes; a network
// that neither multicasts nor reduces moves more; clusters that start afresh at every iteration (MAESTRO's)
// slow it and move the same bytes; on-chip latencies delay every layer and move the same bytes;
// and on every one of these targets every mapped layer of every example and of that model is predicted
// exactly and runs bit-exact.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.frontend.Frontend;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.target.Network;
import org.tdlc.sim.Counters;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.SimResult;

class NetworkEndToEndTest {
  static final String FILE = "tests/src/test/resources/prediction/network.tdl";
  static final List<String> NETWORKS = List.of("open_net", "narrow_net", "unicast_net", "wide_net", "loading_net",
      "cluster_net", "latent_net");

  static Frontend.Result file() { return new Frontend(new DiagnosticEngine(), new SourceCache()).compile(FILE); }

  @Test
  void theTargetsSayWhatTheyDeclare() {
    Frontend.Result f = file();
    assertEquals(Network.DEFAULT, Targets.resolve("open_net", f).network());
    assertEquals(new Network(8, 4, true, true), Targets.resolve("narrow_net", f).network());
    assertEquals(new Network(0, 0, false, false), Targets.resolve("unicast_net", f).network());
    assertEquals(new Network(64, 0, true, true, true), Targets.resolve("loading_net", f).network());
    assertEquals(new Network(64, 0, true, true, false, 8), Targets.resolve("cluster_net", f).network());
  }

  @Test
  void everyMappedLayerIsPredictedExactlyOnEveryNetwork() {
    PredictionTest.Tally t = PredictionTest.examplesAndFile(FILE, NETWORKS);
    t.assertExact("networks", 3 * 15);
  }

  @Test
  void theDataflowDecidesWhatTheGlobalBufferMoves() {
    Map<String, Counters> open = layers("open_net");
    long ws = globalBytes(open.get("a")), os = globalBytes(open.get("b")), is = globalBytes(open.get("c"));
    assertNotEquals(ws, os, "ws and os keep different operands in the PEs");
    assertNotEquals(ws, is, "ws and is keep different operands in the PEs");
    assertNotEquals(open.get("a").energyPj(), open.get("b").energyPj());
    // os keeps its outputs: it writes each i32 result once; ws writes a partial sum per row fold and step
    assertTrue(open.get("b").level("global").bytesWritten() < open.get("a").level("global").bytesWritten());
  }

  @Test
  void aNarrowNetworkSlowsEveryLayerAndMovesTheSameBytes() {
    Map<String, Counters> open = layers("open_net"), narrow = layers("narrow_net");
    for (String layer : open.keySet()) {
      assertTrue(narrow.get(layer).cycles() > open.get(layer).cycles(), layer + ": no slower on 8 B/cycle");
      assertEquals(globalBytes(open.get(layer)), globalBytes(narrow.get(layer)), layer);
    }
  }

  @Test
  void aNetworkThatLoadsTheStationaryBlocksSavesTheFirstLoadAndMovesTheSameBytes() {
    Map<String, Counters> shifted = layers("wide_net"), loaded = layers("loading_net");
    // 64 i8 weights (inputs, filter rows) over 64 B/cycle: 1 cycle where 8 rows take 8; later blocks load while a
    // fold streams either way, so what is saved is the first block's load, 7 cycles a mac
    for (String layer : List.of("a", "c", "d")) {
      assertTrue(loaded.get(layer).cycles() < shifted.get(layer).cycles(), layer);
      assertEquals(globalBytes(shifted.get(layer)), globalBytes(loaded.get(layer)), layer);
      assertEquals(shifted.get(layer).energyPj(), loaded.get(layer).energyPj(), layer);
    }
    assertTrue(loaded.get("b").cycles() <= shifted.get("b").cycles(), "os drains 64 i32 outputs in 4 cycles, not 8");
  }

  @Test
  void withoutMulticastAndReductionTheArrayMovesMore() {
    Map<String, Counters> open = layers("open_net"), unicast = layers("unicast_net");
    for (String layer : open.keySet()) {
      assertTrue(unicast.get(layer).level("global").bytesRead() > open.get(layer).level("global").bytesRead(), layer);
      assertTrue(unicast.get(layer).energyPj() > open.get(layer).energyPj(), layer);
    }
  }

  @Test
  void clustersThatStartAfreshAtEveryIterationSlowTheLayersAndMoveTheSameBytes() {
    Map<String, Counters> wide = layers("wide_net"), clustered = layers("cluster_net");
    for (String layer : wide.keySet()) {
      // each column's 8 PEs take in all they read in an iteration, the weights too, before its MACs
      assertTrue(clustered.get(layer).cycles() >= wide.get(layer).cycles(), layer);
      assertEquals(globalBytes(wide.get(layer)), globalBytes(clustered.get(layer)), layer);
      assertEquals(wide.get(layer).energyPj(), clustered.get(layer).energyPj(), layer);
    }
    assertTrue(clustered.get("a").cycles() > wide.get("a").cycles(), "ws: its weights enter each start-up again");
  }

  @Test
  void onChipLatenciesDelayEveryLayerAndMoveTheSameBytes() {
    Map<String, Counters> open = layers("open_net"), latent = layers("latent_net");
    for (String layer : open.keySet()) {
      // every layer's loads, MACs and stores each wait 6 or 9 cycles more; the bytes and energy stay
      assertTrue(latent.get(layer).cycles() >= open.get(layer).cycles() + 9, layer);
      assertEquals(globalBytes(open.get(layer)), globalBytes(latent.get(layer)), layer);
      assertEquals(open.get(layer).energyPj(), latent.get(layer).energyPj(), layer);
    }
  }

  /** The model's layers simulated on target {@code name}, by layer name, after checking its outputs bit for bit. */
  private static Map<String, Counters> layers(String name) {
    SimResult sim = PredictionTest.simulateVerified(FILE, name);
    Map<String, Counters> out = new LinkedHashMap<>();
    for (LayerCounters lc : sim.layers()) out.put(lc.name(), lc.counters());
    assertEquals(List.of("a", "b", "c", "d"), List.copyOf(out.keySet()));
    return out;
  }

  private static long globalBytes(Counters c) {
    return c.level("global").bytesRead() + c.level("global").bytesWritten();
  }
}
