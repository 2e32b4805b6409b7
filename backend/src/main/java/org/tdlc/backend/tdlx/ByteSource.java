// Bounded little-endian reading of one .tdlx section: every read checks that the bytes are there, counts
// are checked against what remains before anything is allocated, and strings must be valid UTF-8, so a
// truncated or corrupt section becomes a TdlxException naming the section, never an index error.
package org.tdlc.backend.tdlx;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

final class ByteSource {
  private final byte[] bytes;
  private final int end;
  private final String section;
  private int pos;

  ByteSource(byte[] bytes, int start, int end, String section) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
    this.section = section;
  }

  int remaining() { return end - pos; }

  private void need(long n, String what) {
    if (n > remaining()) {
      throw new TdlxException("the " + section + " section is truncated: " + what + " needs " + n
          + " bytes, " + remaining() + " remain");
    }
  }

  int u8(String what) {
    need(1, what);
    return bytes[pos++] & 0xFF;
  }

  int u16(String what) {
    need(2, what);
    return (bytes[pos++] & 0xFF) | (bytes[pos++] & 0xFF) << 8;
  }

  int i32(String what) {
    need(4, what);
    int v = 0;
    for (int k = 0; k < 4; k++) v |= (bytes[pos++] & 0xFF) << (8 * k);
    return v;
  }

  long u64(String what) {
    need(8, what);
    long v = 0;
    for (int k = 0; k < 8; k++) v |= (bytes[pos++] & 0xFFL) << (8 * k);
    return v;
  }

  byte[] bytes(long n, String what) {
    need(n, what);
    byte[] out = Arrays.copyOfRange(bytes, pos, pos + (int) n);
    pos += (int) n;
    return out;
  }

  /** A u32 count of entries of at least {@code minEntryBytes} each, checked against the bytes that remain. */
  int count(String what, int minEntryBytes) {
    long n = i32(what + " count") & 0xFFFFFFFFL;
    if (n * minEntryBytes > remaining()) {
      throw new TdlxException("the " + section + " section claims " + n + " " + what + " but only " + remaining()
          + " bytes remain");
    }
    return (int) n;
  }

  String string(String what) {
    long n = i32(what + " length") & 0xFFFFFFFFL;
    byte[] b = bytes(n, what);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      throw new TdlxException("the " + section + " section holds a " + what + " that is not valid UTF-8");
    }
  }

  void expectEnd() {
    if (remaining() != 0) {
      throw new TdlxException("the " + section + " section has " + remaining() + " unexpected bytes at its end");
    }
  }
}
