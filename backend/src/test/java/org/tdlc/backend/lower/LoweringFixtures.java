// Shared by the lowering tests (here and, through the test jar, runtime-sim's end-to-end tests): three machines that stress the tiler differently (a roomy double-buffered
// 16x16, a row-stationary 12x14 without double buffering, a 4x4 with 8 KiB that forces many remainder
// tiles), and ways to get models from the examples or from .tdl text, with or without fusion.
package org.tdlc.backend.lower;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.tdlc.frontend.Frontend;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.MemoryLevel;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;

public final class LoweringFixtures {
  private LoweringFixtures() {}

  public static final String FUSED = Pipeline.FUSED.toString();

  public static MachineConfig machine(String name, int rows, int cols, Set<Dataflow> dataflows, long global,
                               boolean doubleBuffer) {
    return new MachineConfig(name, rows, cols, dataflows, 500,
        List.of(new MemoryLevel("dram", 0, false, 16, 100, false),
            new MemoryLevel("global", global, false, 64, 2.5, doubleBuffer),
            new MemoryLevel("local", 64, true, 0, 0.15, false)),
        0.25, 20, List.of("dense"), false, false);
  }

  public static final MachineConfig EDGE = machine("edge16", 16, 16, Set.of(Dataflow.WS, Dataflow.OS), 256 << 10, true);
  public static final MachineConfig EYERISS = machine("eyeriss12x14", 12, 14, Set.of(Dataflow.RS), 108 << 10, false);
  public static final MachineConfig TINY = machine("tiny4x4", 4, 4, Set.of(Dataflow.WS), 8 << 10, true);
  public static final List<MachineConfig> MACHINES = List.of(EDGE, EYERISS, TINY);
  /** 1 KiB, double-buffered, output stationary on 2x2: for the small corner-case models, many tiles. */
  public static final MachineConfig CRUMB = machine("crumb2x2", 2, 2, Set.of(Dataflow.OS), 1 << 10, true);

  /** The shared examples that hold models (targets.tdl holds only targets). */
  public static List<Path> examples() {
    Path dir = Files.isDirectory(Path.of("examples")) ? Path.of("examples") : Path.of("..", "examples");
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".tdl") && !p.getFileName().toString().equals("targets.tdl"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The small corner-case models of src/test/resources/lowering/ops.tdl (also read by runtime-sim's tests). */
  public static Path opsFile() {
    Path here = Path.of("src/test/resources/lowering/ops.tdl");
    return Files.isRegularFile(here) ? here : Path.of("..", "backend", "src", "test", "resources", "lowering", "ops.tdl");
  }

  /** Every model of a .tdl file after {@code pipeline} ("" for none). */
  public static List<Model> models(Path file, String pipeline) {
    IrModule m = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString()).module();
    if (!pipeline.isEmpty()) {
      m = new PassManager(PassManager.Instrumentation.defaults(System.err))
          .run(m, Pipeline.parse(pipeline), new DiagnosticEngine());
    }
    return m.models();
  }

  /** The single model of a .tdl text. */
  public static Model model(String tdl, String pipeline) {
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
}
