// NumPy's broadcasting, as the two-operand elementwise ops (add, sub, mul, max, min) apply it: shapes are
// aligned on their last dimension, and each pair of extents must be equal or one of them 1, which then
// repeats. The result has the longer rank and the larger extent of each pair. Stated once for the typing
// rules, the interpreter and the lowering (which reads a broadcast dimension with stride 0).
package org.tdlc.ir.ops;

import org.tdlc.ir.type.Shape;
import org.tdlc.ir.type.TensorType;

public final class Broadcast {
  private Broadcast() {}

  /** The broadcast shape of a and b, or an OpTypeException naming both and the dimension that clashes. */
  public static Shape shape(String op, TensorType a, TensorType b) {
    int rank = Math.max(a.rank(), b.rank());
    int[] dims = new int[rank];
    for (int i = 0; i < rank; i++) {
      int x = extent(a, i, rank), y = extent(b, i, rank);
      if (x != y && x != 1 && y != 1) {
        throw new OpTypeException(op + ": shapes " + a.toSourceString() + " and " + b.toSourceString()
            + " do not broadcast: dimension " + (i - rank) + " (counted from the last) is " + x + " and " + y
            + "; extents must be equal or 1");
      }
      dims[i] = Math.max(x, y);
    }
    return Shape.of(dims);
  }

  /**
   * Per dimension of {@code result}, the element stride of {@code operand} (row-major) when the result's index
   * moves by one: 0 where the operand has no such dimension or broadcasts it (extent 1).
   */
  public static int[] strides(Shape operand, Shape result) {
    int[] own = operand.strides();
    int rank = result.rank(), off = rank - operand.rank();
    int[] s = new int[rank];
    for (int i = off; i < rank; i++) s[i] = operand.dim(i - off) == 1 && result.dim(i) != 1 ? 0 : own[i - off];
    return s;
  }

  /** Whether {@code operand} is read as it is (no dimension repeated or added). */
  public static boolean same(Shape operand, Shape result) { return operand.equals(result); }

  private static int extent(TensorType t, int i, int rank) {
    int k = i - (rank - t.rank());
    return k < 0 ? 1 : t.dim(k);
  }
}
