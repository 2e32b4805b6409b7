// Every class of bad input ends in a located diagnostic: the exact file:line:col and the message,
// one case per row. Cases are small models written to a temporary directory.
package org.tdlc.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;

class DiagnosticsTest {
  @TempDir Path dir;

  static final String MLP_HEAD = "model m {\n  input x : i8[4, 8];\n  weight w : i8[8, 16] init random(seed = 1);\n";

  static Stream<Arguments> cases() {
    return Stream.of(
        // lexical
        Arguments.of("bad character", "model m { $ }", "1:11", "unexpected character '$'"),
        Arguments.of("unterminated comment", "model m {\n /* never closed\n", "2:2", "unterminated /* comment"),
        Arguments.of("unterminated string", "import \"a.tdl;\n", "1:8", "unterminated string literal"),
        Arguments.of("binary garbage", "\u0000\u0001\u0002model", "1:1", "unexpected character U+0000"),
        Arguments.of("integer overflow", MLP_HEAD.replace("[4, 8]", "[99999999999999999999, 8]") + "  output x;\n}", "2:16",
            "integer 99999999999999999999 is too large"),
        // syntax
        Arguments.of("missing semicolon", "model m {\n  input x : i8[4]\n  output x;\n}", "2:18",
            "expected ';' at the end of the statement"),
        Arguments.of("missing semicolon, same line", "model m {\n  input x : i8[4] output x;\n}", "2:19",
            "expected ';' before 'output'"),
        Arguments.of("too deep", "model m {\n  input x : i8[4];\n  y = " + "relu(".repeat(10_001) + "x"
            + ")".repeat(10_001) + ";\n  output y;\n}", "3:50006", "nesting deeper than 10000 levels"),
        Arguments.of("missing brace", "model m {\n  input x : i8[4];\n  output x;\n", "4:1", "end of file"),
        // types and shapes
        Arguments.of("zero dimension", "model m {\n  input x : i8[4, 0];\n  output x;\n}", "2:19",
            "dimension 1 is 0; dimensions must be positive"),
        Arguments.of("dimension over int", "model m {\n  input x : i8[3000000000];\n  output x;\n}", "2:16",
            "dimension 0 is 3000000000, larger than 2147483647"),
        Arguments.of("too many elements", "model m {\n  input x : i8[100000, 100000];\n  output x;\n}", "2:13",
            "has more than"),
        Arguments.of("unknown element type", "model m {\n  input x : f32[4];\n  output x;\n}", "2:13",
            "unknown element type 'f32' (expected i8, i16 or i32)"),
        Arguments.of("matmul mismatch", MLP_HEAD + "  y = matmul(w, x);\n  output y;\n}", "4:7",
            "matmul: a has 16 columns but b has 4 rows"),
        Arguments.of("conv channels", "model m {\n  input x : i8[1, 3, 8, 8];\n  weight w : i8[8, 4, 3, 3];\n"
            + "  y = conv2d(x, w);\n  output y;\n}", "4:7", "conv2d: input has 3 channels, weight expects 4"),
        Arguments.of("conv window", "model m {\n  input x : i8[1, 3, 2, 2];\n  weight w : i8[8, 3, 3, 3];\n"
            + "  y = conv2d(x, w);\n  output y;\n}", "4:7", "window 3 is larger than the padded input height 2"),
        // names
        Arguments.of("undefined name", MLP_HEAD + "  y = matmul(x, ww);\n  output y;\n}", "4:17",
            "undefined name 'ww' (did you mean 'w'?)"),
        Arguments.of("use before def", MLP_HEAD + "  y = relu(z);\n  z = matmul(x, w);\n  output y;\n}", "4:12",
            "'z' is used before its definition"),
        Arguments.of("defined twice", MLP_HEAD + "  x = relu(x);\n  output x;\n}", "4:3", "'x' is already defined"),
        Arguments.of("no output", MLP_HEAD + "  y = matmul(x, w);\n}", "1:7", "model m has no output statement"),
        Arguments.of("unknown op", MLP_HEAD + "  y = matmull(x, w);\n  output y;\n}", "4:7",
            "unknown operation 'matmull' (did you mean 'matmul'?)"),
        Arguments.of("op tdlc lacks", MLP_HEAD + "  y = batchnorm(x, w);\n  output y;\n}", "4:7",
            "tdlc has no operation 'batchnorm'; the operations are add, avgpool, clip, concat, conv2d, dwconv2d, flatten,"
                + " gather, gelu, globalavgpool, layernorm, matmul, max, maxpool, min, mul, relu, relu6"),
        Arguments.of("concat needs an operand", MLP_HEAD + "  y = concat(axis = 0);\n  output y;\n}", "4:7",
            "concat: needs at least one xs operand; expected concat(xs..., axis)"),
        Arguments.of("concat's operands are positional", MLP_HEAD + "  y = concat(xs = x, axis = 0);\n  output y;\n}",
            "4:14", "concat: the xs operands are given by position; expected concat(xs..., axis)"),
        Arguments.of("broadcast mismatch", MLP_HEAD + "  y = add(matmul(x, w), x);\n  output y;\n}", "4:7",
            "add: shapes i32[4, 16] and i8[4, 8] do not broadcast: dimension -1 (counted from the last) is 16 and 8"),
        Arguments.of("unknown op far from all", MLP_HEAD + "  y = zzz(x);\n  output y;\n}", "4:7",
            "unknown operation 'zzz'; the operations are add, avgpool"),
        Arguments.of("unknown argument", MLP_HEAD + "  y = relu(x, slope = 2);\n  output y;\n}", "4:15",
            "relu: unknown argument 'slope'"),
        Arguments.of("missing argument", MLP_HEAD + "  y = requant(x);\n  output y;\n}", "4:7",
            "requant: missing argument 'shift'"),
        Arguments.of("bad shift", MLP_HEAD + "  y = requant(x, shift = 40);\n  output y;\n}", "4:7",
            "requant: shift must be in 0..31, got 40"),
        Arguments.of("literal as tensor", MLP_HEAD + "  y = relu(3);\n  output y;\n}", "4:12",
            "expected a tensor (a name or an operation), got the integer 3"),
        // weights
        Arguments.of("bad density", MLP_HEAD.replace("seed = 1)", "seed = 1) density 1.5") + "  output x;\n}", "3:54",
            "density must be between 0 and 1, got 1.5"),
        Arguments.of("bad format", MLP_HEAD.replace("seed = 1)", "seed = 1) format csx") + "  output x;\n}", "3:53",
            "unknown format 'csx'"),
        Arguments.of("missing npy", MLP_HEAD.replace("random(seed = 1)", "file(\"nope.npy\")") + "  output x;\n}", "3:34",
            "cannot read"),
        Arguments.of("unknown init", MLP_HEAD.replace("random(seed = 1)", "randn(seed = 1)") + "  output x;\n}", "3:29",
            "unknown init 'randn' (did you mean 'random'?)"),
        // einsum
        Arguments.of("einsum undeclared", MLP_HEAD + "  y[i, j] += x[i, k] * w[k, j];\n  output y;\n}", "4:3",
            "einsum result 'y' must first be declared"),
        Arguments.of("einsum range clash", MLP_HEAD + "  tensor y : i32[4, 16];\n  y[i, j] += x[i, k] * w[j, k];\n"
            + "  output y;\n}", "5:3", "einsum: index k ranges over 8 in x dimension 1 but over 16 in w dimension 1"),
        Arguments.of("einsum out of bounds", "model m {\n  input x : i8[1, 4, 8, 8];\n  weight w : i8[2, 4, 3, 3];\n"
            + "  tensor y : i32[1, 2, 7, 7];\n  y[n, k, p, q] += x[n, c, p + r, q + s] * w[k, c, r, s];\n  output y;\n}",
            "5:3", "subscript p + r of x dimension 2 spans 0..8, outside 0..7"),
        Arguments.of("einsum = with sum", MLP_HEAD + "  tensor y : i32[4, 16];\n  y[i, j] = x[i, k] * w[k, j];\n"
            + "  output y;\n}", "5:18", "'=' allows no summed index, but 'k' is not in the result"),
        Arguments.of("einsum output index unused", MLP_HEAD + "  tensor y : i32[4, 16];\n  y[i, j] += x[i, k] * w[k, z];\n"
            + "  output y;\n}", "5:8", "einsum: output index j appears in no operand"),
        Arguments.of("einsum i8 result", MLP_HEAD + "  tensor y : i8[4, 16];\n  y[i, j] += x[i, k] * w[k, j];\n"
            + "  output y;\n}", "5:3", "sums of products accumulate in i32"),
        Arguments.of("tensor never computed", MLP_HEAD + "  tensor y : i32[4, 16];\n  output x;\n}", "4:10",
            "tensor 'y' is declared but no einsum computes it"),
        // @map
        Arguments.of("map unknown dim", MLP_HEAD + "  @map(tile = { z = 4 })\n  y = matmul(x, w);\n  output y;\n}",
            "4:17", "@map: matmul has no dimension 'z' (its dimensions are m, n, k)"),
        Arguments.of("map tile too big", MLP_HEAD + "  @map(tile = { k = 64 })\n  y = matmul(x, w);\n  output y;\n}",
            "4:21", "@map: tile size of k is 64, but k ranges over 8"),
        Arguments.of("map bad dataflow", MLP_HEAD + "  @map(dataflow = xs)\n  y = matmul(x, w);\n  output y;\n}",
            "4:19", "@map: dataflow must be one of ws, os, rs, is"),
        Arguments.of("map on relu", MLP_HEAD + "  @map(dataflow = ws)\n  y = relu(x);\n  output y;\n}", "4:3",
            "@map applies to conv2d, dwconv2d, matmul and einsum statements, not relu"),
        Arguments.of("map bad order", MLP_HEAD + "  @map(order = [m, k])\n  y = matmul(x, w);\n  output y;\n}", "4:16",
            "@map: order must list each dimension of matmul once"),
        Arguments.of("map rows unknown dim", MLP_HEAD + "  @map(rows = [k, z])\n  y = matmul(x, w);\n  output y;\n}",
            "4:19", "@map: rows: matmul has no dimension 'z' (its dimensions are m, n, k)"),
        Arguments.of("map cols not a list", MLP_HEAD + "  @map(cols = n)\n  y = matmul(x, w);\n  output y;\n}",
            "4:15", "@map: cols must be a list of dimensions such as [c, r, s]"),
        Arguments.of("map index on both axes", MLP_HEAD + "  @map(rows = [k], cols = [k])\n  y = matmul(x, w);\n"
            + "  output y;\n}", "4:3", "@map: index k is on both the rows and the cols; an index goes on one axis"),
        // imports
        Arguments.of("missing import", "import \"missing.tdl\";\n", "1:8", "cannot read"),
        Arguments.of("import cycle", "import \"t.tdl\";\n", "1:8", "import cycle: t.tdl -> t.tdl"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void locatedError(String name, String source, String lineCol, String message) throws IOException {
    Path file = dir.resolve("t.tdl");
    Files.writeString(file, source);
    CompileException e = assertThrows(CompileException.class,
        () -> new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString()));
    Diagnostic first = e.diagnostics().get(0);
    String expectedPrefix = file + ":" + lineCol + ": error: ";
    assertTrue(first.toString().startsWith(expectedPrefix) && first.toString().contains(message),
        "expected " + expectedPrefix + "..." + message + "\n     got " + first);
  }

  @org.junit.jupiter.api.Test
  void byteOrderMarkIsSkipped() throws IOException {
    Path file = dir.resolve("t.tdl");
    Files.write(file, ("\uFEFF" + MLP_HEAD + "  y = matmul(x, w);\n  output y;\n}").getBytes(StandardCharsets.UTF_8));
    Frontend.Result r = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString());
    assertEquals(List.of("m"), r.mainModels());
    Files.write(file, ("\uFEFF" + MLP_HEAD + "  y = relu(q);\n  output y;\n}").getBytes(StandardCharsets.UTF_8));
    CompileException e = assertThrows(CompileException.class,
        () -> new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString()));
    assertTrue(e.diagnostics().get(0).toString().contains(":4:12: error: undefined name 'q'"), e.toString());
  }

