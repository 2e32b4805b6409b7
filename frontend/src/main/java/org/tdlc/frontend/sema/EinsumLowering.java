// Lowers y[n, k, p, q] += x[n, c, 2*p + r, 2*q + s] * w[k, c, r, s] into a tdl.einsum op: the result
// must have been declared with `tensor`, its subscripts are distinct plain indices, the factors' subscripts
// become affine maps over one index list (result indices first, then the others in order of appearance).
package org.tdlc.frontend.sema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.frontend.ast.Ast;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.attr.AffineMap;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.ops.Einsum;
import org.tdlc.ir.ops.OpTypeException;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

final class EinsumLowering {
  private final ModelScope scope;

  EinsumLowering(ModelScope scope) { this.scope = scope; }

  /** Emits the einsum; returns its result, or null after reporting an error. */
  Value lower(Ast.EinsumStmt e, TensorType declared) {
    if (e.factors().size() > 2) {
      scope.diags.error(e.factors().get(2).loc(), "einsum: a product of at most two tensors is supported, got "
          + e.factors().size());
      return null;
    }
    Map<String, Ast.Ident> indices = new LinkedHashMap<>();
    for (Ast.Affine a : e.subscripts()) {
      if (a.terms().size() != 1 || a.terms().get(0).index() == null || a.terms().get(0).coeff() != 1) {
        scope.diags.error(a.loc(), "einsum: the result's subscripts must be plain indices such as n or k");
        return null;
      }
      Ast.Ident idx = a.terms().get(0).index();
      if (indices.putIfAbsent(idx.name(), idx) != null) {
        scope.diags.error(idx.loc(), "einsum: index '" + idx.name() + "' appears twice in the result");
        return null;
      }
    }
    int resultIndices = indices.size();
    List<Value> operands = new ArrayList<>();
    for (Ast.Access f : e.factors()) {
      operands.add(scope.resolve(f.tensor()));
      for (Ast.Affine a : f.subscripts()) {
        for (Ast.Term t : a.terms()) if (t.index() != null) indices.putIfAbsent(t.index().name(), t.index());
      }
    }
    if (operands.contains(null)) return null;
    for (Ast.Affine a : e.subscripts()) {
      Ast.Ident idx = a.terms().get(0).index();
      boolean used = e.factors().stream().flatMap(f -> f.subscripts().stream()).flatMap(s -> s.terms().stream())
          .anyMatch(t -> t.index() != null && t.index().name().equals(idx.name()));
      if (!used) {
        scope.diags.error(idx.loc(), "einsum: output index " + idx.name() + " appears in no operand");
        return null;
      }
    }
    if (!e.accumulate() && indices.size() > resultIndices) {
      Ast.Ident summed = new ArrayList<>(indices.values()).get(resultIndices);
      scope.diags.error(summed.loc(), "einsum: '=' allows no summed index, but '" + summed.name()
          + "' is not in the result; write '+=' to sum over it");
      return null;
    }
    List<String> dims = List.copyOf(indices.keySet());
    List<AffineMap> maps = new ArrayList<>();
    for (Ast.Access f : e.factors()) maps.add(map(dims, f.subscripts()));
    maps.add(map(dims, e.subscripts()));
    if (maps.contains(null)) return null;

    List<TensorType> types = new ArrayList<>(operands.stream().map(Value::type).toList());
    types.add(declared);
    List<String> names = new ArrayList<>(e.factors().stream().map(f -> f.tensor().name()).toList());
    names.add(e.name().name());
    try {
      Einsum.ranges(maps, types, names);      // named messages here; the op's own rule re-checks generically
    } catch (OpTypeException ex) {
      scope.diags.error(e.loc(), ex.getMessage());
      return null;
    }
    DictAttr attrs = DictAttr.EMPTY.with("maps", Einsum.mapsAttribute(maps));
    return scope.emit(Ops.EINSUM, operands, attrs, declared, e.name().name(), e.loc());
  }

  private AffineMap map(List<String> dims, List<Ast.Affine> subscripts) {
    List<AffineExpr> exprs = new ArrayList<>();
    for (Ast.Affine a : subscripts) {
      long[] coeffs = new long[dims.size()];
      long constant = 0;
      for (Ast.Term t : a.terms()) {
        if (t.index() == null) constant += t.coeff(); else coeffs[dims.indexOf(t.index().name())] += t.coeff();
      }
      List<Integer> cs = new ArrayList<>();
      for (long c : coeffs) cs.add((int) c);
      boolean fits = constant == (int) constant;
      for (long c : coeffs) fits &= c == (int) c;
      if (!fits) {
        scope.diags.error(a.loc(), "einsum: subscript coefficient out of range");
        return null;
      }
      exprs.add(new AffineExpr(cs, (int) constant));
    }
    return new AffineMap(dims, exprs);
  }
}
