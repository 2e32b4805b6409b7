// Malformed .tdlx files are refused with a TdlxException whose message says what is wrong, never another
// exception: every truncation of a valid file, random byte flips (caught by the checksum), flips behind a
// re-sealed checksum (caught by the section checks), wrong magic, versions, fingerprints and references.
package org.tdlc.backend.tdlx;


import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.SamplePrograms;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TdlxMalformedTest {
  static final long SEED = Long.getLong("tdlc.fuzz.seed", 20240614L);
  static final String REPLAY = "mvn -o -q test -pl backend -am -Dtest=TdlxMalformedTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dtdlc.fuzz.seed=";
  static final byte[] VALID = TdlxWriter.toBytes(SamplePrograms.dense());

  static String refused(byte[] bytes, String what) {
    try {
      Program p = TdlxReader.read(bytes, "f.tdlx");
      throw new AssertionError(what + ": accepted " + p);
    } catch (TdlxException e) {
      assertTrue(e.getMessage().startsWith("f.tdlx: "), e.getMessage());
      assertFalse(e.getMessage().contains("probably corrupt"), what + ": fell through to the last resort: " + e.getMessage());
      return e.getMessage();
    }
  }

  static void refusedWith(byte[] bytes, String expected) {
    String msg = refused(bytes, expected);
    assertTrue(msg.contains(expected), "expected '" + expected + "' in: " + msg);
  }

  @Test void everyTruncationIsRefused() {
    for (int n = 0; n < VALID.length; n++) {
      String msg = refused(java.util.Arrays.copyOf(VALID, n), "truncated to " + n);
      assertTrue(msg.contains("truncated"), n + ": " + msg);
    }
    refusedWith(java.util.Arrays.copyOf(VALID, 100), "truncated: the header says the file has " + VALID.length
        + " bytes, but only 100 are present");
    refusedWith(new byte[0], "truncated: 0 bytes, but the header alone needs 40");
  }

  @Test void randomByteFlipsAreRefused() {
    Random r = new Random(SEED);
    try {
      for (int i = 0; i < 2000; i++) {
        byte[] b = VALID.clone();
        int at = r.nextInt(b.length);
        b[at] ^= (byte) (1 + r.nextInt(255));
        String msg = refused(b, "flip at " + at);
        assertTrue(msg.contains("corrupt") || msg.contains("truncated") || msg.contains("not a .tdlx file")
            || msg.contains("unsupported"), at + ": " + msg);
      }
    } catch (AssertionError e) {
      throw new AssertionError("seed " + SEED + "; replay: " + REPLAY + SEED, e);
    }
  }

  @Test void flipsBehindAResealedChecksumNeverEscape() {
    Random r = new Random(SEED + 1);
    int accepted = 0;
    try {
      for (int i = 0; i < 3000; i++) {
        byte[] b = VALID.clone();
        for (int k = 1 + r.nextInt(3); k > 0; k--) b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
        TdlxFiles.reseal(b);
        try {
          TdlxReader.read(b, "f.tdlx");
          accepted++;
        } catch (TdlxException e) {
          assertFalse(e.getMessage().contains("probably corrupt"), i + ": last resort: " + e.getMessage());
        }
      }
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("seed " + SEED + "; replay: " + REPLAY + SEED, e);
    }
    assertTrue(accepted > 0, "flips in the data segment should still read");
  }

  @Test void wrongMagicAndVersions() {
    byte[] magic = VALID.clone();
    magic[0] = 'X';
    refusedWith(magic, "not a .tdlx file");
    refusedWith("PK\u0003\u0004".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "not a .tdlx file");
    byte[] format = VALID.clone();
    format[4] = 9;
    refusedWith(TdlxFiles.reseal(format), "unsupported .tdlx format version 9 (this tdlc reads versions 1 to 5)");
    byte[] isa = VALID.clone();
    isa[6] = 2;
    refusedWith(isa, "unsupported ISA version 2");
    byte[] crc = VALID.clone();
    crc[VALID.length - 1] ^= 1;
    refusedWith(crc, "corrupt: checksum mismatch");
    byte[] longer = java.util.Arrays.copyOf(VALID, VALID.length + 3);
    refusedWith(longer, "corrupt: the header says the file has " + VALID.length + " bytes, but " + (VALID.length + 3));
  }

  @Test void inconsistentContentBehindAValidChecksum() {
    byte[] fp = VALID.clone();
    fp[8] ^= 1;
    refusedWith(TdlxFiles.reseal(fp), "the target fingerprint in the header");

    byte[] desc = VALID.clone();
    int code = TdlxFiles.offset(desc, TdlxFormat.Section.INSTRUCTIONS);
    long w0 = TdlxFiles.u64(desc, code + 16 * 5);                            // instruction 5: mac desc=4
    TdlxFiles.putU64(desc, code + 16 * 5, w0 & ~(0xFFFFFL << 8) | 99L << 8);
    refusedWith(TdlxFiles.reseal(desc), "instruction 5 (mac): descriptor d99 does not exist");

    byte[] kind = VALID.clone();
    TdlxFiles.putU64(kind, code + 16 * 5, w0 & ~(0xFFFFFL << 8));            // mac naming d0, a dma
    refusedWith(TdlxFiles.reseal(kind), "mac needs a mac descriptor, but d0 is a dma descriptor");

    byte[] opcode = VALID.clone();
    opcode[code + 16 * 2] = (byte) (opcode[code + 16 * 2] & 0xF0 | 0xE);
    refusedWith(TdlxFiles.reseal(opcode), "instruction 2: unknown opcode 14");

    byte[] symbol = VALID.clone();
    int syms = TdlxFiles.offset(symbol, TdlxFormat.Section.SYMBOLS);
    TdlxFiles.putU64(symbol, syms + 23, 0xFFF8);                              // x's address: 4+1+1+4+1+4+8
    refusedWith(TdlxFiles.reseal(symbol), "symbol x occupies 0xfff8..+16 bytes, outside DRAM (65536 bytes)");

    byte[] dram = VALID.clone();
    TdlxFiles.putU64(dram, 16, 0x100);                     // a smaller DRAM narrows the fields: code no longer decodes
    refusedWith(TdlxFiles.reseal(dram), "instruction 1: load: reserved bits set");

    byte[] count = VALID.clone();
    int descs = TdlxFiles.offset(count, TdlxFormat.Section.DESCRIPTORS);
    count[descs + 3] = 0x7f;
    refusedWith(TdlxFiles.reseal(count), "the descriptors section claims");

    byte[] machine = VALID.clone();
    int m = TdlxFiles.offset(machine, TdlxFormat.Section.MACHINE);
    machine[m] = '?';                                                         // "target" -> "?arget"
    refusedWith(TdlxFiles.reseal(machine), "the machine section is malformed: machine section:1:1: error:");
  }

  @Test void wrongMachineFingerprintSaysSo() {
    byte[] other = TdlxWriter.toBytes(new Program(SamplePrograms.machine(8192), SamplePrograms.instructions(),
        SamplePrograms.descriptors(), SamplePrograms.data(), 0x10000, SamplePrograms.dense().symbols(), java.util.List.of()));
    byte[] mixed = VALID.clone();
    System.arraycopy(other, 8, mixed, 8, 8);
    refusedWith(TdlxFiles.reseal(mixed), "does not match the machine section");
  }

  @Test void refusedWithExceptionNeverThrown() {
    assertThrows(TdlxException.class, () -> TdlxReader.read(new byte[] {'T', 'D'}, "x"));
  }
}
