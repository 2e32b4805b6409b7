// The machine model's rules as worked examples: each expected number is computed by hand in the comment
// beside it, so a change to a rule shows up here as arithmetic a reader can check.
package org.tdlc.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.Network;
import org.tdlc.ir.target.Operand;
import org.tdlc.ir.target.FoldSchedule;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.machine.sparse.SparseCodec;

class MachineRulesTest {
  /** 16x16 PEs, DRAM 16 B/cycle, global buffer 64 B/cycle, 20 cycles of DMA latency, a per-PE level. */
  static final MachineConfig M = new MachineConfig("hand", 16, 16, Set.of(Dataflow.WS), 500,
      List.of(new MemoryLevel("dram", 0, false, 16, 100, false),
          new MemoryLevel("global", 1 << 16, false, 64, 2.5, true),
          new MemoryLevel("local", 64, true, 0, 0.5, false)),
      0.25, 20, List.of("dense"), true, true);

  @Test
  void dmaTakesTheSlowerPortPlusLatency() {
    // DRAM: ceil(1000 / 16) = 63 cycles; buffer: ceil(1000 / 64) = 16; 20 + 63
    assertEquals(83, Timing.dma(M, Timing.Dma.LOAD, 1000, 1000));
    // 3 DMAs moving 3000 bytes in all: 3 x 20 + ceil(3000 / 16) = 60 + 188
    assertEquals(248, Timing.dmas(M, Timing.Dma.LOAD, 3, 3000, 3000));
  }

  @Test
  void anOnChipLevelsLatencyAddsOnceToEveryInstructionThatCrossesIt() {
    // M with 5 cycles of latency in the global buffer, 3 in the per-PE level and 2 in the network
    MachineConfig slow = new MachineConfig("hand", 16, 16, Set.of(Dataflow.WS), 500,
        List.of(M.dram(), new MemoryLevel("global", 1 << 16, false, 64, 2.5, true, 64, Operand.ALL, 5),
            new MemoryLevel("local", 64, true, 0, 0.5, false, 0, Operand.ALL, 3)),
        0.25, 20, List.of("dense"), true, true, FoldSchedule.DEFAULT, null, new Network(0, 2, true, true));
    // a DMA waits for DRAM's latency and the buffer's: 20 + 5 + 63
    assertEquals(83 + 5, Timing.dma(slow, Timing.Dma.LOAD, 1000, 1000));
    assertEquals(248 + 3 * 5, Timing.dmas(slow, Timing.Dma.LOAD, 3, 3000, 3000));
    // a MAC's operands cross the network, the buffer and the per-PE level once: 2 + 5 + 3 on top of M's 129
    assertEquals(129 + 10, Timing.mac(slow, Dataflow.WS, 6, 18, 2400, 0, 0, 0, 1, 1));
    // but no latency makes a MAC that the buffer's port bounds any longer: 10,000 B at 64 B/cycle
    assertEquals(157, Timing.mac(slow, Dataflow.WS, 6, 18, 2400, 0, 10_000, 0, 1, 1));
    // an ALU op reads and writes the buffer: 16 lanes, 2 cycles of pipeline, 5 of latency
    assertEquals(Timing.alu(M, 1000) + 5, Timing.alu(slow, 1000));
    assertEquals(Timing.alu(M, 1000), 63 + 2);
    // DRAM's port starts a transfer only after both latencies
    assertEquals(Timing.dmaLatency(M) + 5, Timing.dmaLatency(slow));
  }

  @Test
  void macStepsCountFoldsTimesTheOtherExtents() {
    // loops are named by bit masks: row loop 0 of 40 over 16 rows: 3 folds; col loop 1 of 20 over 16 cols: 2;
    // the third loop runs 3 times
    assertEquals(6, Timing.spatialFolds(M, new int[] {40, 20, 3}, 0b001, 0b010));
    assertEquals(18, Timing.folds(M, new int[] {40, 20, 3}, 0b001, 0b010));
    // no loop on the columns: the other loops' extents multiply
    assertEquals(3 * 20 * 3, Timing.folds(M, new int[] {40, 20, 3}, 0b001, 0));
    assertEquals(3, Timing.spatialFolds(M, new int[] {40, 20, 3}, 0b001, 0));
  }

