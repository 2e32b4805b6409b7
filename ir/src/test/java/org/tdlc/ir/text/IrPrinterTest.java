// The printed form of the textual IR, exactly, and print -> parse -> print being the identity:
// every op kind, formats in types, name hints and their collisions, fused and unknown locations.
package org.tdlc.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.tdlc.ir.type.StorageFormat;

class IrPrinterTest {
  static final String ZOO = """
      module attributes {stages = ["formats", "shapes"]} {
        tdl.model @zoo {
          %x = "tdl.input"() {name = "x"} : () -> tensor<1x4x8x8xi8> loc("zoo.tdl":2:3)
          %w = "tdl.weight"() {density = 0.25, format = "csr", init = "random", name = "w", seed = 7} : () -> tensor<8x4x3x3xi8, csr> loc("zoo.tdl":3:3)
          %res = "tdl.input"() {name = "res"} : () -> tensor<1x8x8x8xi8> loc("zoo.tdl":4:3)
          %c1 = "tdl.conv2d"(%x, %w, %res) {epilogue = [{op = "add"}, {op = "relu"}, {op = "requant", shift = 6}], groups = 1, pad = [1, 1], stride = [1, 1]} : (tensor<1x4x8x8xi8>, tensor<8x4x3x3xi8, csr>, tensor<1x8x8x8xi8>) -> tensor<1x8x8x8xi8> loc(fused["zoo.tdl":6:3, "zoo.tdl":7:8, "zoo.tdl":7:3])
          %mp = "tdl.maxpool"(%c1) {kernel = [2, 2], pad = [0, 0], stride = [2, 2]} : (tensor<1x8x8x8xi8>) -> tensor<1x8x4x4xi8> loc("zoo.tdl":6:3)
          %ap = "tdl.avgpool"(%mp) {kernel = [2, 2], stride = [2, 2]} : (tensor<1x8x4x4xi8>) -> tensor<1x8x2x2xi8> loc("zoo.tdl":7:3)
          %0 = "tdl.flatten"(%ap) : (tensor<1x8x2x2xi8>) -> tensor<1x32xi8> loc("zoo.tdl":8:3)
          %w2 = "tdl.weight"() {init = "file", name = "w2", path = "weights/w2 \\"v1\\".npy"} : () -> tensor<32x16xi8> loc("zoo.tdl":9:3)
          %m = "tdl.matmul"(%0, %w2) : (tensor<1x32xi8>, tensor<32x16xi8>) -> tensor<1x16xi32> loc("zoo.tdl":10:3)
          %1 = "tdl.relu"(%m) : (tensor<1x16xi32>) -> tensor<1x16xi32> loc(unknown)
          %q = "tdl.requant"(%1) {shift = 4} : (tensor<1x16xi32>) -> tensor<1x16xi8> loc("zoo.tdl":12:3)
          %rs = "tdl.reshape"(%q) {shape = [4, 4]} : (tensor<1x16xi8>) -> tensor<4x4xi8> loc("zoo.tdl":13:3)
          %t = "tdl.transpose"(%rs) {perm = [1, 0]} : (tensor<4x4xi8>) -> tensor<4x4xi8> loc("zoo.tdl":14:3)
          %e = "tdl.einsum"(%t, %rs) {maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>]} : (tensor<4x4xi8>, tensor<4x4xi8>) -> tensor<4x4xi32> loc("zoo.tdl":15:3)
          %k = "tdl.weight"() {init = "zeros", name = "k"} : () -> tensor<2xi8> loc("zoo.tdl":16:3)
          %e2 = "tdl.einsum"(%x, %k) {maps = [affine_map<(n, c, p, r) -> (n, c, 2*p + r, 3)>, affine_map<(n, c, p, r) -> (r)>, affine_map<(n, c, p, r) -> (n, c, p)>]} : (tensor<1x4x8x8xi8>, tensor<2xi8>) -> tensor<1x4x3xi32> loc("zoo.tdl":17:3)
          %s = "tdl.add"(%e, %e) : (tensor<4x4xi32>, tensor<4x4xi32>) -> tensor<4x4xi32> loc("zoo.tdl":18:3)
          "tdl.output"(%s, %e2, %q) {names = ["s", "e2", "q"]} : (tensor<4x4xi32>, tensor<1x4x3xi32>, tensor<1x16xi8>) -> () loc("zoo.tdl":19:3)
        } loc("zoo.tdl":1:1)
      }
      """;

