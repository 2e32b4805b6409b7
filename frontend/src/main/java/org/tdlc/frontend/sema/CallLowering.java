// Lowers a call expression such as conv2d(requant(relu(c), shift = 9), w2, stride = 2, pad = 1):
// binds arguments to the signature (positional, then by name; a variadic operand such as concat's takes every
// positional argument), lowers nested calls first, fills in defaults, and emits one typed operation per call.
// dwconv2d becomes conv2d with groups = channels, relu6(x, max) clip(x, min = 0, max).
package org.tdlc.frontend.sema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.frontend.ast.Ast;
import org.tdlc.frontend.sema.Signatures.Param;
import org.tdlc.frontend.sema.Signatures.Signature;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class CallLowering {
  private final ModelScope scope;

  CallLowering(ModelScope scope) { this.scope = scope; }

  /** The value of a tensor-valued expression (a name or a call), or null after reporting an error. */
  Value tensor(Ast.Expr e, String nameHint) {
    if (e instanceof Ast.NameRef n) return scope.resolve(n.name());
    if (e instanceof Ast.Call c) return call(c, nameHint);
    scope.diags.error(e.loc(), "expected a tensor (a name or an operation), got " + Literals.describe(e));
    return null;
  }

  /** Says plainly when tdlc lacks a well-known op; otherwise suggests a close name or lists the ops. */
  static String unknownOperation(String name) {
    String ops = String.join(", ", Signatures.BY_CALLEE.keySet());
    if (Ops.NOT_PROVIDED.contains(name)) {
      return "tdlc has no operation '" + name + "'; the operations are " + ops + " (and einsum statements)";
    }
    String close = Suggestions.didYouMean(name, Signatures.BY_CALLEE.keySet());
    return "unknown operation '" + name + "'" + (close.isEmpty() ? "; the operations are " + ops : close);
  }

  Value call(Ast.Call call, String nameHint) {
    Signature sig = Signatures.BY_CALLEE.get(call.callee().name());
    if (sig == null) {
      scope.diags.error(call.callee().loc(), unknownOperation(call.callee().name()));
      return null;
    }
    List<Ast.Arg> many = new ArrayList<>();
    Map<String, Ast.Arg> bound = bind(sig, call, many);
    if (bound == null) return null;
    List<Value> operands = new ArrayList<>();
    DictAttr attrs = DictAttr.EMPTY;
    boolean ok = true;
    for (Param p : sig.params()) {
      Ast.Arg arg = bound.get(p.name());
      if (p.variadic()) {
        for (Ast.Arg a : many) {
          Value v = tensor(a.value(), null);
          ok &= v != null;
          operands.add(v);
        }
        continue;
      }
      if (p.tensor()) {
        Value v = tensor(arg.value(), null);
        ok &= v != null;
        operands.add(v);
        continue;
      }
      if (arg == null) continue;   // the declaration's default, filled in below
      Attribute a = Literals.attribute(sig.callee(), p, arg.value(), scope.diags);
      if (a == null) { ok = false; continue; }
      attrs = attrs.with(p.name(), a);
    }
    if (!ok) return null;
    attrs = Ops.lookup(sig.opName()).orElseThrow().withDefaults(attrs);
    if (sig.callee().equals("dwconv2d")) {
      attrs = depthwise(call, operands, attrs);
      if (attrs == null) return null;
    }
    if (sig.callee().equals("relu6")) attrs = attrs.with("min", Attribute.of(0));
    if (sig.callee().equals("reshape")) {
      attrs = inferredShape(call, operands.get(0).type(), attrs);
      if (attrs == null) return null;
    }
    warnIfNarrowSum(sig, operands, call);
    return scope.emit(sig.opName(), operands, attrs, null, nameHint, call.callee().loc());
  }

  /**
   * add and sub of two i8 tensors give an i8 result, which wraps modulo 256 (127 + 1 = -128): correct as
   * specified, rarely what a residual connection wants. Wider operands (an i32 accumulator) do not warn.
   */
  private void warnIfNarrowSum(Signature sig, List<Value> operands, Ast.Call call) {
    boolean sum = sig.callee().equals("add") || sig.callee().equals("sub");
    if (!sum || operands.stream().anyMatch(v -> v.type().element() != ElementType.I8)) return;
    scope.diags.report(Diagnostic.warning(call.callee().loc(), sig.callee() + ": both operands are i8, so the "
        + "result is i8 and wraps modulo 256 where it leaves [-128, 127] (127 + 1 = -128); to keep the carry, "
        + sig.callee() + " the i32 values before requant"));
  }

  /**
   * Matches arguments to parameters; null after reporting a misfit. A variadic parameter (first in its
   * signature) takes every positional argument, into {@code many}.
   */
  private Map<String, Ast.Arg> bind(Signature sig, Ast.Call call, List<Ast.Arg> many) {
    Map<String, Ast.Arg> bound = new LinkedHashMap<>();
    int position = 0;
    boolean sawNamed = false;
    for (Ast.Arg arg : call.args()) {
      if (arg.name() == null) {
        if (sawNamed) {
          scope.diags.error(arg.loc(), sig.callee() + ": positional argument after a named one");
          return null;
        }
        if (position < sig.params().size() && sig.params().get(position).variadic()) {
          many.add(arg);
          continue;
        }
        if (position >= sig.params().size()) {
          scope.diags.error(arg.loc(), sig.callee() + ": too many arguments; expected " + sig.usage());
          return null;
        }
        bound.put(sig.params().get(position++).name(), arg);
        continue;
      }
      sawNamed = true;
      Param p = sig.param(arg.name().name());
      if (p == null) {
        List<String> names = sig.params().stream().map(Param::name).toList();
        scope.diags.error(arg.name().loc(), sig.callee() + ": unknown argument '" + arg.name().name() + "'"
            + Suggestions.didYouMean(arg.name().name(), names) + "; expected " + sig.usage());
        return null;
      }
      if (p.variadic()) {
        scope.diags.error(arg.name().loc(), sig.callee() + ": the " + p.name() + " operands are given by position;"
            + " expected " + sig.usage());
        return null;
      }
      if (bound.containsKey(p.name())) {
        scope.diags.error(arg.name().loc(), sig.callee() + ": argument '" + p.name() + "' is given twice");
        return null;
      }
      bound.put(p.name(), arg);
    }
    for (Param p : sig.params()) {
      if (p.variadic() && many.isEmpty()) {
        scope.diags.error(call.loc(), sig.callee() + ": needs at least one " + p.name() + " operand; expected "
            + sig.usage());
        return null;
      }
      if (p.required() && !p.variadic() && !bound.containsKey(p.name())) {
        scope.diags.error(call.loc(), sig.callee() + ": missing argument '" + p.name() + "'; expected " + sig.usage());
        return null;
      }
    }
    return bound;
  }

  /** dwconv2d(x, w): w must be [C, 1, R, S]; it is conv2d with one group per channel. */
  private DictAttr depthwise(Ast.Call call, List<Value> operands, DictAttr attrs) {
    TensorType x = operands.get(0).type(), w = operands.get(1).type();
    if (x.rank() != 4 || w.rank() != 4 || w.dim(1) != 1 || w.dim(0) != x.dim(1)) {
      scope.diags.error(call.callee().loc(), "dwconv2d: weight must be [C, 1, R, S] with C = "
          + (x.rank() == 4 ? Integer.toString(x.dim(1)) : "the input's channels") + ", got " + w.toSourceString()
          + " for input " + x.toSourceString());
      return null;
    }
    return attrs.with("groups", Attribute.of(x.dim(1)));
  }

  /** reshape(x, shape = [1, -1]): one -1 takes whatever extent makes the element counts agree. */
  private DictAttr inferredShape(Ast.Call call, TensorType x, DictAttr attrs) {
    int[] shape = attrs.getInts("shape");
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == -1 && unknown < 0) unknown = i;
      else if (shape[i] > 0) known *= shape[i];
      else {
        scope.diags.error(call.callee().loc(), "reshape: shape " + java.util.Arrays.toString(shape)
            + " may hold positive extents and at most one -1");
        return null;
      }
    }
    if (unknown < 0) return attrs;
    long total = x.shape().elementCount();
    if (total % known != 0) {
      scope.diags.error(call.callee().loc(), "reshape: cannot infer -1 in " + java.util.Arrays.toString(shape)
          + ": " + x.toSourceString() + " has " + total + " elements, not a multiple of " + known);
      return null;
    }
    shape[unknown] = (int) (total / known);
    return attrs.with("shape", Attribute.ints(shape));
  }
}