  @Test
  void anAxisOfSeveralLoopsHoldsTheirProductFlattened() {
    // im2col: loops k, c, r, s = 64, 3, 7, 7 with c, r, s on the 16 rows are one axis of 147 positions,
    // ceil(147 / 16) = 10 folds; k on the 16 columns: 4; nothing else streams, so 40 steps in all
    assertEquals(147, Timing.axisExtent(new int[] {64, 3, 7, 7}, 0b1110));
    assertEquals(40, Timing.spatialFolds(M, new int[] {64, 3, 7, 7}, 0b1110, 0b0001));
    assertEquals(40, Timing.folds(M, new int[] {64, 3, 7, 7}, 0b1110, 0b0001));
    // r alone on the rows folds once (7 of 16 rows busy) and streams c x s = 21 times as long
    assertEquals(4 * 21, Timing.folds(M, new int[] {64, 3, 7, 7}, 0b0100, 0b0001));
  }

  @Test
  void overlappedFoldsWaitForTheNextStationaryBlock() {
    // 6 folds of 3 steps (18 in all) on 16x16: a block loads (or drains) in 16 cycles, the skew is 16 + 16 - 2
    // ws: the first block, then each later fold waits for its block: max(16 + 18, 16 + 5 x 16 + 3) + 30
    assertEquals(99 + 30, Timing.mac(M, Dataflow.WS, 6, 18, 2400, 0, 0, 0, 1, 1));
    assertEquals(99 + 30, Timing.mac(M, Dataflow.IS, 6, 18, 2400, 0, 0, 0, 1, 1));
    // os: nothing to load first; each later fold waits for the last one's outputs to drain
    assertEquals(83 + 30, Timing.mac(M, Dataflow.OS, 6, 18, 2400, 0, 0, 0, 1, 1));
    // half the points skipped on zeros: 9 steps, ceil(9 / 6) = 2 a fold
    assertEquals(98 + 30, Timing.mac(M, Dataflow.WS, 6, 18, 2400, 1200, 0, 0, 1, 1));
    // one fold of 100 steps: load, stream, skew, as SCALE-Sim's ws fold 2R + C + T - 2
    assertEquals(2 * 16 + 16 + 100 - 2, Timing.mac(M, Dataflow.WS, 1, 100, 25600, 0, 0, 0, 1, 1));
    // long folds hide the loads: 16 + 4 x 100 + 30
    assertEquals(16 + 400 + 30, Timing.mac(M, Dataflow.WS, 4, 400, 25600, 0, 0, 0, 1, 1));
  }

  @Test
  void aMacIsNoFasterThanTheBufferPortFeedsIt() {
    // the global buffer moves 64 B/cycle: 129 cycles of the array, or ceil(10000 / 64) = 157 of the port
    assertEquals(99 + 30, Timing.mac(M, Dataflow.WS, 6, 18, 2400, 0, 64 * 129, 0, 1, 1));
    assertEquals(157, Timing.mac(M, Dataflow.WS, 6, 18, 2400, 0, 10_000, 0, 1, 1));
  }

  @Test
  void aPerPeLevelsPortStretchesTheStreamingSteps() {
    // a psum scratchpad of 2 B/cycle per PE: each MAC reads and writes a 4-byte partial sum there, 4 cycles a step
    // (one port for both directions); a weight pad of 1 B/cycle read, 8 write, holding i16 weights: 2 cycles.
    // 18 steps become 72; in 6 double-buffered folds the streaming is max(16 + 72, 16 + 5 x 16 + 72 / 6) + 30
    MachineConfig psum = new MachineConfig("hand", 16, 16, Set.of(Dataflow.WS), 500,
        List.of(M.levels().get(0), M.levels().get(1),
            new MemoryLevel("psum", 64, true, 2, 0.5, false, 2, Operand.OUTPUTS.bit()),
            new MemoryLevel("wpad", 64, true, 1, 0.5, false, 8, Operand.WEIGHTS.bit())),
        0.25, 20, List.of("dense"), true, true);
    assertEquals(18 * 4, Timing.streamSteps(psum, 18, 1, 2));
    assertEquals(16 + 5 * 16 + 12 + 30, Timing.mac(psum, Dataflow.WS, 6, 18, 2400, 0, 0, 0, 1, 1));
    MachineConfig weights = new MachineConfig("hand", 16, 16, Set.of(Dataflow.WS), 500,
        List.of(M.levels().get(0), M.levels().get(1), psum.levels().get(3)), 0.25, 20, List.of("dense"), true, true);
    assertEquals(36, Timing.streamSteps(weights, 18, 1, 2));
    assertEquals(18, Timing.streamSteps(weights, 18, 2, 1), "1 B/cycle moves one i8 weight a step");
    assertEquals(18, Timing.streamSteps(M, 18, 4, 4), "a per-PE level without a bandwidth is no limit");
  }

