// The command line's promises when a user gets something wrong (issue 16): a file that cannot be written,
// a repeated option, an output over an input, a dump directory of an earlier run, a pass printed that never
// runs, a targets file given to --target. Each is a clear error and exit 1, or works as the user meant.
// Unwritable paths are made with a regular file as a parent, which stops root too (tests run as root).
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.ir.io.AtomicFiles;

class CliRobustnessTest {
  static final String QUICKSTART = "examples/quickstart.tdl";

  @TempDir Path dir;

  private Path fileInTheWay() throws Exception {
    Path f = dir.resolve("a-file");
    Files.writeString(f, "not a directory\n");
    return f;
  }

  @Test
  void anUnwritableReportOrOutputDirectoryIsAClearErrorAfterTheResults() throws Exception {
    Path blocked = fileInTheWay().resolve("sub");
    Tdlc.Result r = Tdlc.run("run", QUICKSTART, "--report", blocked.resolve("out.html").toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("verified: 1 output bit-exact"), "the results come before the failed write: " + r);
    assertEquals("tdlc run: error: cannot write " + blocked.resolve("out.html") + ": " + dir.resolve("a-file")
        + " is a file, not a directory\n", r.err());
    for (String command : List.of("run", "interp")) {
      r = Tdlc.run(command, QUICKSTART, "--save-outputs", blocked.toString());
      assertEquals(1, r.code(), r.toString());
      assertTrue(r.err().startsWith("tdlc " + command + ": error: cannot write " + blocked + ": "), r.err());
      assertFalse(r.err().contains("usage:"), "a file problem is not a usage error: " + r.err());
    }
    Path program = dir.resolve("q.tdlx");
    assertEquals(0, Tdlc.run("compile", QUICKSTART, "-o", program.toString()).code());
    r = Tdlc.run("sim", program.toString(), "--save-outputs", blocked.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("cycles"), r.toString());
    assertTrue(r.err().startsWith("tdlc sim: error: cannot write " + blocked), r.err());
  }

  @Test
  void saveOutputsOntoTheSourceFileLeavesItAlone() throws Exception {
    Path source = dir.resolve("q.tdl");
    Files.copy(Path.of(QUICKSTART), source);
    byte[] before = Files.readAllBytes(source);
    Tdlc.Result r = Tdlc.run("run", source.toString(), "--save-outputs", source.toString());
    assertEquals(1, r.code(), r.toString());
    assertEquals("tdlc run: error: cannot write " + source + ": it is a file, not a directory\n", r.err());
    assertArrayEquals(before, Files.readAllBytes(source));
  }