  static String roundTrip(String text) { return IrPrinter.print(IrParser.parse(text, "t.ir")); }

  @Test void printsEveryOpKindExactly() {
    assertEquals(ZOO, IrPrinter.print(SampleModules.zooModule()));
  }

  @Test void printParsePrintIsTheIdentity() {
    assertEquals(ZOO, roundTrip(ZOO));
  }

  @Test void parsingKeepsTypesAttributesHintsAndLocations() {
    Model original = SampleModules.zoo();
    Model parsed = IrParser.parse(ZOO, "zoo.ir").model("zoo").orElseThrow();
    assertEquals(original.location(), parsed.location());
    assertEquals(original.ops().size(), parsed.ops().size());
    for (int i = 0; i < original.ops().size(); i++) {
      Operation a = original.ops().get(i), b = parsed.ops().get(i);
      assertEquals(a.name(), b.name());
      assertEquals(a.attributes(), b.attributes(), a.name());
      assertEquals(a.location(), b.location(), a.name());
      assertEquals(a.results().stream().map(Value::type).toList(), b.results().stream().map(Value::type).toList());
      assertEquals(a.operands().size(), b.operands().size());
    }
    assertEquals(StorageFormat.CSR, parsed.ops().get(1).result().type().format());
    assertEquals("c1", parsed.ops().get(3).result().nameHint());
    assertNull(parsed.ops().get(6).result().nameHint(), "%0 has no hint");
    assertTrue(parsed.ops().get(3).location() instanceof Location.Fused);
    assertEquals(Location.UNKNOWN, parsed.ops().get(9).location());
    // %e is used twice by the add: both operands are the one value
    Operation add = parsed.ops().get(16);
    assertTrue(add.operand(0) == add.operand(1) && add.operand(0) == parsed.ops().get(13).result());
  }

  @Test void nameHintsCollideIntoNumbersInOrderOfAppearance() {
    Builder b = new Builder();
    Value a1 = b.op("tdl.input", "a", SampleModules.i8(2), Map.of("name", Attribute.of("a")));
    Value a2 = b.op("tdl.input", "a", SampleModules.i8(2), Map.of("name", Attribute.of("b")));
    Value n = b.op("tdl.add", null, SampleModules.i8(2), Map.of(), a1, a2);
    Value bad = b.op("tdl.relu", "1x", SampleModules.i8(2), Map.of(), n);
    Value odd = b.op("tdl.relu", "x.y$z", SampleModules.i8(2), Map.of(), bad);
    Value pct = b.op("tdl.relu", "%p", SampleModules.i8(2), Map.of(), odd);
    b.op("tdl.output", null, null, Map.of("names", Attribute.strings(List.of("y"))), pct);
    IrModule m = IrModule.of(List.of(new Model("names", b.ops, null)));
    String text = IrPrinter.print(m, new IrPrinter.Options(false));
    assertEquals("""
        module {
          tdl.model @names {
            %a = "tdl.input"() {name = "a"} : () -> tensor<2xi8>
            %0 = "tdl.input"() {name = "b"} : () -> tensor<2xi8>
            %1 = "tdl.add"(%a, %0) : (tensor<2xi8>, tensor<2xi8>) -> tensor<2xi8>
            %2 = "tdl.relu"(%1) : (tensor<2xi8>) -> tensor<2xi8>
            %x.y$z = "tdl.relu"(%2) : (tensor<2xi8>) -> tensor<2xi8>
            %3 = "tdl.relu"(%x.y$z) : (tensor<2xi8>) -> tensor<2xi8>
            "tdl.output"(%3) {names = ["y"]} : (tensor<2xi8>) -> ()
          }
        }
        """, text);
    assertEquals(text, IrPrinter.print(IrParser.parse(text, "n.ir"), new IrPrinter.Options(false)));
  }