  @org.junit.jupiter.api.Test
  void deepNestingCompiles() throws IOException {
    Path file = dir.resolve("t.tdl");
    Files.writeString(file, "model m {\n  input x : i8[4];\n  y = " + "relu(".repeat(9_999) + "x" + ")".repeat(9_999)
        + ";\n  output y;\n}");   // with the model's braces, 10,000 levels: the limit
    Frontend.Result r = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString());
    assertEquals(9_999 + 2, r.module().model("m").orElseThrow().ops().size());   // input, the relus, output
  }

  @org.junit.jupiter.api.Test
  void i8SumsWarnButCompile() throws IOException {
    Path file = dir.resolve("t.tdl");
    Files.writeString(file, "model m {\n  input a : i8[4];\n  input b : i8[4];\n  input c : i32[4];\n"
        + "  s = add(a, b);\n  d = sub(a, b);\n  t = add(c, a);\n  output s, d, t;\n}");
    DiagnosticEngine diags = new DiagnosticEngine();
    Frontend.Result r = new Frontend(diags, new SourceCache()).compile(file.toString());
    List<String> got = r.warnings().stream().map(Diagnostic::toString).toList();
    assertEquals(2, got.size(), got.toString());   // i32 + i8 is i32: no warning
    assertTrue(got.get(0).startsWith(file + ":5:7: warning: add: both operands are i8, so the result is i8 and wraps "
        + "modulo 256"), got.get(0));
    assertTrue(got.get(1).startsWith(file + ":6:7: warning: sub: both operands are i8"), got.get(1));
    assertFalse(diags.hasErrors());
  }

  @org.junit.jupiter.api.Test
  void severalErrorsInOneRun() throws IOException {
    Path file = dir.resolve("t.tdl");
    Files.writeString(file, MLP_HEAD + "  a = relu(q1);\n  b = relu(q2);\n  output a;\n}");
    CompileException e = assertThrows(CompileException.class,
        () -> new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString()));
    List<String> got = e.diagnostics().stream().map(Diagnostic::toString).toList();
    assertEquals(2, got.size(), got.toString());
    assertTrue(got.get(0).contains(":4:12: error: undefined name 'q1'"), got.get(0));
    assertTrue(got.get(1).contains(":5:12: error: undefined name 'q2'"), got.get(1));
  }

  @org.junit.jupiter.api.Test
  void floodOfGarbageIsCapped() throws IOException {
    Path file = dir.resolve("t.tdl");
    StringBuilder garbage = new StringBuilder();
    for (int i = 0; i < 200; i++) garbage.append("$\n");
    Files.writeString(file, garbage.toString());
    CompileException e = assertThrows(CompileException.class,
        () -> new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString()));
    assertEquals(DiagnosticEngine.DEFAULT_ERROR_LIMIT + 1, e.diagnostics().size());
    assertTrue(e.diagnostics().get(e.diagnostics().size() - 1).message().contains("180 more errors not shown"));
  }
}