  @Test
  void aNetworkThatLoadsTheStationaryBlockTakesItsBytesAtItsBandwidth() {
    MachineConfig net = new MachineConfig("hand", 16, 16, Set.of(Dataflow.WS, Dataflow.OS), 500, M.levels(), 0.25, 20,
        List.of("dense"), true, true, FoldSchedule.DEFAULT, null, new Network(64, 0, true, true, true));
    // 256 PEs: i8 weights 256 B over 64 B/cycle, i16 ones 512 B; an os array drains 256 i32 outputs, 1024 B
    assertEquals(4, Timing.stationaryLoad(net, Dataflow.WS, 1, 1));
    assertEquals(8, Timing.stationaryLoad(net, Dataflow.WS, 1, 2));
    assertEquals(16, Timing.stationaryLoad(net, Dataflow.OS, 1, 1));
    assertEquals(16, Timing.stationaryLoad(M, Dataflow.WS, 1, 1), "a row per cycle when the array shifts it in");
    // 6 folds of 3 steps, double-buffered: max(4 + 18, 4 + 5 x 4 + 3) + 30 where a row per cycle gives 99 + 30
    assertEquals(27 + 30, Timing.mac(net, Dataflow.WS, 6, 18, 2400, 0, 0, 0, 1, 1));
  }

  @Test
  void singleBufferedBlocksAndSequentialFoldsCostMore() {
    MachineConfig single = with(new FoldSchedule(false, false));
    MachineConfig sequential = with(new FoldSchedule(true, true));
    // single-buffered: each later fold loads its block before streaming: 16 + 18 + 5 x 16 + 30
    assertEquals(144, Timing.mac(single, Dataflow.WS, 6, 18, 2400, 0, 0, 0, 1, 1));
    // sequential (SCALE-Sim): every fold pays its own load and skew, 6 x (2R + C + T - 2) and 6 x (T + R + C - 2)
    assertEquals(6 * (32 + 16 + 3 - 2), Timing.mac(sequential, Dataflow.WS, 6, 18, 2400, 0, 0, 0, 1, 1));
    assertEquals(6 * (3 + 16 + 16 - 2), Timing.mac(sequential, Dataflow.OS, 6, 18, 2400, 0, 0, 0, 1, 1));
    // overlapped never costs more than sequential, nor less than its loads
    for (long f = 1; f <= 64; f *= 2) {
      for (long t = 1; t <= 256; t *= 4) {
        long overlapped = Timing.mac(M, Dataflow.WS, f, f * t, f * t, 0, 0, 0, 1, 1);
        assertTrue(overlapped <= Timing.mac(sequential, Dataflow.WS, f, f * t, f * t, 0, 0, 0, 1, 1), f + " folds of " + t);
        assertTrue(overlapped >= f * Timing.stationaryLoad(M, Dataflow.WS, 1, 1), f + " folds of " + t);
      }
    }
  }

  private static MachineConfig with(FoldSchedule folds) {
    return new MachineConfig(M.target(), M.rows(), M.cols(), M.dataflows(), M.frequencyMhz(), M.levels(),
        M.macEnergyPj(), M.dmaLatency(), M.formats(), M.hardwareDecode(), M.skipZeros(), folds);
  }

  @Test
  void aluIsAsWideAsTheColumns() {
    assertEquals(7 + 2, Timing.alu(M, 100));   // ceil(100 / 16) + the pipeline's 2
    assertEquals(1 + 2, Timing.alu(M, 16));
  }