  @Test void numberedNamesInTheInputAreRenumbered() {
    String in = """
        tdl.model @m {
          %7 = "tdl.input"() {name = "x"} : () -> tensor<2xi8>
          %3 = "tdl.relu"(%7) : (tensor<2xi8>) -> tensor<2xi8>
          "tdl.output"(%3) {names = ["y"]} : (tensor<2xi8>) -> ()
        }
        """;
    String out = IrPrinter.print(IrParser.parse(in, "m.ir"), new IrPrinter.Options(false));
    assertTrue(out.contains("%0 = \"tdl.input\"") && out.contains("%1 = \"tdl.relu\"(%0)"), out);
  }

  @Test void locationsCanBeLeftOut() {
    String text = IrPrinter.print(SampleModules.zooModule(), new IrPrinter.Options(false));
    assertFalse(text.contains("loc("), text);
    assertEquals(text, IrPrinter.print(IrParser.parse(text, "z.ir"), new IrPrinter.Options(false)));
  }

  @Test void modelLocationsNoneUnknownAndFused() {
    String text = """
        module {
          tdl.model @none {
          }
          tdl.model @unknown {
          } loc(unknown)
          tdl.model @fused {
          } loc(fused["a.tdl":1:2, fused["b \\"c\\".tdl":3:4], unknown])
          tdl.model @"not an identifier" {
          } loc(fused[])
        }
        """;
    IrModule m = IrParser.parse(text, "l.ir");
    assertNull(m.models().get(0).location());
    assertEquals(Location.UNKNOWN, m.models().get(1).location());
    assertEquals(new Location.Fused(List.of(Location.of("a.tdl", 1, 2),
        new Location.Fused(List.of(Location.of("b \"c\".tdl", 3, 4))), Location.UNKNOWN)), m.models().get(2).location());
    assertEquals("not an identifier", m.models().get(3).name());
    assertEquals(text, IrPrinter.print(m));
  }

  @Test void aModelPrintsAndParsesOnItsOwn() {
    String text = IrPrinter.print(SampleModules.zoo());
    assertTrue(text.startsWith("tdl.model @zoo {\n  %x = "), text);
    IrModule m = IrParser.parse(text, "zoo.ir");
    assertTrue(m.stages().isEmpty());
    assertEquals(text, IrPrinter.print(m.models().get(0)));
  }

  @Test void emptyModuleAndCommentsAndNoRankZeroTensors() {
    assertEquals("module {\n}\n", roundTrip("// nothing here\nmodule { } // really"));
    assertEquals("module {\n}\n", roundTrip(""));
    String scalar = "module {\n  tdl.model @s {\n    %x = \"tdl.input\"() {name = \"x\"} : () -> tensor<i32>\n  }\n}\n";
    var e = org.junit.jupiter.api.Assertions.assertThrows(org.tdlc.ir.diag.CompileException.class,
        () -> IrParser.parse(scalar, "s.ir"));
    assertEquals("s.ir:3:52: error: bad tensor shape: a tensor needs at least one dimension",
        e.diagnostics().get(0).toString());
  }

  @Test void everyFormatReadsBack() {
    for (StorageFormat f : StorageFormat.values()) {
      String text = "module {\n  tdl.model @f {\n    %w = \"tdl.input\"() {name = \"w\"} : () -> tensor<64x64x3x3xi8, "
          + f.keyword() + "> loc(unknown)\n  }\n}\n";
      IrModule m = IrParser.parse(text, "f.ir");
      assertEquals(f, m.models().get(0).ops().get(0).result().type().format());
      assertEquals(text, IrPrinter.print(m));
    }
  }
}
