// Reads the fields BitWriter packed, from a byte range of a larger array (the simulator's DRAM); reading past
// the range's end is a MalformedBlockException, never an index error. Bytes enter a 64-bit cache a few at a
// time, least significant bit first, so a field costs a shift and a mask.
package org.tdlc.machine.sparse;

final class BitReader {
  private final byte[] src;
  private final long start;
  private final long limitBits;
  private final int endByte;
  private long bit;
  /** The next bytes of the range, not yet read, from bit 0; {@code cached} of its bits are valid. */
  private long cache;
  private int cached;
  private int nextByte;

  BitReader(byte[] src, long offset, long limit) {
    this.src = src;
    this.start = offset;
    long end = Math.min(limit, src.length);
    this.limitBits = (end - offset) * 8;
    this.endByte = (int) end;
    this.nextByte = (int) offset;
  }

  long read(int width) {
    if (bit + width > limitBits) {
      throw new MalformedBlockException("the block runs past the end of memory at byte " + (start + (bit >>> 3)));
    }
    if (width > 56) {   // wider than a refill guarantees: two halves
      long low = read(32);
      return low | read(width - 32) << 32;
    }
    if (cached < width) refill();
    long v = cache & (1L << width) - 1;
    cache >>>= width;
    cached -= width;
    bit += width;
    return v;
  }

  /**
   * A bitmap block's values: for each set bit of the mask (point k in word k / 56, bit k % 56) the next
   * {@code valueBits}-bit (at most 32) signed value into out[k]; out's other points are left alone. It visits
   * set bits only (trailing-zero counts), as a random mask defeats any branch per point, and reads each value
   * at its own bit position. The caller has checked that the values lie inside the range.
   */
  void bitmapValues(long[] mask, int n, int valueBits, int[] out) {
    long at = start * 8 + bit;   // absolute bit position of the next value in src
    long count = 0;
    if (valueBits == 8) {   // int8 weights: each value is one byte, or two when the values start mid-byte
      int p = (int) (at >>> 3);
      int s = (int) (at & 7);
      for (int w = 0, k = 0; k < n; w++, k += 56) {
        for (long bits = mask[w]; bits != 0; bits &= bits - 1, p++) {
          out[k + Long.numberOfTrailingZeros(bits)] = s == 0 ? src[p] : (byte) ((src[p] & 0xFF) >>> s | src[p + 1] << 8 - s);
          count++;
        }
      }
      seek(bit + count * 8);
      return;
    }
    int shift = 64 - valueBits;
    for (int w = 0, k = 0; k < n; w++, k += 56) {
      for (long bits = mask[w]; bits != 0; bits &= bits - 1) {
        int p = (int) (at >>> 3);
        int s = (int) (at & 7);
        long v = 0;
        for (int i = 0, bytes = (s + valueBits + 7) >>> 3; i < bytes; i++) v |= (src[p + i] & 0xFFL) << (i << 3);
        out[k + Long.numberOfTrailingZeros(bits)] = (int) (v >>> s << shift >> shift);
        at += valueBits;
        count++;
      }
    }
    seek(bit + count * valueBits);
  }

  /** Moves to bit {@code to} of the range (not past its end), dropping the cache. */
  private void seek(long to) {
    bit = to;
    nextByte = (int) (start + (to >>> 3));
    cache = 0;
    cached = 0;
    int s = (int) (to & 7);
    if (s != 0) {   // inside a byte, which then lies inside the range
      cache = (src[nextByte++] & 0xFFL) >>> s;
      cached = 8 - s;
    }
  }

  long remainingBits() { return limitBits - bit; }

  /** Tops the cache up to at least 57 bits, or to the end of the range. */
  private void refill() {
    while (cached <= 56 && nextByte < endByte) {
      cache |= (src[nextByte++] & 0xFFL) << cached;
      cached += 8;
    }
  }

  /** Sign-extends a {@code width}-bit two's complement field. */
  int readSigned(int width) {
    long v = read(width);
    return (int) (v << (64 - width) >> (64 - width));
  }

  long bitsRead() { return bit; }
}