  @Test
  void convertIsBoundByTheDecoderOrTheBufferPort() {
    SparseCodec.Size block = new SparseCodec.Size(8 * 100, 8 * 36, 64);
    // the port moves the 100-byte block and the 256-byte tile at 64 B/cycle: ceil(356 / 64) = 6 cycles
    long port = 6;
    assertEquals(Math.max(port, org.tdlc.machine.sparse.DecodeCost.software(block)), Timing.convert(M, block, 100, 256));
  }

  @Test
  void energyCountsEveryByteAndIssuedMac() {
    assertEquals((300 + 100) * 2.5, Energy.level(M.global(), 300, 100));
    assertEquals(1000 * 0.25, Energy.macs(M, 1000));
    // an issued i8 x i8 MAC reads both operands and its 4-byte partial sum, and writes the partial sum
    long[] read = new long[3], written = new long[3];
    Energy.perPe(M, 10, 1, 1, read, written);
    assertArrayEquals(new long[] {0, 0, 10 * (1 + 1 + 4)}, read);
    assertArrayEquals(new long[] {0, 0, 10 * 4}, written);
    // per-operand levels: each reads what it holds; the partial sum is written where the outputs are held
    MachineConfig split = new MachineConfig("split", 16, 16, Set.of(Dataflow.WS), 500, List.of(M.dram(), M.global(),
        new MemoryLevel("in", 12, true, 0, 1, false, 0, Operand.INPUTS.bit()),
        new MemoryLevel("psum", 24, true, 0, 1, false, 0, Operand.OUTPUTS.bit())), 0.25, 20, List.of("dense"), true, true);
    read = new long[4];
    written = new long[4];
    Energy.perPe(split, 10, 2, 1, read, written);
    assertArrayEquals(new long[] {0, 0, 10 * 2, 10 * 4}, read);
    assertArrayEquals(new long[] {0, 0, 0, 10 * 4}, written);
  }

  @Test
  void bufferLayoutAlignsAreasAndTriesDoubleBufferingFirst() {
    long[] in = {100, 0}, out = {64};
    // an input slot takes align16(100) = 112 bytes; two of each slot: 2 x 112 + 2 x 64
    assertEquals(352, BufferLayout.bytes(in, out, new long[0], 2, 2));
    BufferLayout l = BufferLayout.of(in, out, new long[] {12}, 2, 2);
    assertEquals(0, l.inAddr(0, 0));
    assertEquals(112, l.inAddr(1, 0));
    assertEquals(224, l.outAddr(0, 0));
    assertEquals(288, l.outAddr(1, 0));
    assertEquals(352, l.sharedAddr(0));
    assertEquals(368, l.totalBytes());
    // 300 bytes: {2, 2} needs 352, {2, 1} needs 288
    assertArrayEquals(new int[] {2, 1}, BufferLayout.fit(in, out, new long[0], 300, true));
    assertArrayEquals(new int[] {1, 1}, BufferLayout.fit(in, out, new long[0], 300, false));
    assertNull(BufferLayout.fit(in, out, new long[0], 100, true));
    assertEquals(0, BufferLayout.stagingBytes(StorageFormat.CSR, 64, 1, true));
    assertEquals(0, BufferLayout.stagingBytes(StorageFormat.DENSE, 64, 1, false));
    assertEquals((SparseCodec.maxBits(StorageFormat.CSR, 64, 8) + 7) / 8,
        BufferLayout.stagingBytes(StorageFormat.CSR, 64, 1, false));
  }

