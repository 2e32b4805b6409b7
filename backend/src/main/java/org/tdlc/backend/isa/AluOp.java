// The ALU operations; each reads the destination's current value where it says so.
package org.tdlc.backend.isa;

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
  /** dst = clamp((src1 + (1 << (imm-1))) >> imm, -128, 127), computed in long; imm = 0: clamp(src1). */
  REQUANT,
  /** dst = max(dst, src1): max pooling after a FILL with the type's minimum. */
  MAX,
  /** dst = dst + src1: sum pooling into an i32 destination after a FILL with 0. */
  SUM,
  /** dst = floorDiv(src1 + imm / 2, imm), computed in long: the average of imm summed elements. */
  AVGDIV;

  public String mnemonic() { return name().toLowerCase(java.util.Locale.ROOT); }
}
