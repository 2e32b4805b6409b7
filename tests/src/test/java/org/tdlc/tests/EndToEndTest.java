// Every example on every built-in target: compiled, simulated and checked bit for bit against the
// reference interpreter by `tdlc run`. A weight pinned to a format the target lacks must instead be a
// located error at that weight (docs/language.md), which is what mapped.tdl meets on dense-only targets.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.data.Npy;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.type.StorageFormat;

class EndToEndTest {
  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> everyExampleOnEveryBuiltInTarget() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path example : ExamplesTest.examples()) {
      if (example.getFileName().toString().equals("targets.tdl")) continue;
      for (Target t : Targets.builtIns()) {
        tests.add(DynamicTest.dynamicTest(example.getFileName() + " on " + t.name(), () -> {
          Tdlc.Result r = Tdlc.run("run", example.toString(), "--target", t.name(), "--json");
          boolean pinsCsr = Files.readString(example).contains("format csr");
          if (pinsCsr && !t.supports(StorageFormat.CSR)) {
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.err().contains(":7:10: error: weight 'w2' is pinned to format csr, which target '" + t.name()
                + "' does not support"), r.err());
            return;
          }
          assertEquals(0, r.code(), r.toString());
          assertTrue(!r.out().contains("\"verified\": false") && r.out().contains("\"verified\": true"), r.out());
          assertTrue(!r.out().contains("\"bit_exact\": false"), r.out());
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void textReportHasTheTableAndTheVerdict() {
    Tdlc.Result r = Tdlc.run("run", "examples/resnet_block.tdl");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("layer") && r.out().contains("dataflow") && r.out().contains("dram r/w"), r.out());
    assertTrue(r.out().contains("\nr1 ") && r.out().contains("\ny "), r.out());
    assertTrue(r.out().endsWith("verified: 1 output bit-exact\n"), r.out());
  }

  @Test
  void compileThenSimIsTheSameAsRun() throws Exception {
    Path tdlx = dir.resolve("q.tdlx");
    assertEquals(0, Tdlc.run("compile", "examples/quickstart.tdl", "-o", tdlx.toString()).code());
    Tdlc.Result sim = Tdlc.run("sim", tdlx.toString(), "--json", "--save-outputs", dir.resolve("sim").toString());
    Tdlc.Result run = Tdlc.run("run", "examples/quickstart.tdl", "--json", "--save-outputs", dir.resolve("run").toString());
    assertEquals(0, sim.code(), sim.toString());
    assertEquals(Npy.read(dir.resolve("run/y.npy")), Npy.read(dir.resolve("sim/y.npy")));
    var simRun = Reports.onlyRun(sim.out());
    var runRun = Reports.onlyRun(run.out());
    assertEquals(runRun.get("total").get("cycles"), simRun.get("total").get("cycles"), "sim and run disagree on cycles");
    // the program names its model and pipeline, and its layers' formats are the ones run reports
    assertEquals("mlp", simRun.get("model").asText(), sim.out());
    assertEquals(tdlx.toString(), simRun.get("program").asText(), sim.out());
    assertEquals(runRun.get("pipeline"), simRun.get("pipeline"), sim.out());
    for (var layer : runRun.get("layers")) {
      assertEquals(layer.get("formats"), Reports.layer(simRun, layer.get("name").asText()).get("formats"), sim.out());
    }
  }

  @Test
  void asmDisasmRoundTripAndTrace() throws Exception {
    Path tdlx = dir.resolve("q.tdlx"), s = dir.resolve("q.s"), again = dir.resolve("q2.tdlx");
    assertEquals(0, Tdlc.run("compile", "examples/mobilenet_block.tdl", "-o", tdlx.toString()).code());
    Tdlc.Result dis = Tdlc.run("disasm", tdlx.toString());
    assertEquals(0, dis.code(), dis.toString());
    Files.writeString(s, dis.out());
    assertEquals(0, Tdlc.run("asm", s.toString(), "-o", again.toString()).code());
    assertEquals(-1L, Files.mismatch(tdlx, again), "asm(disasm(p)) must be the same file");
    Tdlc.Result trace = Tdlc.run("sim", tdlx.toString(), "--trace");
    assertEquals(0, trace.code());
    assertTrue(trace.err().lines().anyMatch(l -> l.matches("\\s+\\d+\\s+\\d+\\s+mac\\s.*")), trace.err());
    assertTrue(trace.err().lines().anyMatch(l -> l.matches("\\s+\\d+\\s+\\d+\\s+halt.*")), trace.err());
  }

  @Test
  void malformedProgramsAreRefusedCleanly() throws Exception {
    Path tdlx = dir.resolve("q.tdlx");
    assertEquals(0, Tdlc.run("compile", "examples/quickstart.tdl", "-o", tdlx.toString()).code());
    byte[] good = Files.readAllBytes(tdlx);
    Path bad = dir.resolve("bad.tdlx");
    Files.write(bad, java.util.Arrays.copyOf(good, good.length / 2));
    Tdlc.Result r = Tdlc.run("sim", bad.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith("tdlc: error: ") && r.err().contains("truncated"), r.err());
    Files.writeString(bad, "hello");
    r = Tdlc.run("disasm", bad.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("not a .tdlx file"), r.err());
  }

  @Test
  void aFailedCompileLeavesNoFileAndKeepsTheOldOne() throws Exception {
    Path out = dir.resolve("keep.tdlx");
    Files.writeString(out, "previous contents");
    Path broken = dir.resolve("broken.tdl");
    Files.writeString(broken, "model m {\n  input x : i8[4];\n  y = relu(q);\n  output y;\n}\n");
    Tdlc.Result r = Tdlc.run("compile", broken.toString(), "-o", out.toString());
    assertEquals(1, r.code());
    assertEquals("previous contents", Files.readString(out));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("broken.tdl", "keep.tdlx"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void weightsFromNpyAndInputsFromFilesMatchAnIndependentComputation() throws Exception {
    // conv2d 1x3x5x5 * 4x3x3x3, stride 1, pad 1, then relu: computed here with plain loops.
    int c = 3, h = 5, k = 4;
    int[] xv = new int[c * h * h], wv = new int[k * c * 9];
    for (int i = 0; i < xv.length; i++) xv[i] = (i * 29 % 251) - 125;
    for (int i = 0; i < wv.length; i++) wv[i] = (i * 53 % 241) - 120;
    Tensor x = Tensor.of(org.tdlc.ir.type.TensorType.of(org.tdlc.ir.type.ElementType.I8, 1, c, h, h), xv);
    Tensor w = Tensor.of(org.tdlc.ir.type.TensorType.of(org.tdlc.ir.type.ElementType.I8, k, c, 3, 3), wv);
    Npy.write(dir.resolve("x.npy"), x);
    Npy.write(dir.resolve("w.npy"), w);
    Files.writeString(dir.resolve("c.tdl"), "model c {\n  input x : i8[1, 3, 5, 5];\n"
        + "  weight w : i8[4, 3, 3, 3] init file(\"w.npy\");\n  y = relu(conv2d(x, w, pad = 1));\n  output y;\n}\n");
    for (Target t : Targets.builtIns()) {
      Path out = dir.resolve("out-" + t.name());
      Tdlc.Result r = Tdlc.run("run", dir.resolve("c.tdl").toString(), "--target", t.name(),
          "--input", "x=" + dir.resolve("x.npy"), "--save-outputs", out.toString());
      assertEquals(0, r.code(), r.toString());
      Tensor y = Npy.read(out.resolve("y.npy"));
      for (int kk = 0; kk < k; kk++) {
        for (int p = 0; p < h; p++) {
          for (int q = 0; q < h; q++) {
            int sum = 0;
            for (int cc = 0; cc < c; cc++) {
              for (int r0 = 0; r0 < 3; r0++) {
                for (int s0 = 0; s0 < 3; s0++) {
                  int hh = p + r0 - 1, ww = q + s0 - 1;
                  if (hh >= 0 && hh < h && ww >= 0 && ww < h) sum += x.get(0, cc, hh, ww) * w.get(kk, cc, r0, s0);
                }
              }
            }
            assertEquals(Math.max(sum, 0), y.get(0, kk, p, q), t.name() + ": y[0][" + kk + "][" + p + "][" + q + "]");
          }
        }
      }
    }
  }
}
