// Errors in IR text: each is a diagnostic at the IR file's own line:col, several are reported at once,
// and they arrive as one CompileException. The texts are small, so the expected positions are easy to check.
package org.tdlc.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.Diagnostic;

class IrParserErrorTest {

  static List<String> errors(String text) {
    CompileException e = assertThrows(CompileException.class, () -> IrParser.parse(text, "e.ir"));
    return e.diagnostics().stream().map(Diagnostic::toString).toList();
  }

  static String model(String... ops) {
    return "module {\n  tdl.model @m {\n" + String.join("", List.of(ops).stream().map(o -> "    " + o + "\n").toList())
        + "  }\n}\n";
  }

  static final String X = "%x = \"tdl.input\"() {name = \"x\"} : () -> tensor<2x3xi8>";

  @Test void undefinedValue() {
    assertEquals(List.of("e.ir:4:21: error: use of undefined value %y"),
        errors(model(X, "%r = \"tdl.relu\"(%y) : (tensor<2x3xi8>) -> tensor<2x3xi8>")));
  }

  @Test void valueDefinedTwiceNotesTheFirstDefinition() {
    CompileException e = assertThrows(CompileException.class, () -> IrParser.parse(model(X, X), "e.ir"));
    Diagnostic d = e.diagnostics().get(0);
    assertEquals("e.ir:4:5: error: value %x is defined twice", d.toString());
    assertEquals("e.ir:3:5: note: first definition of %x", d.notes().get(0).toString());
  }

  @Test void unknownOp() {
    assertEquals(List.of("e.ir:4:10: error: unknown op 'tdl.erf'"),
        errors(model(X, "%r = \"tdl.erf\"(%x) : (tensor<2x3xi8>) -> tensor<2x3xi8>")));
  }

  @Test void operandTypeCountDiffersFromOperands() {
    assertEquals(List.of("e.ir:4:30: error: 'tdl.add' has 2 operands but its type lists 1"),
        errors(model(X, "%r = \"tdl.add\"(%x, %x) : (tensor<2x3xi8>) -> tensor<2x3xi8>")));
  }

  @Test void operandTypeDiffersFromItsDefinition() {
    assertEquals(List.of("e.ir:4:47: error: operand #1 of 'tdl.add' is %x of type tensor<2x3xi8>, but the op's type"
            + " says tensor<2x3xi8, csr>"),
        errors(model(X, "%r = \"tdl.add\"(%x, %x) : (tensor<2x3xi8>, tensor<2x3xi8, csr>) -> tensor<2x3xi8>")));
  }

  @Test void resultCountDiffersFromTheType() {
    assertEquals(List.of("e.ir:4:47: error: 'tdl.relu' defines 1 result but its type lists 0",
            "e.ir:5:42: error: 'tdl.relu' defines 0 results but its type lists 1",
            "e.ir:6:9: error: 'tdl.relu' defines 2 results; tdl ops have at most one"),
        errors(model(X, "%r = \"tdl.relu\"(%x) : (tensor<2x3xi8>) -> ()",
            "\"tdl.relu\"(%x) : (tensor<2x3xi8>) -> tensor<2x3xi8>",
            "%a, %b = \"tdl.relu\"(%x) : (tensor<2x3xi8>) -> (tensor<2x3xi8>, tensor<2x3xi8>)")));
  }

  @Test void malformedAttributes() {
    assertEquals(List.of("e.ir:3:39: error: attribute 'a' appears twice in one dictionary",
            "e.ir:4:33: error: integer 99999999999999999999 does not fit in 64 bits",
            "e.ir:5:57: error: unknown dimension 'q' in affine map over (p)",
            "e.ir:6:44: error: dimension 'p' appears twice in an affine map"),
        errors(model("%a = \"tdl.input\"() {a = 1, b = 2, a = 3} : () -> tensor<2xi8>",
            "%b = \"tdl.input\"() {a = [1, 99999999999999999999]} : () -> tensor<2xi8>",
            "%c = \"tdl.input\"() {m = affine_map<(p) -> (p, 2*p + q)>} : () -> tensor<2xi8>",
            "%d = \"tdl.input\"() {m = affine_map<(p, p) -> (p)>} : () -> tensor<2xi8>")));
  }

  @Test void malformedTypes() {
    assertEquals(List.of("e.ir:3:39: error: unknown element type 'f32' (expected i8, i16 or i32)",
            "e.ir:4:39: error: bad tensor shape: dimension 1 is 0; dimensions must be positive",
            "e.ir:5:45: error: unknown storage format 'ell' (expected one of dense, bitmap, rle, csr, csc, coo)",
            "e.ir:6:39: error: dimension 3000000000 is larger than 2147483647"),
        errors(model("%a = \"tdl.input\"() : () -> tensor<2xf32>",
            "%b = \"tdl.input\"() : () -> tensor<2x0xi8>",
            "%c = \"tdl.input\"() : () -> tensor<2xi8, ell>",
            "%d = \"tdl.input\"() : () -> tensor<3000000000xi8>")));
  }

  @Test void malformedLocation() {
    assertEquals(List.of("e.ir:3:53: error: line 4294967296 is larger than 2147483647"),
        errors(model("%a = \"tdl.input\"() : () -> tensor<2xi8> loc(\"f\":4294967296:1)")));
  }

  @Test void unknownOrMalformedModuleAttributes() {
    assertEquals(List.of("e.ir:1:19: error: unknown module attribute 'colour'"),
        errors("module attributes {colour = 1} {\n}\n"));
    assertEquals(List.of("e.ir:2:19: error: module attribute 'stages' must be an array of strings"),
        errors("\nmodule attributes {stages = [1]} {\n}\n"));
  }

  @Test void syntaxErrorsPointAtTheOffendingToken() {
    assertEquals(List.of("e.ir:3:27: error: missing ':' at '('"),
        errors(model("%a = \"tdl.input\"() {} () -> tensor<2xi8>")));
    assertEquals(List.of("e.ir:1:8: error: token recognition error at: '#'"),
        errors("module #{\n}\n").subList(0, 1));
    assertEquals("e.ir:1:1: error: mismatched input 'modul' expecting {<EOF>, 'module', 'tdl.model'}",
        errors("modul {}").get(0));
  }

  @Test void scopesAreOneModelEach() {
    String text = "module {\n  tdl.model @a {\n    " + X + "\n  }\n  tdl.model @b {\n"
        + "    %r = \"tdl.relu\"(%x) : (tensor<2x3xi8>) -> tensor<2x3xi8>\n  }\n}\n";
    assertEquals(List.of("e.ir:6:21: error: use of undefined value %x"), errors(text));
  }

  @Test void deepNestingIsRefusedBeforeParsing() {
    // the model's { is level 1, the dictionary's level 2, so the 255th [ (column 40 + 254) is level 257
    String deep = "[".repeat(100_000);
    assertEquals(List.of("e.ir:1:294: error: brackets nested deeper than 256 levels"),
        errors("tdl.model @m { %x = \"tdl.input\"() {a = " + deep + "} : () -> tensor<1xi8> }"));
  }

  @Test void manyErrorsAreReportedTogether() {
    List<String> e = errors(model(X, "%r = \"tdl.relu\"(%y) : (tensor<2x3xi8>) -> tensor<2x3xi8>",
        "%s = \"tdl.nope\"(%z) : (tensor<2x3xi8>) -> tensor<2x3xi8>"));
    assertEquals(3, e.size(), e.toString());
  }
}
