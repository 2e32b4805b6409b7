// The graph view of a model: one vertex per op, one edge per use (two for add(%e, %e)), a topological
// order that keeps the model order, users of a value, and a deterministic, readable DOT export.
package org.tdlc.ir.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.SampleModules;
import org.tdlc.ir.SampleModules.Builder;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.text.IrParser;

class OpGraphTest {

  @Test void oneVertexPerOpAndOneEdgePerUse() {
    Model zoo = SampleModules.zoo();
    OpGraph g = OpGraph.of(zoo);
    assertEquals(zoo.ops().size(), g.graph().vertexSet().size());
    int uses = zoo.ops().stream().mapToInt(o -> o.operands().size()).sum();
    assertEquals(uses, g.graph().edgeSet().size());
    Operation add = zoo.ops(Ops.ADD).get(0);
    List<Integer> indices = g.graph().incomingEdgesOf(add).stream().map(OperandEdge::index).sorted().toList();
    assertEquals(List.of(0, 1), indices);
  }

  @Test void topologicalOrderKeepsTheModelOrderAndRepairsBadOrders() {
    Model zoo = SampleModules.zoo();
    assertEquals(zoo.ops(), OpGraph.of(zoo).topologicalOrder());
    List<Operation> shuffled = new ArrayList<>(zoo.ops());
    java.util.Collections.reverse(shuffled);
    List<Operation> order = OpGraph.of(zoo.withOps(shuffled)).topologicalOrder();
    for (Operation op : order) {
      for (Value v : op.operands()) assertTrue(order.indexOf(v.definingOp()) < order.indexOf(op), op.toString());
    }
  }

  @Test void usersInModelOrderEachOnce() {
    Model zoo = SampleModules.zoo();
    OpGraph g = OpGraph.of(zoo);
    Value x = zoo.ops().get(0).result();
    assertEquals(List.of("tdl.conv2d", "tdl.einsum"), g.users(x).stream().map(Operation::name).toList());
    Value e = zoo.ops().get(13).result();
    assertEquals(List.of(zoo.ops(Ops.ADD).get(0)), g.users(e));
    Value q = zoo.ops(Ops.REQUANT).get(0).result();
    assertEquals(List.of("tdl.reshape", "tdl.output"), g.users(q).stream().map(Operation::name).toList());
  }

  @Test void dotShowsKindNameAndTypeAndLabelsMultiOperandEdges() {
    String dot = OpGraph.of(SampleModules.zoo()).toDot();
    assertTrue(dot.startsWith("digraph zoo {\n"), dot);
    for (String line : List.of(
        "  n3 [ label=\"conv2d\\n%c1 : tensor<1x8x8x8xi8>\" ];",
        "  n1 [ label=\"weight\\n%w : tensor<8x4x3x3xi8, csr>\" ];",
        "  n6 [ label=\"flatten\\n%0 : tensor<1x32xi8>\" ];",
        "  n17 [ label=\"output\\ns, e2, q\" ];",
        "  n2 -> n3 [ label=\"2\" ];",
        "  n3 -> n4;",
        "  n13 -> n16 [ label=\"0\" ];",
        "  n13 -> n16 [ label=\"1\" ];")) {
      assertTrue(dot.contains(line + "\n"), "missing " + line + " in\n" + dot);
    }
    assertEquals(dot, OpGraph.of(SampleModules.zoo()).toDot());
  }

  @Test void oddModelNamesAreQuotedInDot() {
    Builder b = new Builder();
    Value x = b.op("tdl.input", "x", SampleModules.i8(2), Map.of("name", Attribute.of("x")));
    b.op("tdl.output", null, null, Map.of("names", Attribute.strings(List.of("a\"b"))), x);
    String dot = OpGraph.of(new Model("my \"net\"", b.ops, null)).toDot();
    assertTrue(dot.startsWith("digraph \"my \\\"net\\\"\" {\n"), dot);
    assertTrue(dot.contains("label=\"output\\na\\\"b\""), dot);
  }

  @Test void graphOfParsedText() {
    Model m = IrParser.parse("""
        tdl.model @m {
          %a = "tdl.input"() {name = "a"} : () -> tensor<2xi8>
          %b = "tdl.add"(%a, %a) : (tensor<2xi8>, tensor<2xi8>) -> tensor<2xi8>
          "tdl.output"(%b) {names = ["b"]} : (tensor<2xi8>) -> ()
        }
        """, "g.ir").models().get(0);
    assertEquals("""
        digraph m {
          n0 [ label="input\\n%a : tensor<2xi8>" ];
          n1 [ label="add\\n%b : tensor<2xi8>" ];
          n2 [ label="output\\nb" ];
          n0 -> n1 [ label="0" ];
          n0 -> n1 [ label="1" ];
          n1 -> n2;
        }
        """, OpGraph.of(m).toDot());
  }
}
