// ArrayTraffic's rule as worked examples on one 1x1 convolution, C[k, p] += A[c, p] * B[k, c] with k = 64,
// c = 48, p = 100 (loops in that order), on a 16x16 array with a 64-byte per-PE level: each expected count is
// worked out by hand beside it.
package org.tdlc.machine;


import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.FoldSchedule;
import org.tdlc.ir.target.Network;
import org.tdlc.ir.target.Operand;
import org.tdlc.ir.target.VectorUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ArrayTrafficTest {
  private static final int K = 1, C = 2, P = 4;   // loop masks: k is loop 0, c loop 1, p loop 2
  private static final int[] EXTENTS = {64, 48, 100};
  /** A[c, p], B[k, c], C[k, p], each laid out row-major. */
  private static final long[][] DEPENDS = dense(EXTENTS, C | P, K | C, K | P);
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
    assertEquals(expected, ArrayTraffic.entries(new int[] {64, 1, 100}, K | P, dense(new int[] {64, 1, 100}, K)[0], 16, true));
    assertEquals(6400, ArrayTraffic.entries(new int[] {64, 1, 100}, K | P, dense(new int[] {64, 1, 100}, K)[0], 16, false));
    assertEquals(6400, ArrayTraffic.entries(new int[] {64, 1, 100}, K | P, dense(new int[] {64, 1, 100}, K | P)[0], 16, true));
    assertEquals(400, ArrayTraffic.entries(new int[] {64, 1, 100}, K | P, dense(new int[] {64, 1, 100}, C)[0], 16, true));
    // p inner varies for A: every fold of 16 consecutive positions has 16 distinct p but the last of a k
    long a = 0;
    for (int f = 0; f < 400; f++) {
      java.util.Set<Integer> ps = new java.util.HashSet<>();
      for (int x = f * 16; x < f * 16 + 16; x++) ps.add(x % 100);
      a += ps.size();
    }
    assertEquals(a, ArrayTraffic.entries(new int[] {64, 1, 100}, K | P, dense(new int[] {64, 1, 100}, P)[0], 16, true));
  }

  @Test
  void aClusterTakesInEverythingItsPesReadAtEachStartUpTheStationaryOperandToo() {
    // ws, c (16) on the 16 rows, k (64) on the 16 columns (4 folds), p (100) streamed; the 64-byte per-PE level
    // keeps no loop (100 inputs and 100 partial sums do not fit). Clusters of 16 PEs: a column, as MAESTRO's
    // KC-P Cluster(64) is. At every step each cluster takes in its 16 inputs and its 16 weights again (32
    // bytes, 1 cycle on its own 64 B/cycle link), then its PEs take the step's MAC: 2 cycles a step, 4 x 100
    int[] extents = {64, 16, 100};
    long[][] strides = dense(extents, C | P, K | C, K | P);
    MachineConfig m = machine(new Network(64, 0, true, true, false, 16));
    ArrayTraffic.Counts t = ArrayTraffic.of(m, Dataflow.WS, extents, C, K, strides, 6400, true, 1, 1);
    assertEquals(new ArrayTraffic.Counts(t.a(), t.b(), t.cWritten(), t.cRead(), 4 * 100, 16 + 16, 1), t);
    MachineConfig open = machine(new Network(64, 0, true, true));
    ArrayTraffic.Counts none = ArrayTraffic.of(open, Dataflow.WS, extents, C, K, strides, 6400, true, 1, 1);
    assertEquals(none, new ArrayTraffic.Counts(t.a(), t.b(), t.cWritten(), t.cRead()),
        "the global buffer's counts do not change: a cluster's link re-sends what its root took in once");
    assertEquals(400 * 2, Timing.startUp(m, t));
    assertEquals(0, Timing.startUp(open, none));
    long without = Timing.mac(open, Dataflow.WS, 4, 400, 0, 0, none.read(1, 1), none.written(), 1, 1, PeWalk.RULE, 0, null);
    assertEquals(516, without, "the network's feed: 6,400 inputs, 1,024 weights, 6,400 i32 partial sums");
    assertEquals(800, Timing.mac(m, Dataflow.WS, 4, 400, 0, 0, t.read(1, 1), t.written(), 1, 1, PeWalk.RULE,
        Timing.startUp(m, t), null));
  }

  @Test
  void aClustersStartUpIsOneIterationOfWhatItsPesKeepSharedAmongItsPes() {
    // os, p (20) on the 16 rows, r (3) kept in each PE; C[p] += A[p + r] * B[r]. Clusters of 8 rows: a
    // start-up per fold (r is the iteration), each cluster taking the 8 + 3 - 1 inputs of its PEs' windows and
    // the 3 weights (13 bytes: 1 cycle on 16 B/cycle), then 3 steps; 2 folds. Without multicast each PE
    // takes its own 3 inputs and 3 weights: 48 bytes, 3 cycles
    long[][] strides = {{1, 1}, {0, 1}, {1, 0}};
    MachineConfig m = machine(new Network(16, 0, true, true, false, 8));
    ArrayTraffic.Counts t = ArrayTraffic.of(m, Dataflow.OS, new int[] {20, 3}, 1, 0, strides, 20, false, 1, 1);
    assertEquals(2, t.startUps());
    assertEquals(10 + 3, t.startUpBytes());
    assertEquals(3, t.startUpSteps());
    assertEquals(2 * (1 + 3), Timing.startUp(m, t));
    MachineConfig alone = machine(new Network(16, 0, false, true, false, 8));
    ArrayTraffic.Counts own = ArrayTraffic.of(alone, Dataflow.OS, new int[] {20, 3}, 1, 0, strides, 20, false, 1, 1);
    assertEquals(8 * 3 + 8 * 3, own.startUpBytes());
    assertEquals(2 * (3 + 3), Timing.startUp(alone, own));
    // a cluster of 16 rows: the first 16 p of the fold, their windows' 16 + 3 - 1 inputs
    ArrayTraffic.Counts whole = ArrayTraffic.of(machine(new Network(16, 0, true, true, false, 16)), Dataflow.OS,
        new int[] {20, 3}, 1, 0, strides, 20, false, 1, 1);
    assertEquals(16 + 2 + 3, whole.startUpBytes());
  }

  @Test
  void neighboursWhoseKeptWindowsOverlapShareWhatTheyShareWhenTheNetworkMulticasts() {
    // loops p (rows), r (temporal); C[p] += A[p + r] * B[r]; os. Each PE keeps its window of 3 inputs (its per-PE
    // level holds A and B across r); the PEs of a fold fill their windows at once, so with multicast a fold
    // takes the distinct inputs of all its windows: p + r - 1 of them
    long[][] strides = {{1, 1}, {0, 1}, {1, 0}};
    ArrayTraffic.Counts one = ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.OS, new int[] {8, 3}, 1, 0, strides,
        8, false, 1, 1);
    assertEquals(8 + 3 - 1, one.a());                 // one fold of 8 rows: 10 inputs, not 8 x 3
    assertEquals(3, one.b());                          // B[r] multicast to every row
    ArrayTraffic.Counts two = ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.OS, new int[] {20, 3}, 1, 0, strides,
        20, false, 1, 1);
    assertEquals((16 + 2) + (4 + 2), two.a());        // 16 rows: folds of p 0..15 and 16..19
    ArrayTraffic.Counts alone = ArrayTraffic.of(machine(new Network(0, 0, false, true)), Dataflow.OS,
        new int[] {20, 3}, 1, 0, strides, 20, false, 1, 1);
    assertEquals(20 * 3, alone.a());                  // without multicast each PE takes its own window
    // rows [a, p] flattened (a outer, A[100 a + p + r]): the first fold (a = 0: p 0..9, a = 1: p 0..5) is ragged
    // and counted element by element, 12 + 8; the second (a = 1: p 6..9) is a box, 4 + 2
    long[][] two2 = {{100, 1, 1}, {0, 0, 1}, {10, 1, 0}};
    ArrayTraffic.Counts ragged = ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.OS, new int[] {2, 10, 3}, 1 | 2, 0,
        two2, 20, false, 1, 1);
    assertEquals(12 + 8 + 6, ragged.a());
  }

  @Test
  void aPartialSumStaysInItsPeAcrossInnerReductionLoops() {
    // loops k (4), c (4), p (10), r (3), outermost first; C[k, p] += A[c, p, r] * B[k, c, r]; ws, rows c, cols k
    // (one fold each); temporal p then r
    int[] extents = {4, 4, 10, 3};
    long[][] depends = dense(extents, 2 | 4 | 8, 1 | 2 | 8, 1 | 4);
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
    long[][] depends = dense(extents, 2 | 8, 1 | 2 | 4, 1 | 4 | 8);
    long outputs = 4 * 16 * 10;
    // M's 64-byte local level holds all: p fits (10 inputs + 10 partial sums of 4 bytes = 50 B), kt does not
    // (the partial sums would grow to 160 B), so each PE keeps its 10 inputs across kt, which they do not vary with
    ArrayTraffic.Counts kept = ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.WS, extents, 2, 4, depends, outputs,
        true, 1, 1);
    assertEquals(16 * 10, kept.a());            // 16 rows x 10 p, once for all four kt (multicast along ks)
    assertEquals(4 * 16 * 16, kept.b());        // stationary: once per value of kt
    assertEquals(16 * 4 * 10, kept.cWritten()); // 16 columns, reduced along c: once per output
    assertEquals(0, kept.cRead());
    // a per-PE level of 8 bytes that holds only the inputs cannot keep 10 of them; but the PEs walk kt inside p
    // (the inputs do not read kt), so each input serves the four kt in turn and enters once all the same
    MachineConfig small = machine(Network.DEFAULT, new MemoryLevel("in", 8, true, 0, 1, false, 0, Operand.INPUTS.bit()));
    assertEquals(16 * 10, ArrayTraffic.of(small, Dataflow.WS, extents, 2, 4, depends, outputs, true, 1, 1).a());
    // and so at any width: at 3 bytes p no longer fits (30 + 40 = 70 B), kt inside p still keeps each input
    assertEquals(16 * 10,
        ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.WS, extents, 2, 4, depends, outputs, true, 3, 1).a());
  }

  @Test
  void aPinnedWalkKeepAndBypassReplaceTheRule() {
    // the nest above: kt (4), c (16, rows), ks (16, cols), p (10); temporal kt and p; M's 64-byte level holds all
    int[] extents = {4, 16, 16, 10};
    long[][] depends = dense(extents, 2 | 8, 1 | 2 | 4, 1 | 4 | 8);
    long outputs = 4 * 16 * 10;
    MachineConfig m = machine(Network.DEFAULT);
    ArrayTraffic.Counts rule = ArrayTraffic.of(m, Dataflow.WS, extents, 2, 4, depends, outputs, true, 1, 1);
    // pinning the walk kt then p with the level keeping what fits is what the rule found
    PeWalk walk = new PeWalk(new int[] {0, 1, 2, 3}, null, 0);
    assertEquals(rule, ArrayTraffic.of(m, Dataflow.WS, extents, 2, 4, depends, outputs, true, 1, 1, walk));
    // kept to no loop, the level keeps one input and one partial sum: the 10 inputs of a row enter for each of
    // the 4 kt (4 x 10 per row, multicast along ks), and each partial sum leaves once per output all the same
    PeWalk none = new PeWalk(new int[] {0, 1, 2, 3}, new int[][] {{0, 0, 0, 0}}, 0);
    ArrayTraffic.Counts kept = ArrayTraffic.of(m, Dataflow.WS, extents, 2, 4, depends, outputs, true, 1, 1, none);
    assertEquals(16 * 4 * 10, kept.a());
    assertEquals(rule.b(), kept.b());
    assertEquals(rule.cWritten(), kept.cWritten());
    // bypassing the inputs there (bit A of the first per-PE level) does the same to them, not to the partial sums
    PeWalk bypass = new PeWalk(new int[] {0, 1, 2, 3}, null, 1 << ArrayTraffic.A);
    ArrayTraffic.Counts passed = ArrayTraffic.of(m, Dataflow.WS, extents, 2, 4, depends, outputs, true, 1, 1, bypass);
    assertEquals(16 * 4 * 10, passed.a());
    assertEquals(rule.cWritten(), passed.cWritten());
    // the level holds every operand, so the dataflow's registers that keep the weights for the fold are part of
    // it: bypassing the weights there, nothing in the PE holds them, and each enters whenever its value changes
    // (once per kt: the same 4 x 16 x 16 here, since p, inside, does not change it); walking p outside kt, at every step
    PeWalk weights = new PeWalk(new int[] {0, 1, 2, 3}, null, 1 << ArrayTraffic.B);
    assertEquals(4 * 16 * 16, ArrayTraffic.of(m, Dataflow.WS, extents, 2, 4, depends, outputs, true, 1, 1, weights).b());
    PeWalk pOutside = new PeWalk(new int[] {1, 0, 0, 0}, null, 1 << ArrayTraffic.B);
    assertEquals(10 * 4 * 16 * 16, ArrayTraffic.of(m, Dataflow.WS, extents, 2, 4, depends, outputs, true, 1, 1, pOutside).b());
    assertEquals(4 * 16 * 16, ArrayTraffic.of(m, Dataflow.WS, extents, 2, 4, depends, outputs, true, 1, 1,
        new PeWalk(new int[] {1, 0, 0, 0}, null, 0)).b(), "unbypassed, the registers hold them for the fold whatever the walk");
    // what a pinned keep needs: 10 inputs and 10 partial sums over p (50 B); over kt and p, 10 + 160 B
    assertEquals(50, ArrayTraffic.keptBytes(m, Dataflow.WS, extents, 2, 4, depends, 1, 1,
        new PeWalk(new int[] {0, 1, 2, 3}, new int[][] {{0, 0, 0, PeWalk.WHOLE}}, 0))[0]);
    assertEquals(170, ArrayTraffic.keptBytes(m, Dataflow.WS, extents, 2, 4, depends, 1, 1,
        new PeWalk(new int[] {0, 1, 2, 3}, new int[][] {{PeWalk.WHOLE, 0, 0, PeWalk.WHOLE}}, 0))[0]);
    // and the level never keeps more than fits: pinned to both loops, it keeps p alone, as the rule does
    assertEquals(rule, ArrayTraffic.of(m, Dataflow.WS, extents, 2, 4, depends, outputs, true, 1, 1,
        new PeWalk(new int[] {0, 1, 2, 3}, new int[][] {{PeWalk.WHOLE, 0, 0, PeWalk.WHOLE}}, 0)));
  }

  @Test
  void aLevelKeepsThePartsOfLoopsAPinGivesItInsideThoseItDoesNot() {
    // loops k (4) and p (10) in the PEs, c (16) on the rows; C[k, p] += A[c, p] * B[k, c]; ws; a 5-byte level
    // that holds the inputs only; the PEs walk k outside p
    int[] extents = {4, 16, 10};
    long[][] depends = dense(extents, 2 | 4, 1 | 2, 1 | 4);
    MachineConfig five = machine(Network.DEFAULT, new MemoryLevel("in", 5, true, 0, 1, false, 0, Operand.INPUTS.bit()));
    int[] kOutside = {0, 1, 2};
    // keeping k and p whole: p's 10 inputs do not fit, so the level keeps none and each row's 10 enter for each k
    PeWalk whole = new PeWalk(kOutside, new int[][] {{PeWalk.WHOLE, 0, PeWalk.WHOLE}}, 0);
    assertEquals(16 * 4 * 10, ArrayTraffic.of(five, Dataflow.WS, extents, 2, 0, depends, 40, true, 1, 1, whole).a());
    // keeping all of k and 5 of p: p splits into 2 x 5 and the kept parts walk inside the rest, p2 then k4 then
    // p5; the level keeps 5 inputs across the 4 k, so each enters once
    PeWalk part = new PeWalk(kOutside, new int[][] {{PeWalk.WHOLE, 0, 5}}, 0);
    assertEquals(16 * 10, ArrayTraffic.of(five, Dataflow.WS, extents, 2, 0, depends, 40, true, 1, 1, part).a());
    assertEquals(5, ArrayTraffic.keptBytes(five, Dataflow.WS, extents, 2, 0, depends, 1, 1, part)[0]);
    // a part that does not divide its loop keeps the largest divisor below it: 4 of p keeps 2 (p5 x 2)
    PeWalk four = new PeWalk(kOutside, new int[][] {{PeWalk.WHOLE, 0, 4}}, 0);
    assertEquals(2, ArrayTraffic.keptBytes(five, Dataflow.WS, extents, 2, 0, depends, 1, 1, four)[0]);
    assertEquals(16 * 10, ArrayTraffic.of(five, Dataflow.WS, extents, 2, 0, depends, 40, true, 1, 1, four).a());
  }

  @Test
  void aWalkWithAReductionLoopOutsideSendsPartialSumsOutAndBack() {
    // loops k (4, cols), c (4, rows), p (10), r (3): C[k, p] += A[c, p, r] * B[k, c, r]; ws; keeping nothing
    int[] extents = {4, 4, 10, 3};
    long[][] depends = dense(extents, 2 | 4 | 8, 1 | 2 | 8, 1 | 4);
    MachineConfig m = machine(Network.DEFAULT);
    // r inside p: each partial sum is finished before the PE moves on, 4 columns x 10 leave once
    ArrayTraffic.Counts inner = ArrayTraffic.of(m, Dataflow.WS, extents, 2, 1, depends, 40, true, 1, 1,
        new PeWalk(new int[] {0, 1, 2, 3}, new int[][] {{0, 0, 0, 0}}, 0));
    assertEquals(4 * 10, inner.cWritten());
    assertEquals(0, inner.cRead());
    // r outside p: every partial sum leaves once per r and, after the first, comes back
    ArrayTraffic.Counts outer = ArrayTraffic.of(m, Dataflow.WS, extents, 2, 1, depends, 40, true, 1, 1,
        new PeWalk(new int[] {0, 1, 3, 2}, new int[][] {{0, 0, 0, 0}}, 0));
    assertEquals(4 * 10 * 3, outer.cWritten());
    assertEquals(4 * 10 * 2, outer.cRead());
    // with the level keeping what fits (p's 10 inputs and 10 partial sums) they stay across r again
    assertEquals(4 * 10, ArrayTraffic.of(m, Dataflow.WS, extents, 2, 1, depends, 40, true, 1, 1,
        new PeWalk(new int[] {0, 1, 3, 2}, null, 0)).cWritten());
  }

  @Test
  void aLevelsOwnOrderDecidesWhatTheOperandsNoLevelKeepsDo() {
    // the nest above (k cols, c rows, p 10 and r 3 in time), a 64-byte level of inputs keeping p and r whole; the
    // partial sums are kept nowhere, so they stay in the PE only while their value does not change
    int[] extents = {4, 4, 10, 3};
    long[][] depends = dense(extents, 2 | 4 | 8, 1 | 2 | 8, 1 | 4);
    MachineConfig m = machine(Network.DEFAULT, new MemoryLevel("in", 64, true, 0, 1, false, 0, Operand.INPUTS.bit()));
    int[] walk = {0, 1, 2, 3};
    int[][] keep = {{0, 0, PeWalk.WHOLE, PeWalk.WHOLE}};
    // the level walks its loops in the walk's order, r inside p: each partial sum is finished before the next
    ArrayTraffic.Counts byWalk = ArrayTraffic.of(m, Dataflow.WS, extents, 2, 1, depends, 40, true, 1, 1,
        new PeWalk(walk, keep, 0));
    assertEquals(4 * 10, byWalk.cWritten());
    assertEquals(0, byWalk.cRead());
    // its own order puts r outside p: every partial sum leaves once per r and comes back, though the walk says p
    // first; the inputs it keeps across both loops enter once either way
    ArrayTraffic.Counts rFirst = ArrayTraffic.of(m, Dataflow.WS, extents, 2, 1, depends, 40, true, 1, 1,
        new PeWalk(walk, keep, 0, new int[][] {{-1, -1, 1, 0}}));
    assertEquals(4 * 10 * 3, rFirst.cWritten());
    assertEquals(4 * 10 * 2, rFirst.cRead());
    assertEquals(byWalk.a(), rFirst.a());
    // an order that repeats the walk's is the walk's
    assertEquals(byWalk, ArrayTraffic.of(m, Dataflow.WS, extents, 2, 1, depends, 40, true, 1, 1,
        new PeWalk(walk, keep, 0, new int[][] {{-1, -1, 0, 1}})));
  }

  @Test
  void aScratchpadOfTheStationaryOperandRefillsWhatDoesNotFitAsTheOuterLoopsAdvance() {
    // loops p (10), kt (4), ct (2), cs (16), ks (16), outermost first, k = kt x 16 + ks, c = ct x 16 + cs; ws,
    // rows cs, cols ks (one fold each); temporal p and kt (output loops) and ct (a reduction loop, innermost):
    // each PE takes 4 x 2 = 8 weights in the fold, 2 per value of kt
    int[] extents = {10, 4, 2, 16, 16};
    long[][] depends = dense(extents, 1 | 4 | 8, 2 | 4 | 8 | 16, 1 | 2 | 16);
    long outputs = 4 * 16 * 10;
    int pes = 16 * 16;
    // M's local level holds every operand: the dataflow's registers hold the 8 weights for the fold
    assertEquals(8 * pes, ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.WS, extents, 8, 16, depends, outputs, true, 1, 1).b());
    // an 8-byte filter scratchpad keeps them too: kt and ct fit, and p, which the weights do not vary with, adds nothing
    MachineConfig eight = machine(Network.DEFAULT, new MemoryLevel("w", 8, true, 0, 1, false, 0, Operand.WEIGHTS.bit()));
    assertEquals(8 * pes, ArrayTraffic.of(eight, Dataflow.WS, extents, 8, 16, depends, outputs, true, 1, 1).b());
    // a 2-byte one holds one kt's 2: the PEs walk p inside kt (the weights do not read p), so each 2 serve all
    // 10 p and enter once
    MachineConfig two = machine(Network.DEFAULT, new MemoryLevel("w", 2, true, 0, 1, false, 0, Operand.WEIGHTS.bit()));
    assertEquals(8 * pes, ArrayTraffic.of(two, Dataflow.WS, extents, 8, 16, depends, outputs, true, 1, 1).b());
    // a 1-byte one cannot keep the 2 the reduction loop walks for each output: they enter again at every (p, kt)
    MachineConfig one = machine(Network.DEFAULT, new MemoryLevel("w", 1, true, 0, 1, false, 0, Operand.WEIGHTS.bit()));
    assertEquals(10 * 8 * pes, ArrayTraffic.of(one, Dataflow.WS, extents, 8, 16, depends, outputs, true, 1, 1).b());
    // at 2 bytes a weight the 2-byte scratchpad holds only 1 of them
    assertEquals(10 * 8 * pes, ArrayTraffic.of(two, Dataflow.WS, extents, 8, 16, depends, outputs, true, 1, 2).b());
    // double-buffered, a scratchpad keeps elements in half of it (the other half fills): 4 bytes keep the 2, 2 do not
    MachineConfig four = machine(Network.DEFAULT, new MemoryLevel("w", 4, true, 0, 1, true, 0, Operand.WEIGHTS.bit()));
    assertEquals(8 * pes, ArrayTraffic.of(four, Dataflow.WS, extents, 8, 16, depends, outputs, true, 1, 1).b());
    MachineConfig twoDouble = machine(Network.DEFAULT, new MemoryLevel("w", 2, true, 0, 1, true, 0, Operand.WEIGHTS.bit()));
    assertEquals(10 * 8 * pes, ArrayTraffic.of(twoDouble, Dataflow.WS, extents, 8, 16, depends, outputs, true, 1, 1).b());
  }

  @Test
  void rowStationaryRowsOfTapsAndColumnsOfOutputsShareTheirInputRows() {
    // loops p (columns), r (rows), outermost first; C[p] += A[h] * B[r] with h = stride x p + r: Eyeriss's
    // PE (r, p) reads input row p + r, which the diagonal multicast gives every PE of that diagonal at once
    int[] extents = {6, 3};
    MachineConfig m = machine(Network.DEFAULT);
    // stride 1: h = p + r over 6 x 3 positions reaches 0..7: 8 elements, not 18 (p, r) pairs
    ArrayTraffic.Counts one = ArrayTraffic.of(m, Dataflow.RS, extents, 2, 1, window(1), 6, true, 1, 1);
    assertEquals(6 + 3 - 1, one.a());
    assertEquals(3, one.b());          // the taps stay in their rows
    assertEquals(6, one.cWritten());   // reduced over the rows: one partial sum per column
    // stride 2: h = 2p + r reaches 0..12, every one (the 3 taps cover the stride): 13
    assertEquals(2 * 5 + 3, ArrayTraffic.of(m, Dataflow.RS, extents, 2, 1, window(2), 6, true, 1, 1).a());
    // without multicast every PE still gets its own copy
    assertEquals(18, ArrayTraffic.of(machine(new Network(0, 0, false, false)), Dataflow.RS, extents, 2, 1, window(1),
        6, true, 1, 1).a());
    // p = 20 on 16 columns: two folds, p 0..15 (18 rows h) and p 16..19 (16..21: 6), each counted whole
    assertEquals(18 + 6, ArrayTraffic.of(m, Dataflow.RS, new int[] {20, 3}, 2, 1, window(1), 20, true, 1, 1).a());
    // at stride 2: 0..32 (33) and 32..40 (9)
    assertEquals(33 + 9, ArrayTraffic.of(m, Dataflow.RS, new int[] {20, 3}, 2, 1, window(2), 20, true, 1, 1).a());
  }

  @Test
  void aPerPeLevelKeepsASlidingWindowsInputsOncePerRow() {
    // loops k (4, columns), c (4, rows), p (10), r (3), outermost first; C[k, p] += A[c, h] * B[k, c, r] with
    // h = stride x p + r; ws; temporal p then r. M's 64-byte per-PE level holds all three
    int[] extents = {4, 4, 10, 3};
    // stride 1: r fits (3 inputs + 1 partial sum = 7 B), then p: the PE keeps its row's 10 + 3 - 1 = 12 inputs
    // and 10 partial sums (12 + 40 = 52 B; as 30 (p, r) pairs, 70 B, it would not): each row takes 12 once
    ArrayTraffic.Counts t = ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.WS, extents, 2, 1, rows(1), 40, true, 1, 1);
    assertEquals(4 * 12, t.a());
    assertEquals(16 * 3, t.b());         // stationary: per PE once per tap
    assertEquals(4 * 10, t.cWritten());  // each output leaves once
    assertEquals(0, t.cRead());
    // stride 2: 2 x 9 + 3 = 21 inputs (21 + 40 = 61 B still fit)
    assertEquals(4 * 21, ArrayTraffic.of(machine(Network.DEFAULT), Dataflow.WS, extents, 2, 1, rows(2), 40, true, 1, 1).a());
    // Eyeriss's 12-byte input scratchpad keeps the 12 (stride 1); an 11-byte one keeps only the 3 taps and
    // slides them along the row, one new input per p: the same 12 enter (at stride 2, two per p: 21); a
    // 2-byte one keeps none, so the 3 taps enter anew at each of the 10 p
    MachineConfig twelve = machine(Network.DEFAULT, new MemoryLevel("in", 12, true, 0, 1, false, 0, Operand.INPUTS.bit()));
    assertEquals(4 * 12, ArrayTraffic.of(twelve, Dataflow.WS, extents, 2, 1, rows(1), 40, true, 1, 1).a());
    MachineConfig eleven = machine(Network.DEFAULT, new MemoryLevel("in", 11, true, 0, 1, false, 0, Operand.INPUTS.bit()));
    assertEquals(4 * 12, ArrayTraffic.of(eleven, Dataflow.WS, extents, 2, 1, rows(1), 40, true, 1, 1).a());
    assertEquals(4 * 21, ArrayTraffic.of(eleven, Dataflow.WS, extents, 2, 1, rows(2), 40, true, 1, 1).a());
    MachineConfig two = machine(Network.DEFAULT, new MemoryLevel("in", 2, true, 0, 1, false, 0, Operand.INPUTS.bit()));
    assertEquals(4 * 3 * 10, ArrayTraffic.of(two, Dataflow.WS, extents, 2, 1, rows(1), 40, true, 1, 1).a());
  }

  @Test
  void whatEntersTheArrayIsTheDistinctElementsOfEachFoldCountedPointByPoint() {
    // random nests of 3 or 4 loops on a 4 x 3 array, each loop on the rows, the columns or neither, with
    // strides of windows and rows: the sum over every pair of folds of its positions' distinct offsets
    java.util.Random random = new java.util.Random(7);
    long[] pool = {0, 1, 1, 2, 3, 5, 8};
    for (int trial = 0; trial < 500; trial++) {
      int n = 3 + random.nextInt(2), rowMask = 0, colMask = 0;
      int[] ext = new int[n];
      long[] str = new long[n];
      for (int l = 0; l < n; l++) {
        ext[l] = 1 + random.nextInt(5);
        str[l] = pool[random.nextInt(pool.length)];
        int axis = random.nextInt(3);
        if (axis == 0) rowMask |= 1 << l;
        if (axis == 1) colMask |= 1 << l;
      }
      long expected = 0;
      long[][] rows = positions(ext, rowMask, str), cols = positions(ext, colMask, str);
      for (int i = 0; i < rows.length; i += 4) {
        for (int j = 0; j < cols.length; j += 3) {
          Set<Long> seen = new java.util.HashSet<>();
          for (int a = i; a < Math.min(i + 4, rows.length); a++) {
            for (int b = j; b < Math.min(j + 3, cols.length); b++) seen.add(rows[a][0] + cols[b][0]);
          }
          expected += seen.size();
        }
      }
      assertEquals(expected, ArrayTraffic.spatial(ext, rowMask, colMask, str, 4, 3, true),
          java.util.Arrays.toString(ext) + " " + java.util.Arrays.toString(str) + " rows " + rowMask + " cols " + colMask);
    }
  }

  /** The offset of each position of the loops in {@code mask}, flattened outermost first. */
  private static long[][] positions(int[] ext, int mask, long[] str) {
    java.util.List<long[]> out = new java.util.ArrayList<>();
    out.add(new long[] {0});
    for (int l = 0; l < ext.length; l++) {
      if ((mask >> l & 1) == 0) continue;
      java.util.List<long[]> next = new java.util.ArrayList<>();
      for (long[] o : out) for (int x = 0; x < ext[l]; x++) next.add(new long[] {o[0] + x * str[l]});
      out = next;
    }
    return out.toArray(new long[0][]);
  }

  /** Strides of A[h], B[r], C[p] over loops p, r, h = stride x p + r (A's row spans 5 x stride + 3). */
  private static long[][] window(int stride) { return new long[][] {{stride, 1}, {0, 1}, {1, 0}}; }

  /**
   * Strides over loops k, c, p, r of A[c, h] (a row of 9 x stride + 3 per channel), B[k, c, r] and C[k, p], h =
   * stride x p + r, each laid out row-major.
   */
  private static long[][] rows(int stride) {
    long h = 9L * stride + 3;
    return new long[][] {{0, h, stride, 1}, {12, 3, 0, 1}, {10, 0, 1, 0}};
  }

  @Test
  void theNetworkBoundsAMacLikeTheBufferPortAndAddsItsLatency() {
    MachineConfig narrow = machine(new Network(8, 5, true, true));
    // the array alone: 129 cycles (MachineRulesTest); + 5 of latency; the port (64 B/cycle) 157 cycles for 10000 B,
    // the network (8 B/cycle) 1250
    assertEquals(129 + 5, Timing.mac(narrow, Dataflow.WS, 6, 18, 2400, 0, 64, 0, 1, 1));
    assertEquals(1250, Timing.mac(narrow, Dataflow.WS, 6, 18, 2400, 0, 10_000, 0, 1, 1));
  }

  /**
   * Per operand, the element strides of an operand subscripted by the loops in its mask, one loop per
   * dimension, laid out row-major (the last loop fastest).
   */
  private static long[][] dense(int[] extents, int... masks) {
    long[][] s = new long[masks.length][extents.length];
    for (int x = 0; x < masks.length; x++) {
      long row = 1;
      for (int l = extents.length - 1; l >= 0; l--) {
        if ((masks[x] >> l & 1) == 0) continue;
        s[x][l] = row;
        row *= extents[l];
      }
    }
    return s;
  }

  /** MachineRulesTest.M (its per-PE level, or {@code perPe} in its place) with this network. */
  private static MachineConfig machine(Network network, MemoryLevel... perPe) {
    MachineConfig m = MachineRulesTest.M;
    List<MemoryLevel> levels = perPe.length == 0 ? m.levels() : List.of(m.dram(), m.global(), perPe[0]);
    return new MachineConfig(m.target(), m.rows(), m.cols(), Set.of(Dataflow.WS, Dataflow.OS, Dataflow.IS, Dataflow.RS),
        m.frequencyMhz(), levels, m.macEnergyPj(), m.dmaLatency(), m.formats(), m.hardwareDecode(),
        m.skipZeros(), FoldSchedule.DEFAULT, VectorUnit.defaultFor(m.cols()), network);
  }
}
