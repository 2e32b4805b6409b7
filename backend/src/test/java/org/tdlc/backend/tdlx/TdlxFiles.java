// Test helpers for .tdlx bytes: find a section, patch bytes in place and re-seal the checksum, so that tests
// can reach the checks behind the CRC (versions, fingerprints, references) with otherwise valid files.
package org.tdlc.backend.tdlx;

final class TdlxFiles {
  private TdlxFiles() {}

  static long u64(byte[] f, int at) {
    long v = 0;
    for (int k = 0; k < 8; k++) v |= (f[at + k] & 0xFFL) << (8 * k);
    return v;
  }

  static void putU64(byte[] f, int at, long v) {
    for (int k = 0; k < 8; k++) f[at + k] = (byte) (v >>> (8 * k));
  }

  /** The file offset of a section's first byte. */
  static int offset(byte[] f, TdlxFormat.Section s) {
    int count = f[32] & 0xFF;
    for (int i = 0; i < count; i++) {
      int e = TdlxFormat.HEADER_BYTES + i * TdlxFormat.TABLE_ENTRY_BYTES;
      if ((f[e] & 0xFF) == s.code) return (int) u64(f, e + 8);
    }
    throw new AssertionError("no section " + s);
  }

  static byte[] reseal(byte[] f) {
    int crc = TdlxFormat.crc(f);
    for (int k = 0; k < 4; k++) f[TdlxFormat.CRC_OFFSET + k] = (byte) (crc >>> (8 * k));
    return f;
  }
}
