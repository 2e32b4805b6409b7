// Storage formats end to end: every format a weight can be pinned to runs bit-exact, and the simulator reads
// exactly the compressed bytes the compiler encoded, layer by layer; select-formats stays within 5% of the best
// format's cycles over a small density sweep (tdlc bench sparse --quick); a pin the target lacks is a located
// error; a compressed program survives asm -> tdlx -> disasm; explain and --json report the formats.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.lower.Lowering;
import org.tdlc.frontend.Frontend;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.interp.Interpreter;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.machine.MachineConfig;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.SimResult;
import org.tdlc.sim.Simulator;

class SparseFormatsTest {
  /** A conv and a matmul whose weights take a density (%1$s) and a format (%2$s); SoftwareConversionTest uses it too. */
  static final String MODEL = """
      model m {
        input x : i8[1, 16, 10, 10];
        weight w : i8[24, 16, 3, 3] init random(seed = 5) density %1$s format %2$s;
        weight v : i8[600, 40] init random(seed = 6) density %1$s format %2$s;
        c = conv2d(x, w, pad = 1);
        f = flatten(requant(relu(c), shift = 8));
        y = matmul(reshape(f, shape = [4, 600]), v);
        output y;
      }
      """;

  @Test
  void everyFormatRunsBitExactAndTheSimulatorReadsExactlyTheEncodedBytes(@TempDir Path dir) throws Exception {
    Target target = Targets.resolve("default", List.of());
    for (double density : new double[] {0.0, 0.1, 0.6, 1.0}) {
      for (StorageFormat f : target.formats()) {
        Path file = dir.resolve("m.tdl");
        Files.writeString(file, String.format(java.util.Locale.ROOT, MODEL, density, f.keyword()));
        IrModule module = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString()).module();
        IrModule opt = new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(target))
            .run(module, Pipeline.NO_MAPPER, new DiagnosticEngine());
        Model m = opt.models().get(0);
        Lowering lowering = new Lowering();
        Program p = lowering.lower(m, MachineConfig.of(target));
        Map<String, Tensor> inputs = Interpreter.randomInputs(m, 3);
        SimResult sim = Simulator.run(p, inputs);
        String what = f.keyword() + " at density " + density;
        assertEquals(new Interpreter().run(module.models().get(0), inputs), sim.outputs(), what);
        long compressed = 0;
        for (LayerCounters lc : sim.layers()) {
          long expected = lowering.compressedBytes().getOrDefault(lc.name(), 0L);
          assertEquals(expected, lc.counters().compressedBytes(), what + ", layer " + lc.name());
          compressed += expected;
        }
        if (f == StorageFormat.DENSE) {
          assertEquals(0, compressed, what);
        } else {
          assertTrue(compressed > 0, what + ": no compressed bytes moved");
          String format = lowering.formats().values().stream().filter(fs -> fs.containsKey("w")).findFirst()
              .orElseThrow().get("w");
          assertEquals(f.keyword(), format, what);
        }
      }
    }
  }

  @Test
  void theChosenFormatIsWithinFivePercentOfTheBestAtEverySweepPoint() {
    Tdlc.Result r = Tdlc.run("bench", "sparse", "--quick", "--json");
    JsonSchema.assertValid("bench sparse --quick --json", r.out());
    assertEquals(0, r.code(), r.toString());
    Matcher m = Pattern.compile("\"chosen_over_best\": ([0-9.eE-]+)").matcher(r.out());
    int points = 0;
    while (m.find()) {
      double ratio = Double.parseDouble(m.group(1));
      assertTrue(ratio <= 1.05, "chosen format " + ratio + "x the best format's cycles:\n" + r.out());
      points++;
    }
    assertEquals(6, points, r.out());
    assertTrue(!r.out().contains("\"verified\": false"), r.out());
    // the software side of the decode comparison runs real convert instructions, the hardware side none
    Matcher sw = Pattern.compile("\"software_same_format\": \\{[^}]*\"format\": \"(\\w+)\"[^}]*\"converts\": (\\d+), "
        + "\"convert_cycles\": (\\d+)").matcher(r.out());
    int compressed = 0;
    while (sw.find()) {
      boolean dense = sw.group(1).equals("dense");
      compressed += dense ? 0 : 1;
      assertEquals(dense, Long.parseLong(sw.group(2)) == 0, sw.group());
      assertEquals(dense, Long.parseLong(sw.group(3)) == 0, sw.group());
    }
    assertTrue(compressed > 0, "no compressed point in the decode comparison:\n" + r.out());
    Matcher hw = Pattern.compile("\"hardware\": \\{[^}]*\"converts\": (\\d+)").matcher(r.out());
    while (hw.find()) assertEquals("0", hw.group(1), hw.group());
  }

  /**
   * select-formats ranks by the mapper's objective with ties to the smaller footprint: a 99.9%-dense weight
   * (every compressed format is larger and moves more DRAM bytes) stays dense under edp (the default) and
   * energy, and a 10%-dense one is stored compressed under every objective, on every built-in target that
   * reads a compressed format and on a software-decode variant of the sparse one.
   */
  @Test
  void formatsMinimizeTheMappersObjective(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("formats.tdl");
    Files.writeString(file, """
        target soft {
          pe_array 16 x 16;
          dataflows ws, os;
          frequency 500 MHz;
          memory dram   { bandwidth 16 B/cycle; energy 100 pJ/B; }
          memory global { size 256 KiB; bandwidth 64 B/cycle; energy 2 pJ/B; double_buffer; }
          memory local  { size 64 B per pe; energy 0.1 pJ/B; }
          mac { energy 0.2 pJ; }
          sparse { formats dense, bitmap, rle, csr, csc, coo; decode software; skip zeros; }
        }
        model m {
          input x : i8[64, 256];
          weight near : i8[256, 256] init random(seed = 3) density 0.999;
          weight thin : i8[256, 256] init random(seed = 4) density 0.1;
          y = matmul(requant(matmul(x, near), shift = 8), thin);
          output y;
        }
        """);
    Frontend.Result front = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString());
    List<Target> targets = new java.util.ArrayList<>(Targets.builtIns());
    targets.add(Targets.resolve("soft", front));
    int compressedTargets = 0;
    for (Target t : targets) {
      if (t.formats().stream().allMatch(f -> f == StorageFormat.DENSE)) continue;
      compressedTargets++;
      for (String objective : List.of("cycles", "energy", "edp")) {
        IrModule m = new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(t)).run(front.module(),
            Pipeline.parse("canonicalize,fuse-epilogue,select-formats{objective=" + objective + "}"),
            new DiagnosticEngine());
        Map<String, StorageFormat> chosen = new java.util.HashMap<>();
        for (var op : m.models().get(0).ops()) {
          if (op.is(org.tdlc.ir.ops.Ops.WEIGHT)) chosen.put(op.attributes().getString("name"), op.result().type().format());
        }
        String where = t.name() + ", objective " + objective + ": " + chosen;
        if (!objective.equals("cycles")) assertEquals(StorageFormat.DENSE, chosen.get("near"), where);
        assertTrue(chosen.get("thin") != StorageFormat.DENSE, where);
      }
    }
    assertTrue(compressedTargets >= 3, "targets with a compressed format: " + compressedTargets);
  }

  @Test
  void aPinTheTargetLacksIsALocatedError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pin.tdl");
    Files.writeString(file, String.format(java.util.Locale.ROOT, MODEL, 0.2, "csr"));
    Tdlc.Result r = Tdlc.run("run", file.toString(), "--target", "nvdla");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains(file + ":3:10: error: weight 'w' is pinned to format csr, which target 'nvdla'"),
        r.err());
  }

  @Test
  void pinsAreHonouredAndReportedInJsonAndExplain() {
    Tdlc.Result run = Tdlc.run("run", "examples/mapped.tdl", "--json");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().contains("\"formats\": {\"w2\": \"csr\"}"), run.out());
    Matcher m = Pattern.compile("\"compressed_bytes\": \\{\"predicted\": (\\d+), \"simulated\": (\\d+)\\}")
        .matcher(run.out());
    int seen = 0;
    while (m.find()) {
      assertEquals(m.group(1), m.group(2), run.out());
      seen++;
    }
    assertTrue(seen >= 1, run.out());
    Tdlc.Result explain = Tdlc.run("explain", "examples/mapped.tdl", "--layer", "y");
    assertEquals(0, explain.code(), explain.toString());
    assertTrue(explain.out().contains("  w2: csr (pinned), "), explain.out());
    assertTrue(explain.out().contains("best other "), explain.out());
  }

  @Test
  void profiledActivationDensitiesAreReported() {
    Tdlc.Result r = Tdlc.run("compile", "examples/resnet_block.tdl", "--profile-inputs", "2", "--emit", "ir");
    assertEquals(0, r.code(), r.toString());
    // r1 = relu(...) feeds the second conv: about half of it is zero, so a compressed format is smaller
    Matcher m = Pattern.compile("r1 = \\{best = \"([a-z]+)\", best_bytes = (\\d+), dense_bytes = (\\d+), "
        + "density = (0\\.\\d+)\\}").matcher(r.out());
    assertTrue(m.find(), r.out());
    assertTrue(!m.group(1).equals("dense") && Long.parseLong(m.group(2)) < Long.parseLong(m.group(3)), m.group());
    double density = Double.parseDouble(m.group(4));
    assertTrue(density > 0.3 && density < 0.7, m.group());
    assertEquals(1, Tdlc.run("compile", "examples/resnet_block.tdl", "--profile-inputs", "x", "--emit", "ir").code());
    assertEquals(1, Tdlc.run("compile", "examples/resnet_block.tdl", "--profile-inputs", "2", "--passes",
        "canonicalize", "--emit", "ir").code());
  }

  @Test
  void aCompressedProgramRoundTripsThroughAssembly(@TempDir Path dir) throws Exception {
    Path bin = dir.resolve("p.tdlx"), asm = dir.resolve("p.s"), again = dir.resolve("q.tdlx");
    assertEquals(0, Tdlc.run("compile", "examples/mapped.tdl", "-o", bin.toString()).code());
    Tdlc.Result dis = Tdlc.run("disasm", bin.toString());
    assertEquals(0, dis.code(), dis.toString());
    assertTrue(dis.out().contains(" csr rows="), "no compressed load in:\n" + dis.out());
    Files.writeString(asm, dis.out());
    Tdlc.Result as = Tdlc.run("asm", asm.toString(), "-o", again.toString());
    assertEquals(0, as.code(), as.toString());
    assertArrayEquals(Files.readAllBytes(bin), Files.readAllBytes(again));
  }
}
