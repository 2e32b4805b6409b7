// What tdlc does at the edges of what it can hold, end to end: deep nesting works (the front end runs on a
// deep stack, up to Nesting.MAX_DEPTH), memories beyond what the simulator holds (MemoryLevel.MAX_BYTES: a
// global buffer, a data segment) are located errors at compile time, before anything is written, a DRAM image
// beyond 4 GiB compiles (DRAM is 48-bit addressed), and a warning does not fail a run.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputLimitsTest {
  @TempDir Path dir;

  private Path write(String source) throws IOException {
    Path file = dir.resolve("t.tdl");
    Files.writeString(file, source);
    return file;
  }

  @Test
  void reluNested2000DeepRuns() throws IOException {
    Path file = write("model m {\n  input x : i8[4, 8];\n  y = " + "relu(".repeat(2000) + "x" + ")".repeat(2000)
        + ";\n  output y;\n}\n");
    Tdlc.Result r = Tdlc.run("run", file.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("verified: 1 output bit-exact"), r.toString());
  }

  @Test
  void listNested1000DeepIsALocatedError() throws IOException {
    Path file = write("model m {\n  input x : i8[4, 8];\n  y = reshape(x, shape = " + "[".repeat(1000) + "32"
        + "]".repeat(1000) + ");\n  output y;\n}\n");
    Tdlc.Result r = Tdlc.run("run", file.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith(file + ":3:26: error: reshape: shape must be an array of integers"), r.toString());
  }

  @Test
  void globalBufferBeyondTheSimulatorIsRefusedWhereItIsWritten() throws IOException {
    Path file = write("target big {\n  pe_array 16 x 16;\n  dataflows ws, os;\n  frequency 500 MHz;\n"
        + "  memory dram   { bandwidth 16 B/cycle; energy 100 pJ/B; }\n"
        + "  memory global { size 2 GiB; bandwidth 64 B/cycle; energy 2.5 pJ/B; }\n  mac { energy 0.25 pJ; }\n}\n"
        + "model m {\n  input x : i8[4, 8];\n  y = relu(x);\n  output y;\n}\n");
    Tdlc.Result r = Tdlc.run("run", file.toString(), "--target", "big");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith(file + ":6:24: error: size 2 GiB is more than tdlc can simulate: a memory level "
        + "holds at most 1 GiB"), r.toString());
  }

  @Test
  void dramImageBeyondFourGiBCompiles() throws IOException {
    Tdlc.Result r = compileBig("// 1.5 GB + 1.5 GB in, 1.5 GB out: y's stores reach above 2^32\nmodel big {\n"
        + "  input a : i8[1500000000];\n  input b : i8[1500000000];\n  y = add(a, b);\n  output y;\n}\n");
    assertEquals(0, r.code(), r.toString());
    String asm = Tdlc.run("disasm", dir.resolve("big.tdlx").toString()).out();
    assertTrue(asm.contains(".dram 4500000000"), asm.lines().limit(30).toList().toString());
    assertTrue(java.util.regex.Pattern.compile("store .* dram=0x1[0-9a-f]{8} ").matcher(asm).find(),
        "no store above 2^32");
  }

  @Test
  void weightsBeyondTheDataSegmentAreRefusedAtTheWeightBeforeWriting() throws IOException {
    Tdlc.Result r = compileBig("model big {\n  input x : i8[4, 8];\n  weight w : i8[1200000000] init zeros;\n"
        + "  y = reshape(w, shape = [4, 300000000]);\n  output x, y;\n}\n");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith(dir.resolve("t.tdl") + ":3:10: error: the weights up to this one need 1200000000 "
        + "bytes; a program's data segment (its dense weights, one array in the program and its .tdlx file) holds at "
        + "most 1 GiB (1073741824 bytes)"), r.toString());
    assertFalse(Files.exists(dir.resolve("big.tdlx")), "nothing is written");
  }

  /** tdlc compile of {@code source} to big.tdlx. */
  private Tdlc.Result compileBig(String source) throws IOException {
    return Tdlc.run("compile", write(source).toString(), "-o", dir.resolve("big.tdlx").toString());
  }

  @Test
  void anI8AddWarnsButRuns() throws IOException {
    Path file = write("model m {\n  input a : i8[4, 8];\n  input b : i8[4, 8];\n  y = add(a, b);\n  output y;\n}\n");
    Tdlc.Result r = Tdlc.run("run", file.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("verified: 1 output bit-exact"), r.toString());
    // the warning reaches the user, located at the call, with the line and a caret
    assertTrue(r.err().contains(file + ":4:7: warning: add: both operands are i8"), r.err());
    assertTrue(r.err().contains("  y = add(a, b);\n      ^"), r.err());
  }
}
