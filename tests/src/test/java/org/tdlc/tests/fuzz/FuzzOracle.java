// What every fuzz input must end in: success, or exit 1 with an error that names the input file; never an
// internal error (exit 3), a stack trace, a hang or running out of memory. Commands that write a file are
// given one that already exists, and a failing run must leave it as it was and leave no partial file beside it.
package org.tdlc.tests.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tdlc.tests.Tdlc;

final class FuzzOracle {
  /**
   * Errors about the input as a whole or about the command line, which need no location; and, a known gap,
   * verifier errors on textual IR without loc(...) attributes, whose ops have no location to report.
   */
  static final Pattern WHOLE_INPUT = Pattern.compile("^tdlc \\w+: error: the file defines no model|^tdlc: error: pass '[\\w-]+'"
      + " requires stage '\\w+', which the module does not have|^tdlc: error: '\\w+\\.\\w+' op ", Pattern.MULTILINE);
  static final byte[] PREVIOUS = "a file that was here before the run\n".getBytes();
  private final Path dir;
  private final Path out;
  private final Path saved;
  private final Path npyModel;

  FuzzOracle(Path dir) throws IOException {
    this.dir = dir;
    out = dir.resolve("out.tdlx");
    saved = dir.resolve("saved");
    npyModel = dir.resolve("m.tdl");
    Files.createDirectories(saved);
    Files.writeString(npyModel, FuzzCorpus.NPY_MODEL);
  }

  /** The arguments that run {@code input} (written at {@code file}); {@code deep} picks compile and sim. */
  List<String> command(FuzzCorpus.Kind kind, Path file, boolean deep) {
    String f = file.toString();
    return switch (kind) {
      case TDL -> deep ? List.of("compile", f, "-o", out.toString()) : List.of("check", f);
      case TIR -> List.of("opt", f, "--passes=canonicalize,fuse-epilogue");
      case ASM -> List.of("asm", f, "-o", out.toString());
      case TDLX -> deep ? List.of("sim", f) : List.of("disasm", f);
      case NPY -> List.of("interp", npyModel.toString(), "--input", "x=" + f, "--save-outputs", saved.toString());
    };
  }

  /** Null when {@code input} ended as promised, else what went wrong. */
  String check(FuzzCorpus.Input input, boolean deep) throws IOException {
    Path file = dir.resolve("input." + input.kind().extension);
    Files.write(file, input.bytes());
    Files.write(out, PREVIOUS);
    Files.write(saved.resolve("y.npy"), PREVIOUS);
    List<String> args = command(input.kind(), file, deep);
    Tdlc.Result r;
    try {
      r = Tdlc.run(args.toArray(String[]::new));
    } catch (AssertionError e) {
      return "tdlc " + String.join(" ", args) + ": " + e.getMessage();
    }
    String cmd = "tdlc " + String.join(" ", args) + "\n" + r;
    if (r.code() == 0) return strayFiles(cmd);
    if (r.code() != 1) return "exit " + r.code() + ": " + cmd;
    if (!r.err().contains(file.toString()) && !WHOLE_INPUT.matcher(r.err()).find()) {
      return "the error does not name the input: " + cmd;
    }
    if (!java.util.Arrays.equals(Files.readAllBytes(out), PREVIOUS)
        || !java.util.Arrays.equals(Files.readAllBytes(saved.resolve("y.npy")), PREVIOUS)) {
      return "a failing run changed an existing output file: " + cmd;
    }
    return strayFiles(cmd);
  }

  private String strayFiles(String cmd) throws IOException {
    Set<String> expected = Set.of("input.tdl", "input.tir", "input.s", "input.tdlx", "input.npy", "out.tdlx", "m.tdl",
        "saved", "y.npy");
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> stray = s.filter(p -> !p.equals(dir) && !expected.contains(p.getFileName().toString())).toList();
      if (stray.isEmpty()) return null;
      for (Path p : stray) Files.deleteIfExists(p);
      return "files left behind " + stray + ": " + cmd;
    }
  }
}
