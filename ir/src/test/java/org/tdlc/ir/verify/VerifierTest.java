// The verifier's checks, one per test: typing rules at the op's source location, SSA dominance, result
// counts, tdl.output placement, unique names. Most cases start from IR text, the rest build what the
// parser would refuse (unknown ops, uses before definitions).
package org.tdlc.ir.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Location;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.SampleModules;
import org.tdlc.ir.SampleModules.Builder;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.text.IrParser;

class VerifierTest {

  static List<String> verify(String ir) { return messages(Verifier.verify(IrParser.parse(ir, "v.ir"))); }

  static List<String> messages(List<Diagnostic> ds) { return ds.stream().map(Diagnostic::toString).toList(); }

  static String model(String... ops) {
    return "tdl.model @m {\n" + String.join("\n", ops) + "\n} loc(\"m.tdl\":1:1)\n";
  }

  static final String X = "%x = \"tdl.input\"() {name = \"x\"} : () -> tensor<1x3x8x8xi8> loc(\"m.tdl\":2:3)";
  static final String OUT = "\"tdl.output\"(%y) {names = [\"y\"]} : (tensor<1x3x8x8xi8>) -> () loc(\"m.tdl\":9:3)";

  @Test void everyOpKindVerifies() {
    assertEquals(List.of(), Verifier.verify(SampleModules.zooModule()));
    Verifier.verifyOrThrow(SampleModules.zooModule());
  }

  @Test void typingRuleErrorsAreReportedAtTheSourceLocation() {
    assertEquals(List.of("m.tdl:4:3: error: 'tdl.conv2d' op conv2d: input has 3 channels, weight expects 4;"
            + " weight is i8[8, 4, 3, 3]"),
        verify(model(X,
            "%w = \"tdl.weight\"() {init = \"zeros\", name = \"w\"} : () -> tensor<8x4x3x3xi8> loc(\"m.tdl\":3:3)",
            "%c = \"tdl.conv2d\"(%x, %w) {groups = 1, pad = [1, 1], stride = [1, 1]} : (tensor<1x3x8x8xi8>,"
                + " tensor<8x4x3x3xi8>) -> tensor<1x8x8x8xi32> loc(\"m.tdl\":4:3)",
            "\"tdl.output\"(%c) {names = [\"c\"]} : (tensor<1x8x8x8xi32>) -> () loc(\"m.tdl\":9:3)")));
  }

  @Test void declaredResultMustMatchTheInferredOne() {
    assertEquals(List.of("m.tdl:3:3: error: 'tdl.relu' op result type tensor<1x3x8x8xi32> differs from the inferred"
            + " type tensor<1x3x8x8xi8>"),
        verify(model(X, "%y = \"tdl.relu\"(%x) : (tensor<1x3x8x8xi8>) -> tensor<1x3x8x8xi32> loc(\"m.tdl\":3:3)",
            OUT.replace("(tensor<1x3x8x8xi8>)", "(tensor<1x3x8x8xi32>)"))));
  }

  @Test void missingAndMistypedAttributes() {
    assertEquals(List.of("m.tdl:3:3: error: 'tdl.requant' op missing attribute 'shift'",
            "m.tdl:4:3: error: 'tdl.reshape' op attribute 'shape' must be an array of integers, got [\"a\"]"),
        verify(model(X, "%q = \"tdl.requant\"(%x) : (tensor<1x3x8x8xi8>) -> tensor<1x3x8x8xi8> loc(\"m.tdl\":3:3)",
            "%y = \"tdl.reshape\"(%q) {shape = [\"a\"]} : (tensor<1x3x8x8xi8>) -> tensor<1x3x8x8xi8> loc(\"m.tdl\":4:3)",
            OUT)));
  }

  @Test void einsumMapsAreChecked() {
    assertEquals(List.of("m.tdl:3:3: error: 'tdl.einsum' op einsum: subscript p + 1 of operand 0 dimension 2 spans"
            + " 1..8, outside 0..7"),
        verify(model(X, "%y = \"tdl.einsum\"(%x) {maps = [affine_map<(n, c, p, q) -> (n, c, p + 1, q)>,"
            + " affine_map<(n, c, p, q) -> (n, c, p, q)>]} : (tensor<1x3x8x8xi8>) -> tensor<1x3x8x8xi32>"
            + " loc(\"m.tdl\":3:3)",
            OUT.replace("(tensor<1x3x8x8xi8>)", "(tensor<1x3x8x8xi32>)"))));
  }

