// Turns a syntactically valid parse tree of the IR into an IrModule, checking what the grammar cannot:
// every %value defined once before use, op names registered, function types matching the operands.
// Problems become diagnostics at the IR text's own file:line:col; building goes on to find more of them.
package org.tdlc.ir.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.tdlc.grammar.TirParser;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Location;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

final class ModuleBuilder {
  /** A %name in scope: its value (null when its op was too broken to type it) and where it was defined. */
  private record Definition(Value value, Token at) {}

  private final String file;
  private final DiagnosticEngine diagnostics;
  private final AttributeReader attributes = new AttributeReader();

  ModuleBuilder(String file, DiagnosticEngine diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  IrModule build(TirParser.IrFileContext tree) {
    if (tree instanceof TirParser.ModuleFileContext m) return module(m.module());
    return new IrModule(models(((TirParser.BareModelsFileContext) tree).model()), new TreeSet<>());
  }

  private IrModule module(TirParser.ModuleContext ctx) {
    TreeSet<String> stages = new TreeSet<>();
    if (ctx.dictionary() != null) {
      try {
        DictAttr attrs = attributes.dictionary(ctx.dictionary());
        for (String key : attrs.entries().keySet()) {
          if (!key.equals("stages")) error(ctx.dictionary().start, "unknown module attribute '" + key + "'");
        }
        if (attrs.has("stages")) stages.addAll(stages(attrs, ctx.dictionary().start));
      } catch (MalformedIrException e) {
        error(e.at(), e.getMessage());
      }
    }
    return new IrModule(models(ctx.model()), stages);
  }

  private static List<String> stages(DictAttr attrs, Token at) {
    try {
      return attrs.getStrings("stages");
    } catch (DictAttr.AttributeException e) {
      throw new MalformedIrException(at, "module attribute 'stages' must be an array of strings");
    }
  }

  private List<Model> models(List<TirParser.ModelContext> contexts) {
    List<Model> models = new ArrayList<>();
    for (TirParser.ModelContext m : contexts) models.add(model(m));
    return models;
  }

  private Model model(TirParser.ModelContext ctx) {
    Map<String, Definition> scope = new HashMap<>();
    List<Operation> ops = new ArrayList<>();
    for (TirParser.OperationContext op : ctx.operation()) ops.add(operation(op, scope));
    Location loc = ctx.location() == null ? null : location(ctx.location());
    return new Model(Literals.symbol(ctx.SYMBOL_ID().getSymbol()), ops, loc);
  }

  private Operation operation(TirParser.OperationContext ctx, Map<String, Definition> scope) {
    String name = Literals.unquote(ctx.STRING().getText());
    if (Ops.lookup(name).isEmpty()) error(ctx.STRING().getSymbol(), "unknown op '" + name + "'");
    List<TerminalNode> uses = ctx.valueUses() == null ? List.of() : ctx.valueUses().VALUE_ID();
    List<TerminalNode> defs = ctx.resultIds() == null ? List.of() : ctx.resultIds().VALUE_ID();
    List<Definition> operands = new ArrayList<>();
    for (TerminalNode use : uses) operands.add(use(use.getSymbol(), scope));
    DictAttr attrs = DictAttr.EMPTY;
    if (ctx.dictionary() != null) {
      try {
        attrs = attributes.dictionary(ctx.dictionary());
      } catch (MalformedIrException e) {
        error(e.at(), e.getMessage());
      }
    }
    TirParser.FunctionTypeContext fn = ctx.functionType();
    List<TensorType> operandTypes = types(fn.typeList());
    List<TensorType> resultTypes = resultTypes(fn.resultTypes());
    checkOperandTypes(name, fn, operands, operandTypes);
    if (defs.size() != resultTypes.size()) {
      error(fn.resultTypes().start, "'" + name + "' defines " + defs.size() + " result" + (defs.size() == 1 ? "" : "s")
          + " but its type lists " + resultTypes.size());
    } else if (defs.size() > 1) {
      error(defs.get(1).getSymbol(), "'" + name + "' defines " + defs.size() + " results; tdl ops have at most one");
    }
    TensorType resultType = defs.isEmpty() || resultTypes.isEmpty() ? null : resultTypes.get(0);
    String hint = defs.isEmpty() ? null : hint(defs.get(0).getText());
    List<Value> operandValues = operands.stream().map(Definition::value).filter(v -> v != null).toList();
    Location loc = ctx.location() == null ? Location.UNKNOWN : location(ctx.location());
    Operation op = Operation.create(name, operandValues, resultType, hint, attrs, loc);
    for (int i = 0; i < defs.size(); i++) {
      define(defs.get(i).getSymbol(), i == 0 && resultType != null ? op.result() : null, scope);
    }
    return op;
  }

  /** %x keeps x as its name hint; a numbered %7 has none, so the printer numbers it afresh. */
  private static String hint(String valueId) {
    String id = valueId.substring(1);
    return Character.isDigit(id.charAt(0)) ? null : id;
  }

  private Definition use(Token at, Map<String, Definition> scope) {
    Definition d = scope.get(at.getText());
    if (d == null) {
      error(at, "use of undefined value " + at.getText());
      return new Definition(null, at);
    }
    return d;
  }

  private void define(Token at, Value value, Map<String, Definition> scope) {
    Definition first = scope.get(at.getText());
    if (first != null) {
      Diagnostic note = new Diagnostic(Diagnostic.Severity.NOTE, here(first.at()),
          "first definition of " + at.getText(), List.of());
      diagnostics.report(new Diagnostic(Diagnostic.Severity.ERROR, here(at),
          "value " + at.getText() + " is defined twice", List.of(note)));
      return;
    }
    scope.put(at.getText(), new Definition(value, at));
  }

  private void checkOperandTypes(String op, TirParser.FunctionTypeContext fn, List<Definition> operands,
                                 List<TensorType> types) {
    if (types.size() != operands.size()) {
      error(fn.start, "'" + op + "' has " + operands.size() + " operand" + (operands.size() == 1 ? "" : "s")
          + " but its type lists " + types.size());
      return;
    }
    for (int i = 0; i < types.size(); i++) {
      Value v = operands.get(i).value();
      TensorType t = types.get(i);
      if (v != null && t != null && !t.equals(v.type())) {
        error(fn.typeList().tensorType(i).start, "operand #" + i + " of '" + op + "' is " + operands.get(i).at().getText()
            + " of type " + IrPrinter.type(v.type()) + ", but the op's type says " + IrPrinter.type(t));
      }
    }
  }

  private List<TensorType> resultTypes(TirParser.ResultTypesContext ctx) {
    if (ctx instanceof TirParser.BareResultTypeContext b) {
      List<TensorType> one = new ArrayList<>();
      one.add(type(b.tensorType()));
      return one;
    }
    return types(((TirParser.ParenResultTypesContext) ctx).typeList());
  }

  /** The types of a list, with null for each one that could not be read (already reported). */
  private List<TensorType> types(TirParser.TypeListContext ctx) {
    List<TensorType> out = new ArrayList<>();
    if (ctx != null) for (TirParser.TensorTypeContext t : ctx.tensorType()) out.add(type(t));
    return out;
  }

  private TensorType type(TirParser.TensorTypeContext ctx) {
    try {
      return TypeReader.tensorType(ctx);
    } catch (MalformedIrException e) {
      error(e.at(), e.getMessage());
      return null;
    }
  }

  private Location location(TirParser.LocationContext ctx) {
    try {
      return TypeReader.location(ctx);
    } catch (MalformedIrException e) {
      error(e.at(), e.getMessage());
      return Location.UNKNOWN;
    }
  }

  private Location here(Token t) { return Location.of(file, t.getLine(), t.getCharPositionInLine() + 1); }

  private void error(Token at, String message) { diagnostics.error(here(at), message); }
}
