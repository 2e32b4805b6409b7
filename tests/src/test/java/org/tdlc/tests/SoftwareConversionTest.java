// Software format conversion end to end, on the `sparse` target with `decode software` (e2e/sparse_sw.tdl):
// every format runs bit-exact through staging loads and CONVERT instructions, the program is well formed and
// race-free, and the simulator counts convert_cycles and reads exactly the compressed bytes the compiler
// encoded; the default pipeline (mapper included) compiles and runs it from the command line.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Opcode;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.lower.Lowering;
import org.tdlc.backend.lower.ProgramShape;
import org.tdlc.backend.lower.RaceCheck;
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

class SoftwareConversionTest {
  static final Path TARGET = Path.of("tests/src/test/resources/e2e/sparse_sw.tdl");

  static Path source(Path dir, double density, StorageFormat f) throws Exception {
    Path file = dir.resolve("m.tdl");
    Files.writeString(file, Files.readString(TARGET) + "\n"
        + String.format(Locale.ROOT, SparseFormatsTest.MODEL, density, f.keyword()));
    return file;
  }

  @Test
  void everyFormatConvertsInSoftwareBitExact(@TempDir Path dir) throws Exception {
    for (double density : new double[] {0.0, 0.3, 1.0}) {
      for (StorageFormat f : StorageFormat.values()) {
        if (f == StorageFormat.DENSE) continue;
        String what = f.keyword() + " at density " + density;
        Frontend.Result fe = new Frontend(new DiagnosticEngine(), new SourceCache())
            .compile(source(dir, density, f).toString());
        Target target = Targets.resolve("sparse_sw", fe);
        assertTrue(!target.sparse().hardwareDecode(), what);
        IrModule module = fe.module();
        IrModule opt = new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(target))
            .run(module, Pipeline.NO_MAPPER, new DiagnosticEngine());
        Model m = opt.models().get(0);
        Lowering lowering = new Lowering();
        Program p = lowering.lower(m, MachineConfig.of(target));
        ProgramShape.check(p);
        RaceCheck.check(p);
        long converts = p.instructions().stream().filter(i -> i instanceof Instruction.Convert).count();
        assertTrue(converts > 0, what + ": no convert instruction");
        Map<String, Tensor> inputs = Interpreter.randomInputs(m, 3);
        SimResult sim = Simulator.run(p, inputs);
        assertEquals(new Interpreter().run(module.models().get(0), inputs), sim.outputs(), what);
        assertEquals(converts, sim.total().instructions(Opcode.CONVERT), what);
        assertTrue(sim.total().convertCycles() > 0, what + ": no conversion cycles");
        assertEquals(0, sim.total().decodeCycles(), what);
        for (LayerCounters lc : sim.layers()) {
          assertEquals(lowering.compressedBytes().getOrDefault(lc.name(), 0L), lc.counters().compressedBytes(),
              what + ", layer " + lc.name());
        }
      }
    }
  }

  @Test
  void theDefaultPipelineRunsItFromTheCommandLine(@TempDir Path dir) throws Exception {
    String file = source(dir, 0.3, StorageFormat.CSR).toString();
    Tdlc.Result asm = Tdlc.run("compile", file, "--target", "sparse_sw", "--emit", "asm");
    assertEquals(0, asm.code(), asm.toString());
    assertTrue(asm.out().contains("\nconvert "), asm.out());
    Tdlc.Result run = Tdlc.run("run", file, "--target", "sparse_sw", "--json");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().contains("\"verified\": true") && !run.out().contains("\"verified\": false"), run.out());
    Matcher total = Pattern.compile("\"total\": \\{.*?\"convert_cycles\": (\\d+)").matcher(run.out());
    assertTrue(total.find(), run.out());
    assertTrue(Long.parseLong(total.group(1)) > 0, run.out());
    // a program read back from .tdlx names its converted format in the table (it has no weight names)
    Path tdlx = dir.resolve("sw.tdlx");
    Tdlc.Result compiled = Tdlc.run("compile", file, "--target", "sparse_sw", "-o", tdlx.toString());
    assertEquals(0, compiled.code(), compiled.toString());
    Tdlc.Result sim = Tdlc.run("sim", tdlx.toString());
    assertEquals(0, sim.code(), sim.toString());
    assertTrue(sim.out().contains(" csr "), sim.out());
  }
}
