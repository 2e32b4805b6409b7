package org.tdlc.sim.lowered;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.MachineConfig;
import org.tdlc.ir.Model;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.SimResult;
class TmpPerfTest {
  @Test void perf() {
    for (Path f : Fixtures.examples()) for (Model model : Fixtures.models(f, Fixtures.FUSED)) for (MachineConfig m : Fixtures.MACHINES) {
      SimResult r = Fixtures.assertBitExact(model, m, 7);
      for (LayerCounters l : r.layers()) {
        var c = l.counters();
        System.out.printf("PERF %-18s %-13s %-6s cycles=%10d load=%10d comp=%10d store=%10d util=%.3f dramR=%d%n", model.name(), m.target(), l.name(), c.cycles(), c.loadBusyCycles(), c.computeBusyCycles(), c.storeBusyCycles(), c.utilization(), c.level("dram").bytesRead());
      }
    }
  }
}
