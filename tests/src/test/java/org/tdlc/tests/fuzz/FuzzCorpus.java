// The seeds the fuzzer mutates, one list per kind of input tdlc reads: the examples, targets and the
// lit files (.tdl, .tir, assembly, split into their cases), .tdlx programs assembled and compiled from them,
// and .npy tensors of every element type. Input number i of a run is a pure function of (seed, i).
package org.tdlc.tests.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.tdlc.backend.asm.Assembler;
import org.tdlc.backend.tdlx.TdlxWriter;
import org.tdlc.ir.data.Npy;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;
import org.tdlc.tests.Tdlc;

final class FuzzCorpus {
  /** What kind of file an input is, which decides how it is mutated and which command reads it. */
  enum Kind {
    TDL("tdl"), TIR("tir"), ASM("s"), TDLX("tdlx"), NPY("npy");

    final String extension;

    Kind(String extension) { this.extension = extension; }

    static Kind of(Path p) {
      for (Kind k : values()) if (p.getFileName().toString().endsWith("." + k.extension)) return k;
      throw new IllegalArgumentException("no fuzz kind for " + p);
    }
  }

  /** One input: its kind and bytes. */
  record Input(Kind kind, byte[] bytes) {}

  static final Path RESOURCES = Path.of("tests/src/test/resources");
  /** The model every mutated .npy is fed to, as input x. */
  static final String NPY_MODEL = "model m {\n  input x : i8[2, 3];\n  y = relu(x);\n  output y;\n}\n";

  final List<String> tdl = new ArrayList<>();
  final List<String> tir = new ArrayList<>();
  final List<String> asm = new ArrayList<>();
  final List<byte[]> tdlx = new ArrayList<>();
  final List<byte[]> npy = new ArrayList<>();
  private final Mutator textMutator;

  FuzzCorpus(Path scratch) throws IOException {
    for (Path p : files(Path.of("examples"), Path.of("targets"), RESOURCES.resolve("e2e"), RESOURCES.resolve("lit"),
        Path.of("backend/src/test/resources/lowering"))) {
      if (p.toString().endsWith(".tdl")) tdl.add(Files.readString(p));
    }
    for (Path p : files(RESOURCES.resolve("lit/passes"), RESOURCES.resolve("lit/diagnostics"))) {
      if (p.toString().endsWith(".tir")) tir.addAll(List.of(Files.readString(p).split("\n// -----\n")));
    }
    for (Path p : files(RESOURCES.resolve("lit/sim"))) {
      if (!p.toString().endsWith(".s")) continue;
      for (String program : Files.readString(p).split("\n; -----\n")) {
        asm.add(program);
        try {
          tdlx.add(TdlxWriter.toBytes(Assembler.parse(program, p.toString())));
        } catch (RuntimeException e) {
          // the deliberately broken programs (deadlocks) have no .tdlx; their text is still a seed
        }
      }
    }
    for (String model : List.of("tests/src/test/resources/e2e/hand_matmul.tdl", "tests/src/test/resources/lit/lowering/conv2d-pad-stride.tdl")) {
      Path out = scratch.resolve("seed.tdlx");
      Tdlc.Result r = Tdlc.run("compile", model, "-o", out.toString());
      if (r.code() != 0) throw new IllegalStateException("cannot compile fuzz seed " + model + ": " + r);
      tdlx.add(Files.readAllBytes(out));
    }
    npy.add(Npy.toBytes(Tensor.of(TensorType.of(ElementType.I8, 2, 3), 1, -2, 3, -128, 127, 0)));
    npy.add(Npy.toBytes(Tensor.of(TensorType.of(ElementType.I16, 4), 1, -2, 300, -30000)));
    npy.add(Npy.toBytes(Tensor.of(TensorType.of(ElementType.I32, 2, 1, 2), 1, -2, 1 << 20, -7)));
    List<String> all = new ArrayList<>(tdl);
    all.addAll(tir);
    all.addAll(asm);
    textMutator = new Mutator(all);
  }

  private static List<Path> files(Path... dirs) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path d : dirs) {
      if (!Files.isDirectory(d)) continue;
      try (Stream<Path> s = Files.walk(d)) {
        s.filter(Files::isRegularFile).sorted().forEach(out::add);
      }
    }
    return out;
  }

  /** Input number {@code index} of the run seeded with {@code seed}. */
  Input input(long seed, long index) {
    Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + index);
    Kind kind = Kind.values()[rnd.nextInt(Kind.values().length)];
    return switch (kind) {
      case TDL -> text(kind, textMutator.mutateText(pick(tdl, rnd), rnd));
      case TIR -> text(kind, textMutator.mutateText(pick(tir, rnd), rnd));
      case ASM -> text(kind, textMutator.mutateText(pick(asm, rnd), rnd));
      case TDLX -> new Input(kind, Mutator.mutateBytes(pick(tdlx, rnd), rnd));
      case NPY -> new Input(kind, textMutator.mutateNpy(pick(npy, rnd), rnd));
    };
  }

  private static Input text(Kind kind, String s) { return new Input(kind, s.getBytes(StandardCharsets.UTF_8)); }

  private static <T> T pick(List<T> list, Random rnd) { return list.get(rnd.nextInt(list.size())); }
}
