// The reference semantics of one op kind: operand tensors in, the result tensor out, always of the op's
// declared result type. The Interpreter dispatches to one kernel per op name.
package org.tdlc.ir.interp;

import java.util.List;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;

@FunctionalInterface
interface OpKernel {
  Tensor apply(Operation op, List<Tensor> operands);

  /** A [h, w] attribute (a single int meaning both), or {@code fallback} when absent. */
  static int[] pair(DictAttr attrs, String key, int[] fallback) {
    if (!attrs.has(key)) return fallback.clone();
    Attribute a = attrs.get(key).orElseThrow();
    if (a instanceof Attribute.IntAttr i && i.value() == (int) i.value()) {
      return new int[] {(int) i.value(), (int) i.value()};
    }
    int[] v = a instanceof Attribute.ArrayAttr ? attrs.getInts(key) : new int[0];
    if (v.length != 2) throw new DictAttr.AttributeException("attribute '" + key + "' must be [h, w], got " + a);
    return v;
  }

  static int[] pair(DictAttr attrs, String key, int fallback) {
    return pair(attrs, key, new int[] {fallback, fallback});
  }

  /** Whether a loop of this many multiply-adds is worth spreading over the common fork-join pool. */
  static boolean worthParallel(long work) { return work >= (1L << 20); }
}
