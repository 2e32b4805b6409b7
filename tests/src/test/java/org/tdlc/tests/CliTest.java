// The command line as a user meets it: help that tells the truth, exit codes, located errors without
// stack traces, opt's round trip and instrumentation, interp's inputs and saved outputs.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tdlc.cli.Main;
import org.tdlc.ir.data.Npy;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

class CliTest {
  static final String MUTATIONS = "(){}[],;=*+-@0123456789xkw\"/";

  @TempDir Path dir;

  @Test
  void overviewListsExactlyTheCommandsThatExist() {
    Tdlc.Result r = Tdlc.run("--help");
    assertEquals(0, r.code());
    for (String c : List.of("run", "compile", "sim", "check", "opt", "interp", "targets", "asm", "disasm", "explain",
        "bench")) {
      assertTrue(r.out().contains("  " + c + " "), r.out());
      assertEquals(0, Tdlc.run(c, "--help").code());
    }
    for (String missing : List.<String>of()) {
      assertFalse(r.out().contains("\n  " + missing + " "), missing + " is not implemented yet and must not be advertised");
      assertEquals(1, Tdlc.run(missing, "examples/quickstart.tdl").code());
    }
    assertEquals(1, Tdlc.run().code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "compile", "sim", "check", "opt", "interp", "targets", "asm", "disasm", "explain",
      "bench"})
  void everyHelpDescribesEveryOption(String command) {
    Tdlc.Result r = Tdlc.run(command, "--help");
    assertTrue(r.out().startsWith("usage: tdlc " + command), r.out());
    for (String line : r.out().split("\n")) {
      if (line.matches(" {2,5}(-\\w,)?--[a-z-]+.*")) {
        assertTrue(line.strip().split("\\s{2,}").length >= 2, "undocumented: " + line);
      }
    }
    assertTrue(r.out().endsWith("\n"));
  }

  @Test
  void version() {
    Tdlc.Result r = Tdlc.run("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().matches("tdlc \\d+\\.\\d+\\.\\d+.*\n"), r.out());
  }

  @Test
  void userErrorsExitOneWithALocatedMessageAndCaret() throws Exception {
    Path bad = dir.resolve("bad.tdl");
    Files.writeString(bad, "model m {\n  input x : i8[4, 8];\n  y = relu(z);\n  output y;\n}\n");
    Tdlc.Result r = Tdlc.run("check", bad.toString());
    assertEquals(1, r.code());
    assertEquals(bad + ":3:12: error: undefined name 'z'\n  y = relu(z);\n           ^\n", r.err());
  }

  @Test
  void theRetiredEngineOptionIsAUsageError() throws Exception {
    Path bad = dir.resolve("bad-engine.tdl");
    Files.writeString(bad, "model m {\n  input x : i8[4, 8];\n  y = relu(z);\n  output y;\n}\n");
    for (String command : new String[] {"run", "sim", "bench"}) {
      Tdlc.Result r = Tdlc.run(command, bad.toString(), "--engine", "compiled");
      assertEquals(1, r.code(), r.err());
      assertTrue(r.err().contains("tdlc " + command + ": error: Unrecognized option: --engine"), r.err());
      assertFalse(r.err().contains("undefined name"), r.err());
    }
  }

  @Test
  void randomBytesNeverCrash() throws Exception {
    Random random = new Random(42);
    Path file = dir.resolve("garbage.tdl");
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[1 + random.nextInt(300)];
      random.nextBytes(bytes);
      Files.write(file, bytes);
      Tdlc.Result r = Tdlc.run("check", file.toString());
      boolean blank = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank();
      assertTrue(blank ? r.code() == 0 : r.code() == 1 && r.err().startsWith(file + ":"), "seed 42, case " + i + ": " + r);
    }
  }