  @Test
  void aLayersAreasStageCompressedOperandsOnlyForSoftwareDecodeAndShareEqualWidths() {
    // a 64-point i8 box of a csr weight and a 10-point i8 box of a dense input; 8-element output tiles
    // through the widths i32 -> i8 -> i32 (a requant, then an add of an i32 residual): two tiles, not three
    long staged = (SparseCodec.maxBits(StorageFormat.CSR, 64, 8) + 7) / 8;
    List<BufferLayout.Loaded> software = List.of(new BufferLayout.Loaded(64, 1, StorageFormat.CSR, false),
        new BufferLayout.Loaded(10, 1, null, false));
    BufferLayout.Areas a = BufferLayout.Areas.of(software, 8, List.of(4, 1, 4), 0, false);
    assertEquals(staged, a.staging(0));
    assertEquals(0, a.staging(1));
    assertEquals(64 + BufferLayout.align(staged) + 16 + 32 + 16, a.bytes(1, 1));
    assertEquals(0, a.outArea(4));
    assertEquals(1, a.outArea(1));
    List<BufferLayout.Loaded> hardware = List.of(new BufferLayout.Loaded(64, 1, StorageFormat.CSR, true),
        new BufferLayout.Loaded(10, 1, null, true));
    BufferLayout.Areas h = BufferLayout.Areas.of(hardware, 8, List.of(4, 1, 4), 0, false);
    assertEquals(0, h.staging(0));
    assertEquals(64 + 16 + 32 + 16, h.bytes(1, 1));
    // the layout the lowering places is the one whose bytes the mapper counts
    assertEquals(a.bytes(2, 2), a.layout(2, 2).totalBytes());
    assertArrayEquals(new int[] {1, 1}, a.fit(a.bytes(1, 1), true));
    assertNull(a.fit(a.bytes(1, 1) - 1, false));
  }

  @Test
  void anEpilogueThatOnlyNarrowsWritesOverTheAccumulatorsTile() {
    List<BufferLayout.Loaded> in = List.of(new BufferLayout.Loaded(16, 1, null, true),
        new BufferLayout.Loaded(16, 1, null, true));
    // i32 -> i32 (relu) -> i16 (requant): one 8 x 4-byte tile per output slot, every step in it
    BufferLayout.Areas narrowing = BufferLayout.Areas.of(in, 8, List.of(4, 4, 2), 0, false);
    assertEquals(16 + 16 + 32, narrowing.bytes(1, 1));
    assertEquals(0, narrowing.outArea(4));
    assertEquals(0, narrowing.outArea(2));
    assertEquals(narrowing.layout(1, 2).outAddr(1, narrowing.outArea(4)),
        narrowing.layout(1, 2).outAddr(1, narrowing.outArea(2)));
    // i32 -> i8 (requant) -> i16 (an add of an i16 residual) widens: the i16 elements would overwrite i8 ones not
    // yet read, so each width keeps a tile of its own
    BufferLayout.Areas widening = BufferLayout.Areas.of(in, 8, List.of(4, 1, 2), 0, false);
    assertEquals(16 + 16 + 32 + 16 + 16, widening.bytes(1, 1));
    assertEquals(List.of(0, 1, 2), List.of(widening.outArea(4), widening.outArea(1), widening.outArea(2)));
    assertTrue(BufferLayout.Areas.narrowsInPlace(List.of(4, 2, 2, 1)));
    assertFalse(BufferLayout.Areas.narrowsInPlace(List.of(4, 1, 2)));
  }

  @Test
  void walkReusesHeldBoxesAndRotatesSlots() {
    // y[m] += A[m, k] * B[k] over m = 4, k = 4 in 2 x 2 tiles, two input and two output slots
    AffineExpr m = new AffineExpr(List.of(1, 0), 0), k = new AffineExpr(List.of(0, 1), 0);
    List<AffineExpr> a = List.of(m, k), b = List.of(k);
    List<String> events = new ArrayList<>();
    new TileWalk(new int[] {4, 4}, new boolean[] {false, true}, new int[] {2, 2}, new int[] {0, 1}, List.of(a, b), 2, 2,
        null).walk(new TileWalk.Visitor() {
          public void beginTile(int[] o, int[] e, int out, int res) { events.add("tile m" + o[0] + " out" + out); }
          public void load(int i, TileWalk.Box box, int slot, int[] o, int[] e) {
            events.add((i == 0 ? "A" : "B") + Arrays.toString(box.lo()) + "->" + slot);
          }
          public void step(int[] o, int[] e, int[] slots, int out) { events.add("step k" + o[1] + " " + Arrays.toString(slots)); }
          public void endTile(int[] o, int[] e, int out, int res) { events.add("end res" + res); }
        });
    // B's two boxes stay in their slots across the second output tile; A's rotate through both slots
    assertEquals(List.of("tile m0 out0", "A[0, 0]->0", "B[0]->0", "step k0 [0, 0]", "A[0, 2]->1", "B[2]->1",
        "step k2 [1, 1]", "end res0", "tile m2 out1", "A[2, 0]->0", "step k0 [0, 0]", "A[2, 2]->1", "step k2 [1, 1]",
        "end res1"), events);
  }

