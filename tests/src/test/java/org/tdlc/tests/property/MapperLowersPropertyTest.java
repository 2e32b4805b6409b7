// Seeded property test of the mapper's capacity model against the lowering's buffer plan: random targets with
// small global buffers (256 B to 8 KiB, double-buffered or not) that mostly decode compressed weights in
// software (so staging areas take room), and random models on them (RandomCompilerCases' models, and a pruned
// conv2d or matmul with a fused epilogue, sometimes with a residual that is itself a pruned weight). The mapper
// may refuse a layer that no tile fits, with a located error; every mapping it accepts must lower, run
// bit-exact against the reference interpreter, and be predicted exactly (cycles, MACs, bytes, energy, decode),
// also when select-formats runs after the mapper (it then keeps only formats every reader's mapping still fits).
// A failure prints the seed, the case and the replay command; -Dproperty.cases=N runs more.
package org.tdlc.tests.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.lower.Lowering;
import org.tdlc.backend.lower.LoweringException;
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

class MapperLowersPropertyTest {
  static final int DEFAULT_CASES = 150;
  private static final List<String> FLOWS = List.of("ws", "os", "rs", "is");
  private static final List<String> FORMATS = List.of("bitmap", "rle", "csr", "csc", "coo");
  private static final List<String> PIPELINES = List.of("canonicalize,fuse-epilogue,select-formats,mapper",
      "canonicalize,fuse-epilogue,select-formats,mapper", "fuse-epilogue,mapper", "select-formats,mapper",
      "canonicalize,fuse-epilogue,mapper,select-formats");

  @TempDir Path dir;

  /** One case: the target's and the model's text in one file, and the pipeline. */
  record Case(long seed, String name, String tdl, String pipeline) {
    @Override public String toString() { return "seed " + seed + ", target " + name + ", passes '" + pipeline + "'\n" + tdl; }
  }

  /** What the cases came to, so the test can show it exercised what it claims. */
  private static final class Tally {
    int lowered, refused, unmappedTooBig, layers, staged;
  }

  @Test
  void everyMappingTheMapperAcceptsLowersRunsAndIsPredictedExactly() throws Exception {
    Tally t = new Tally();
    for (long seed : CompilerPropertiesTest.seeds(DEFAULT_CASES)) {
      Case c = generate(seed);
      try {
        check(c, t);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(c + "\n" + e.getMessage() + "\nreplay: mvn -B -o verify -pl tests -am"
            + " -Dtest=MapperLowersPropertyTest -Dproperty.seed=" + seed + " -Dsurefire.failIfNoSpecifiedTests=false", e);
      }
    }
    System.out.printf("MapperLowersPropertyTest: %d cases lowered and ran exactly (%d mapped layers, %d converting"
        + " staged weights), %d refused with a located error (no tile fits, or a format pinned after the mapping"
        + " does not), %d with an unmapped op too big for the buffer%n", t.lowered, t.layers, t.staged, t.refused,
        t.unmappedTooBig);
    int cases = t.lowered + t.refused + t.unmappedTooBig;
    assertTrue(t.lowered * 2 >= cases, "only " + t.lowered + " of " + cases + " cases lowered");
    assertTrue(cases < 20 || t.staged > 0, "no case converted a staged weight in software");
  }

