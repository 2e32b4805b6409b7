// DRAM's port and the bandwidth of each direction, as worked examples: a shared port never lets a load's and a
// store's transfers overlap, a split one does; every DMA runs at the bandwidth of the way it goes. An on-chip
// level's port follows the same rule (Timing.port): one direction at a time, or both at once.
package org.tdlc.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.FoldSchedule;
import org.tdlc.ir.target.Operand;
import org.tdlc.ir.target.Port;

class DramPortTest {
  /** DRAM reads 16 B/cycle and writes 8; the global buffer reads 64 and writes 32; 20 cycles of DMA latency. */
  static MachineConfig machine(Port port) {
    return new MachineConfig("hand", 16, 16, Set.of(Dataflow.WS), 500,
        List.of(new MemoryLevel("dram", 0, false, 16, 100, false, 8, Operand.ALL, 0, port),
            new MemoryLevel("global", 1 << 16, false, 64, 2.5, true, 32)),
        0.25, 20, List.of("dense"), false, false, FoldSchedule.DEFAULT, null, null);
  }

  static final MachineConfig SHARED = machine(Port.SHARED), SPLIT = machine(Port.SPLIT);

  @Test
  void sharedIsTheDefault() {
    assertEquals(Port.SHARED, Port.DEFAULT);
    assertEquals(Port.SHARED, MachineRulesTest.M.dramPort());
  }

  @Test
  void everyDmaRunsAtTheBandwidthOfItsDirection() {
    // LOAD: DRAM read ceil(1000 / 16) = 63, buffer write ceil(1000 / 32) = 32: 20 + 63
    assertEquals(83, Timing.dma(SHARED, Timing.Dma.LOAD, 1000, 1000));
    // STORE: buffer read ceil(1000 / 64) = 16, DRAM write ceil(1000 / 8) = 125: 20 + 125
    assertEquals(145, Timing.dma(SHARED, Timing.Dma.STORE, 1000, 1000));
    // a LOAD whose buffer side is slower: 4000 buffer bytes at 32 = 125 > 63
    assertEquals(145, Timing.dma(SHARED, Timing.Dma.LOAD, 1000, 4000));
    // 3 stores of 3000 bytes in all: 3 x 20 + ceil(3000 / 8) = 60 + 375
    assertEquals(435, Timing.dmas(SHARED, Timing.Dma.STORE, 3, 3000, 3000));
  }

  @Test
  void aPortReadsAndWritesOneAfterTheOther() {
    MemoryLevel global = SHARED.global();
    // 640 bytes read at 64 (10 cycles) and 320 written at 32 (10 cycles)
    assertEquals(20, Timing.port(global, 640, 320));
    // a symmetric level: ceil((100 + 100) / 64) = 4, as one sum (not 2 + 2)
    assertEquals(4, Timing.port(new MemoryLevel("g", 1024, false, 64, 1, false), 100, 100));
    // no bandwidth, no limit
    assertEquals(0, Timing.port(new MemoryLevel("g", 1024, false, 0, 1, false), 100, 100));
  }

  @Test
  void aLevelWithAPortEachWayReadsAndWritesAtOnce() {
    MemoryLevel global = SHARED.global().withPort(Port.SPLIT);
    // 640 bytes read at 64 (10 cycles) while 320 are written at 32 (10 cycles): 10, not 20
    assertEquals(10, Timing.port(global, 640, 320));
    // the slower direction: 650 read (ceil 10.2 = 11) against 10
    assertEquals(11, Timing.port(global, 650, 320));
    assertEquals(10, Timing.port(global, 0, 320));
    // a symmetric level: 100 and 100 at 64 each way, 2 cycles (one port: ceil(200 / 64) = 4)
    assertEquals(2, Timing.port(new MemoryLevel("g", 1024, false, 64, 1, false).withPort(Port.SPLIT), 100, 100));
    // a MAC fed from the global buffer: 6400 bytes read and 3200 written, on a shared port 200 cycles, on a
    // split one 100 (the array's 8 steps never bind)
    MachineConfig dual = new MachineConfig("hand", 16, 16, Set.of(Dataflow.WS), 500,
        List.of(SHARED.dram(), global), 0.25, 20, List.of("dense"), false, false, FoldSchedule.DEFAULT, null, null);
    assertEquals(200, Timing.mac(SHARED, Dataflow.WS, 1, 8, 8 * 256, 0, 6400, 3200, 1, 1));
    assertEquals(100, Timing.mac(dual, Dataflow.WS, 1, 8, 8 * 256, 0, 6400, 3200, 1, 1));
  }

