// The Java source form of AluUnit.apply and of Memory's element access, for the compiled engine: each ALU op
// as an expression over x (src1), y (src2) and old (the destination), with the descriptor's immediate folded
// in. Kept beside AluUnit's switch so the two definitions are read together (AluOpTest checks both engines).
package org.tdlc.sim;

import org.tdlc.backend.isa.Descriptor.AluDesc;

final class AluExpressions {
  private AluExpressions() {}

  /** The point's value before the wrap into dstType, or null for an op the compiled engine leaves to AluUnit. */
  static String value(AluDesc d) {
    int imm = d.imm();
    switch (d.op()) {
      case FILL: return Integer.toString(imm);
      case COPY: return "x";
      case RELU: return "Math.max(x, 0)";
      case ADD: return "x + y";
      case REQUANT:
        return imm == 0 ? "(int) Math.max(-128, Math.min(127, (long) x))"
            : "(int) Math.max(-128, Math.min(127, ((long) x + " + (1L << (imm - 1)) + "L) >> " + imm + "))";
      case MAX: return "Math.max(old, x)";
      case SUM: return "old + x";
      case AVGDIV: return imm < 1 ? null : "(int) Math.floorDiv((long) x + " + (imm / 2) + "L, " + imm + "L)";
      default: return null;
    }
  }

  /** Memory.read's expression for an element of {@code size} bytes at byte address {@code at}. */
  static String read(int size, String at) {
    if (size == 1) return "g[" + at + "]";
    if (size == 2) return "(short) I16.get(g, " + at + ")";
    return "(int) I32.get(g, " + at + ")";
  }

  /** Memory.write's statement (truncating to the element) for {@code value} at byte address {@code at}. */
  static String write(int size, String at, String value) {
    if (size == 1) return "g[" + at + "] = (byte) (" + value + ")";
    if (size == 2) return "I16.set(g, " + at + ", (short) (" + value + "))";
    return "I32.set(g, " + at + ", (int) (" + value + "))";
  }
}
