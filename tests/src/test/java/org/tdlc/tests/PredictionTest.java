// The cost model against the simulator: every example on every built-in target, compiled with the mapper
// (weights dense) and with the default pipeline (select-formats stores weights compressed), simulated, and
// each mapped layer's predicted cycles, energy, MACs, skipped MACs, bytes on every memory level, decode and
// conversion cycles compared with the counted ones, exactly: both use the same machine model (the machine
// module; docs/machine.md). A model with pruned weights pinned to every format runs on the hardware-decoding
// built-ins and on two software-conversion targets of its own.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.lower.Lowering;
import org.tdlc.frontend.Frontend;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.interp.Interpreter;
import org.tdlc.ir.target.Target;
import org.tdlc.machine.MachineConfig;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;
import org.tdlc.passes.mapping.Cost;
import org.tdlc.passes.mapping.Predictions;
import org.tdlc.sim.Counters;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.SimResult;
import org.tdlc.sim.Simulator;

class PredictionTest {
  static final List<String> EXAMPLES = List.of("quickstart", "resnet_block", "mobilenet_block", "einsum_conv", "mapped");

  /** What one comparison run found. */
  static final class Tally {
    final List<String> problems = new ArrayList<>();
    int compared, exact, compressedLayers, skippingLayers;

    void print(String what) {
      System.out.printf("cost model vs simulator (%s): %d layers (%d with compressed weights, %d skipping MACs),"
          + " %d exact in cycles, energy, MACs and bytes%n", what, compared, compressedLayers, skippingLayers, exact);
    }

    /** Prints the tally, and asserts that at least {@code atLeast} mapped layers were compared, every one exactly. */
    void assertExact(String what, int atLeast) {
      print(what);
      assertTrue(compared >= atLeast, "only " + compared + " mapped layers compared");
      assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
  }

  @Test
  void predictedMatchesSimulatedOnEveryExampleAndTarget() {
    Tally t = examples(Pipeline.NO_FORMATS);
    t.print("weights dense");
    assertTrue(t.compared >= 40, "only " + t.compared + " mapped layers compared");
    assertEquals(0, t.compressedLayers, "the mapper alone stores no weight compressed");
    assertTrue(t.problems.isEmpty(), String.join("\n", t.problems));
  }

  @Test
  void predictedMatchesSimulatedWithTheDefaultPipeline() {
    Tally t = examples(Pipeline.DEFAULT);
    t.print("default pipeline");
    assertTrue(t.compared >= 40, "only " + t.compared + " mapped layers compared");
    assertTrue(t.compressedLayers >= 10, "only " + t.compressedLayers + " layers read compressed weights");
    assertTrue(t.skippingLayers >= 4, "only " + t.skippingLayers + " layers skipped MACs");
    assertTrue(t.problems.isEmpty(), String.join("\n", t.problems));
  }

  @Test
  void predictedMatchesSimulatedForWeightsPinnedToEveryFormat() {
    Frontend.Result file = new Frontend(new DiagnosticEngine(), new SourceCache())
        .compile("tests/src/test/resources/prediction/sparse_weights.tdl");
    Tally t = new Tally();
    for (String name : List.of("default", "sparse", "soft_sparse", "soft_noskip")) {
      Target target = Targets.resolve(name, file);
      assertTrue(Targets.checkFormats(file.module(), target).isEmpty(), name + " supports every format");
      compare(file.module(), target, Pipeline.DEFAULT, "sparse_weights/" + name, t);
    }
    t.print("pinned formats");
    assertTrue(t.compared >= 28, "only " + t.compared + " mapped layers compared");
    assertTrue(t.compressedLayers >= 24, "only " + t.compressedLayers + " layers read compressed weights");
    assertTrue(t.skippingLayers >= 14, "only " + t.skippingLayers + " layers skipped MACs");
    assertTrue(t.problems.isEmpty(), String.join("\n", t.problems));
  }

  @Test
  void aNarrowGlobalBufferSlowsTheArrayAsPredicted() {
    Frontend.Result file = new Frontend(new DiagnosticEngine(), new SourceCache())
        .compile("tests/src/test/resources/prediction/narrow_buffer.tdl");
    long[] cycles = new long[2], compute = new long[2];
    String[] names = {"narrow", "wide"};
    for (int t = 0; t < 2; t++) {
      Target target = Targets.resolve(names[t], file);
      Tally tally = new Tally();
      compare(file.module(), target, Pipeline.NO_FORMATS, "narrow_buffer/" + names[t], tally);
      assertEquals(1, tally.compared, names[t]);
      assertTrue(tally.problems.isEmpty(), String.join("\n", tally.problems));
      IrModule mapped = new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(target))
          .run(file.module(), Pipeline.NO_FORMATS, new DiagnosticEngine());
      Cost c = Predictions.of(mapped.models().get(0), target).values().iterator().next();
      cycles[t] = c.cycles();
      compute[t] = c.computeCycles();
    }
    // the MACs move the 16 x 64 and 64 x 32 i8 operands and write the 16 x 32 i32 partial sums through the
    // 1 B/cycle port at least once each: the compute queue is busy at least that long
    assertTrue(compute[0] >= 16 * 64 + 64 * 32 + 16 * 32 * 4, "narrow: compute " + compute[0]);
    assertTrue(compute[1] < 16 * 32 * 4, "wide: compute " + compute[1]);
    assertTrue(cycles[0] > 2 * cycles[1], "narrow " + cycles[0] + " vs wide " + cycles[1]);
  }

