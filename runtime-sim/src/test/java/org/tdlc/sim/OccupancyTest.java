// Where the elapsed cycles went, checked cycle by cycle against the trace: for every layer and the whole run,
// computing + transfer-only + idle = cycles, and each part is what a per-cycle walk of the instructions'
// [start, end) intervals finds (a different algorithm from Occupancy's interval unions).
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tdlc.sim.TestPrograms.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.Queue;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.ir.type.TensorType;

class OccupancyTest {
  private record Span(boolean compute, long start, long end) {}

  @Test
  void matmulSplitsItsCyclesExactly() {
    check(MatmulTest.program(machine()), MatmulTest.inputs());
  }

  @Test
  void doubleBufferingOverlapsTransfersWithCompute() {
    SimResult r = check(DoubleBufferTest.program(),
        Map.of("x", Tensor.of(TensorType.of(TestPrograms.I8, 2, 12), DoubleBufferTest.x())));
    Counters c = r.total();
    // the second tile's loads run under the first tile's MACs: the transfer-only cycles are fewer than the
    // load and store queues' busy cycles
    assertTrue(c.transferOnlyCycles() < c.loadBusyCycles() + c.storeBusyCycles(), c.toJson());
    assertTrue(c.computingCycles() > 0, c.toJson());
  }

  @Test
  void compressedLoadsCountAsTransfers() {
    check(CompressedLoadTest.program(CompressedLoadTest.machine(false, true), StorageFormat.BITMAP),
        MatmulTest.inputs());
  }

  private static SimResult check(Program p, Map<String, Tensor> inputs) {
    List<Span> spans = new ArrayList<>();
    SimResult r = Simulator.run(p, inputs,
        Options.tracing((i, start, end, insn) -> spans.add(new Span(insn.queue() == Queue.COMPUTE, start, end))));
    long total = r.total().cycles();
    int[] state = new int[(int) total];   // bit 0: compute busy, bit 1: a transfer busy
    for (Span s : spans) for (long t = s.start(); t < s.end(); t++) state[(int) t] |= s.compute() ? 1 : 2;
    assertSplit(state, 0, total, r.total());
    long mark = 0;
    for (LayerCounters l : r.layers()) {
      assertSplit(state, mark, mark + l.counters().cycles(), l.counters());
      mark += l.counters().cycles();
    }
    return r;
  }

  private static void assertSplit(int[] state, long from, long to, Counters c) {
    long computing = 0;
    long transferOnly = 0;
    long idle = 0;
    for (long t = from; t < to; t++) {
      if ((state[(int) t] & 1) != 0) computing++;
      else if (state[(int) t] == 2) transferOnly++;
      else idle++;
    }
    assertEquals(computing, c.computingCycles(), c.toJson());
    assertEquals(transferOnly, c.transferOnlyCycles(), c.toJson());
    assertEquals(idle, c.idleCycles(), c.toJson());
  }
}
