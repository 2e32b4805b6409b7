// The reference semantics of one op kind: operand tensors in, the result tensor out, always of the op's
// declared result type. Each op's declaration (ir/ops/OpDef) names its kernel; the Interpreter calls it with
// the op's attributes, every declared default filled in and [h, w] pairs stored as two integers.
package org.tdlc.ir.interp;

import java.util.List;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;

@FunctionalInterface
public interface OpKernel {
  Tensor apply(Operation op, DictAttr attrs, List<Tensor> operands);

  /** Whether a loop of this many multiply-adds is worth spreading over the common fork-join pool. */
  static boolean worthParallel(long work) { return work >= (1L << 20); }
}
