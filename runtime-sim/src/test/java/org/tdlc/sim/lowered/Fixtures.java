// Shared by the end-to-end lowering tests: the machines of the backend's lowering tests (roomy 16x16 with double
// buffering, row-stationary 12x14 without, 4x4 with 8 KiB forcing remainder tiles), models from the examples or
// from .tdl text, and the check that lowers, simulates and compares with the reference interpreter bit for bit.
package org.tdlc.sim.lowered;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.tdlc.backend.isa.Dataflow;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.lower.Lowering;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.interp.Interpreter;
import org.tdlc.sim.SimResult;
import org.tdlc.sim.Simulator;
import org.tdlc.backend.isa.MachineConfig;
import org.tdlc.backend.isa.MemoryLevel;
import org.tdlc.frontend.Frontend;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;

final class Fixtures {
  private Fixtures() {}

  static final String FUSED = "canonicalize,fuse-epilogue";

  static MachineConfig machine(String name, int rows, int cols, Set<Dataflow> dataflows, long global,
                               boolean doubleBuffer) {
    return new MachineConfig(name, rows, cols, dataflows, 500,
        List.of(new MemoryLevel("dram", 0, false, 16, 100, false),
            new MemoryLevel("global", global, false, 64, 2.5, doubleBuffer),
            new MemoryLevel("local", 64, true, 0, 0.15, false)),
        0.25, 20, List.of("dense"), false, false);
  }

  static final MachineConfig EDGE = machine("edge16", 16, 16, Set.of(Dataflow.WS, Dataflow.OS), 256 << 10, true);
  static final MachineConfig EYERISS = machine("eyeriss12x14", 12, 14, Set.of(Dataflow.RS), 108 << 10, false);
  static final MachineConfig TINY = machine("tiny4x4", 4, 4, Set.of(Dataflow.WS), 8 << 10, true);
  static final List<MachineConfig> MACHINES = List.of(EDGE, EYERISS, TINY);

  /** The shared examples that hold models (targets.tdl holds only targets). */
  static List<Path> examples() {
    Path dir = Files.isDirectory(Path.of("examples")) ? Path.of("examples") : Path.of("..", "examples");
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".tdl") && !p.getFileName().toString().equals("targets.tdl"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The backend's corner-case models (backend/src/test/resources/lowering/ops.tdl). */
  static Path opsFile() { return Path.of("..", "backend", "src", "test", "resources", "lowering", "ops.tdl"); }

  /** Every model of a .tdl file after {@code pipeline} ("" for none). */
  static List<Model> models(Path file, String pipeline) {
    IrModule m = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString()).module();
    if (!pipeline.isEmpty()) {
      m = new PassManager(PassManager.Instrumentation.defaults(System.err))
          .run(m, Pipeline.parse(pipeline), new DiagnosticEngine());
    }
    return m.models();
  }

  /** The single model of a .tdl text. */
  static Model model(String tdl, String pipeline) {
    try {
      Path f = Files.createTempFile("lowering", ".tdl");
      Files.writeString(f, tdl);
      try {
        List<Model> ms = models(f, pipeline);
        if (ms.size() != 1) throw new IllegalArgumentException("expected one model, got " + ms.size());
        return ms.get(0);
      } finally {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lowers {@code model} for {@code machine}, simulates it on seeded inputs and compares with the interpreter. */
  static SimResult assertBitExact(Model model, MachineConfig machine, long seed) {
    Map<String, Tensor> inputs = Interpreter.randomInputs(model, seed);
    Map<String, Tensor> expected = new Interpreter().run(model, inputs);
    Program program = new Lowering().lower(model, machine);
    SimResult result = Simulator.run(program, inputs);
    String where = "model " + model.name() + " on " + machine.target() + " (seed " + seed + ")";
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(result.outputs().keySet()), where + ": output names");
    for (Map.Entry<String, Tensor> e : expected.entrySet()) {
      e.getValue().diff(result.outputs().get(e.getKey()))
          .ifPresent(d -> fail(where + ": output " + e.getKey() + ": " + d));
    }
    return result;
  }
}
