// Small argument checks shared by the typing rules; each failure message states the actual values.
package org.tdlc.ir.ops;

import java.util.Arrays;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.type.TensorType;

final class OpChecks {
  private OpChecks() {}

  static void arity(String op, int n, int min, int max) {
    if (n < min || n > max) {
      String want = min == max ? Integer.toString(min) : min + " to " + max;
      throw new OpTypeException(op + ": expects " + want + " operand" + (max == 1 ? "" : "s") + ", got " + n);
    }
  }

  static void rank(String op, String what, TensorType t, int... ranks) {
    for (int r : ranks) if (t.rank() == r) return;
    String want = ranks.length == 1 ? Integer.toString(ranks[0]) : Arrays.toString(ranks).replace(", ", " or ");
    throw new OpTypeException(op + ": " + what + " must have rank " + want + ", got " + t.toSourceString());
  }

  /** A [h, w] pair attribute (defaults filled and pairs normalized by the declaration), each at least {@code min}. */
  static int[] pair(String op, DictAttr attrs, String key, int min) {
    int[] v = attrs.getInts(key);
    if (v.length != 2) throw new OpTypeException(op + ": " + key + " must be [h, w], got " + Arrays.toString(v));
    for (int x : v) {
      if (x < min) throw new OpTypeException(op + ": " + key + " must be at least " + min + ", got " + Arrays.toString(v));
    }
    return v;
  }

  /** Output extent of a sliding window, or an error naming the sizes when the window does not fit. */
  static int windowOut(String op, String axis, int in, int pad, int window, int stride) {
    long span = (long) in + 2L * pad;
    if (span < window) {
      throw new OpTypeException(op + ": window " + window + " is larger than the padded input " + axis
          + " " + span + " (" + in + " + 2*" + pad + ")");
    }
    return (int) ((span - window) / stride + 1);
  }
}
