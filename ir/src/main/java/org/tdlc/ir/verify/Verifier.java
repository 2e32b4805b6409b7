// Checks the invariants every pass may rely on: ops registered and typed by their own rule, straight-line
// SSA (operands defined earlier in the same model), one result per op except tdl.output, which comes
// once and last, unique model and output names, and a well-formed mapping and @map pin on the ops that carry one.
// Runs after every pass in tests and with --verify-each, and on every IR file a command loads.
package org.tdlc.ir.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Location;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.mapping.MapPin;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.ops.OpDef;
import org.tdlc.ir.ops.OpTypeException;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.text.IrPrinter;
import org.tdlc.ir.type.TensorType;

public final class Verifier {
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private Verifier() {}

  /** Every violation found, in module order; empty when the module is well formed. */
  public static List<Diagnostic> verify(IrModule module) {
    Verifier v = new Verifier();
    Map<String, Model> seen = new HashMap<>();
    for (Model m : module.models()) {
      Model first = seen.putIfAbsent(m.name(), m);
      if (first != null) {
        v.diagnostics.add(errorWithNote(m.location(), "model '" + m.name() + "' is defined twice",
            first.location(), "first definition of model '" + m.name() + "'"));
      }
      v.model(m);
    }
    return List.copyOf(v.diagnostics);
  }

  /** Throws a CompileException with every violation, if there is any. */
  public static void verifyOrThrow(IrModule module) {
    List<Diagnostic> found = verify(module);
    if (!found.isEmpty()) throw new CompileException(found);
  }

  private void model(Model m) {
    Set<Value> defined = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Value> inModel = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Operation op : m.ops()) inModel.addAll(op.results());
    for (Operation op : m.ops()) {
      operands(m, op, defined, inModel);
      Optional<OpDef> def = Ops.lookup(op.name());
      if (def.isEmpty()) {
        diagnostics.add(Diagnostic.error(at(op.location()), "unknown op '" + op.name() + "'"));
      } else if (results(op, def.get()) && type(op, def.get())) {
        mapping(op);
      }
      defined.addAll(op.results());
    }
    outputs(m);
  }

  private void operands(Model m, Operation op, Set<Value> defined, Set<Value> inModel) {
    for (int i = 0; i < op.operands().size(); i++) {
      Value v = op.operand(i);
      if (defined.contains(v)) continue;
      error(op, "operand #" + i + (inModel.contains(v) ? " is used before its definition"
          : " is not defined in model '" + m.name() + "'"));
    }
  }

  /** Checks the result count; true when it is right, so the typing rule may run. */
  private boolean results(Operation op, OpDef def) {
    int want = def.hasResult() ? 1 : 0;
    if (op.results().size() == want) return true;
    error(op, "has " + op.results().size() + " result" + (op.results().size() == 1 ? "" : "s") + ", expected " + want);
    return false;
  }

  /**
   * The op's declared attributes (each problem reported), then its result rule; true when both held, so
   * that the op's shapes may be relied on.
   */
  private boolean type(Operation op, OpDef def) {
    DictAttr attrs = op.attributes() == null ? DictAttr.EMPTY : op.attributes();
    List<String> attributeProblems = def.attributeProblems(attrs);
    attributeProblems.forEach(p -> error(op, p));
    if (!attributeProblems.isEmpty()) return false;
    List<TensorType> operandTypes = op.operands().stream().map(Value::type).toList();
    TensorType declared = def.hasResult() ? op.result().type() : null;
    TensorType inferred;
    try {
      inferred = def.infer(operandTypes, attrs, declared);
    } catch (OpTypeException | DictAttr.AttributeException e) {
      error(op, e.getMessage());
      return false;
    } catch (RuntimeException e) {
      error(op, "typing rule failed: " + e);   // a bug in the rule, reported rather than crashing the verifier
      return false;
    }
    if (declared != null && inferred != null && !declared.sameValues(inferred)) {
      error(op, "result type " + IrPrinter.type(declared) + " differs from the inferred type " + IrPrinter.type(inferred));
      return false;
    }
    return true;
  }

  /** The op's mapping and @map pin attributes, if any, through the readers every consumer uses. */
  private void mapping(Operation op) {
    if (op.attributes() == null) return;
    try {
      Mapping.of(op);
      MapPin.of(op);
    } catch (OpTypeException | DictAttr.AttributeException e) {
      error(op, e.getMessage());
    }
  }

  private void outputs(Model m) {
    List<Operation> outputs = m.ops(Ops.OUTPUT);
    if (outputs.isEmpty()) {
      diagnostics.add(Diagnostic.error(at(m.location()), "model '" + m.name() + "' has no " + Ops.OUTPUT));
      return;
    }
    for (int i = 1; i < outputs.size(); i++) {
      diagnostics.add(errorWithNote(outputs.get(i).location(), "model '" + m.name() + "' has more than one "
          + Ops.OUTPUT, outputs.get(0).location(), "first " + Ops.OUTPUT));
    }
    Operation last = m.ops().get(m.ops().size() - 1);
    if (last != outputs.get(outputs.size() - 1)) {
      error(outputs.get(outputs.size() - 1), "must be the last op of model '" + m.name() + "'");
    }
    for (Operation out : outputs) outputNames(out);
  }

  private void outputNames(Operation out) {
    List<String> names;
    try {
      names = out.attributes() == null ? List.of() : out.attributes().getStrings("names");
    } catch (DictAttr.AttributeException e) {
      return;     // already reported by the typing rule
    }
    Set<String> seen = new HashSet<>();
    Set<String> reported = new HashSet<>();
    for (String n : names) {
      if (!seen.add(n) && reported.add(n)) error(out, "output name '" + n + "' appears more than once");
    }
  }

  private void error(Operation op, String message) {
    diagnostics.add(Diagnostic.error(at(op.location()), "'" + op.name() + "' op " + message));
  }

  private static Location at(Location loc) { return loc == null ? Location.UNKNOWN : loc; }

  private static Diagnostic errorWithNote(Location at, String message, Location noteAt, String note) {
    Diagnostic n = new Diagnostic(Diagnostic.Severity.NOTE, at(noteAt), note, List.of());
    return new Diagnostic(Diagnostic.Severity.ERROR, at(at), message, List.of(n));
  }
}
