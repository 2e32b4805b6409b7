// An affine map from named loop indices to subscripts, printed MLIR-style with the index names kept:
// affine_map<(n, k, p, q, c, r, s) -> (n, c, 2*p + r, 2*q + s)>. Einsum operands carry one each.
package org.tdlc.ir.attr;

import java.util.List;
import java.util.stream.Collectors;

public record AffineMap(List<String> dims, List<AffineExpr> results) implements Attribute {

  public AffineMap {
    dims = List.copyOf(dims);
    results = List.copyOf(results);
    for (AffineExpr e : results) {
      if (e.coeffs().size() != dims.size()) throw new IllegalArgumentException("expression arity mismatch");
    }
  }

  public int rank() { return results.size(); }

  @Override public String toString() {
    return "affine_map<(" + String.join(", ", dims) + ") -> ("
        + results.stream().map(e -> e.toString(dims)).collect(Collectors.joining(", ")) + ")>";
  }
}
