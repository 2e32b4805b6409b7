// Packs fields of any width 0..64 into bytes, least significant bit first, as the hardware decoder reads
// them (BitReader). The block's length is the bits written rounded up to whole bytes.
package org.tdlc.machine.sparse;

final class BitWriter {
  private byte[] buf = new byte[64];
  private long bits;

  /** Appends the low {@code width} bits of {@code value}. */
  void write(long value, int width) {
    if (width == 0) return;
    if (width > 56) {   // more than a shifted long holds: two halves
      write(value, 32);
      write(value >>> 32, width - 32);
      return;
    }
    int at = (int) (bits >>> 3);
    int last = (int) ((bits + width - 1) >>> 3);
    if (last >= buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, last + 1));
    long x = (value & (1L << width) - 1) << (int) (bits & 7);   // the field at its place in byte `at`
    for (int i = at; i <= last; i++, x >>>= 8) buf[i] |= (byte) x;
    bits += width;
  }

  long bits() { return bits; }

  byte[] toBytes() { return java.util.Arrays.copyOf(buf, (int) ((bits + 7) >>> 3)); }
}
