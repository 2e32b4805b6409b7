// The bytes an affine access can touch: base + sum_l i_l * stride_l elements for i_l in [0, extent_l),
// as one inclusive byte range. Negative strides pull the low end down; an extent of 0 touches nothing.
// Computed with exact arithmetic, so a nest whose addresses overflow 64 bits is reported, not wrapped.
package org.tdlc.backend.isa;

import java.util.List;

record AddressSpan(long first, long last) {
  /** One loop or DMA dimension of an access: how many steps, and how many elements each step moves. */
  record Step(long extent, long stride) {}

  /** Thrown when the span's arithmetic leaves 64 bits; the verifier reports it as a problem. */
  static final class Overflow extends RuntimeException {
    Overflow() { super("address arithmetic overflows 64 bits", null, false, false); }
  }

  /** The span of {@code base + offsets}, or null when some extent is 0 (nothing is touched). */
  static AddressSpan of(long base, List<Step> steps, int elementBytes) {
    try {
      long lo = 0;
      long hi = 0;
      for (Step s : steps) {
        if (s.extent() <= 0) return null;
        long reach = Math.multiplyExact(s.extent() - 1, s.stride());
        if (reach < 0) lo = Math.addExact(lo, reach);
        else hi = Math.addExact(hi, reach);
      }
      long first = Math.addExact(base, Math.multiplyExact(lo, (long) elementBytes));
      long last = Math.addExact(Math.addExact(base, Math.multiplyExact(hi, (long) elementBytes)), elementBytes - 1L);
      return new AddressSpan(first, last);
    } catch (ArithmeticException e) {
      throw new Overflow();
    }
  }

  /** Null when the span lies in [0, size), else why not, e.g. "range 0x0800..0x13ff exceeds DRAM (4096 bytes)". */
  String outside(long size, String memory) {
    if (first >= 0 && last < size) return null;
    String range = "range " + hex(first) + ".." + hex(last);
    if (first < 0) return range + " starts below address 0 of " + memory;
    return range + " exceeds " + memory + " (" + size + " bytes)";
  }

  static String hex(long v) { return v < 0 ? "-0x" + Long.toHexString(-v) : String.format("0x%04x", v); }
}
