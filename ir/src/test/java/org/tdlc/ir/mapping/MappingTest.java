// The mapping's one reader: what it accepts reads back to the same record and prints to the same attribute,
// and each malformed attribute is refused with a message naming the offending value. The verifier reports
// the same messages, located at the op; a grouped conv2d is mapped in the lowering's space n g k c p q r s.
// A hand-written @map pin goes through its own reader, MapPin.
package org.tdlc.ir.mapping;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.ops.OpTypeException;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.text.IrParser;
import org.tdlc.ir.verify.Verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappingTest {
  static final String GOOD = "{cols = [\"n\"], dataflow = \"ws\", levels = [{level = \"global\", order = [\"n\", \"m\", \"k\"],"
      + " tile = {k = 32, m = 8, n = 24}}], rows = [\"k\"], spatial = {k = 32, n = 24}}";

  static IrModule module(String mapping) {
    return IrParser.parse("""
        tdl.model @mm {
          %a = "tdl.input"() {name = "a"} : () -> tensor<16x32xi8> loc("mm.tdl":2:3)
          %b = "tdl.weight"() {init = "zeros", name = "b"} : () -> tensor<32x24xi8> loc("mm.tdl":3:3)
          %y = "tdl.matmul"(%a, %b) {mapping = MAPPING} : (tensor<16x32xi8>, tensor<32x24xi8>) -> tensor<16x24xi32> loc("mm.tdl":4:7)
          "tdl.output"(%y) {names = ["y"]} : (tensor<16x24xi32>) -> () loc("mm.tdl":5:3)
        } loc("mm.tdl":1:1)
        """.replace("MAPPING", mapping), "mm.ir");
  }

  static Operation matmul(String mapping) { return module(mapping).models().get(0).ops().get(2); }

  /** The reader's message for a mapping with {@code from} replaced by {@code to}. */
  static String refused(String from, String to) {
    assertTrue(GOOD.contains(from), from);
    return assertThrows(OpTypeException.class, () -> Mapping.of(matmul(GOOD.replace(from, to)))).getMessage();
  }

  @Test void thePesPartReadsBackAndPrintsAsItsPin() {
    String withPe = GOOD.replace("rows = [\"k\"]", "pe = {bypass = {spad = [\"outputs\"]}, keep = {spad = [\"n\", \"k\"]},"
        + " walk = [\"m\", \"n\", \"k\"]}, rows = [\"k\"]");
    Operation op = matmul(withPe);
    Mapping m = Mapping.of(op).orElseThrow();
    assertEquals(new Mapping.Pe(List.of("m", "n", "k"), Map.of("spad", Mapping.Pe.whole(List.of("n", "k"))),
        Map.of("spad", List.of("outputs"))), m.pe());
    assertEquals(withPe, m.toAttribute().toString());
    assertEquals(m, Mapping.read(m.toAttribute(), IndexSpace.of(op).orElseThrow()));
    assertTrue(m.pinText().endsWith(", walk = [m, n, k], keep = { spad = [n, k] }, bypass = { spad = [outputs] })"),
        m.pinText());
    // parts of indices, Timeloop's factors at a level, read back and print as a dictionary
    String parts = withPe.replace("keep = {spad = [\"n\", \"k\"]}", "keep = {psum = {n = 4}, spad = {k = 8, n = \"all\"}}");
    Mapping p = Mapping.of(matmul(parts)).orElseThrow();
    assertEquals(Map.of("n", 4), p.pe().keep().get("psum"));
    assertEquals(parts, p.toAttribute().toString());
    assertTrue(p.pinText().contains("keep = { psum = { n = 4 }, spad = { k = 8, n = all } }"), p.pinText());
    // levels that do not nest: neither keeps all the other keeps
    assertEquals("mapping: keep psum = [m] and spad = [n, k] do not nest: one level must keep at least as much of every "
        + "index as the other (the levels nest, as Timeloop's do)",
        assertThrows(OpTypeException.class, () -> Mapping.of(matmul(withPe.replace("keep = {spad",
            "keep = {psum = [\"m\"], spad")))).getMessage());
    assertEquals("mapping: walk [m, k] must list each index once: a permutation of [m, n, k]",
        assertThrows(OpTypeException.class, () -> Mapping.of(matmul(withPe.replace("[\"m\", \"n\", \"k\"]}", "[\"m\", \"k\"]}"))))
            .getMessage());
  }

  @Test void aLevelsOwnOrderReadsBackPrintsAsItsPinAndMustOrderWhatItKeeps() {
    String ordered = GOOD.replace("rows = [\"k\"]", "pe = {bypass = {}, keep = {spad = [\"n\", \"k\"]}, orders = {spad = "
        + "[\"k\", \"n\"]}, walk = [\"m\", \"n\", \"k\"]}, rows = [\"k\"]");
    Operation op = matmul(ordered);
    Mapping m = Mapping.of(op).orElseThrow();
    assertEquals(Map.of("spad", List.of("k", "n")), m.pe().orders());
    assertEquals(ordered, m.toAttribute().toString());
    assertEquals(m, Mapping.read(m.toAttribute(), IndexSpace.of(op).orElseThrow()));
    assertTrue(m.pinText().endsWith(", walk = [m, n, k], keep = { spad = [n, k] }, orders = { spad = [k, n] })"),
        m.pinText());
    // a level that keeps nothing has no loops of its own to order; an index twice, or one the op lacks
    assertEquals("mapping: orders psum = [k]: level psum keeps no part of any loop, so it has none to order (keep psum = "
        + "... gives it some)", assertThrows(OpTypeException.class,
            () -> Mapping.of(matmul(ordered.replace("orders = {spad", "orders = {psum = [\"k\"], spad")))).getMessage());
    assertEquals("mapping: orders spad = [k, k]: it names k twice", assertThrows(OpTypeException.class,
        () -> Mapping.of(matmul(ordered.replace("[\"k\", \"n\"]", "[\"k\", \"k\"]")))).getMessage());
    assertEquals("mapping: orders spad = [k, x]: x is not an index of the op (its indices: [m, n, k])",
        assertThrows(OpTypeException.class, () -> Mapping.of(matmul(ordered.replace("[\"k\", \"n\"]", "[\"k\", \"x\"]"))))
            .getMessage());
    // two levels that keep the same parts walk them in one order
    String twins = ordered.replace("keep = {spad = [\"n\", \"k\"]}", "keep = {psum = [\"n\", \"k\"], spad = [\"n\", \"k\"]}")
        .replace("orders = {spad", "orders = {psum = [\"n\", \"k\"], spad");
    assertEquals("mapping: orders psum and spad differ, but the two levels keep the same parts, which they walk in one "
        + "order: give them the same order, or one of them none",
        assertThrows(OpTypeException.class, () -> Mapping.of(matmul(twins))).getMessage());
  }

  @Test void aWellFormedMappingReadsBackAndPrintsTheSameAttribute() {
    Operation op = matmul(GOOD);
    Mapping m = Mapping.of(op).orElseThrow();
    Map<String, Integer> tile = new LinkedHashMap<>();
    tile.put("m", 8);
    tile.put("n", 24);
    tile.put("k", 32);
    assertEquals(new Mapping(Dataflow.WS, List.of("k"), List.of("n"), tile, List.of("n", "m", "k")), m);
    assertEquals(GOOD, m.toAttribute().toString());
    assertEquals(m, Mapping.read(m.toAttribute(), IndexSpace.of(op).orElseThrow()));
    assertEquals("m=8 n=24 k=32", m.tileText());
    assertEquals("@map(dataflow = ws, rows = [k], cols = [n], tile = { m = 8, n = 24, k = 32 }, order = [n, m, k])",
        m.pinText());
    assertEquals(List.of(), Verifier.verify(module(GOOD)));
  }

  @Test void anAxisHoldsSeveralIndicesFlattenedInIndexOrder() {
    String two = GOOD.replace("cols = [\"n\"]", "cols = [\"n\", \"m\"]").replace("spatial = {k = 32, n = 24}",
        "spatial = {k = 32, m = 8, n = 24}");
    Mapping m = Mapping.of(matmul(two)).orElseThrow();
    assertEquals(List.of("m", "n"), m.cols(), "an axis lists its indices in the op's order");
    assertEquals(192, m.axisExtent(m.cols()));
    assertEquals(16, m.axisUse(m.cols(), 16));
    assertEquals("m x n", Mapping.axisText(m.cols()));
    assertEquals(m, Mapping.read(m.toAttribute(), IndexSpace.of(matmul(two)).orElseThrow()));
    assertTrue(m.loopNest(IndexSpace.of(matmul(two)).orElseThrow(), 16, 16)
        .contains("| for mn in [0:16) (Spatial-X) over m x n"), m.loopNest(IndexSpace.of(matmul(two)).orElseThrow(), 16, 16));
    assertEquals(List.of(), Verifier.verify(module(two)));
  }

  @Test void anOpWithoutTheAttributeHasNoMapping() {
    assertTrue(Mapping.of(module(GOOD).models().get(0).ops().get(0)).isEmpty());
  }

  @Test void eachMalformedPartIsRefusedByName() {
    assertEquals("mapping: unknown dataflow \"zz\" (the dataflows: ws, os, rs, is)", refused("\"ws\"", "\"zz\""));
    assertEquals("mapping: rows names \"banana\", which is not an index of the op (its indices: m, n, k)",
        refused("rows = [\"k\"]", "rows = [\"banana\"]"));
    assertEquals("mapping: rows must be an array, got 3", refused("rows = [\"k\"]", "rows = 3"));
    assertEquals("mapping: rows names k twice", refused("rows = [\"k\"]", "rows = [\"k\", \"k\"]"));
    assertEquals("mapping: rows and cols both name index n", refused("rows = [\"k\"], spatial = {k = 32, n = 24}",
        "rows = [\"n\"], spatial = {n = 24}"));
    assertEquals("mapping: tile n = 0 must be at least 1", refused("n = 24}", "n = 0}"));
    assertEquals("mapping: tile m = 17 exceeds the range of m (16)", refused("m = 8", "m = 17"));
    assertEquals("mapping: tile has no size for index m (a mapping tiles every index: m, n, k)",
        refused("m = 8, ", ""));
    assertEquals("mapping: order [\"n\", \"n\", \"k\"] names n twice", refused("\"n\", \"m\", \"k\"", "\"n\", \"n\", \"k\""));
    assertEquals("mapping: order [\"n\", \"k\"] lacks index m (an order lists every index once: m, n, k)",
        refused("\"n\", \"m\", \"k\"", "\"n\", \"k\""));
    assertEquals("mapping: the mapping has no rows (its keys: cols, dataflow, levels, rows, spatial)",
        refused("rows = [\"k\"], ", ""));
    assertEquals("mapping: the mapping has an unknown key bypass (its keys: cols, dataflow, levels, rows, spatial; optional: pe)",
        refused("cols = [\"n\"]", "bypass = true, cols = [\"n\"]"));
    assertEquals("mapping: level \"dram\" is not one a mapping can hold (only \"global\")",
        refused("\"global\"", "\"dram\""));
    assertEquals("mapping: spatial has no extent for index n (on the cols)", refused("{k = 32, n = 24}", "{k = 32}"));
    assertEquals("mapping: spatial k = 12 must divide the tile of k (32): an axis spreads a part of its index's tile"
        + " that the PEs' loop walks whole", refused("{k = 32, n = 24}", "{k = 12, n = 24}"));
  }

  @Test void theVerifierReportsTheReadersMessageAtTheOp() {
    assertEquals(List.of("mm.tdl:4:7: error: 'tdl.matmul' op mapping: tile n = 0 must be at least 1"),
        Verifier.verify(module(GOOD.replace("n = 24}", "n = 0}"))).stream().map(Object::toString).toList());
  }

  @Test void anOpOffThePeArrayTakesNoMapping() {
    IrModule m = IrParser.parse("""
        tdl.model @r {
          %a = "tdl.input"() {name = "a"} : () -> tensor<16x32xi8> loc("r.tdl":2:3)
          %y = "tdl.relu"(%a) {mapping = {}} : (tensor<16x32xi8>) -> tensor<16x32xi8> loc("r.tdl":3:7)
          "tdl.output"(%y) {names = ["y"]} : (tensor<16x32xi8>) -> () loc("r.tdl":4:3)
        } loc("r.tdl":1:1)
        """, "r.ir");
    assertEquals(List.of("r.tdl:3:7: error: 'tdl.relu' op mapping: tdl.relu does not run on the PE array, so it takes"
        + " no mapping (conv2d, matmul and einsum do)"), Verifier.verify(m).stream().map(Object::toString).toList());
  }

  @Test void aGroupedConvolutionIsMappedInTheLowerersSpace() {
    IrModule m = IrParser.parse("""
        tdl.model @g {
          %x = "tdl.input"() {name = "x"} : () -> tensor<1x8x6x6xi8>
          %w = "tdl.weight"() {init = "zeros", name = "w"} : () -> tensor<8x2x3x3xi8>
          %y = "tdl.conv2d"(%x, %w) {groups = 4, pad = [1, 1], stride = [1, 1]} : (tensor<1x8x6x6xi8>, tensor<8x2x3x3xi8>) -> tensor<1x8x6x6xi32>
          "tdl.output"(%y) {names = ["y"]} : (tensor<1x8x6x6xi32>) -> ()
        }
        """, "g.ir");
    IndexSpace s = IndexSpace.of(m.models().get(0).ops().get(2)).orElseThrow();
    assertEquals(List.of("n", "g", "k", "c", "p", "q", "r", "s"), s.dims());
    assertEquals(List.of(1, 4, 2, 2, 6, 6, 3, 3), java.util.Arrays.stream(s.ranges()).boxed().toList());
    assertEquals(List.of("c", "r", "s"), s.dims().stream().filter(s::reduced).toList());
  }

  @Test void anEinsumSumsTheIndicesItsResultLacks() {
    IrModule m = IrParser.parse("""
        tdl.model @e {
          %a = "tdl.input"() {name = "a"} : () -> tensor<4x6xi8>
          %b = "tdl.input"() {name = "b"} : () -> tensor<6x5xi8>
          %y = "tdl.einsum"(%a, %b) {maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>]} : (tensor<4x6xi8>, tensor<6x5xi8>) -> tensor<4x5xi32>
          "tdl.output"(%y) {names = ["y"]} : (tensor<4x5xi32>) -> ()
        }
        """, "e.ir");
    IndexSpace s = IndexSpace.of(m.models().get(0).ops().get(2)).orElseThrow();
    assertEquals(List.of("i", "j", "k"), s.dims());
    assertEquals(6, s.range("k"));
    assertEquals(List.of("k"), s.dims().stream().filter(s::reduced).toList());
  }

  @Test void aPinReadsAsAtMapWroteItAndIsCheckedLikeIt() {
    Operation op = matmul(GOOD);
    DictAttr pin = DictAttr.EMPTY.with("dataflow", Attribute.of("os"))
        .with("tile", DictAttr.EMPTY.with("k", Attribute.of(16L)))
        .with("order", Attribute.strings(List.of("m", "n", "k")));
    Operation pinned = op.rebuild(op.operands(), op.attributes().with(MapPin.ATTR, pin), null, op.location());
    assertEquals(new MapPin("os", Map.of("k", 16), List.of("m", "n", "k"), null, null), MapPin.of(pinned).orElseThrow());
    DictAttr axes = pin.with("rows", Attribute.strings(List.of("m"))).with("cols", Attribute.strings(List.of("n")));
    Operation withAxes = op.rebuild(op.operands(), op.attributes().with(MapPin.ATTR, axes), null, op.location());
    assertEquals(List.of("m"), MapPin.of(withAxes).orElseThrow().rows());
    DictAttr both = pin.with("rows", Attribute.strings(List.of("m"))).with("cols", Attribute.strings(List.of("m")));
    Operation twice = op.rebuild(op.operands(), op.attributes().with(MapPin.ATTR, both), null, op.location());
    assertEquals("pin: cols = [\"m\"] must list distinct indices of the op (m, n, k), none on the other axis",
        assertThrows(OpTypeException.class, () -> MapPin.of(twice)).getMessage());
    DictAttr zero = DictAttr.EMPTY.with("tile", DictAttr.EMPTY.with("k", Attribute.of(0L)));
    Operation bad = op.rebuild(op.operands(), op.attributes().with(MapPin.ATTR, zero), null, op.location());
    assertEquals("pin: tile k = 0 must be an integer from 1 to the range of k (32)",
        assertThrows(OpTypeException.class, () -> MapPin.of(bad)).getMessage());
  }
}
