// DRAM's port and directional bandwidths end to end (resources/prediction/dram_ports.tdl): with one DRAM port
// and with a port each way, both reading faster than they write, every mapped layer of every example and every
// vector layer is predicted exactly (cycles, bytes, energy) and runs bit-exact; a transpose, which only moves
// data, never moves more than DRAM's bandwidth through one port, as the run report says too.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.lower.LayerSchedule;
import org.tdlc.backend.lower.Lowering;
import org.tdlc.frontend.Frontend;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.interp.Interpreter;
import org.tdlc.ir.target.Port;
import org.tdlc.ir.target.Target;
import org.tdlc.machine.DramArbiter;
import org.tdlc.machine.MachineConfig;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;
import org.tdlc.sim.Counters;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.SimResult;
import org.tdlc.sim.Simulator;

class DramPortEndToEndTest {
  static final String FILE = "tests/src/test/resources/prediction/dram_ports.tdl";
  static final List<String> PORTS = List.of("one_port", "two_ports", "dual_ported");

  static Frontend.Result file() { return new Frontend(new DiagnosticEngine(), new SourceCache()).compile(FILE); }

  @Test
  void theTargetsSayWhatTheyDeclare() {
    Frontend.Result f = file();
    Target one = Targets.resolve("one_port", f), two = Targets.resolve("two_ports", f);
    assertEquals(Port.SHARED, one.dramPort());
    assertEquals(Port.SPLIT, two.dramPort());
    assertEquals(Port.SHARED, Targets.resolve("narrow_one", f).dramPort(), "shared unless the block says");
    assertEquals(12, one.dram().readBandwidth());
    assertEquals(6, one.dram().writeBandwidth());
    assertEquals(16, two.global().writeBandwidth());
    Target dual = Targets.resolve("dual_ported", f);
    assertEquals(Port.SHARED, two.global().port(), "an on-chip level's port is shared unless its block says");
    assertEquals(List.of(Port.SPLIT, Port.SPLIT, Port.SPLIT), dual.levels().stream().map(l -> l.port()).toList());
  }