  @Test
  void mutatedExamplesEndInSuccessOrALocatedError() throws Exception {
    String source = Files.readString(Path.of("examples/mapped.tdl"));
    Random random = new Random(7);
    Path file = dir.resolve("mutant.tdl");
    for (int i = 0; i < 300; i++) {
      StringBuilder b = new StringBuilder(source);
      for (int k = 0; k < 1 + random.nextInt(3); k++) {
        int at = random.nextInt(b.length());
        switch (random.nextInt(3)) {
          case 0 -> b.deleteCharAt(at);
          case 1 -> b.insert(at, MUTATIONS.charAt(random.nextInt(MUTATIONS.length())));
          default -> b.replace(at, Math.min(b.length(), at + 1 + random.nextInt(8)), "");
        }
      }
      Files.writeString(file, b);
      Tdlc.Result r = Tdlc.run("check", file.toString());
      assertTrue(r.code() == 0 || (r.code() == 1 && r.err().startsWith(file + ":")),
          "seed 7, mutant " + i + ":\n" + b + "\n" + r);
    }
  }

  @Test
  void missingFileAndBadFlags() {
    Tdlc.Result r = Tdlc.run("check", "no/such.tdl");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("cannot read 'no/such.tdl': no such file"), r.err());
    r = Tdlc.run("check", "--frobnicate", "examples/quickstart.tdl");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("Unrecognized option: --frobnicate"), r.err());
    r = Tdlc.run("opt", "examples/quickstart.tdl", "--passes=canonicalise");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("unknown pass 'canonicalise'"), r.err());
  }

  @Test
  void optWithoutPassesIsTheRoundTrip() throws Exception {
    Tdlc.Result check = Tdlc.run("check", "examples/resnet_block.tdl");
    Path ir = dir.resolve("resnet.ir");
    Files.writeString(ir, check.out());
    Tdlc.Result opt = Tdlc.run("opt", ir.toString());
    assertEquals(0, opt.code(), opt.toString());
    assertEquals(check.out(), opt.out());
  }

  @Test
  void optInstrumentation() throws Exception {
    Path dumps = dir.resolve("dumps");
    Tdlc.Result r = Tdlc.run("opt", "examples/resnet_block.tdl", "--passes=canonicalize,fuse-epilogue",
        "--print-ir-after-all", "--print-ir-before=fuse-epilogue", "--timing", "--pass-statistics",
        "--dump-dir", dumps.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("// -----// IR Dump After canonicalize //----- //"), r.err());
    assertTrue(r.err().contains("// -----// IR Dump Before fuse-epilogue //----- //"), r.err());
    assertTrue(r.err().contains("// -----// IR Dump After fuse-epilogue //----- //"), r.err());
    assertTrue(r.err().contains("Total Execution Time"), r.err());
    assertTrue(r.err().contains("num-fused-requant"), r.err());
    for (String f : List.of("00-input.ir", "00-input.dot", "01-canonicalize.ir", "02-fuse-epilogue.ir",
        "02-fuse-epilogue.dot")) {
      assertTrue(Files.isRegularFile(dumps.resolve(f)), f);
    }
    assertTrue(Files.readString(dumps.resolve("02-fuse-epilogue.dot")).contains("digraph"));
    assertEquals(r.out(), Files.readString(dumps.resolve("02-fuse-epilogue.ir")));

    Tdlc.Result change = Tdlc.run("opt", "examples/quickstart.tdl", "--passes=canonicalize,fuse-epilogue",
        "--print-ir-after-change");
    assertFalse(change.err().contains("After canonicalize"), "canonicalize changes nothing in quickstart");
    assertTrue(change.err().contains("After fuse-epilogue"));
  }

  @Test
  void listPassesComesFromTheDeclarations() {
    Tdlc.Result r = Tdlc.run("opt", "--list-passes");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("canonicalize") && r.out().contains("fuse-epilogue")
        && r.out().contains("requires: shapes"), r.out());
  }

  @Test
  void interpInputsAndSavedOutputsMatchAnIndependentComputation() throws Exception {
    int m = 3, k = 5, n = 4;
    Tensor a = Tensor.of(TensorType.of(ElementType.I8, m, k), 1, -2, 3, -4, 5, 6, -7, 8, -9, 10, 127, -128, 0, 1, -1);
    int[] wv = new int[k * n];
    for (int i = 0; i < wv.length; i++) wv[i] = (i * 37 % 255) - 127;
    Tensor w = Tensor.of(TensorType.of(ElementType.I8, k, n), wv);
    Npy.write(dir.resolve("a.npy"), a);
    Npy.write(dir.resolve("w.npy"), w);
    Files.writeString(dir.resolve("mm.tdl"), "model mm {\n  input a : i8[3, 5];\n"
        + "  weight w : i8[5, 4] init file(\"w.npy\");\n  y = relu(matmul(a, w));\n  output y;\n}\n");
    Path out = dir.resolve("out");
    Tdlc.Result r = Tdlc.run("interp", dir.resolve("mm.tdl").toString(), "--input", "a=" + dir.resolve("a.npy"),
        "--save-outputs", out.toString());
    assertEquals(0, r.code(), r.toString());
    Tensor y = Npy.read(out.resolve("y.npy"));
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        int sum = 0;
        for (int kk = 0; kk < k; kk++) sum += a.get(i, kk) * w.get(kk, j);
        assertEquals(Math.max(sum, 0), y.get(i, j), "y[" + i + "][" + j + "]");
      }
    }
    assertEquals(ElementType.I32, y.element());
  }

  @Test
  void interpRefusesAnInputOfTheWrongShape() throws Exception {
    Npy.write(dir.resolve("x.npy"), Tensor.zeros(TensorType.of(ElementType.I8, 4, 255)));
    Tdlc.Result r = Tdlc.run("interp", "examples/quickstart.tdl", "--input", "x=" + dir.resolve("x.npy"));
    assertEquals(1, r.code());
    assertTrue(r.err().contains("holds i8[4, 255] but model mlp declares x : i8[4, 256]"), r.err());
  }

  @Test
  void aWeightFileOfTheWrongTypeIsALocatedError() throws Exception {
    Npy.write(dir.resolve("w.npy"), Tensor.zeros(TensorType.of(ElementType.I16, 5, 4)));
    Files.writeString(dir.resolve("mm.tdl"), "model mm {\n  input a : i8[3, 5];\n"
        + "  weight w : i8[5, 4] init file(\"w.npy\");\n  y = matmul(a, w);\n  output y;\n}\n");
    Tdlc.Result r = Tdlc.run("check", dir.resolve("mm.tdl").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith(dir.resolve("mm.tdl") + ":3:33: error: "), r.err());
    assertTrue(r.err().contains("i16[5, 4]") && r.err().contains("i8[5, 4]"), r.err());
  }

  @Test
  void runOnSeveralTargetsPrintsATablePerTargetAndSavesEach() throws Exception {
    Tdlc.Result r = Tdlc.run("run", "examples/quickstart.tdl", "--target", "default", "--target", "systolic",
        "--save-outputs", dir.toString());
    assertEquals(0, r.code(), r.toString());
    int onDefault = r.out().indexOf("model mlp on target default ("), onSystolic = r.out().indexOf("model mlp on target systolic (");
    assertTrue(onDefault >= 0 && onSystolic > onDefault, r.out());
    assertEquals(2, r.out().split("verified: 1 output bit-exact\n", -1).length - 1, r.out());
    // the same model on two targets: the outputs agree bit for bit, each in its target's directory
    assertEquals(Npy.read(dir.resolve("default/y.npy")), Npy.read(dir.resolve("systolic/y.npy")));
  }

  @Test
  void interpJsonIsOneObject() {
    Tdlc.Result r = Tdlc.run("interp", "examples/einsum_conv.tdl", "--json", "--seed", "3");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("{\"tdlc_version\": \"" + Main.version() + "\", \"command\": \"interp\", \"seed\": 3, "
        + "\"runs\": [{\"model\": \"strided_conv\""), r.out());
    assertTrue(r.out().contains("\"name\": \"c\", \"dtype\": \"i32\", \"shape\": [8, 64, 48]"), r.out());
    assertEquals(1, r.out().strip().split("\n").length);
    assertEquals(2, Reports.parse(r.out()).get("runs").size(), "one element per model, both models");
  }

  @Test
  void aModuleWithoutShapesCannotBeOptimized() throws Exception {
    Path ir = dir.resolve("raw.ir");
    Files.writeString(ir, "tdl.model @m {\n  %x = \"tdl.input\"() {name = \"x\"} : () -> tensor<4xi8>\n"
        + "  \"tdl.output\"(%x) {names = [\"x\"]} : (tensor<4xi8>) -> ()\n}\n");
    Tdlc.Result r = Tdlc.run("opt", ir.toString(), "--passes=fuse-epilogue");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("pass 'fuse-epilogue' requires stage 'shapes'"), r.err());
  }
}
