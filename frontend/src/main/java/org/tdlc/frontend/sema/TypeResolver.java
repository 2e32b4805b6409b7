// Resolves a written tensor type (i8[1, 64, 56, 56]) into a TensorType, with located errors for an
// unknown element type, a zero-sized or overflowing dimension, or a tensor too large to hold.
package org.tdlc.frontend.sema;

import org.tdlc.frontend.ast.Ast;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.Shape;
import org.tdlc.ir.type.TensorType;

final class TypeResolver {
  private TypeResolver() {}

  /** The type, or null after reporting what is wrong with it. */
  static TensorType resolve(Ast.TypeExpr t, DiagnosticEngine diags) {
    var element = ElementType.parse(t.element().name());
    if (element.isEmpty()) {
      diags.error(t.element().loc(), "unknown element type '" + t.element().name() + "' (expected i8, i16 or i32)");
      return null;
    }
    int[] dims = new int[t.dims().size()];
    for (int i = 0; i < dims.length; i++) {
      Ast.IntLit d = t.dims().get(i);
      if (d.value() <= 0) {
        diags.error(d.loc(), "dimension " + i + " is " + d.value() + "; dimensions must be positive");
        return null;
      }
      if (d.value() > Integer.MAX_VALUE) {
        diags.error(d.loc(), "dimension " + i + " is " + d.value() + ", larger than " + Integer.MAX_VALUE);
        return null;
      }
      dims[i] = (int) d.value();
    }
    try {
      return TensorType.of(element.get(), Shape.of(dims));
    } catch (IllegalArgumentException e) {
      diags.error(t.loc(), "tensor type " + t.element().name() + java.util.Arrays.toString(dims) + ": " + e.getMessage());
      return null;
    }
  }
}