  @Test
  void aGlobalBufferWithAPortEachWayFeedsTheArrayFaster() {
    // the same hardware as two_ports but for the global buffer's second port (and a per-PE level whose split
    // port keeps pace with a MAC a cycle): the examples' mapped layers take fewer cycles in all, each run verified
    long[] cycles = new long[2];
    String[] names = {"two_ports", "dual_ported"};
    Frontend.Result f = file();
    List<Target> targets = List.of(Targets.resolve(names[0], f), Targets.resolve(names[1], f));
    for (String ex : PredictionTest.EXAMPLES) {
      IrModule module = new Frontend(new DiagnosticEngine(), new SourceCache()).compile("examples/" + ex + ".tdl")
          .module();
      for (int k = 0; k < 2; k++) {
        Target target = targets.get(k);
        Model m = new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(target))
            .run(module, Pipeline.NO_FORMATS, new DiagnosticEngine()).models().get(0);
        var inputs = Interpreter.randomInputs(m, 3);
        SimResult sim = Simulator.run(new Lowering().lower(m, MachineConfig.of(target)), inputs);
        assertEquals(new Interpreter().run(m, inputs), sim.outputs(), ex + " on " + names[k]);
        cycles[k] += sim.total().cycles();
      }
    }
    assertTrue(cycles[1] < cycles[0], "split: " + cycles[1] + " cycles, shared: " + cycles[0]);
  }

  @Test
  void mappedLayersArePredictedExactlyWithEitherPort() {
    PredictionTest.Tally t = new PredictionTest.Tally();
    Frontend.Result f = file();
    for (String ex : PredictionTest.EXAMPLES) {
      IrModule module = new Frontend(new DiagnosticEngine(), new SourceCache()).compile("examples/" + ex + ".tdl")
          .module();
      for (String name : PORTS) PredictionTest.compare(module, Targets.resolve(name, f), Pipeline.NO_FORMATS,
          ex + "/" + name, t);
    }
    t.assertExact("dram ports, directional bandwidths", 20);
  }

  @Test
  void vectorLayersArePredictedExactlyWithEitherPort() {
    List<String> problems = new ArrayList<>();
    int compared = 0;
    for (String source : List.of(VectorPredictionTest.FILE, FILE)) {
      IrModule module = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(source).module();
      for (String name : List.of("one_port", "two_ports", "dual_ported", "narrow_one", "narrow_two")) {
        Target target = Targets.resolve(name, file());
        Model m = optimized(module, target);
        Lowering lowering = new Lowering();
        Program p = lowering.lower(m, MachineConfig.of(target));
        var inputs = Interpreter.randomInputs(m, 5);
        SimResult sim = Simulator.run(p, inputs);
        assertEquals(new Interpreter().run(m, inputs), sim.outputs(), name + ": simulated outputs, bit for bit");
        Map<String, LayerSchedule.Cost> predicted = lowering.vectorCosts();
        for (LayerCounters lc : sim.layers()) {
          LayerSchedule.Cost c = predicted.get(lc.name());
          if (c == null) continue;
          compared++;
          Counters s = lc.counters();
          long[] counted = {s.cycles(), s.level("dram").bytesRead(), s.level("dram").bytesWritten(),
              s.level("global").bytesRead(), s.level("global").bytesWritten()};
          long[] model = {c.cycles(), c.read()[0], c.written()[0], c.read()[1], c.written()[1]};
          if (!java.util.Arrays.equals(counted, model) || s.energyPj() != c.energyPj()) {
            problems.add(name + "/" + lc.name() + " (" + lc.op() + "): " + java.util.Arrays.toString(counted)
                + "; predicted " + java.util.Arrays.toString(model));
          }
        }
      }
    }
    assertTrue(compared >= 4 * 18, "only " + compared + " vector layers compared");
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void aTransposeNeverMovesMoreThanOnePortsBandwidth() {
    Frontend.Result f = file();
    double[] rate = new double[2];
    String[] names = {"narrow_one", "narrow_two"};
    for (int k = 0; k < 2; k++) {
      Target target = Targets.resolve(names[k], f);
      MachineConfig mc = MachineConfig.of(target);
      Model m = optimized(f.module(), target);
      Counters total = Simulator.run(new Lowering().lower(m, mc), Interpreter.randomInputs(m, 2)).total();
      long read = total.level("dram").bytesRead(), written = total.level("dram").bytesWritten();
      assertTrue(read > 65536 && written > 65536, "the transpose moves its 96 KiB both ways");
      rate[k] = (read + written) / (double) total.cycles();
      assertTrue(DramArbiter.busy(mc, read, written) <= total.cycles(), names[k] + ": the port is never overbooked");
    }
    // one port: loads and stores take turns, so DRAM moves at most its 2.4 B/cycle (and nearly that much)
    assertTrue(rate[0] <= 2.4 && rate[0] > 2.2, "one port: " + rate[0] + " B/cycle");
    // a port each way: a load and a store stream at once, beyond what one port moves
    assertTrue(rate[1] > 2.4 * 1.5, "two ports: " + rate[1] + " B/cycle");
  }

  @Test
  void theRunReportsDramShareNeverExceedsTheWholePort() {
    Pattern share = Pattern.compile("dram: .* ([0-9.]+) B/cycle \\(.*\\) on average, ([0-9]+)% of its bandwidth");
    for (String name : List.of("narrow_one", "narrow_two", "one_port", "two_ports")) {
      Tdlc.Result r = Tdlc.run("run", FILE, "--target", name, "--model", "shuffle");
      assertEquals(0, r.code(), r.toString());
      Matcher m = share.matcher(r.out());
      assertTrue(m.find(), r.out());
      assertTrue(Integer.parseInt(m.group(2)) <= 100, name + ": " + m.group());
      if (name.equals("narrow_one")) assertTrue(Double.parseDouble(m.group(1)) <= 2.4, m.group());
    }
  }

  private static Model optimized(IrModule module, Target target) {
    return new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(target))
        .run(module, Pipeline.DEFAULT, new DiagnosticEngine()).models().get(0);
  }
}
