// The state of one model while it is being built: the names defined so far, the operations emitted
// so far, and the one place that types a new operation and turns a typing failure into a diagnostic.
package org.tdlc.frontend.sema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.frontend.ast.Ast;
import org.tdlc.ir.Location;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.ops.OpDef;
import org.tdlc.ir.ops.OpTypeException;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

final class ModelScope {
  /** What a name is bound to. value is null for a declared-but-not-computed tensor and for a poisoned name. */
  record Binding(Value value, TensorType declared, Location loc, boolean poisoned) {}

  final DiagnosticEngine diags;
  final List<Operation> ops = new ArrayList<>();
  private final Map<String, Binding> bindings = new HashMap<>();
  private final Map<String, Location> allDefinitions;

  ModelScope(DiagnosticEngine diags, Map<String, Location> allDefinitions) {
    this.diags = diags;
    this.allDefinitions = allDefinitions;
  }

  Binding binding(String name) { return bindings.get(name); }

  Map<String, Binding> bindings() { return bindings; }

  /** Binds a name; a second definition is an error pointing at the first. Returns false on error. */
  boolean define(Ast.Ident name, Binding b) {
    Binding old = bindings.get(name.name());
    if (old != null) {
      diags.report(Diagnostic.error(name.loc(), "'" + name.name() + "' is already defined")
          .withNote(old.loc(), "previous definition of '" + name.name() + "' is here"));
      return false;
    }
    bindings.put(name.name(), b);
    return true;
  }

  void poison(Ast.Ident name) {
    bindings.putIfAbsent(name.name(), new Binding(null, null, name.loc(), true));
  }

  /** The value of a name used as an operand, or null after reporting why it has none. */
  Value resolve(Ast.Ident use) {
    Binding b = bindings.get(use.name());
    if (b == null) {
      Location later = allDefinitions.get(use.name());
      if (later != null) {
        diags.report(Diagnostic.error(use.loc(), "'" + use.name() + "' is used before its definition")
            .withNote(later, "'" + use.name() + "' is defined here"));
      } else {
        diags.error(use.loc(), "undefined name '" + use.name() + "'"
            + Suggestions.didYouMean(use.name(), bindings.keySet()));
      }
      return null;
    }
    if (b.poisoned()) return null;               // its definition already reported an error
    if (b.value() == null) {
      diags.report(Diagnostic.error(use.loc(), "tensor '" + use.name() + "' is used before an einsum computes it")
          .withNote(b.loc(), "'" + use.name() + "' is declared here"));
      return null;
    }
    return b.value();
  }

  /**
   * Types and appends an operation. Returns its result (null for ops without one), or null after
   * reporting the typing rule's complaint at {@code loc}.
   */
  Value emit(String opName, List<Value> operands, DictAttr attrs, TensorType declared, String name, Location loc) {
    OpDef def = Ops.lookup(opName).orElseThrow();
    TensorType type;
    try {
      type = def.infer(operands.stream().map(Value::type).toList(), attrs, declared);
    } catch (OpTypeException | DictAttr.AttributeException e) {
      diags.error(loc, e.getMessage());
      return null;
    } catch (IllegalArgumentException e) {
      // Shape.of's complaints (a result of more than 2^31 elements) are worded for the user; found by FuzzTest
      diags.error(loc, Operation.shortName(opName) + ": the result " + e.getMessage());
      return null;
    }
    Operation op = Operation.create(opName, operands, type, name, attrs, loc);
    ops.add(op);
    return def.hasResult() ? op.result() : null;
  }
}