  @Test
  void footprintCountsDistinctElements() {
    // 2p + r over p < 4, r < 3: the window covers the stride, so 0..8 are all touched
    assertEquals(9, Footprint.distinct(new long[] {4, 3}, new long[] {2, 1}));
    // 4p + r: disjoint rows of 3, 4 x 3 elements
    assertEquals(12, Footprint.distinct(new long[] {4, 3}, new long[] {4, 1}));
    // x + y + z over 2 x 2 x 2: only 0..3
    assertEquals(4, Footprint.distinct(new long[] {2, 2, 2}, new long[] {1, 1, 1}));
    // a loop that does not move the operand (stride 0) touches nothing new; a negative stride mirrors
    assertEquals(5, Footprint.distinct(new long[] {5, 7}, new long[] {-1, 0}));
    // a row-major 7 x 7 box walked by h = p + r, w = 2q + s (p, r, q, s of 3): rows and columns split apart,
    // 3 + 3 - 1 rows of 2 x 2 + 3 columns
    assertEquals(5 * 7, Footprint.distinct(new long[] {3, 3, 3, 3}, new long[] {7, 7, 2, 1}));
    // the same at stride 2 in h too: 7 x 7; and channels of 100 above a window of 2q + s: 4 x 7
    assertEquals(7 * 7, Footprint.distinct(new long[] {3, 3, 3, 3}, new long[] {14, 7, 2, 1}));
    assertEquals(4 * 7, Footprint.distinct(new long[] {4, 3, 3}, new long[] {100, 2, 1}));
    // 2i + 3j over 4 x 3: 6 is reached twice, the rest once: enumerated
    assertEquals(11, Footprint.distinct(new long[] {4, 3}, new long[] {2, 3}));
  }

  @Test
  void footprintEqualsTheDistinctOffsetsOfEveryPoint() {
    // random boxes of up to 5 loops and strides from a few shapes (windows, row-major rows, overlaps), counted
    // against a set of every point's offset
    java.util.Random random = new java.util.Random(13);
    long[] pool = {0, 1, 1, 2, 3, 4, 6, 7, 12, 14, 28, 100, -2};
    for (int trial = 0; trial < 2000; trial++) {
      int k = 1 + random.nextInt(5);
      long[] ext = new long[k], str = new long[k];
      for (int j = 0; j < k; j++) {
        ext[j] = 1 + random.nextInt(5);
        str[j] = pool[random.nextInt(pool.length)];
      }
      java.util.Set<Long> seen = new java.util.HashSet<>();
      int[] idx = new int[k];
      while (true) {
        long offset = 0;
        for (int j = 0; j < k; j++) offset += idx[j] * str[j];
        seen.add(offset);
        int j = k - 1;
        while (j >= 0 && ++idx[j] == ext[j]) idx[j--] = 0;
        if (j < 0) break;
      }
      assertEquals(seen.size(), Footprint.distinct(ext, str),
          java.util.Arrays.toString(ext) + " " + java.util.Arrays.toString(str));
    }
  }

  @Test
  void hazardsWaitForTheWriterAndTheReadersSince() {
    RegionHazards h = new RegionHazards();
    assertEquals(List.of(), h.access(0, new int[0], new int[] {1}));   // a load writes region 1
    assertEquals(List.of(0), h.access(1, new int[] {1}, new int[] {2}));  // reads it: waits for the load
    assertEquals(List.of(0), h.access(2, new int[] {1}, new int[0]));
    assertEquals(List.of(0, 1, 2), h.access(3, new int[0], new int[] {1}));  // rewrite: writer and both readers
    assertEquals(List.of(1), h.access(4, new int[] {2}, new int[0]));
  }
}
