// Exporters write some functions as several nodes: PyTorch's GELU as Div(x, sqrt 2), Erf, Add 1, Mul x and
// Mul 0.5 (or x * 0.5 first), and LayerNorm before opset 17 as ReduceMean, Sub, Pow 2, ReduceMean, Add epsilon,
// Sqrt, Div, Mul gamma and Add beta. fuse finds these subgraphs, where no value inside them is read from
// outside, and replaces each with the one node the ONNX standard has for it (Gelu, LayerNormalization), so that
// NodeRules converts it as it converts that node. Anything else is left as it is.
package org.tdlc.interop.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

final class Patterns {
  private final OnnxFile file;
  private final Map<String, NodeProto> producer = new HashMap<>();
  private final Map<String, List<NodeProto>> readers = new HashMap<>();
  private final Set<String> graphOutputs = new HashSet<>();
  private final Map<NodeProto, NodeProto> fusedAt = new IdentityHashMap<>();   // the last node of a match -> its fusion
  private final Set<NodeProto> taken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  private Patterns(OnnxFile file, List<NodeProto> nodes) {
    this.file = file;
    for (NodeProto n : nodes) {
      for (String o : n.getOutputList()) producer.put(o, n);
      for (String in : n.getInputList()) readers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
    }
    file.graph.getOutputList().forEach(o -> graphOutputs.add(o.getName()));
  }

  /** The nodes with every recognised GELU and LayerNorm subgraph replaced by one node, in the graph's order. */
  static List<NodeProto> fuse(OnnxFile file, List<NodeProto> nodes) {
    Patterns p = new Patterns(file, nodes);
    for (NodeProto n : nodes) {
      if (n.getOpType().equals("Erf")) p.gelu(n);
      if (n.getOpType().equals("Div")) p.layerNorm(n);
    }
    if (p.fusedAt.isEmpty()) return nodes;
    List<NodeProto> out = new ArrayList<>();
    for (NodeProto n : nodes) {
      if (p.fusedAt.containsKey(n)) out.add(p.fusedAt.get(n));
      else if (!p.taken.contains(n)) out.add(n);
    }
    return out;
  }

  // ---- GELU: x * 0.5 * (1 + erf(x / sqrt 2)), in either order of the two products

  private void gelu(NodeProto erf) {
    NodeProto d = producerOf(erf.getInput(0), "Div", "Mul");
    if (d == null) return;
    boolean div = d.getOpType().equals("Div");
    String x = div ? (isConstant(d.getInput(1), Math.sqrt(2)) ? d.getInput(0) : null)
        : other(d, Math.sqrt(0.5));
    if (x == null) return;
    NodeProto plus = onlyReader(erf, "Add");
    if (plus == null || other(plus, 1.0) == null) return;
    NodeProto m1 = onlyReader(plus, "Mul");
    if (m1 == null) return;
    String o = m1.getInput(0).equals(plus.getOutput(0)) ? m1.getInput(1) : m1.getInput(0);
    List<NodeProto> match;
    if (o.equals(x)) {                                           // (x * (1 + erf)) * 0.5
      NodeProto m2 = onlyReader(m1, "Mul");
      if (m2 == null || other(m2, 0.5) == null) return;
      match = List.of(d, erf, plus, m1, m2);
    } else {                                                     // (x * 0.5) * (1 + erf)
      NodeProto h = producerOf(o, "Mul");
      if (h == null || !x.equals(other(h, 0.5))) return;
      match = List.of(h, d, erf, plus, m1);
    }
    NodeProto last = match.get(match.size() - 1);
    record(match, NodeProto.newBuilder().setOpType("Gelu").setName(fusedName(d, "Gelu")).addInput(x)
        .addOutput(last.getOutput(0)).build());
  }

  // ---- LayerNorm: (x - mean(x)) / sqrt(mean((x - mean(x))^2) + epsilon) * gamma + beta

