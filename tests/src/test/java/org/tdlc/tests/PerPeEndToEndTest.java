// Per-PE levels end to end (resources/prediction/per_pe.tdl): a per-PE level that holds a convolution's
// window keeps it across the output channels, which the PEs walk inside the output columns, and slides it
// along them, so the global buffer reads fewer inputs; each per-PE level is charged the
// accesses of the operands it holds; a scratchpad's port slows the streaming; and on all five targets every
// mapped layer of every example and of that model is predicted exactly and runs bit-exact.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdlc.sim.Counters;
import org.tdlc.sim.SimResult;

class PerPeEndToEndTest {
  static final String FILE = "tests/src/test/resources/prediction/per_pe.tdl";
  static final List<String> TARGETS = List.of("no_spad", "shared_spad", "input_spad", "small_input_spad", "slow_psum");
  static final long MACS = 32L * 16 * 16 * 16 * 9;

  @Test
  void everyMappedLayerIsPredictedExactlyWithEveryPerPeHierarchy() {
    PredictionTest.Tally t = PredictionTest.examplesAndFile(FILE, TARGETS);
    t.assertExact("per-PE levels", TARGETS.size() * 10);
  }

  @Test
  void aPerPeLevelThatHoldsTheWindowKeepsItAcrossTheOutputChannelsAndSlidesIt() {
    Counters none = layer("no_spad"), shared = layer("shared_spad"), row = layer("input_spad"),
        small = layer("small_input_spad");
    // 8 rows of c and 8 columns of p: 2 x 2 folds; per PE position the inputs of k x q x r x s steps, or, kept
    // across k and slid along q, the distinct inputs of q x r x s: 3 rows h = p + r of 16 + 3 - 1 = 18 columns
    // w = q + s. The PEs walk k inside q (the inputs do not read k), so a level that holds the 3 x 3 window
    // keeps it for all 32 output channels, and each step of q brings in the window's 3 new inputs. The 8
    // columns of a fold (p) fill and slide their windows together, and the network multicasts: per channel a
    // fold takes rows h = p + r of its 8 columns once, 8 + 3 - 1 = 10 rows of 18 columns
    long streamed = 16L * 16 * 32 * 16 * 9, kept = 2L * 2 * 8 * 10 * 18;
    long weights = 32L * 16 * 9 * 2;                       // stationary: once per value per column fold
    long partials = 32L * 16 * 16 * 2;                     // written once per output per row fold
    long readBack = partials - 32L * 16 * 16;              // all but each accumulator's first write
    long stored = 32L * 16 * 16 * 4;                       // the store reads the i32 outputs once
    assertEquals(streamed + weights + readBack * 4 + stored, none.level("global").bytesRead(), "no per-PE level");
    for (Counters c : List.of(shared, row, small)) {
      // the shared 64-byte level holds the window beside a partial sum (9 + 4 B); 48 B hold it as 256 B do
      assertEquals(kept + weights + readBack * 4 + stored, c.level("global").bytesRead());
      assertEquals(none.level("global").bytesWritten(), c.level("global").bytesWritten(), "the same partial sums");
      assertTrue(c.cycles() < none.cycles(), "fewer bytes through the 64 B/cycle port");
    }
  }

  @Test
  void eachPerPeLevelIsChargedTheAccessesOfTheOperandsItHolds() {
    Counters shared = layer("shared_spad"), row = layer("input_spad");
    assertEquals(MACS * (1 + 1 + 4), shared.level("local").bytesRead());
    assertEquals(MACS * 4, shared.level("local").bytesWritten());
    assertEquals(MACS, row.level("ifmap").bytesRead());
    assertEquals(0, row.level("ifmap").bytesWritten());
    assertEquals(MACS * 4, row.level("psum").bytesRead());
    assertEquals(MACS * 4, row.level("psum").bytesWritten());
    // the per-PE accesses cost their level's energy: 0.1 pJ/B in the shared level, 0.2 and 0.1 in the scratchpads
    assertEquals(MACS * (6 + 4) * 0.1, shared.level("local").energyPj(), 1e-6);
    assertEquals(MACS * 0.2, row.level("ifmap").energyPj(), 1e-6);
  }

  @Test
  void aPerPeLevelsPortSlowsTheStreamingAndNothingElse() {
    Counters fast = layer("input_spad"), slow = layer("slow_psum");
    // 2 x 2 folds of k x q x r x s = 4608 steps: each step's partial sum read and written through 4 B/cycle
    long steps = 4L * 32 * 16 * 9;
    assertTrue(slow.cycles() >= fast.cycles() + steps, fast.cycles() + " then " + slow.cycles());
    assertEquals(fast.level("global").bytesRead(), slow.level("global").bytesRead(), "the same bytes");
    assertEquals(fast.level("psum").bytesWritten(), slow.level("psum").bytesWritten());
    assertEquals(fast.energyPj(), slow.energyPj());
  }

  /** The model's one layer simulated on target {@code name}, after checking its outputs bit for bit. */
  private static Counters layer(String name) {
    SimResult sim = PredictionTest.simulateVerified(FILE, name);
    assertEquals(1, sim.layers().size());
    return sim.layers().get(0).counters();
  }
}
