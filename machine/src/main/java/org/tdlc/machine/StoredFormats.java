// Which tensors the machine keeps in DRAM compressed: the storage rule that the lowering (what it writes into
// the data segment and how it loads it), the format selector (which weights a format can apply to) and the
// predictor (which loads it charges as blocks) must agree on, so it is stated here once.
package org.tdlc.machine;

import org.tdlc.ir.Operation;
import org.tdlc.ir.Users;
import org.tdlc.ir.Value;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.StorageFormat;

public final class StoredFormats {
  private StoredFormats() {}

  /**
   * Whether every reader tiles the weight itself as an operand it loads box by box: a reshape alias or an output
   * reads its dense bytes, and so do the vector kernels that load whole rows rather than tiles (gather's table,
   * layernorm's gamma and beta, concat's and softmax's operands); a fused epilogue's residual add reads it as a
   * dense output-shaped tile, which the cost model's schedule charges as a dense load.
   */
  public static boolean directlyTiled(Users users, Value w) {
    for (Operation op : users.of(w)) {
      if (op.is(Ops.RESHAPE) || op.is(Ops.FLATTEN) || op.is(Ops.OUTPUT) || op.is(Ops.GATHER) || op.is(Ops.LAYERNORM)
          || op.is(Ops.CONCAT) || op.is(Ops.SOFTMAX)) {
        return false;
      }
      if (residual(op, w)) return false;
    }
    return true;
  }

  /** Whether {@code op} reads {@code w} as the residual of its fused epilogue (operand 2, after its two inputs). */
  private static boolean residual(Operation op, Value w) {
    if (op.operands().size() < 3 || !op.attributes().has("epilogue")) return false;
    for (int i = 2; i < op.operands().size(); i++) if (op.operand(i) == w) return true;
    return false;
  }

  /**
   * Whether weight {@code w} is stored compressed: its type names a format other than dense and every reader
   * tiles it directly. Activations are always stored dense.
   */
  public static boolean storedCompressed(Users users, Value w) {
    StorageFormat f = w.type().format();
    return f != null && f != StorageFormat.DENSE && w.definingOp() != null && w.definingOp().is(Ops.WEIGHT)
        && directlyTiled(users, w);
  }
}