  @Test void outputMustBeUniqueLastAndPresent() {
    assertEquals(List.of("m.tdl:1:1: error: model 'm' has no tdl.output"), verify(model(X)));
    String early = "\"tdl.output\"(%x) {names = [\"x\"]} : (tensor<1x3x8x8xi8>) -> () loc(\"m.tdl\":3:3)";
    assertEquals(List.of("m.tdl:3:3: error: 'tdl.output' op must be the last op of model 'm'"),
        verify(model(X, early, "%y = \"tdl.relu\"(%x) : (tensor<1x3x8x8xi8>) -> tensor<1x3x8x8xi8> loc(\"m.tdl\":4:3)")));
    List<Diagnostic> two = Verifier.verify(IrParser.parse(model(X, early, early.replace(":3:3", ":4:3")), "v.ir"));
    assertEquals(List.of("m.tdl:4:3: error: model 'm' has more than one tdl.output"), messages(two));
    assertEquals(List.of("m.tdl:3:3: note: first tdl.output"), messages(two.get(0).notes()));
  }

  @Test void outputNamesAreUnique() {
    assertEquals(List.of("m.tdl:9:3: error: 'tdl.output' op output name 'y' appears more than once"),
        verify(model(X, "\"tdl.output\"(%x, %x, %x) {names = [\"y\", \"z\", \"y\"]} : (tensor<1x3x8x8xi8>,"
            + " tensor<1x3x8x8xi8>, tensor<1x3x8x8xi8>) -> () loc(\"m.tdl\":9:3)")));
  }

  @Test void resultCounts() {
    assertEquals(List.of("m.tdl:3:3: error: 'tdl.relu' op has 0 results, expected 1",
            "m.tdl:9:3: error: 'tdl.output' op has 1 result, expected 0"),
        verify(model(X, "\"tdl.relu\"(%x) : (tensor<1x3x8x8xi8>) -> () loc(\"m.tdl\":3:3)",
            "%o = \"tdl.output\"(%x) {names = [\"x\"]} : (tensor<1x3x8x8xi8>) -> tensor<1x3x8x8xi8> loc(\"m.tdl\":9:3)")));
  }

  @Test void modelNamesAreUnique() {
    String m = model(X, OUT.replace("%y", "%x"));
    List<Diagnostic> d = Verifier.verify(IrParser.parse("module {\n" + m + m.replace(":1:1", ":11:1") + "}\n", "v.ir"));
    assertEquals(List.of("m.tdl:11:1: error: model 'm' is defined twice"), messages(d));
    assertEquals(List.of("m.tdl:1:1: note: first definition of model 'm'"), messages(d.get(0).notes()));
  }

  @Test void unknownOpsAndUsesBeforeDefinition() {
    Builder b = new Builder();
    Value x = b.op("tdl.input", "x", SampleModules.i8(2), Map.of("name", Attribute.of("x")));
    Value g = b.op("tdl.erf", "g", SampleModules.i8(2), Map.of(), x);
    b.op("tdl.output", null, null, Map.of("names", Attribute.strings(List.of("g"))), g);
    List<Operation> ops = new ArrayList<>(b.ops);
    ops.add(0, ops.remove(1));      // gelu before the input it uses
    Model other = new Model("other", List.of(), Location.of("o.tdl", 1, 1));
    Operation stray = Operation.create("tdl.relu", List.of(x), SampleModules.i8(2), "r", null, Location.of("o.tdl", 2, 3));
    Model borrowing = new Model("borrowing", List.of(stray), Location.of("o.tdl", 1, 1));
    IrModule module = IrModule.of(List.of(new Model("m", ops, null), other, borrowing));
    assertEquals(List.of("zoo.tdl:3:3: error: 'tdl.erf' op operand #0 is used before its definition",
            "zoo.tdl:3:3: error: unknown op 'tdl.erf'",
            "o.tdl:1:1: error: model 'other' has no tdl.output",
            "o.tdl:2:3: error: 'tdl.relu' op operand #0 is not defined in model 'borrowing'",
            "o.tdl:1:1: error: model 'borrowing' has no tdl.output"),
        messages(Verifier.verify(module)));
    CompileException e = assertThrows(CompileException.class, () -> Verifier.verifyOrThrow(module));
    assertEquals(5, e.diagnostics().size());
  }
}
