// A model: one straight-line block of operations in definition order, ending in tdl.output.
// Its graph view (a JGraphT DAG of ops) is built on demand by OpGraph.
package org.tdlc.ir;

import java.util.List;

public record Model(String name, List<Operation> ops, Location location) {
  public Model { ops = List.copyOf(ops); }

  public Model withOps(List<Operation> newOps) { return new Model(name, newOps, location); }

  /** Operations of the given kind, in order. */
  public List<Operation> ops(String opName) { return ops.stream().filter(o -> o.is(opName)).toList(); }

  /**
   * The layer name of op i as the lowering and the simulator's counters call it: its result's name, else
   * the op's short name and its index (a fused op whose result lost its name, say).
   */
  public String layerName(int i) {
    Operation op = ops.get(i);
    return op.results().isEmpty() || op.result().nameHint() == null
        ? op.shortName() + i : op.result().nameHint();
  }
}
