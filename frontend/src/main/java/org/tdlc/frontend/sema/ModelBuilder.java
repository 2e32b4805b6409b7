// Builds one model's graph IR from its AST: statements in order, names defined once and before use,
// every op typed as it is emitted. Errors are reported and the statement skipped (its name poisoned so
// that uses of it stay quiet), so one run reports every independent problem in the model.
package org.tdlc.frontend.sema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.frontend.ast.Ast;
import org.tdlc.ir.Location;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.interp.InterpreterException;
import org.tdlc.ir.interp.WeightLoader;
import org.tdlc.ir.ops.IterationSpace;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

public final class ModelBuilder {
  private final DiagnosticEngine diags;
  private final WeightLoader weights = new WeightLoader();

  public ModelBuilder(DiagnosticEngine diags) {
    this.diags = diags;
  }

  /** The model, or null when it had errors (all reported). */
  public Model build(Ast.ModelDecl decl) {
    int errorsBefore = diags.errorCount();
    ModelScope scope = new ModelScope(diags, definitions(decl));
    Ast.OutputStmt output = null;
    for (Ast.Stmt s : decl.stmts()) {
      if (s instanceof Ast.OutputStmt o) {
        if (output != null) {
          diags.report(Diagnostic.error(o.loc(), "model " + decl.name().name() + " has more than one output statement")
              .withNote(output.loc(), "the first output statement is here"));
        }
        output = o;
      } else {
        statement(s, scope);
      }
    }
    if (output == null) {
      diags.error(decl.name().loc(), "model " + decl.name().name() + " has no output statement");
    } else {
      output(output, scope);
    }
    scope.bindings().forEach((name, b) -> {
      if (b.value() == null && !b.poisoned()) diags.error(b.loc(), "tensor '" + name + "' is declared but no einsum computes it");
    });
    return diags.errorCount() > errorsBefore ? null : new Model(decl.name().name(), scope.ops, decl.loc());
  }

  /** Where every name of the model is defined, to tell a use before definition from an unknown name. */
  private static Map<String, Location> definitions(Ast.ModelDecl decl) {
    Map<String, Location> defs = new HashMap<>();
    for (Ast.Stmt s : decl.stmts()) {
      Ast.Ident name = s instanceof Ast.InputStmt i ? i.name() : s instanceof Ast.WeightStmt w ? w.name()
          : s instanceof Ast.TensorStmt t ? t.name() : s instanceof Ast.AssignStmt a ? a.name() : null;
      if (name != null) defs.putIfAbsent(name.name(), name.loc());
    }
    return defs;
  }

  private void statement(Ast.Stmt s, ModelScope scope) {
    if (s instanceof Ast.InputStmt in) {
      TensorType t = TypeResolver.resolve(in.type(), diags);
      Value v = t == null ? null : scope.emit(Ops.INPUT, List.of(), DictAttr.EMPTY.with("name",
          Attribute.of(in.name().name())), t, in.name().name(), in.name().loc());
      bind(scope, in.name(), v);
    } else if (s instanceof Ast.WeightStmt w) {
      TensorType t = TypeResolver.resolve(w.type(), diags);
      DictAttr attrs = t == null ? null : new WeightLowering(diags).attributes(w, t);
      Value v = attrs == null ? null : scope.emit(Ops.WEIGHT, List.of(), attrs, t, w.name().name(), w.name().loc());
      if (v != null && attrs.getString("init").equals("file")) v = checkFile(v, w);
      bind(scope, w.name(), v);
    } else if (s instanceof Ast.TensorStmt ts) {
      TensorType t = TypeResolver.resolve(ts.type(), diags);
      if (t == null) scope.poison(ts.name());
      else scope.define(ts.name(), new ModelScope.Binding(null, t, ts.name().loc(), false));
    } else if (s instanceof Ast.AssignStmt a) {
      assign(a, scope);
    } else if (s instanceof Ast.EinsumStmt e) {
      einsum(e, scope);
    }
  }

  /** Reads an init-file weight now, so a missing file or a wrong dtype or shape is an error at its name. */
  private Value checkFile(Value v, Ast.WeightStmt w) {
    try {
      weights.load(v.definingOp());
      return v;
    } catch (InterpreterException e) {
      diags.error(w.init().args().get(0).value().loc(), e.getMessage());
      return null;
    }
  }

  private void bind(ModelScope scope, Ast.Ident name, Value v) {
    if (v == null) scope.poison(name);
    else scope.define(name, new ModelScope.Binding(v, null, name.loc(), false));
  }

  private void assign(Ast.AssignStmt a, ModelScope scope) {
    if (!(a.value() instanceof Ast.Call call)) {
      diags.error(a.value().loc(), "the right of '" + a.name().name() + " =' must be an operation such as relu(x), got "
          + Literals.describe(a.value()));
      scope.poison(a.name());
      return;
    }
    if (scope.binding(a.name().name()) != null) {      // report the redefinition before lowering the call
      scope.define(a.name(), null);
      return;
    }
    Value v = new CallLowering(scope).call(call, a.name().name());
    if (v != null && !a.annotations().isEmpty()) v = pinned(a.annotations(), call.callee().name(), scope);
    bind(scope, a.name(), v);
  }

  private void einsum(Ast.EinsumStmt e, ModelScope scope) {
    ModelScope.Binding b = scope.binding(e.name().name());
    if (b == null || b.poisoned()) {
      if (b == null) {
        diags.error(e.name().loc(), "einsum result '" + e.name().name() + "' must first be declared with 'tensor "
            + e.name().name() + " : i32[...];'");
      }
      return;
    }
    if (b.value() != null) {
      diags.report(Diagnostic.error(e.name().loc(), "'" + e.name().name() + "' is already defined")
          .withNote(b.loc(), "previous definition of '" + e.name().name() + "' is here"));
      return;
    }
    Value v = new EinsumLowering(scope).lower(e, b.declared());
    if (v != null && !e.annotations().isEmpty()) v = pinned(e.annotations(), "einsum", scope);
    scope.bindings().put(e.name().name(), v == null ? new ModelScope.Binding(null, null, b.loc(), true)
        : new ModelScope.Binding(v, b.declared(), b.loc(), false));
  }

  /** Attaches a checked @map pin to the op just emitted; its result is replaced, so it returns the new one. */
  private Value pinned(List<Ast.Annotation> annotations, String callee, ModelScope scope) {
    Operation op = scope.ops.get(scope.ops.size() - 1);
    IterationSpace space = IterationSpace.of(op).orElse(null);
    DictAttr pin = MapPins.pin(annotations, callee, space, diags);
    if (pin == null) return null;
    Operation withPin = op.rebuild(op.operands(), op.attributes().with("pin", pin), null, op.location());
    scope.ops.set(scope.ops.size() - 1, withPin);
    return withPin.result();
  }

  private void output(Ast.OutputStmt o, ModelScope scope) {
    List<Value> values = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Ast.Ident id : o.names()) {
      if (names.contains(id.name())) {
        diags.error(id.loc(), "'" + id.name() + "' is listed twice in output");
        continue;
      }
      Value v = scope.resolve(id);
      if (v != null) {
        values.add(v);
        names.add(id.name());
      }
    }
    if (values.size() == o.names().size()) {
      scope.emit(Ops.OUTPUT, values, DictAttr.EMPTY.with("names", Attribute.strings(names)), null, null, o.loc());
    }
  }
}
