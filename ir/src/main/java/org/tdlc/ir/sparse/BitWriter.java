// Packs fields of any width 0..32 into bytes, least significant bit first, as the hardware decoder reads
// them (BitReader). The block's length is the bits written rounded up to whole bytes.
package org.tdlc.ir.sparse;

final class BitWriter {
  private byte[] buf = new byte[64];
  private long bits;

  void write(long value, int width) {
    for (int i = 0; i < width; i++) {
      if ((value >>> i & 1) != 0) {
        int at = (int) (bits >>> 3);
        if (at >= buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, at + 1));
        buf[at] |= (byte) (1 << (int) (bits & 7));
      }
      bits++;
    }
  }

  long bits() { return bits; }

  byte[] toBytes() { return java.util.Arrays.copyOf(buf, (int) ((bits + 7) >>> 3)); }
}
