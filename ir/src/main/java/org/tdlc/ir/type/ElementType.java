// The integer element types of tdl: two's complement, with i32 wrapping like Java int.
package org.tdlc.ir.type;

import java.util.Optional;

public enum ElementType {
  I8(8), I16(16), I32(32);

  private final int bits;

  ElementType(int bits) { this.bits = bits; }

  public int bits() { return bits; }
  public int bytes() { return bits / 8; }
  public int min() { return bits == 32 ? Integer.MIN_VALUE : -(1 << (bits - 1)); }
  public int max() { return bits == 32 ? Integer.MAX_VALUE : (1 << (bits - 1)) - 1; }
  public String keyword() { return "i" + bits; }
  @Override public String toString() { return keyword(); }

  /** Two's complement wrap-around of an int into this type. */
  public int wrap(int v) {
    return switch (this) {
      case I8 -> (byte) v;
      case I16 -> (short) v;
      case I32 -> v;
    };
  }

  public boolean contains(long v) { return v >= min() && v <= max(); }

  /** The type of {@code bytes}-byte elements. */
  public static ElementType ofBytes(int bytes) {
    return switch (bytes) {
      case 1 -> I8;
      case 2 -> I16;
      case 4 -> I32;
      default -> throw new IllegalArgumentException("no " + bytes + "-byte element type");
    };
  }

  /** v clamped into this type's range. */
  public int saturate(long v) { return (int) Math.max(min(), Math.min(max(), v)); }

  /** The accumulator type of products of this type: acc(i8) = acc(i16) = acc(i32) = i32. */
  public ElementType accumulator() { return I32; }

  public static ElementType wider(ElementType a, ElementType b) { return a.bits >= b.bits ? a : b; }

  public static Optional<ElementType> parse(String keyword) {
    for (ElementType t : values()) if (t.keyword().equals(keyword)) return Optional.of(t);
    return Optional.empty();
  }
}
