// Nothing lost on failure: every command that writes a file (.tdlx, assembly, IR, dumps, saved .npy) writes
// it atomically, so a failing run leaves an existing file exactly as it was and no partial or temporary file
// beside it. FuzzTest checks the same on every mutated input; these are the cases spelled out.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.ir.io.AtomicFiles;

class NothingLostTest {
  static final byte[] OLD = "the user's file, from an earlier run\n".getBytes();
  static final String BROKEN = "model m {\n  input x : i8[4, 8];\n  y = relu(z);\n  output y;\n}\n";

  @TempDir Path dir;

  Path existing(String name) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, OLD);
    return p;
  }

  Path source(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /** The file is untouched and the directory holds nothing but {@code allowed}. */
  void unchanged(Path file, String... allowed) throws IOException {
    assertArrayEquals(OLD, Files.readAllBytes(file), file + " was changed by a failing run");
    try (Stream<Path> s = Files.walk(dir)) {
      List<String> names = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(Stream.of(allowed).sorted().toList(), names, "files left in " + dir);
    }
  }

  @Test
  void aFailingCompileKeepsTheOldProgram() throws IOException {
    Path out = existing("out.tdlx");
    Path src = source("bad.tdl", BROKEN);
    assertEquals(1, Tdlc.run("compile", src.toString(), "-o", out.toString()).code());
    unchanged(out, "out.tdlx", "bad.tdl");
    assertEquals(1, Tdlc.run("compile", src.toString(), "--emit", "asm", "-o", out.toString()).code());
    unchanged(out, "out.tdlx", "bad.tdl");
  }

  @Test
  void aFailingAsmKeepsTheOldProgram() throws IOException {
    Path out = existing("out.tdlx");
    Path src = source("deadlock.s", Files.readString(Path.of("tests/src/test/resources/lit/sim/deadlock.s")));
    assertEquals(1, Tdlc.run("asm", src.toString(), "-o", out.toString()).code());
    unchanged(out, "out.tdlx", "deadlock.s");
  }

  @Test
  void aFailingOptKeepsTheOldIrAndLeavesNoHalfDumps() throws IOException {
    Path out = existing("out.ir");
    Path src = source("m.tir", "module {\n  tdl.model @m {\n    %x = \"tdl.input\"() {name = \"x\"} : () -> tensor<4xi8>\n"
        + "    \"tdl.output\"(%x) {names = [\"x\"]} : (tensor<4xi8>) -> ()\n  }\n}\n");
    Tdlc.Result r = Tdlc.run("opt", src.toString(), "--passes=canonicalize", "-o", out.toString(),
        "--dump-dir", dir.resolve("dumps").toString());
    assertEquals(1, r.code(), r.toString());
    try (Stream<Path> s = Files.walk(dir)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "a temporary file was left");
    }
    assertArrayEquals(OLD, Files.readAllBytes(out));
  }

  @Test
  void aFailingInterpKeepsTheSavedOutputs() throws IOException {
    Path saved = existing("saved/y.npy");
    Path model = source("m.tdl", "model m {\n  input x : i8[2, 3];\n  y = relu(x);\n  output y;\n}\n");
    Path bad = source("x.npy", "not an npy file");
    Tdlc.Result r = Tdlc.run("interp", model.toString(), "--input", "x=" + bad, "--save-outputs", saved.getParent().toString());
    assertEquals(1, r.code(), r.toString());
    unchanged(saved, "y.npy", "m.tdl", "x.npy");
  }

  @Test
  void anOutputIntoAMissingDirectoryIsALocatedErrorNotACrash() throws IOException {
    Path src = source("ok.tdl", BROKEN.replace("relu(z)", "relu(x)"));
    Tdlc.Result r = Tdlc.run("compile", src.toString(), "-o", dir.resolve("no/such/dir/out.tdlx").toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("no/such/dir"), r.err());
  }

  @Test
  void aSuccessfulRunReplacesTheFileWhole() throws IOException {
    Path out = existing("out.tdlx");
    Path src = source("ok.tdl", BROKEN.replace("relu(z)", "relu(x)"));
    assertEquals(0, Tdlc.run("compile", src.toString(), "-o", out.toString()).code());
    assertEquals(0, Tdlc.run("disasm", out.toString()).code());
  }

  @Test
  void atomicFilesCleansUpWhenTheRenameFails() throws IOException {
    Path target = dir.resolve("occupied");
    Files.createDirectories(target.resolve("child"));
    assertThrows(IOException.class, () -> AtomicFiles.write(target, "x"));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of("occupied"), s.map(p -> p.getFileName().toString()).toList(), "the temporary file was left");
    }
  }
}