  private void check(Case c, Tally t) throws Exception {
    Path file = dir.resolve("case.tdl");
    Files.writeString(file, c.tdl());
    Frontend.Result front = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString());
    Target target = Targets.resolve(c.name(), front);
    IrModule mapped;
    try {
      mapped = new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(target))
          .run(front.module(), Pipeline.parse(c.pipeline()), new DiagnosticEngine());
    } catch (CompileException e) {
      // the mapper may refuse, at the op, a layer no tile fits; nothing else may fail
      assertTrue(e.getMessage().contains("no mapping fits") || e.getMessage().contains("pinned tile")
          || e.getMessage().contains("run select-formats before the mapping passes"),
          () -> "the passes failed: " + e.getMessage());
      t.refused++;
      return;
    }
    MachineConfig machine = MachineConfig.of(target);
    for (Model m : mapped.models()) {
      Program p;
      try {
        p = new Lowering().lower(m, machine);
      } catch (LoweringException e) {
        // an op the mapper does not map (a pool, a copy) may need more than the buffer; a mapped one may not
        assertTrue(e.getMessage().contains("even the smallest tile") && !e.getMessage().contains("mapped"),
            () -> "the mapper accepted what the lowering refuses: " + e.getMessage());
        t.unmappedTooBig++;
        return;
      }
      var inputs = Interpreter.randomInputs(m, c.seed());
      SimResult sim = Simulator.run(p, inputs);
      assertEquals(new Interpreter().run(m, inputs), sim.outputs(), "simulated outputs, bit for bit");
      Map<String, Cost> predicted = Predictions.of(m, target);
      for (LayerCounters lc : sim.layers()) {
        Cost cost = predicted.get(lc.name());
        if (cost == null) continue;
        Counters s = lc.counters();
        String global = target.global().name();
        long[] counted = {s.cycles(), s.macs(), s.macsSkipped(), s.level("dram").bytesRead(),
            s.level("dram").bytesWritten(), s.level(global).bytesRead(), s.level(global).bytesWritten(),
            s.decodeCycles(), s.convertCycles()};
        long[] model = {cost.cycles(), cost.macs(), cost.macsSkipped(), sum(cost.dramRead()), sum(cost.dramWrite()),
            sum(cost.globalRead()), sum(cost.globalWrite()), cost.decodeCycles(), cost.convertCycles()};
        assertEquals(Arrays.toString(counted), Arrays.toString(model), lc.name()
            + ": cycles, MACs, skipped, DRAM read/write, global read/write, decode, convert (simulated vs predicted)");
        assertEquals(s.energyPj(), cost.energyPj(), lc.name() + ": energy (simulated vs predicted)");
        t.layers++;
        if (s.convertCycles() > 0) t.staged++;
      }
    }
    t.lowered++;
  }

  static Case generate(long seed) {
    Random rnd = new Random(seed);
    String name = "small" + seed;
    List<String> flows = subset(rnd, FLOWS);
    List<String> formats = new ArrayList<>(List.of("dense"));
    formats.addAll(subset(rnd, FORMATS));
    boolean software = rnd.nextInt(4) != 0;
    long size = 256L << rnd.nextInt(6);
    if (rnd.nextBoolean()) size += 16L * rnd.nextInt(16) + rnd.nextInt(16);
    StringBuilder t = new StringBuilder("target " + name + " {\n");
    t.append("  pe_array ").append(1 + rnd.nextInt(16)).append(" x ").append(1 + rnd.nextInt(16)).append(";\n");
    t.append("  dataflows ").append(String.join(", ", flows)).append(";\n");
    t.append("  frequency 200 MHz;\n  datatype i8 accumulate i32;\n");
    t.append("  memory dram   { bandwidth ").append(1 + rnd.nextInt(32)).append(" B/cycle; energy 100 pJ/B; }\n");
    t.append("  memory global { size ").append(size).append(" B; bandwidth ").append(4 + rnd.nextInt(64))
        .append(" B/cycle; energy 2 pJ/B;").append(rnd.nextBoolean() ? " double_buffer;" : "").append(" }\n");
    if (rnd.nextBoolean()) t.append("  memory local  { size ").append(16 << rnd.nextInt(5)).append(" B per pe; energy 0.5 pJ/B; }\n");
    t.append("  mac { energy 0.25 pJ; }\n");
    t.append("  sparse { formats ").append(String.join(", ", formats)).append("; decode ")
        .append(software ? "software" : "hardware").append(";").append(rnd.nextBoolean() ? " skip zeros;" : "")
        .append(" }\n}\n\n");
    String model = rnd.nextInt(3) == 0
        ? RandomCompilerCases.generate(seed, rnd, new RandomCompilerCases.Target(name, flows, formats)).tdl()
        : pruned(rnd, formats);
    return new Case(seed, name, t + model, PIPELINES.get(rnd.nextInt(PIPELINES.size())));
  }

  /**
   * A conv2d or matmul whose weight is pruned and sometimes pinned to a format, with an epilogue fuse-epilogue
   * folds into it: relu, requant, and sometimes a residual add of an input or of a pruned weight.
   */
  private static String pruned(Random rnd, List<String> formats) {
    StringBuilder b = new StringBuilder("model m {\n");
    String call;
    int[] out;
    if (rnd.nextBoolean()) {
      int c = 1 + rnd.nextInt(16), k = 1 + rnd.nextInt(24), r = 1 + rnd.nextInt(3), s = 1 + rnd.nextInt(3);
      int st = 1 + rnd.nextInt(2), pad = rnd.nextInt(r), h = r + rnd.nextInt(10), w = s + rnd.nextInt(10);
      b.append("  input x : i8[1, ").append(c).append(", ").append(h).append(", ").append(w).append("];\n");
      b.append("  weight w : i8[").append(k).append(", ").append(c).append(", ").append(r).append(", ").append(s)
          .append("]").append(init(rnd, formats)).append(";\n");
      call = "conv2d(x, w, stride = " + st + ", pad = " + pad + ")";
      out = new int[] {1, k, (h + 2 * pad - r) / st + 1, (w + 2 * pad - s) / st + 1};
    } else {
      int m = 1 + rnd.nextInt(24), k = 1 + rnd.nextInt(48), n = 1 + rnd.nextInt(32);
      b.append("  input a : i8[").append(m).append(", ").append(k).append("];\n");
      b.append("  weight w : i8[").append(k).append(", ").append(n).append("]").append(init(rnd, formats)).append(";\n");
      call = "matmul(a, w)";
      out = new int[] {m, n};
    }
    String shape = Arrays.toString(out);
    String y = switch (rnd.nextInt(4)) {
      case 0 -> call;
      case 1 -> "relu(" + call + ")";
      case 2 -> "requant(relu(" + call + "), shift = 6)";
      default -> {
        boolean weight = rnd.nextBoolean();
        b.append(weight ? "  weight res : i32" + shape + init(rnd, formats) : "  input res : i32" + shape).append(";\n");
        yield "add(" + call + ", res)";
      }
    };
    return b.append("  y = ").append(y).append(";\n  output y;\n}\n").toString();
  }

  /** A seeded random init, pruned and pinned to one of the formats some of the time. */
  private static String init(Random rnd, List<String> formats) {
    String s = " init random(seed = " + rnd.nextInt(100) + ")";
    if (rnd.nextInt(4) != 0) s += " density " + List.of("0.05", "0.2", "0.5", "0.9", "0.999").get(rnd.nextInt(5));
    if (rnd.nextInt(3) == 0) s += " format " + formats.get(rnd.nextInt(formats.size()));
    return s;
  }

  /** A non-empty random subset of {@code all}, in its order. */
  private static List<String> subset(Random rnd, List<String> all) {
    List<String> out = new ArrayList<>();
    for (String s : all) if (rnd.nextBoolean()) out.add(s);
    if (out.isEmpty()) out.add(all.get(rnd.nextInt(all.size())));
    return out;
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long x : a) s += x;
    return s;
  }
}
