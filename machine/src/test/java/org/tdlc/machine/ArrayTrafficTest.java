// ArrayTraffic's rule as worked examples on one 1x1 convolution, C[k, p] += A[c, p] * B[k, c] with k = 64,
// c = 48, p = 100 (loops in that order), on a 16x16 array with a 64-byte per-PE level: each expected count is
// worked out by hand beside it.
package org.tdlc.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.FoldSchedule;
import org.tdlc.ir.target.Network;
import org.tdlc.ir.target.Operand;
import org.tdlc.ir.target.VectorUnit;

class ArrayTrafficTest {
  private static final int K = 1, C = 2, P = 4;   // loop masks: k is loop 0, c loop 1, p loop 2
  private static final int[] EXTENTS = {64, 48, 100};
  /** A[c, p], B[k, c], C[k, p]. */
  private static final int[] DEPENDS = {C | P, K | C, K | P};
  private static final long OUTPUTS = 64 * 100;

  @Test
  void weightStationaryReadsWeightsOnceInputsPerColumnFoldAndWritesPartialSumsPerRowFold() {
    // rows c (48: 3 folds), cols k (64: 4 folds), p streams 100 steps per fold pair
    ArrayTraffic.Counts t = ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.WS, EXTENTS, C, K, DEPENDS, OUTPUTS, true, 1, 1);
    assertEquals(48 * 4 * 100, t.a());           // A: 48 rows x 4 column folds (multicast along k) x 100 steps
    assertEquals(64 * 48, t.b());                // B: stationary, each weight once
    assertEquals(3 * 64 * 100, t.cWritten());    // C: reduced over the rows, per row fold, every step
    assertEquals(3 * 64 * 100 - OUTPUTS, t.cRead());   // all but each accumulator's first write
    assertEquals(t.a() + t.b() + t.cRead() * 4, t.read(1, 1));
    assertEquals(t.cWritten() * 4, t.written());
  }

  @Test
  void outputStationaryReadsEachOperandOncePerFoldOfTheOthersAxisAndWritesOutputsOnce() {
    // rows p (100: 7 folds), cols k (64: 4 folds), c streams 48 steps per fold pair
    ArrayTraffic.Counts t = ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.OS, EXTENTS, P, K, DEPENDS, OUTPUTS, false, 1, 1);
    assertEquals(100 * 4 * 48, t.a());           // A: per column fold
    assertEquals(7 * 64 * 48, t.b());            // B: per row fold
    assertEquals(OUTPUTS, t.cWritten());         // C stays in the PEs: each output leaves once
    assertEquals(OUTPUTS, t.cRead());            // and, not starting them, was read in first
  }

  @Test
  void inputStationaryMirrorsWeightStationary() {
    // rows c (3 folds), cols p (100: 7 folds), k streams 64 steps
    ArrayTraffic.Counts t = ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.IS, EXTENTS, C, P, DEPENDS, OUTPUTS, true, 1, 1);
    assertEquals(48 * 100, t.a());
    assertEquals(48 * 7 * 64, t.b());
    assertEquals(3 * 100 * 64, t.cWritten());
  }

  @Test
  void withoutMulticastEveryPositionGetsItsOwnCopyAndWithoutReductionEveryPartialSumLeaves() {
    ArrayTraffic.Counts t = ArrayTraffic.of(machine(new Network(0, 0, false, false)), Dataflow.WS, EXTENTS, C, K,
        DEPENDS, OUTPUTS, true, 1, 1);
    assertEquals(48 * 64 * 100, t.a());          // every PE receives its input at every step
    assertEquals(64 * 48, t.b());
    assertEquals(48 * 64 * 100, t.cWritten());   // every PE's partial sum leaves
  }

  @Test
  void anAxisOfSeveralIndicesCountsTheDistinctValuesInEachFold() {
    // rows [k, p] flattened (k outer): 64 x 100 = 6400 positions, 400 folds of 16. B[k, c] varies with k only:
    // a fold holds one k, or two where a k's 100 positions end inside it; counted fold by fold here
    long expected = 0;
    for (int f = 0; f < 400; f++) expected += (f * 16 + 15) / 100 - (f * 16) / 100 + 1;
    assertEquals(expected, ArrayTraffic.entries(new int[] {64, 1, 100}, K | P, K, 16, true));
    assertEquals(6400, ArrayTraffic.entries(new int[] {64, 1, 100}, K | P, K, 16, false));
    assertEquals(6400, ArrayTraffic.entries(new int[] {64, 1, 100}, K | P, K | P, 16, true));
    assertEquals(400, ArrayTraffic.entries(new int[] {64, 1, 100}, K | P, C, 16, true));
    // p inner varies for A: every fold of 16 consecutive positions has 16 distinct p but the last of a k
    long a = 0;
    for (int f = 0; f < 400; f++) {
      java.util.Set<Integer> ps = new java.util.HashSet<>();
      for (int x = f * 16; x < f * 16 + 16; x++) ps.add(x % 100);
      a += ps.size();
    }
    assertEquals(a, ArrayTraffic.entries(new int[] {64, 1, 100}, K | P, P, 16, true));
  }

  @Test
  void aPartialSumStaysInItsPeAcrossInnerReductionLoops() {
    // loops k (4), c (4), p (10), r (3), outermost first; C[k, p] += A[c, p, r] * B[k, c, r]; ws, rows c, cols k
    // (one fold each); temporal p then r
    int[] extents = {4, 4, 10, 3};
    int[] depends = {2 | 4 | 8, 1 | 2 | 8, 1 | 4};
    ArrayTraffic.Counts t = ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.WS, extents, 2, 1, depends, 40, true, 1, 1);
    assertEquals(4 * 10 * 3, t.a());   // A changes every step
    assertEquals(16 * 3, t.b());       // B stays for the fold: once per value of r
    assertEquals(4 * 10, t.cWritten());   // C stays across r, leaves once per p
    assertEquals(0, t.cRead());          // each accumulator written once, the first time
  }

  @Test
  void aPerPeLevelKeepsAnOperandAcrossTheOuterLoopsItDoesNotDependOnWhenItsInnerLoopsFit() {
    // loops kt (4), c (16), ks (16), p (10), outermost first, k = kt x 16 + ks; C[k, p] += A[c, p] * B[k, c]; ws,
    // rows c, cols ks (one fold each); temporal kt then p
    int[] extents = {4, 16, 16, 10};
    int[] depends = {2 | 8, 1 | 2 | 4, 1 | 4 | 8};
    long outputs = 4 * 16 * 10;
    // M's 64-byte local level holds all: p fits (10 inputs + 10 partial sums of 4 bytes = 50 B), kt does not
    // (the partial sums would grow to 160 B), so each PE keeps its 10 inputs across kt, which they do not vary with
    ArrayTraffic.Counts kept = ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.WS, extents, 2, 4, depends, outputs,
        true, 1, 1);
    assertEquals(16 * 10, kept.a());            // 16 rows x 10 p, once for all four kt (multicast along ks)
    assertEquals(4 * 16 * 16, kept.b());        // stationary: once per value of kt
    assertEquals(16 * 4 * 10, kept.cWritten()); // 16 columns, reduced along c: once per output
    assertEquals(0, kept.cRead());
    // a per-PE level of 8 bytes that holds only the inputs cannot keep 10 of them: they enter at every step
    MachineConfig small = machine(Network.DEFAULT, new MemoryLevel("in", 8, true, 0, 1, false, 0, Operand.INPUTS.bit()));
    assertEquals(16 * 4 * 10, ArrayTraffic.of(small, Dataflow.WS, extents, 2, 4, depends, outputs, true, 1, 1).a());
    // the inputs' width counts: at 2 bytes p still fits (20 + 40 = 60 B), at 3 bytes it does not (30 + 40 = 70 B)
    assertEquals(16 * 10,
        ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.WS, extents, 2, 4, depends, outputs, true, 2, 1).a());
    assertEquals(16 * 4 * 10,
        ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.WS, extents, 2, 4, depends, outputs, true, 3, 1).a());
  }

  @Test
  void theNetworkBoundsAMacLikeTheBufferPortAndAddsItsLatency() {
    MachineConfig narrow = machine(new Network(8, 5, true, true));
    // the array alone: 129 cycles (MachineRulesTest); + 5 of latency; the port (64 B/cycle) 157 cycles for 10000 B,
    // the network (8 B/cycle) 1250
    assertEquals(129 + 5, Timing.mac(narrow, Dataflow.WS, 6, 18, 2400, 0, 64, 0, 1, 1));
    assertEquals(1250, Timing.mac(narrow, Dataflow.WS, 6, 18, 2400, 0, 10_000, 0, 1, 1));
  }

  /** MachineRulesTest.M (its per-PE level, or {@code perPe} in its place) with this network. */
  private static MachineConfig machine(Network network, MemoryLevel... perPe) {
    MachineConfig m = MachineRulesTest.M;
    List<MemoryLevel> levels = perPe.length == 0 ? m.levels() : List.of(m.dram(), m.global(), perPe[0]);
    return new MachineConfig(m.target(), m.rows(), m.cols(), Set.of(Dataflow.WS, Dataflow.OS, Dataflow.IS),
        m.frequencyMhz(), levels, m.macEnergyPj(), m.dmaLatency(), m.formats(), m.hardwareDecode(),
        m.skipZeros(), FoldSchedule.DEFAULT, VectorUnit.defaultFor(m.cols()), network, null);
  }
}
