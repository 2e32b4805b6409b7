// The counters' report form: JSON with a fixed key order for the CLI and tests that compare text, lookups by level name,
// and layer cycles that add up to the total even when an instruction outside every layer finishes last.
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tdlc.sim.TestPrograms.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.TensorType;

class CountersTest {
  @Test
  void jsonHasAStableShape() {
    Counters c = Simulator.run(MatmulTest.program(machine()), MatmulTest.inputs()).total();
    // the loads (23 cycles) overlap the config and the fill: 50 = 21 computing + 29 with transfers only
    assertEquals("{\"cycles\":50,\"busy_cycles\":{\"load\":23,\"compute\":21,\"store\":11},"
        + "\"elapsed_cycles\":{\"computing\":21,\"transfer_only\":29,\"idle\":0},"
        + "\"instructions\":{\"config\":1,\"load\":2,\"store\":1,\"mac\":1,\"alu\":2,\"halt\":1,\"convert\":0},"
        + "\"macs\":24,\"macs_skipped\":0,\"alu_ops\":16,\"compressed_bytes\":0,\"decode_cycles\":0,"
        + "\"convert_cycles\":0,\"levels\":{"
        + "\"dram\":{\"read_bytes\":18,\"written_bytes\":8,\"energy_pj\":104.0},"
        + "\"global\":{\"read_bytes\":90,\"written_bytes\":90,\"energy_pj\":180.0},"
        + "\"local\":{\"read_bytes\":144,\"written_bytes\":96,\"energy_pj\":60.0}},"
        + "\"mac_energy_pj\":12.0,\"energy_pj\":356.0,\"utilization\":0.03}", c.toJson());
    assertThrows(IllegalArgumentException.class, () -> c.level("sram"));
  }

  @Test
  void runsAreDeterministic() {
    Map<String, Tensor> in = Map.of("x", Tensor.of(TensorType.of(I8, 2, 12), DoubleBufferTest.x()));
    String a = Simulator.run(DoubleBufferTest.program(), in).total().toJson();
    String b = Simulator.run(DoubleBufferTest.program(), in).total().toJson();
    assertEquals(a, b);
  }

  @Test
  void layerCyclesAddUpAndUnattributedWorkCountsInTheTotal() {
    // layer "a" = [1, 1] (fill, 4 + 2 = 6 cycles after a config of 1): its cycles run from 0 to 7;
    // instruction 2 belongs to no layer and ends at 7 + 6 = 13; the halt is in layer "b" and ends at 13.
    Program p = new ProgramBuilder(machine(), 16)
        .config(Dataflow.WS)
        .alu(NONE, aluDesc(AluOp.FILL, I8, I8, I8, 1, loop(16, 1, 0, 0)), 0, 0, 0)
        .alu(NONE, aluDesc(AluOp.FILL, I8, I8, I8, 2, loop(16, 1, 0, 0)), 16, 0, 0)
        .halt(NONE)
        .layer("a", "fill", 1, 1).layer("b", "halt", 3, 3).layer("empty", "none", 3, 2)
        .build();
    SimResult r = Simulator.run(p, Map.of());
    List<LayerCounters> layers = r.layers();
    assertEquals(13, r.total().cycles());
    assertEquals(7, layers.get(0).counters().cycles());
    assertEquals(6, layers.get(1).counters().cycles());
    assertEquals(0, layers.get(2).counters().cycles());
    assertEquals(16, layers.get(0).counters().aluOps());
    assertEquals(0, layers.get(1).counters().aluOps());
    assertEquals(32, r.total().aluOps());
  }
}
