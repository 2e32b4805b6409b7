// A linear expression over named loop indices, such as 2*p + r: what an einsum subscript may be.
package org.tdlc.ir.attr;

import java.util.List;

/** sum(coeffs[d] * dim_d) + constant, with one coefficient per dimension of the enclosing map. */
public record AffineExpr(List<Integer> coeffs, int constant) {

  public AffineExpr { coeffs = List.copyOf(coeffs); }

  /** The single dimension this expression is, if it is exactly one index with coefficient 1. */
  public int plainDim() {
    int found = -1;
    for (int d = 0; d < coeffs.size(); d++) {
      int c = coeffs.get(d);
      if (c == 0) continue;
      if (c != 1 || found >= 0) return -1;
      found = d;
    }
    return constant == 0 ? found : -1;
  }

  public boolean uses(int dim) { return coeffs.get(dim) != 0; }

  /** The smallest and largest value over 0 <= dim_d < ranges[d]; computed in long, never overflowing. */
  public long[] bounds(int[] ranges) {
    long lo = constant, hi = constant;
    for (int d = 0; d < coeffs.size(); d++) {
      long c = coeffs.get(d), top = (long) ranges[d] - 1;
      if (c > 0) hi += c * top; else lo += c * top;
    }
    return new long[] {lo, hi};
  }

  public int eval(int[] point) {
    int v = constant;
    for (int d = 0; d < coeffs.size(); d++) v += coeffs.get(d) * point[d];
    return v;
  }

  public String toString(List<String> dims) {
    StringBuilder b = new StringBuilder();
    for (int d = 0; d < coeffs.size(); d++) {
      int c = coeffs.get(d);
      if (c == 0) continue;
      if (b.length() > 0) b.append(c < 0 ? " - " : " + "); else if (c < 0) b.append("-");
      int m = Math.abs(c);
      if (m != 1) b.append(m).append('*');
      b.append(dims.get(d));
    }
    if (constant != 0 || b.length() == 0) {
      if (b.length() == 0) b.append(constant);
      else b.append(constant < 0 ? " - " : " + ").append(Math.abs((long) constant));
    }
    return b.toString();
  }
}
