// A growable little-endian byte buffer for writing .tdlx sections; strings are u32 length + UTF-8 and
// must be valid Unicode, so that what is written reads back as the same string.
package org.tdlc.backend.tdlx;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

final class ByteSink {
  private byte[] buf = new byte[256];
  private int size;

  int size() { return size; }

  byte[] toByteArray() { return Arrays.copyOf(buf, size); }

  private void ensure(int more) {
    if (size + (long) more > Integer.MAX_VALUE - 16) throw new TdlxException("program too large for a .tdlx file");
    if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(size + more, buf.length * 2));
  }

  ByteSink u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  ByteSink u16(int v) { return u8(v).u8(v >>> 8); }

  ByteSink i32(int v) { return u16(v).u16(v >>> 16); }

  ByteSink u64(long v) { return i32((int) v).i32((int) (v >>> 32)); }

  ByteSink bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
    return this;
  }

  /** Overwrites 8 bytes at {@code at} (the file length, once everything else is written). */
  void patchU64(int at, long v) {
    for (int k = 0; k < 8; k++) buf[at + k] = (byte) (v >>> (8 * k));
  }

  ByteSink string(String s, String what) {
    try {
      ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(s));
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      return i32(bytes.length).bytes(bytes);
    } catch (CharacterCodingException e) {
      throw new TdlxException(what + " " + s.replace('\n', ' ') + " is not valid Unicode text (a lone surrogate?)");
    }
  }
}