  private void layerNorm(NodeProto div) {
    NodeProto sqrt = producerOf(div.getInput(1), "Sqrt");
    NodeProto num = producerOf(div.getInput(0), "Sub");
    if (sqrt == null || num == null) return;
    NodeProto addEps = producerOf(sqrt.getInput(0), "Add");
    if (addEps == null) return;
    boolean epsFirst = constant(addEps.getInput(0)).isPresent();
    Optional<OnnxFile.Constant> eps = constant(addEps.getInput(epsFirst ? 0 : 1));
    if (eps.isEmpty() || eps.get().values().length != 1) return;
    NodeProto var = producerOf(addEps.getInput(epsFirst ? 1 : 0), "ReduceMean");
    if (var == null) return;
    NodeProto sq = producerOf(var.getInput(0), "Pow", "Mul");
    if (sq == null) return;
    boolean square = sq.getOpType().equals("Pow") ? isConstant(sq.getInput(1), 2.0)
        : sq.getInput(0).equals(sq.getInput(1));
    NodeProto centred = producerOf(sq.getInput(0), "Sub");
    if (!square || centred == null) return;
    NodeProto mean = producerOf(centred.getInput(1), "ReduceMean");
    if (mean == null) return;
    String x = mean.getInput(0);
    if (!centred.getInput(0).equals(x) || !num.getInput(0).equals(x) || !num.getInput(1).equals(mean.getOutput(0))) return;
    Long axis = lastAxis(mean), axis2 = lastAxis(var);
    if (axis == null || !axis.equals(axis2)) return;
    NodeProto mul = onlyReader(div, "Mul");
    if (mul == null) return;
    String gamma = constantOperand(mul);
    if (gamma == null) return;
    List<NodeProto> match = new ArrayList<>(List.of(mean, centred, sq, var, addEps, sqrt, div, mul));
    if (num != centred) match.add(1, num);
    NodeProto.Builder fused = NodeProto.newBuilder().setOpType("LayerNormalization")
        .setName(fusedName(div, "LayerNormalization")).addInput(x).addInput(gamma)
        .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(axis))
        .addAttribute(AttributeProto.newBuilder().setName("epsilon").setType(AttributeProto.AttributeType.FLOAT)
            .setF((float) eps.get().values()[0]));
    NodeProto plus = onlyReader(mul, "Add");
    String beta = plus == null ? null : constantOperand(plus);
    if (beta != null) {
      match.add(plus);
      fused.addInput(beta);
    }
    fused.addOutput(match.get(match.size() - 1).getOutput(0));
    record(match, fused.build());
  }

  /** A ReduceMean's one axis (attribute before opset 18, input after) if it keeps dims, else null. */
  private Long lastAxis(NodeProto reduce) {
    if (NodeRules.attr(reduce, "keepdims", 1) != 1) return null;
    long[] axes;
    if (reduce.getInputCount() > 1 && !reduce.getInput(1).isEmpty()) {
      Optional<OnnxFile.Constant> c = constant(reduce.getInput(1));
      if (c.isEmpty()) return null;
      axes = java.util.Arrays.stream(c.get().values()).mapToLong(v -> (long) v).toArray();
    } else {
      AttributeProto a = OnnxFile.attributes(reduce).get("axes");
      if (a == null) return null;
      axes = OnnxFile.ints(a);
    }
    return axes.length == 1 ? axes[0] : null;
  }

  // ---- matching helpers

  /** Records a match unless it overlaps another or a value inside it (all outputs but the last's) is read outside. */
  private void record(List<NodeProto> match, NodeProto fused) {
    Set<NodeProto> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    set.addAll(match);
    for (NodeProto n : match) if (taken.contains(n)) return;
    NodeProto last = match.get(match.size() - 1);
    for (NodeProto n : match) {
      if (n == last) continue;
      for (String o : n.getOutputList()) {
        if (graphOutputs.contains(o)) return;
        for (NodeProto r : readers.getOrDefault(o, List.of())) if (!set.contains(r)) return;
      }
    }
    taken.addAll(match);
    fusedAt.put(last, fused);
  }

  /** The node computing {@code value} if its op type is one of {@code ops}. */
  private NodeProto producerOf(String value, String... ops) {
    NodeProto p = producer.get(value);
    if (p == null) return null;
    for (String op : ops) if (p.getOpType().equals(op)) return p;
    return null;
  }

  /** The one node reading {@code n}'s output if it has op type {@code op}. */
  private NodeProto onlyReader(NodeProto n, String op) {
    if (n.getOutputCount() == 0) return null;
    List<NodeProto> r = readers.getOrDefault(n.getOutput(0), List.of());
    return r.size() == 1 && r.get(0).getOpType().equals(op) && !graphOutputs.contains(n.getOutput(0)) ? r.get(0) : null;
  }

  /** The other operand of a binary node one of whose operands is the scalar constant {@code value}, else null. */
  private String other(NodeProto n, double value) {
    if (n.getInputCount() != 2) return null;
    if (isConstant(n.getInput(1), value)) return n.getInput(0);
    if (isConstant(n.getInput(0), value)) return n.getInput(1);
    return null;
  }

  /** The constant operand of a binary node (its other operand computed), else null. */
  private String constantOperand(NodeProto n) {
    if (n.getInputCount() != 2) return null;
    boolean c0 = constant(n.getInput(0)).isPresent(), c1 = constant(n.getInput(1)).isPresent();
    return c0 == c1 ? null : n.getInput(c0 ? 0 : 1);
  }

  private boolean isConstant(String name, double value) {
    Optional<OnnxFile.Constant> c = constant(name);
    return c.isPresent() && c.get().values().length == 1 && Math.abs(c.get().values()[0] - value) <= 1e-6 * Math.abs(value);
  }

  /**
   * An initializer, a Constant node's tensor value (read now; the Constant rule reads it again in order), or an
   * Identity of either (PyTorch writes one for each initializer equal to another, as two LayerNorms' gammas).
   */
  private Optional<OnnxFile.Constant> constant(String name) {
    Optional<OnnxFile.Constant> c = file.constant(name);
    if (c.isPresent()) return c;
    NodeProto p = producer.get(name);
    if (p != null && p.getOpType().equals("Identity") && p.getInputCount() == 1) return constant(p.getInput(0));
    if (p == null || !p.getOpType().equals("Constant")) return Optional.empty();
    AttributeProto value = OnnxFile.attributes(p).get("value");
    if (value == null || !value.hasT()) return Optional.empty();
    try {
      file.addConstant(name, value.getT());
    } catch (OnnxException e) {
      return Optional.empty();     // the Constant rule reports it, naming the node
    }
    return file.constant(name);
  }

  /** The fused node's name: the first node's scope (PyTorch's /module/Op) with the standard op's name. */
  private static String fusedName(NodeProto first, String op) {
    String name = first.getName();
    int slash = name.lastIndexOf('/');
    return slash >= 0 ? name.substring(0, slash + 1) + op : name.isEmpty() ? "" : name + "_" + op;
  }
}
