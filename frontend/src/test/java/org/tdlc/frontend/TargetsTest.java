// The built-in targets validate, print back to text that parses to the same hardware, and are exactly
// the files of targets/; --target resolution (default, built-ins, file targets shadowing built-ins,
// unknown names) and the check that pinned weight formats exist on the chosen target.
package org.tdlc.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.type.StorageFormat;

class TargetsTest {
  @TempDir Path dir;

  @Test
  void builtInsAreExactlyTheFilesOfTheTargetsDirectory() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "targets"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tdl"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
      assertEquals(Targets.BUILT_IN_NAMES.stream().sorted().toList(), names);
    }
    assertEquals(Targets.BUILT_IN_NAMES, Targets.builtIns().stream().map(Target::name).toList());
    assertSame(Targets.builtIns(), Targets.builtIns(), "parsed once");
    for (String name : Targets.BUILT_IN_NAMES) {
      assertEquals(Files.readString(Path.of("..", "targets", name + ".tdl")), Targets.builtInText(name),
          "the packaged resource is the file in targets/");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyBuiltInRoundTripsThroughToTdl() {
    return Targets.builtIns().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
      assertTrue(Targets.isBuiltIn(t));
      Path file = dir.resolve(t.name() + ".tdl");
      Files.writeString(file, t.toTdl());
      Target back = TargetBuilderTest.compile(file).targets().get(0);
      assertEquals(t.withLoc(back.loc()), back, "parse(toTdl()) is the same target");
      assertEquals(t.toTdl(), back.toTdl());
      assertEquals(t.fingerprint(), back.fingerprint());
      assertTrue(t.toTdl().contains("sparse { formats "), t.toTdl());
    }));
  }

  @Test
  void builtInsHaveTheirPromisedCapabilities() {
    assertEquals(EnumSet.of(Dataflow.WS, Dataflow.OS, Dataflow.RS), target("default").dataflows());
    assertEquals(List.of(StorageFormat.values()), target("default").formats());
    assertEquals(EnumSet.of(Dataflow.WS, Dataflow.OS), target("systolic").dataflows());
    Target eyeriss = target("eyeriss");
    assertEquals(EnumSet.of(Dataflow.RS), eyeriss.dataflows());
    assertEquals(168, eyeriss.peCount());
    assertEquals(108 * 1024, eyeriss.global().sizeBytes());
    assertEquals(200, eyeriss.frequencyMhz());
    assertEquals(EnumSet.of(Dataflow.WS), target("nvdla").dataflows());
    assertEquals(2048, target("nvdla").peCount());
    assertEquals(1000, target("nvdla").frequencyMhz());
    assertTrue(target("maeri").flexible());
    Target sparse = target("sparse");
    assertEquals(List.of(StorageFormat.values()), sparse.formats());
    assertTrue(sparse.sparse().hardwareDecode() && sparse.sparse().skipZeros());
    assertEquals(Targets.BUILT_IN_NAMES.size(), new HashSet<>(Targets.builtIns().stream()
        .map(Target::fingerprint).toList()).size(), "fingerprints differ");
  }

  @Test
  void fingerprintIgnoresSpellingButNotHardware() throws IOException {
    Target base = target("systolic");
    String respelled = base.toTdl().replace("700 MHz", "0.7 GHz").replace("256 KiB", "262144 B")
        .replace("  pe_array 16 x 16;\n", "").replace("{\n", "{\n  pe_array 16x16;   // moved, and a comment\n");
    Path file = dir.resolve("s.tdl");
    Files.writeString(file, respelled);
    assertEquals(base.fingerprint(), TargetBuilderTest.compile(file).targets().get(0).fingerprint());
    Files.writeString(file, base.toTdl().replace("256 KiB", "128 KiB"));
    assertNotEquals(base.fingerprint(), TargetBuilderTest.compile(file).targets().get(0).fingerprint());
    assertEquals(16, base.fingerprintHex().length());
  }

  @Test
  void resolveDefaultsBuiltInsAndFileTargets() throws IOException {
    assertEquals("default", Targets.resolve(null, List.of()).name());
    assertSame(target("eyeriss"), Targets.resolve("eyeriss", List.of()));
    Path file = dir.resolve("f.tdl");
    Files.writeString(file, target("systolic").toTdl().replace("16 x 16", "4 x 4")
        + target("systolic").toTdl().replace("target systolic", "target mine"));
    Frontend.Result r = TargetBuilderTest.compile(file);
    assertEquals(4, Targets.resolve("systolic", r).rows(), "a file's target shadows the built-in");
    assertEquals("mine", Targets.resolve("mine", r).name());
    assertEquals(List.of("default", "eyeriss", "nvdla", "maeri", "sparse", "systolic", "mine"),
        Targets.available(r.targets()).stream().map(Target::name).toList());
    CompileException e = assertThrows(CompileException.class, () -> Targets.resolve("eyeris", r));
    assertEquals("tdlc: error: unknown target 'eyeris' (did you mean 'eyeriss'?); the targets are default, eyeriss, "
        + "nvdla, maeri, sparse, systolic, mine (tdlc targets lists them)", e.diagnostics().get(0).toString());
  }

  @Test
  void pinnedFormatMissingOnTheTargetIsLocated() throws IOException {
    Path file = dir.resolve("m.tdl");
    Files.writeString(file, """
        model m {
          input x : i8[4, 8];
          weight a : i8[8, 8] init random(seed = 1) density 0.5 format bitmap;
          weight b : i8[8, 8] init random(seed = 2) density 0.5 format csr;
          y = matmul(matmul(x, a), b);
          output y;
        }
        target dense_only {
          pe_array 4 x 4; dataflows ws; frequency 1 GHz;
          memory dram { bandwidth 8 B/cycle; energy 100 pJ/B; }
          memory global { size 64 KiB; energy 2 pJ/B; }
          mac { energy 0.3 pJ; }
          sparse { formats dense, bitmap; }
        }
        """);
    Frontend.Result r = TargetBuilderTest.compile(file);
    assertEquals(List.of(), Targets.checkFormats(r.module(), Targets.resolve(null, r)));
    List<Diagnostic> problems = Targets.checkFormats(r.module(), Targets.resolve("dense_only", r));
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(file + ":4:10: error: weight 'b' is pinned to format csr, which target 'dense_only' does not support "
        + "(its formats: dense, bitmap)", problems.get(0).toString());
    assertEquals(file + ":8:1: note: target 'dense_only' is defined here", problems.get(0).notes().get(0).toString());
    List<Diagnostic> onSystolic = Targets.checkFormats(r.module(), target("systolic"));
    assertEquals(2, onSystolic.size());
    assertTrue(onSystolic.get(0).toString().startsWith(file + ":3:10: error: weight 'a' is pinned to format bitmap"));
    assertTrue(onSystolic.get(0).notes().isEmpty(), "no note pointing into a built-in resource");
  }

  private static Target target(String name) { return Targets.builtIn(name).orElseThrow(); }
}