  @Test
  void perPeTrafficLandsOnThePerPeLevelAndTheSharedLevelsStageTheArraysBytes() {
    Frontend.Result file = new Frontend(new DiagnosticEngine(), new SourceCache())
        .compile("tests/src/test/resources/prediction/deep_hierarchy.tdl");
    Target target = Targets.resolve("deep", file);
    Tally tally = new Tally();
    compare(file.module(), target, Pipeline.NO_FORMATS, "deep_hierarchy", tally);
    assertEquals(1, tally.compared);
    assertTrue(tally.problems.isEmpty(), String.join("\n", tally.problems));
    IrModule mapped = new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(target))
        .run(file.module(), Pipeline.NO_FORMATS, new DiagnosticEngine());
    Model m = mapped.models().get(0);
    var counters = Simulator.run(new Lowering().lower(m, MachineConfig.of(target)), Interpreter.randomInputs(m, 1))
        .total();
    // 16 x 64 x 32 MACs, each reading its two i8 operands and its i32 partial sum and writing the sum
    assertEquals(16L * 64 * 32 * (1 + 1 + 4), counters.level("local").bytesRead());
    assertEquals(16L * 64 * 32 * 4, counters.level("local").bytesWritten());
    // the shared levels between the global buffer and the PEs stage what the MACs move through the global
    // buffer (its bytes less what loads wrote from DRAM and stores read for it; a matmul has no padding),
    // written into each and read out of it once
    var dram = counters.level("dram");
    var global = counters.level("global");
    long staged = global.bytesRead() - dram.bytesWritten() + global.bytesWritten() - dram.bytesRead();
    assertTrue(staged > 16L * 64 + 64 * 32, "at least each operand once: " + staged);
    for (String shared : List.of("l2", "row")) {
      assertEquals(staged, counters.level(shared).bytesRead(), shared);
      assertEquals(staged, counters.level(shared).bytesWritten(), shared);
    }
    // row's port (8 B/cycle) carries them in and out: the MACs take at least that long
    assertTrue(counters.cycles() >= 2 * staged / 8, counters.cycles() + " cycles for " + staged + " staged bytes");
  }

  @Test
  void aSharedLevelStagesOnlyTheOperandsItHoldsAndTheOthersPassItBy() {
    String file = "tests/src/test/resources/prediction/shared_holds.tdl";
    Tally tally = examplesAndFile(file, List.of("row_weights", "row_io"));
    tally.assertExact("shared levels holding some operands", 2 * 12);
    Map<String, Counters> run = new java.util.LinkedHashMap<>();
    for (String t : List.of("row_all", "row_weights", "row_io")) run.put(t, simulateVerified(file, t).total());
    Counters all = run.get("row_all"), weights = run.get("row_weights"), io = run.get("row_io");
    for (var c : List.of(weights, io)) {
      assertEquals(all.level("l2").bytesRead(), c.level("l2").bytesRead(), "l2 holds every operand");
      assertEquals(all.level("global").bytesRead(), c.level("global").bytesRead(), "the same mapping moves the same");
      assertTrue(c.level("row").bytesRead() > 0 && c.level("row").bytesRead() < all.level("row").bytesRead());
      assertEquals(c.level("row").bytesRead(), c.level("row").bytesWritten(), "written in, read out");
      assertTrue(c.energyPj() < all.energyPj() && c.cycles() <= all.cycles());
    }
    // the weights and the inputs and outputs are every operand: the two parts make the whole
    assertEquals(all.level("row").bytesRead(), weights.level("row").bytesRead() + io.level("row").bytesRead());
    // row's port (8 B/cycle) carries what it holds in and out: with fewer bytes the MACs wait less for it
    assertTrue(io.cycles() < all.cycles(), io.cycles() + " vs " + all.cycles());
  }

  private static Tally examples(Pipeline pipeline) {
    Tally t = new Tally();
    for (String ex : EXAMPLES) {
      IrModule module = new Frontend(new DiagnosticEngine(), new SourceCache()).compile("examples/" + ex + ".tdl")
          .module();
      for (String name : Targets.BUILT_IN_NAMES) {
        Target target = Targets.resolve(name, List.of());
        if (pipeline.equals(Pipeline.DEFAULT) && !Targets.checkFormats(module, target).isEmpty()) {
          assertEquals("mapped", ex, "only mapped.tdl pins a format some targets lack");
          continue;
        }
        compare(module, target, pipeline, ex + "/" + name, t);
      }
    }
    return t;
  }

  /**
   * Every mapped layer of every example and of the models in {@code file} (weights dense), predicted and
   * simulated on each of the file's targets {@code targets}.
   */
  static Tally examplesAndFile(String file, List<String> targets) {
    Tally t = new Tally();
    Frontend.Result f = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file);
    List<IrModule> examples = EXAMPLES.stream().map(ex -> new Frontend(new DiagnosticEngine(), new SourceCache())
        .compile("examples/" + ex + ".tdl").module()).toList();
    for (String name : targets) {
      Target target = Targets.resolve(name, f);
      for (int i = 0; i < EXAMPLES.size(); i++) {
        compare(examples.get(i), target, Pipeline.NO_FORMATS, EXAMPLES.get(i) + "/" + name, t);
      }
      compare(f.module(), target, Pipeline.NO_FORMATS, file + "/" + name, t);
    }
    return t;
  }

  /**
   * The first model of {@code file} compiled (default pipeline) for its target {@code name} and simulated on
   * random inputs, after checking its outputs against the reference interpreter bit for bit.
   */
  static SimResult simulateVerified(String file, String name) {
    Frontend.Result f = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file);
    Target target = Targets.resolve(name, f);
    Model m = new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(target))
        .run(f.module(), Pipeline.DEFAULT, new DiagnosticEngine()).models().get(0);
    var inputs = Interpreter.randomInputs(m, 3);
    SimResult sim = Simulator.run(new Lowering().lower(m, MachineConfig.of(target)), inputs);
    assertEquals(new Interpreter().run(m, inputs), sim.outputs(), name + ": simulated outputs, bit for bit");
    return sim;
  }

  /** Compiles, lowers and simulates every model of {@code module}, comparing each mapped layer. */
  static void compare(IrModule module, Target target, Pipeline pipeline, String label, Tally t) {
    IrModule mapped;
    try {
      mapped = new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(target))
          .run(module, pipeline, new DiagnosticEngine());
    } catch (CompileException e) {
      assertTrue(label.startsWith("mapped/"), "only mapped.tdl pins dataflows some targets lack: " + e.getMessage());
      return;
    }
    for (Model m : mapped.models()) {
      Program p = new Lowering().lower(m, MachineConfig.of(target));
      var inputs = Interpreter.randomInputs(m, 1);
      SimResult sim = Simulator.run(p, inputs);
      assertEquals(new Interpreter().run(m, inputs), sim.outputs(), label + ": simulated outputs, bit for bit");
      Map<String, Cost> predicted = Predictions.of(m, target);
      for (LayerCounters lc : sim.layers()) {
        Cost c = predicted.get(lc.name());
        if (c == null) continue;
        t.compared++;
        String where = label + "/" + lc.name();
        var s = lc.counters();
        if (s.compressedBytes() > 0) t.compressedLayers++;
        if (s.macsSkipped() > 0) t.skippingLayers++;
        long[] counted = {s.cycles(), s.macs(), s.macsSkipped(), s.level("dram").bytesRead(),
            s.level("dram").bytesWritten(), s.level(target.global().name()).bytesRead(),
            s.level(target.global().name()).bytesWritten(), localBytes(s, target), s.decodeCycles(), s.convertCycles()};
        long[] model = {c.cycles(), c.macs(), c.macsSkipped(), sum(c.dramRead()), sum(c.dramWrite()),
            sum(c.globalRead()), sum(c.globalWrite()), c.localBytes(), c.decodeCycles(), c.convertCycles()};
        if (!java.util.Arrays.equals(counted, model) || s.energyPj() != c.energyPj()) {
          t.problems.add(where + ": cycles, MACs, skipped, bytes (dram r/w, global r/w, local), decode, convert "
              + java.util.Arrays.toString(counted) + " energy " + s.energyPj() + " pJ; predicted "
              + java.util.Arrays.toString(model) + " energy " + c.energyPj() + " pJ");
        } else {
          t.exact++;
        }
      }
    }
  }

  /** Bytes read and written on the per-PE levels, 0 on a target without one. */
  private static long localBytes(org.tdlc.sim.Counters s, Target target) {
    return target.perPeLevels().stream()
        .mapToLong(l -> s.level(l.name()).bytesRead() + s.level(l.name()).bytesWritten()).sum();
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long x : a) s += x;
    return s;
  }
}
