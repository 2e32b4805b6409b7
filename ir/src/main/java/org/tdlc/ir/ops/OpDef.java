// The definition of one operation kind: its name, a one-line summary, and its typing rule.
// The frontend, the verifier and the IR parser all type ops through this one rule.
package org.tdlc.ir.ops;

import java.util.List;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.type.TensorType;

public interface OpDef {
  String name();

  String summary();

  /** True for ops whose result is whatever was declared (inputs, weights, einsum results). */
  default boolean declaresResult() { return false; }

  /** True for ops without results (tdl.output). */
  default boolean hasResult() { return true; }

  /**
   * The result type for these operands and attributes. For ops that declare their result, {@code declared}
   * is that type and is checked against the operands. Throws {@link OpTypeException} with a message that
   * names the actual values.
   */
  TensorType infer(List<TensorType> operands, DictAttr attrs, TensorType declared);
}
