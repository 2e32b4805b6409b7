// The ALU (vector unit) operations; each reads the destination's current value where it says so. Results wrap
// into dstType (two's complement) unless the op saturates. The special functions (IEXP, ISQRT, IGELU,
// SIGMOID, TANH) compute exactly what org.tdlc.ir.interp.IntegerFunctions defines, I-BERT's integer-only
// exp, square root and GELU and the activation tables, as a vector unit with those function units would.
package org.tdlc.backend.isa;

import org.tdlc.ir.interp.IntegerFunctions;
import org.tdlc.ir.type.ElementType;

public enum AluOp {
  /** dst = imm. */
  FILL,
  /** dst = src1 (wrapped into dstType): data movement, transposes by strides. */
  COPY,
  /** dst = max(src1, 0). */
  RELU,
  /** dst = src1 + src2. */
  ADD,
  /** dst = src1 - src2. */
  SUB,
  /**
   * dst = clamp((src1 + (1 << (imm-1))) >> imm) into dstType (i8 or i16), computed in long; imm = 0: clamp(src1).
   */
  REQUANT,
  /** dst = max(dst, src1): max pooling after a FILL with the type's minimum. */
  MAX,
  /** dst = dst + src1: sum pooling into an i32 destination after a FILL with 0. */
  SUM,
  /** dst = floorDiv(src1 + imm / 2, imm), computed in long: the average of imm summed elements. */
  AVGDIV,
  /** dst = src1 * src2, in int (wrapping). */
  MUL,
  /** dst = max(src1, src2). */
  MAXIMUM,
  /** dst = min(src1, src2). */
  MINIMUM,
  /** dst = max(src1, imm). */
  MAXI,
  /** dst = min(src1, imm). */
  MINI,
  /** dst = src1 + imm, in int (wrapping). */
  ADDI,
  /** dst = src1 * imm, in int (wrapping). */
  MULI,
  /** dst = floorMod(src1, imm), imm >= 1. */
  MOD,
  /**
   * An indirect read: with r = src1 (an element offset) and o the point's own src2 offset from the src2 base
   * (in elements), dst = src2 base[o + r] when r >= 0 and o + r < imm, else dst is left as it is. The reach is
   * [src2, src2 + imm elements), checked like any operand range.
   */
  GATHER,
  /** dst = IntegerFunctions.expTerm(exp(imm), src1 - src2): I-BERT's i-exp of a difference, in long (imm = frac). */
  IEXP,
  /** dst = dst + (src1 >> imm)^2: a sum of squares (layernorm's variance). */
  SUMSQ,
  /** dst = isqrt(src1) << imm, isqrt by I-BERT's Newton iteration (IntegerFunctions.isqrt); 0 for src1 <= 0. */
  ISQRT,
  /** dst = floor(2^imm / max(src1, 1)), computed in long, saturated into dstType. */
  RECIP,
  /** dst = floor(src1 * src2 / 2^imm), computed in long, saturated into dstType. */
  MULSHR,
  /** dst = IntegerFunctions.gelu(gelu(imm), src1), saturated into i32 (imm = frac). */
  IGELU,
  /** dst = IntegerFunctions.sigmoidTable(imm)[src1 + 128], src1 an i8. */
  SIGMOID,
  /** dst = IntegerFunctions.tanhTable(imm)[src1 + 128], src1 an i8. */
  TANH;

  public String mnemonic() { return name().toLowerCase(java.util.Locale.ROOT); }

  /** Whether the op reads src1: all but FILL. */
  public boolean readsSrc1() { return this != FILL; }

  /** Whether the op reads src2. */
  public boolean readsSrc2() {
    return switch (this) {
      case ADD, SUB, MUL, MAXIMUM, MINIMUM, GATHER, IEXP, MULSHR -> true;
      default -> false;
    };
  }

  /** Whether the op reads the destination's current value (a reduction, or GATHER keeping it). */
  public boolean readsDst() { return this == MAX || this == SUM || this == SUMSQ || this == GATHER; }

  /**
   * What is wrong with this immediate and these types for one of the ops that take a bounded immediate (frac,
   * shift, modulus, reach), or null; the program verifier and the simulator's check both ask. REQUANT's and
   * AVGDIV's older checks stay where they are.
   */
  public String problem(int imm, ElementType src1Type) {
    return switch (this) {
      case IEXP -> outside(imm, 1, IntegerFunctions.EXP_MAX_FRAC, "frac");
      case IGELU -> outside(imm, 0, IntegerFunctions.GELU_MAX_FRAC, "frac");
      case SIGMOID, TANH -> src1Type != ElementType.I8 ? mnemonic() + " looks up an i8, not " + src1Type
          : outside(imm, 0, IntegerFunctions.TABLE_MAX_FRAC, "frac");
      case SUMSQ, ISQRT -> outside(imm, 0, 31, "shift");
      case RECIP -> outside(imm, 0, 62, "shift");
      case MULSHR -> outside(imm, 0, 63, "shift");
      case MOD -> imm < 1 ? "mod modulus " + imm + " must be positive" : null;
      case GATHER -> imm < 1 ? "gather reach " + imm + " must be positive" : null;
      default -> null;
    };
  }

  private String outside(int imm, int lo, int hi, String what) {
    return imm < lo || imm > hi ? mnemonic() + " " + what + " " + imm + " is outside " + lo + ".." + hi : null;
  }

  /**
   * The bytes one point reads through the global buffer's port: each operand it reads, of its type's size (a
   * GATHER counts its src2 element whether or not the index lands). Stated once for the simulator's counts and
   * the lowering's schedule; every point also writes dstType's size.
   */
  public long readBytes(int dstBytes, int src1Bytes, int src2Bytes) {
    return (readsSrc1() ? src1Bytes : 0) + (readsSrc2() ? src2Bytes : 0) + (readsDst() ? dstBytes : 0);
  }

  /** The elements past src2's base that GATHER may read ({@code imm}), or -1 for an op that reads src2 directly. */
  public long indirectReach(int imm) { return this == GATHER ? imm : -1; }
}