  @Test
  void aSharedPortServesOneTransferAtATime() {
    DramArbiter port = new DramArbiter(SHARED);
    // a load starts at 0: latency 20, transfer 63, so the port is busy [20, 83)
    assertEquals(83, port.end(0, 83, 63));
    // a store that starts at 10 would transfer from 30; it waits for the port: [83, 83 + 125)
    assertEquals(208, port.end(10, 145, 125));
    // a load that starts after the port is idle again pays only its latency
    assertEquals(300 + 83, port.end(300, 83, 63));
  }

  @Test
  void thePortIsBusyOnlyWhileDramMovesItsBytes() {
    DramArbiter port = new DramArbiter(SHARED);
    // a load of 1000 DRAM bytes into 4000 buffer bytes: 20 + max(63, 125) = 145 cycles, DRAM's port busy [20, 83)
    assertEquals(145, Timing.dma(SHARED, Timing.Dma.LOAD, 1000, 4000));
    assertEquals(63, Timing.dramCycles(SHARED, Timing.Dma.LOAD, 1000));
    assertEquals(145, port.end(0, 145, 63));
    // a store starting at 10 gets the port at 83, while the load's buffer side still runs: [83, 208)
    assertEquals(208, port.end(10, 145, 125));
  }

  @Test
  void aSplitPortLetsALoadAndAStoreStreamAtOnce() {
    DramArbiter port = new DramArbiter(SPLIT);
    assertEquals(83, port.end(0, 83, 63));
    assertEquals(10 + 145, port.end(10, 145, 125));
  }

  @Test
  void theScheduleGrantsThePortInTheOrderInstructionsStart() {
    // emitted: a compute of 50 cycles, a store after it, then a load that waits for nothing. The load starts
    // first (at 0) and takes the port [20, 83); the store starts at 50 and waits for it: [83, 208).
    QueueSchedule s = new QueueSchedule(SHARED);
    int mac = s.add(QueueSchedule.COMPUTE, 50, 0, new int[0], 0);
    int store = s.add(QueueSchedule.STORE, Timing.dma(SHARED, Timing.Dma.STORE, 1000, 1000), 125, new int[] {mac}, 0);
    int load = s.add(QueueSchedule.LOAD, Timing.dma(SHARED, Timing.Dma.LOAD, 1000, 1000), 63, new int[0], 0);
    s.run();
    assertEquals(83, s.end(load));
    assertEquals(208, s.end(store));
    assertEquals(208 - 50, s.busy(QueueSchedule.STORE), "a DMA waiting for the port keeps its queue busy");
    QueueSchedule split = new QueueSchedule(SPLIT);
    split.add(QueueSchedule.COMPUTE, 50, 0, new int[0], 0);
    split.add(QueueSchedule.STORE, 145, 125, new int[] {0}, 0);
    split.add(QueueSchedule.LOAD, 83, 63, new int[0], 0);
    split.run();
    assertEquals(195, split.end(1));
    assertEquals(83, split.end(2));
  }

  @Test
  void aSharedPortIsNeverBusierThanItsBandwidth() {
    // 1600 bytes read at 16 (100 cycles) and 800 written at 8 (100): 200 cycles on one port, 100 on two
    assertEquals(200, DramArbiter.busy(SHARED, 1600, 800), 1e-9);
    assertEquals(100, DramArbiter.busy(SPLIT, 1600, 800), 1e-9);
    // many loads and stores contending: the port's transfers never overlap, so the busy time fits the run
    QueueSchedule s = new QueueSchedule(SHARED);
    long read = 0, written = 0;
    for (int k = 0; k < 20; k++) {
      s.add(QueueSchedule.LOAD, Timing.dma(SHARED, Timing.Dma.LOAD, 512, 512), 32, new int[0], 0);
      s.add(QueueSchedule.STORE, Timing.dma(SHARED, Timing.Dma.STORE, 256, 256), 32, new int[0], 0);
      read += 512;
      written += 256;
    }
    s.run();
    long end = 0;
    for (int i = 0; i < s.size(); i++) end = Math.max(end, s.end(i));
    assertTrue(DramArbiter.busy(SHARED, read, written) <= end, DramArbiter.busy(SHARED, read, written) + " > " + end);
    // 20 x (32 + 32) transfer cycles back to back after the first latency
    assertEquals(20 + 20 * 64, end);
  }

  @Test
  void theClosedFormAddsTheOtherQueuesDramCyclesOnASharedPort() {
    // loads busy 400 cycles reading 960 B (960 / 16 = 60 on the port), stores busy 140 writing 400 B (400 / 8 = 50)
    assertEquals(Math.max(400 + 50, 140 + 60), Timing.dramBound(SHARED, 400, 960, 140, 400));
    assertEquals(400, Timing.dramBound(SPLIT, 400, 960, 140, 400));
  }
}