  @Test
  void aRepeatedSingleValuedOptionIsAUsageErrorNamingIt() {
    Tdlc.Result r = Tdlc.run("compile", QUICKSTART, "--target", "default", "--target", "systolic");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith("tdlc compile: error: --target is given twice ('default', then 'systolic'); give it "
        + "once\nusage: tdlc compile "), r.err());
    // run takes several targets (one run per target), but the same one once
    r = Tdlc.run("run", QUICKSTART, "--target", "default", "--target", "default");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith("tdlc run: error: --target default is given twice; give each target once\n"), r.err());
    r = Tdlc.run("compile", QUICKSTART, "--emit", "asm", "-o", dir.resolve("a.s").toString(), "--output",
        dir.resolve("b.s").toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith("tdlc compile: error: -o/--output is given twice"), r.err());
    // options that take several values, and opt's printing flags, still repeat
    r = Tdlc.run("opt", QUICKSTART, "--passes=canonicalize,fuse-epilogue", "--print-ir-after=canonicalize",
        "--print-ir-after=fuse-epilogue");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("IR Dump After canonicalize") && r.err().contains("IR Dump After fuse-epilogue"));
    r = Tdlc.run("opt", QUICKSTART, "--passes=mapper{seed=1 seed=2}");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("pass 'mapper' is given option 'seed' twice"), r.err());
  }

  @Test
  void dashOutputIsStdout() throws Exception {
    Tdlc.Result asm = Tdlc.run("compile", QUICKSTART, "--emit", "asm", "-o", "-");
    assertEquals(0, asm.code(), asm.toString());
    assertEquals(Tdlc.run("compile", QUICKSTART, "--emit", "asm").out(), asm.out());
    assertTrue(asm.out().startsWith("; tdlc assembly"), asm.out());
    Tdlc.Result opt = Tdlc.run("opt", QUICKSTART, "-o", "-");
    assertEquals(Tdlc.run("opt", QUICKSTART).out(), opt.out());
    Tdlc.Result bin = Tdlc.run("compile", QUICKSTART, "-o", "-");
    assertEquals(0, bin.code(), bin.toString());
    assertTrue(bin.out().startsWith("TDLX"), "the .tdlx bytes go to stdout");
    assertTrue(bin.err().startsWith("wrote the program to stdout: model mlp"), bin.err());
    assertFalse(Files.exists(Path.of("-")), "no file named -");
  }

  @Test
  void anOutputOverAnInputIsRefused() throws Exception {
    Path source = dir.resolve("m.tdl");
    Files.copy(Path.of(QUICKSTART), source);
    byte[] before = Files.readAllBytes(source);
    String same = dir.resolve(".").resolve("m.tdl").toString();   // the same file, spelled differently
    for (List<String> args : List.of(List.of("compile", source.toString(), "-o", same),
        List.of("compile", source.toString(), "--emit", "ir", "-o", same), List.of("opt", source.toString(), "-o", same),
        List.of("run", source.toString(), "--report", same))) {
      Tdlc.Result r = Tdlc.run(args.toArray(String[]::new));
      assertEquals(1, r.code(), args + "\n" + r);
      String option = args.get(args.size() - 2);
      assertTrue(r.err().startsWith("tdlc " + args.get(0) + ": error: " + option + " " + same + " is the input file "
          + source + "; refusing to overwrite it"), r.err());
      assertArrayEquals(before, Files.readAllBytes(source));
    }
  }

  @Test
  void aNewDumpReplacesTheFilesOfAnEarlierLongerOne() throws Exception {
    Path dumps = dir.resolve("dumps");
    assertEquals(0, Tdlc.run("opt", QUICKSTART, "--passes=canonicalize,fuse-epilogue,select-formats",
        "--dump-dir", dumps.toString()).code());
    assertTrue(Files.exists(dumps.resolve("03-select-formats.ir")));
    Files.writeString(dumps.resolve("notes.txt"), "mine\n");
    Files.writeString(dumps.resolve("03-mine.ir"), "not a pass's name\n");
    assertEquals(0, Tdlc.run("opt", QUICKSTART, "--passes=canonicalize", "--dump-dir", dumps.toString()).code());
    try (var s = Files.list(dumps)) {
      assertEquals(List.of("00-input.dot", "00-input.ir", "01-canonicalize.dot", "01-canonicalize.ir", "03-mine.ir",
          "notes.txt"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    Tdlc.Result r = Tdlc.run("opt", dumps.resolve("01-canonicalize.ir").toString(), "--passes=fuse-epilogue",
        "--dump-dir", dumps.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("--dump-dir " + dumps + " holds the input"), r.err());
    assertTrue(Files.exists(dumps.resolve("01-canonicalize.ir")));
  }

  @Test
  void printingAPassThePipelineDoesNotRunIsAnError() {
    Tdlc.Result r = Tdlc.run("opt", QUICKSTART, "--passes=canonicalize,fuse-epilogue", "--print-ir-after=mapper");
    assertEquals(1, r.code(), r.toString());
    assertEquals("tdlc: error: --print-ir-after=mapper: pass 'mapper' is not in the pipeline "
        + "'canonicalize,fuse-epilogue', so there is nothing to print\n", r.err());
    r = Tdlc.run("opt", QUICKSTART, "--print-ir-before=canonicalize");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("which is empty (name the passes with --passes)"), r.err());
  }

  @Test
  void passOptionsMaySeparateWithCommasAndTheSearchNeedsABudget() {
    Tdlc.Result commas = Tdlc.run("opt", QUICKSTART, "--passes=canonicalize,fuse-epilogue,mapper{objective=cycles,seed=3}");
    Tdlc.Result spaces = Tdlc.run("opt", QUICKSTART, "--passes=canonicalize,fuse-epilogue,mapper{objective=cycles seed=3}");
    assertEquals(0, commas.code(), commas.toString());
    assertEquals(spaces.out(), commas.out());
    assertEquals("canonicalize,mapper{objective=cycles seed=3}",
        org.tdlc.passes.Pipeline.parse("canonicalize, mapper{objective=cycles, seed=3}").toString());
    for (String option : List.of("budget", "starts")) {
      Tdlc.Result r = Tdlc.run("opt", QUICKSTART, "--passes=canonicalize,fuse-epilogue,mapper{" + option + "=0}");
      assertEquals(1, r.code(), r.toString());
      assertEquals("tdlc: error: option '" + option + "' must be at least 1, got 0\n", r.err());
    }
  }

  @Test
  void compileOfAFileWithTwoModelsNamesThemAndItsHelpSaysSo() throws Exception {
    Path two = dir.resolve("two.tdl");
    Files.writeString(two, "model a {\n  input x : i8[4, 8];\n  y = relu(x);\n  output y;\n}\n"
        + "model b {\n  input x : i8[4, 8];\n  y = relu(x);\n  output y;\n}\n");
    Tdlc.Result r = Tdlc.run("compile", two.toString(), "--emit", "asm");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith("tdlc compile: error: " + two + " defines 2 models (a, b); choose one with --model"),
        r.err());
    assertEquals(0, Tdlc.run("compile", two.toString(), "--emit", "asm", "--model", "b").code());
    String help = Tdlc.run("compile", "--help").out();
    assertTrue(help.contains("needed when FILE defines several"), help);
    assertFalse(help.contains("every model"), help);
  }

  @Test
  void atomicWritesHonourTheUmaskAndRemoveTemporariesOfKilledRuns() throws Exception {
    Path target = dir.resolve("out.tdlx");
    Path reference = dir.resolve("plain");
    Files.newOutputStream(reference).close();   // created as any new file is: 0666 less the umask
    List<String> stale = List.of(".out.tdlx1234567890.tmp", ".out.tdlx.999999999-1.tmp");
    List<String> kept = List.of(".out.tdlx.tmp", ".other.tdlx123.tmp", ".out.tdlxx1.tmp", "out.tdlx.1.tmp",
        ".out.tdlx." + ProcessHandle.current().pid() + "-999999.tmp");
    for (String name : stale) Files.writeString(dir.resolve(name), "left by a killed run");
    for (String name : kept) Files.writeString(dir.resolve(name), "not ours to remove");
    AtomicFiles.write(target, "program");
    assertEquals("program", Files.readString(target));
    assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    for (String name : stale) assertFalse(Files.exists(dir.resolve(name)), name + " is a stale temporary of out.tdlx");
    for (String name : kept) assertTrue(Files.exists(dir.resolve(name)), name + " must stay");
  }

  @Test
  void explainStatesTheComparisonItsObjectiveMade() {
    for (String objective : List.of("edp", "energy", "cycles")) {
      Tdlc.Result r = Tdlc.run("explain", "examples/resnet_block.tdl", "--layer", "r1", "--objective", objective);
      assertEquals(0, r.code(), r.toString());
      String alternatives = r.out().substring(r.out().indexOf("alternatives the search saw"), r.out().indexOf("\nsearch:"));
      for (String line : alternatives.lines().skip(1).toList()) {
        String why = line.substring(line.indexOf(": ") + 2);
        String expected = switch (objective) {
          case "edp" -> "higher energy-delay product (";
          case "energy" -> "more energy (";
          default -> "more cycles (";
        };
        assertTrue(why.startsWith(expected) || why.startsWith("equal " + objective + " ("), line);
        if (why.startsWith("higher energy-delay")) assertHigherProduct(why.substring(why.indexOf('(') + 1), line);
        if (why.startsWith("more energy")) assertMore(why.substring("more energy (".length()), line);
        if (why.startsWith("more cycles")) assertMore(why.substring("more cycles (".length()), line);
      }
    }
  }

  /** "A cycles x B pJ vs C cycles x D pJ)": A*B is the larger product (up to the printed digits). */
  private static void assertHigherProduct(String comparison, String line) {
    String[] sides = comparison.substring(0, comparison.indexOf(')')).split(" vs ");
    double[] product = new double[2];
    for (int i = 0; i < 2; i++) {
      String[] f = sides[i].replace(" cycles", "").replace(" pJ", "").split(" x ");
      product[i] = Double.parseDouble(f[0]) * Double.parseDouble(f[1]);
    }
    assertTrue(product[0] >= product[1] * (1 - 1e-3), line);
  }

  private static void assertMore(String comparison, String line) {
    String[] parts = comparison.substring(0, comparison.indexOf(')')).replace(" pJ", "").split(" vs ");
    assertTrue(Double.parseDouble(parts[0]) > Double.parseDouble(parts[1]), line);
  }

  @Test
  void messagesNameTheFileAndUsageFollowsOnlyUsageErrors() throws Exception {
    Path targets = dir.resolve("only-targets.tdl");
    Files.writeString(targets, Files.readString(Path.of("targets/systolic.tdl")));
    Tdlc.Result r = Tdlc.run("run", targets.toString());
    assertEquals(1, r.code(), r.toString());
    assertEquals(targets + ": error: the file defines no model (it has only targets: systolic; use a file of targets"
        + " with --target " + targets + ")\n", r.err());

    r = Tdlc.run("interp", QUICKSTART, "--input", "x=" + dir.resolve("nope.npy"));
    assertEquals("tdlc interp: error: --input x=" + dir.resolve("nope.npy") + ": cannot read " + dir.resolve("nope.npy")
        + ": no such file\n", r.err());
    r = Tdlc.run("sim", dir.resolve("nope.tdlx").toString());
    assertEquals("tdlc sim: error: cannot read " + dir.resolve("nope.tdlx") + ": no such file\n", r.err());
    r = Tdlc.run("disasm", dir.resolve("nope.tdlx").toString());
    assertEquals(1, r.code());
    assertFalse(r.err().contains("Exception"), r.err());

    org.tdlc.ir.data.Npy.write(dir.resolve("x.npy"), org.tdlc.ir.data.Tensor.zeros(
        org.tdlc.ir.type.TensorType.of(org.tdlc.ir.type.ElementType.I8, 4, 255)));
    r = Tdlc.run("interp", QUICKSTART, "--input", "x=" + dir.resolve("x.npy"));
    assertEquals(1, r.code());
    assertFalse(r.err().contains("usage:"), "wrong data is not a usage error: " + r.err());
  }

  @Test
  void targetMayNameAFileOfTargets() throws Exception {
    Path one = dir.resolve("mine.tdl");
    Files.writeString(one, Files.readString(Path.of("targets/systolic.tdl")).replace("target systolic", "target mine"));
    Tdlc.Result r = Tdlc.run("run", QUICKSTART, "--target", one.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("model mlp on target mine "), r.out());

    Path two = dir.resolve("two.tdl");
    Files.writeString(two, Files.readString(one) + Files.readString(one).replace("target mine", "target other"));
    r = Tdlc.run("run", QUICKSTART, "--target", two.toString());
    assertEquals(1, r.code(), r.toString());
    assertEquals("tdlc run: error: --target " + two + ": " + two + " defines 2 targets (mine, other); choose one with"
        + " --target " + two + ":NAME\n", r.err());
    r = Tdlc.run("compile", QUICKSTART, "--emit", "asm", "--target", two + ":other");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("target other"), r.out());
    r = Tdlc.run("check", QUICKSTART, "--target", two + ":nope");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("defines no target 'nope'; its targets are mine, other"), r.err());
    r = Tdlc.run("run", QUICKSTART, "--target", dir.resolve("missing.tdl").toString());
    assertEquals("tdlc run: error: --target " + dir.resolve("missing.tdl") + ": cannot read "
        + dir.resolve("missing.tdl") + ": no such file\n", r.err());
  }
}
