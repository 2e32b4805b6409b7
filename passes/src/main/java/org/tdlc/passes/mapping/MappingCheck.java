// What makes a well-formed mapping (one the verifier accepts) legal on a given target: the target runs
// its dataflow, its spatial extents are what the array spreads of its tiles, and its tile fits the global
// buffer (the cost model's footprint, the rule an @map pin is held to). The mapping passes hold a mapping
// already on an op to it, and every command checks a loaded module with it before any pass runs.
package org.tdlc.passes.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.ops.OpTypeException;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.Target;

public final class MappingCheck {
  private MappingCheck() {}

  /** A located error for every mapping in the module that the target cannot run; empty when all can. */
  public static List<Diagnostic> check(IrModule module, Target target) {
    List<Diagnostic> out = new ArrayList<>();
    for (Model m : module.models()) {
      for (Operation op : m.ops()) {
        Mapping mapping;
        try {
          mapping = Mapping.of(op).orElse(null);
        } catch (OpTypeException | DictAttr.AttributeException e) {
          continue;   // malformed: the verifier reports it
        }
        if (mapping == null) continue;
        problem(op, mapping, target).ifPresent(p -> out.add(Diagnostic.error(op.location(), "'" + op.name() + "' op " + p)));
      }
    }
    return out;
  }

  /**
   * Whether the mapping {@code op} already carries (none: true) still fits the global buffer once its operand
   * {@code w}, a weight, is stored in {@code format}: a format chosen after the mapping must not make its tile
   * overflow (a software-decode staging area takes room), by the same capacity model the mapper uses.
   */
  public static boolean fitsWith(Operation op, org.tdlc.ir.Value w, org.tdlc.ir.type.StorageFormat format, Target target) {
    Optional<LoopSpace> ls = LoopSpace.of(op);
    Mapping m;
    try {
      m = Mapping.of(op).orElse(null);
    } catch (OpTypeException | DictAttr.AttributeException e) {
      return true;   // malformed: the verifier reports it
    }
    if (m == null || ls.isEmpty()) return true;
    org.tdlc.ir.type.TensorType t = w.type();
    Operation def = w.definingOp();
    Operation stored = def.rebuild(def.operands(), def.attributes(),
        new org.tdlc.ir.type.TensorType(t.element(), t.shape(), format), def.location());
    List<org.tdlc.ir.Value> operands = new ArrayList<>(op.operands());
    operands.replaceAll(v -> v == w ? stored.result() : v);
    Operation reading = op.rebuild(operands, op.attributes(), null, op.location());
    LoopSpace s = ls.get();
    long need = MappingPlanner.model(reading, s, target).footprint(s.dims().stream().mapToInt(m::tileOf).toArray(), 1, 1);
    return need <= target.global().sizeBytes();
  }

  /** Why the target cannot run {@code op} under {@code m} (the op's own, checked, mapping), or empty. */
  public static Optional<String> problem(Operation op, Mapping m, Target target) {
    if (!target.supports(m.dataflow())) {
      return Optional.of("mapping: target '" + target.name() + "' has no dataflow " + m.dataflow().keyword()
          + " (it runs " + String.join(", ", target.dataflows().stream().map(Dataflow::keyword).toList()) + ")");
    }
    Optional<LoopSpace> ls = LoopSpace.of(op);
    if (ls.isEmpty()) return Optional.empty();   // the lowering checks the tile of an op the cost model leaves out
    LoopSpace s = ls.get();
    Optional<String> axes = MappingSpace.axesProblem(s, m.dataflow(), MappingSpace.mask(s, m.rows()),
        MappingSpace.mask(s, m.cols()));
    if (axes.isPresent()) return Optional.of("mapping: " + axes.get());
    long need = MappingPlanner.model(op, s, target).footprint(s.dims().stream().mapToInt(m::tileOf).toArray(), 1, 1);
    if (need > target.global().sizeBytes()) {
      return Optional.of("mapping: the tile " + m.tileText() + " needs " + need + " bytes of the "
          + target.global().name() + " buffer of target '" + target.name() + "', which holds "
          + target.global().sizeBytes() + " bytes");
    }
    return Optional.empty();
  }
}
