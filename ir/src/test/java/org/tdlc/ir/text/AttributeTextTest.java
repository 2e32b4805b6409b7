// Attributes in the textual IR: every kind reads back to an equal attribute and prints to the same text,
// including the corners (64-bit extremes, -0.0, NaN, escapes, keyword and quoted keys, general linear forms).
package org.tdlc.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.SampleModules;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;

class AttributeTextTest {

  /** Wraps a dictionary into one op, parses it and returns the op's attributes. */
  static DictAttr parseAttrs(String dict) {
    String text = "tdl.model @a {\n  %x = \"tdl.input\"() " + dict + " : () -> tensor<2xi8>\n}\n";
    IrModule m = IrParser.parse(text, "a.ir");
    return m.models().get(0).ops().get(0).attributes();
  }

  static String printAttrs(String dict) { return parseAttrs(dict).toString(); }

  @Test void everyAttributeKindRoundTrips() {
    Map<String, Attribute> m = new TreeMap<>();
    m.put("int", Attribute.of(-42));
    m.put("max", Attribute.of(Long.MAX_VALUE));
    m.put("min", Attribute.of(Long.MIN_VALUE));
    m.put("f1", Attribute.of(0.25));
    m.put("f2", Attribute.of(1.0E-5));
    m.put("f3", Attribute.of(-0.0));
    m.put("f4", Attribute.of(1e300));
    m.put("nan", Attribute.of(Double.NaN));
    m.put("inf", Attribute.of(Double.NEGATIVE_INFINITY));
    m.put("str", Attribute.of("quote \" backslash \\ newline \n tab \t cr \r bell \u0007"
        + " unicode \u00e9\u4e2d\uD83D\uDE00 // not a comment"));
    m.put("t", new Attribute.BoolAttr(true));
    m.put("true", new Attribute.BoolAttr(false));
    m.put("with space", Attribute.ints());
    m.put("loc", new Attribute.ArrayAttr(List.of(Attribute.ints(1, 2), Attribute.of("x"), DictAttr.EMPTY)));
    m.put("nested", DictAttr.of(Map.of("a.b$c", DictAttr.of(Map.of("_", Attribute.of(0))))));
    m.put("map", SampleModules.map(List.of("n", "k", "p"),
        new int[] {1, 0, 0, 0}, new int[] {0, 0, 2, -1}, new int[] {0, -3, 0, 5}, new int[] {0, 0, 0, 0}));
    DictAttr attrs = DictAttr.of(m);
    DictAttr back = parseAttrs(attrs.toString());
    assertEquals(attrs, back);
    assertEquals(attrs.toString(), back.toString());
  }

  @Test void generalLinearFormsPrintCanonically() {
    assertEquals("{m = affine_map<(p, r) -> (2*p + r - 1, -p + 3, -r + 2, 0, 4*p)>}",
        printAttrs("{m = affine_map<(p, r) -> (p*2 + r - 1, -p + 3, 2 - r, p - p, p + 3*p)>}"));
    assertEquals("{m = affine_map<() -> (-2147483648, 7)>}", printAttrs("{m = affine_map<() -> (-2147483648, 7)>}"));
  }

  @Test void keysQuoteOnlyWhenTheyMust() {
    assertEquals("{\"\" = 2, \"a b\" = 1, affine_map = 3, module = [], x.y = \"\"}",
        printAttrs("{\"a b\" = 1, \"\" = 2, \"affine_map\" = 3, module = [], \"x.y\" = \"\"}"));
  }
}
