// Shared by the lowering tests (here and, through the test jar, runtime-sim's end-to-end tests): three machines that stress the tiler differently (a roomy double-buffered
// 16x16, a row-stationary 12x14 without double buffering, a 4x4 with 8 KiB that forces many remainder
// tiles), and ways to get models from the examples or from .tdl text, optionally rewritten first (the tests
// module passes the pass pipeline's fusion in: the backend itself never depends on the passes).
package org.tdlc.backend.lower;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.tdlc.frontend.Frontend;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.MemoryLevel;

public final class LoweringFixtures {
  private LoweringFixtures() {}

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
    // from the backend module itself, from a sibling module, or from the repository root (the tests module)
    for (String at : List.of("src/test/resources/lowering/ops.tdl", "../backend/src/test/resources/lowering/ops.tdl")) {
      if (Files.isRegularFile(Path.of(at))) return Path.of(at);
    }
    return Path.of("backend/src/test/resources/lowering/ops.tdl");
  }

  /** Every model of a .tdl file as the front end builds it. */
  public static List<Model> models(Path file) { return models(file, null); }

  /** Every model of a .tdl file, the module rewritten by {@code passes} first (null: as built). */
  public static List<Model> models(Path file, UnaryOperator<IrModule> passes) {
    IrModule m = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString()).module();
    return (passes == null ? m : passes.apply(m)).models();
  }

  /** The single model of a .tdl text, as built. */
  public static Model model(String tdl) { return model(tdl, null); }

  /** The single model of a .tdl text, the module rewritten by {@code passes} first (null: as built). */
  public static Model model(String tdl, UnaryOperator<IrModule> passes) {
    try {
      Path f = Files.createTempFile("lowering", ".tdl");
      Files.writeString(f, tdl);
      try {
        List<Model> ms = models(f, passes);
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
