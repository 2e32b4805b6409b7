// The graph view of a model: its ops as a JGraphT DAG with an edge from each defining op to each use,
// for ordering, scheduling and DOT export. Built on demand from the model, which stays the source of truth.
package org.tdlc.ir.graph;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.traverse.TopologicalOrderIterator;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.text.IrPrinter;
import org.tdlc.ir.text.ValueNames;

public final class OpGraph {
  private final Model model;
  private final DirectedAcyclicGraph<Operation, OperandEdge> graph;
  private final Map<Operation, Integer> position = new IdentityHashMap<>();

  private OpGraph(Model model) {
    this.model = model;
    this.graph = new DirectedAcyclicGraph<>(null, null, false, true);
    for (Operation op : model.ops()) {
      position.put(op, position.size());
      graph.addVertex(op);
    }
    for (Operation op : model.ops()) {
      for (int i = 0; i < op.operands().size(); i++) {
        Operation def = op.operand(i).definingOp();
        if (def != null && position.containsKey(def)) graph.addEdge(def, op, new OperandEdge(def, op, i));
      }
    }
  }

  /**
   * The graph of a model's ops. Operands defined outside the model get no edge (the verifier reports them);
   * SSA values are immutable, so the graph cannot have a cycle.
   */
  public static OpGraph of(Model model) { return new OpGraph(model); }

  public DirectedAcyclicGraph<Operation, OperandEdge> graph() { return graph; }

  /** A topological order that keeps the model's order wherever the dependences allow it. */
  public List<Operation> topologicalOrder() {
    List<Operation> order = new ArrayList<>();
    new TopologicalOrderIterator<>(graph, Comparator.comparingInt(position::get)).forEachRemaining(order::add);
    return order;
  }

  /** The ops that use the value, in model order, each once. */
  public List<Operation> users(Value v) {
    Operation def = v.definingOp();
    if (def == null || !graph.containsVertex(def)) return List.of();
    return graph.outgoingEdgesOf(def).stream()
        .filter(e -> e.target().operand(e.index()) == v)
        .map(OperandEdge::target).distinct()
        .sorted(Comparator.comparingInt(position::get)).toList();
  }

  /**
   * Graphviz text: one node per op labelled with its kind, result name and type (conv2d\n%c1 : tensor<...>),
   * one edge per use, labelled with the operand index when the user has several operands.
   */
  public String toDot() {
    ValueNames names = ValueNames.of(model);
    DOTExporter<Operation, OperandEdge> exporter = new DOTExporter<>(op -> "n" + position.get(op));
    exporter.setGraphIdProvider(() -> dotId(model.name()));
    exporter.setVertexAttributeProvider(op -> {
      Map<String, Attribute> attrs = new LinkedHashMap<>();
      attrs.put("label", DefaultAttribute.createAttribute(label(op, names)));
      return attrs;
    });
    exporter.setEdgeAttributeProvider(e -> {
      if (e.target().operands().size() < 2) return null;     // no attribute list at all: a plain a -> b
      Map<String, Attribute> attrs = new LinkedHashMap<>();
      attrs.put("label", DefaultAttribute.createAttribute(e.index()));
      return attrs;
    });
    StringWriter out = new StringWriter();
    exporter.exportGraph(graph, out);
    return out.toString().replace(System.lineSeparator(), "\n");     // the exporter uses println
  }

  private static String label(Operation op, ValueNames names) {
    String kind = op.name().startsWith("tdl.") ? op.name().substring(4) : op.name();
    StringBuilder b = new StringBuilder(kind);
    for (Value r : op.results()) b.append("\n%").append(names.name(r)).append(" : ").append(IrPrinter.type(r.type()));
    if (op.is(Ops.OUTPUT)) b.append('\n').append(outputNames(op));
    // DOT reads \n in a label as a line break and \" as a quote; the exporter escapes the quotes itself.
    return b.toString().replace("\\", "\\\\").replace("\n", "\\n");
  }

  private static String outputNames(Operation output) {
    try {
      return output.attributes() == null ? "?" : String.join(", ", output.attributes().getStrings("names"));
    } catch (DictAttr.AttributeException e) {
      return "?";
    }
  }

  /** The model's name as a DOT id: bare when it is an identifier, quoted otherwise. */
  private static String dotId(String name) {
    if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) return name;
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
