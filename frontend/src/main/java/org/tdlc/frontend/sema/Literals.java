// Turns literal arguments (2, [2, 2], [1, -1, 64]) into attributes of the kind a parameter expects,
// with errors that say what was expected and what was written.
package org.tdlc.frontend.sema;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.frontend.ast.Ast;
import org.tdlc.frontend.sema.Signatures.Param;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.diag.DiagnosticEngine;

final class Literals {
  private Literals() {}

  static String describe(Ast.Expr e) {
    if (e instanceof Ast.IntLit i) return "the integer " + i.value();
    if (e instanceof Ast.FloatLit f) return "the number " + f.value();
    if (e instanceof Ast.StringLit) return "a string";
    if (e instanceof Ast.ListExpr) return "a list";
    if (e instanceof Ast.DictExpr) return "a dictionary";
    if (e instanceof Ast.NameRef n) return "the name '" + n.name().name() + "'";
    return "a call to " + ((Ast.Call) e).callee().name();
  }

  /** The attribute for a non-tensor argument, or null after reporting a mismatch. */
  static Attribute attribute(String callee, Param p, Ast.Expr e, DiagnosticEngine diags) {
    String where = callee + ": " + p.name() + " must be " + p.attr().kind().description + ", got " + describe(e);
    switch (p.attr().kind()) {
      case INT -> {
        Integer v = smallInt(e);
        if (v != null) return Attribute.of(v.longValue());
      }
      case PAIR -> {
        Integer v = smallInt(e);
        if (v != null) return Attribute.ints(v, v);
        int[] l = intList(e);
        if (l != null && l.length == 2) return Attribute.ints(l);
      }
      case INTS -> {
        int[] l = intList(e);
        if (l != null) return Attribute.ints(l);
      }
      default -> { }
    }
    diags.error(e.loc(), where);
    return null;
  }

  static Integer smallInt(Ast.Expr e) {
    if (e instanceof Ast.IntLit i && i.value() >= Integer.MIN_VALUE && i.value() <= Integer.MAX_VALUE) {
      return (int) i.value();
    }
    return null;
  }

  static int[] intList(Ast.Expr e) {
    if (!(e instanceof Ast.ListExpr l)) return null;
    List<Integer> out = new ArrayList<>();
    for (Ast.Expr x : l.elements()) {
      Integer v = smallInt(x);
      if (v == null) return null;
      out.add(v);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

}
