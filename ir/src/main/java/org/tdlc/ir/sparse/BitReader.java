// Reads the fields BitWriter packed, from a byte range of a larger array (the simulator's DRAM); reading past
// the range's end is a MalformedBlockException, never an index error.
package org.tdlc.ir.sparse;

final class BitReader {
  private final byte[] src;
  private final long start;
  private final long limitBits;
  private long bit;

  BitReader(byte[] src, long offset, long limit) {
    this.src = src;
    this.start = offset;
    this.limitBits = (Math.min(limit, src.length) - offset) * 8;
  }

  long read(int width) {
    if (bit + width > limitBits) {
      throw new MalformedBlockException("the block runs past the end of memory at byte " + (start + (bit >>> 3)));
    }
    long v = 0;
    for (int i = 0; i < width; i++, bit++) {
      int b = src[(int) (start + (bit >>> 3))] >> (int) (bit & 7) & 1;
      v |= (long) b << i;
    }
    return v;
  }

  /** Sign-extends a {@code width}-bit two's complement field. */
  int readSigned(int width) {
    long v = read(width);
    return (int) (v << (64 - width) >> (64 - width));
  }

  long bitsRead() { return bit; }
}
