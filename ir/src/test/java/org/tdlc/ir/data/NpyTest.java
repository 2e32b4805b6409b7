// Npy: round trips for every dtype, headers of versions 1.0 to 3.0 as NumPy writes them, every error
// message, and a seeded fuzz proving no byte sequence escapes as anything but a NpyException.
package org.tdlc.ir.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

class NpyTest {

  /** A file with the given version, header text and data bytes, as NumPy lays it out. */
  static byte[] file(int major, String header, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    byte[] h = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
    if (major == 1) len.putShort((short) h.length); else len.putInt(h.length);
    out.writeBytes(len.array());
    out.writeBytes(h);
    out.writeBytes(data);
    return out.toByteArray();
  }

  static String header(String descr, String fortran, String shape) {
    return "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }\n";
  }

  private static String error(byte[] bytes) {
    return assertThrows(NpyException.class, () -> Npy.read(bytes, "w.npy")).getMessage();
  }

  @Test void roundTripsEveryDtype(@TempDir Path dir) {
    for (ElementType e : ElementType.values()) {
      Tensor t = TensorInit.random(TensorType.of(e, 2, 3, 5), 17);
      byte[] bytes = Npy.toBytes(t);
      assertEquals(0, (10 + ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort()) % 64);
      assertEquals(t, Npy.read(bytes, "t.npy"));
      Path p = dir.resolve(e + ".npy");
      Npy.write(p, t);
      assertEquals(t, Npy.read(p));
    }
  }

  @Test void writesTheHeaderNumpyWrites() {
    byte[] bytes = Npy.toBytes(Tensor.of(TensorType.of(ElementType.I16, 5), 1, -2, 3, -4, 5));
    String h = new String(bytes, 10, 118, StandardCharsets.ISO_8859_1);
    assertEquals("{'descr': '<i2', 'fortran_order': False, 'shape': (5,), }", h.strip());
    assertEquals('\n', h.charAt(h.length() - 1));
    assertEquals(128 + 10, bytes.length);
  }

  @Test void readsVersions2And3AndByteDtypeSpellings() {
    byte[] data = {1, -1, 7};
    for (String descr : new String[] {"|i1", "<i1", "i1"}) {
      for (int major = 1; major <= 3; major++) {
        Tensor t = Npy.read(file(major, header(descr, "False", "(3,)"), data), "a.npy");
        assertArrayEquals(new int[] {1, -1, 7}, t.toArray());
        assertEquals(TensorType.of(ElementType.I8, 3), t.type());
      }
    }
    byte[] i32 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(Integer.MIN_VALUE).putInt(-1).array();
    Tensor t = Npy.read(file(2, "{\"shape\": (1, 2), \"fortran_order\": False, \"descr\": \"<i4\"}", i32), "b.npy");
    assertArrayEquals(new int[] {Integer.MIN_VALUE, -1}, t.toArray());
    assertEquals(TensorType.of(ElementType.I32, 1, 2), t.type());
  }

  @Test void reportsUnsupportedContentWithTheActualValue() {
    assertEquals("w.npy: dtype '<f4' is not supported (expected |i1, <i2 or <i4)",
        error(file(1, header("<f4", "False", "(2,)"), new byte[8])));
    assertEquals("w.npy: dtype '>i2' is not supported (expected |i1, <i2 or <i4)",
        error(file(1, header(">i2", "False", "(2,)"), new byte[4])));
    assertEquals("w.npy: fortran_order is True; only C order is supported (save np.ascontiguousarray(a) instead)",
        error(file(1, header("<i2", "True", "(2, 2)"), new byte[8])));
    assertEquals("w.npy: shape () is a scalar; tensors have rank >= 1",
        error(file(1, header("<i2", "False", "()"), new byte[2])));
    assertEquals("w.npy: shape (3, 0) has no elements; tensors are not empty",
        error(file(1, header("|i1", "False", "(3, 0)"), new byte[0])));
    assertEquals("w.npy: .npy version 4.0 is not supported (expected 1.0, 2.0 or 3.0)",
        error(file(4, header("|i1", "False", "(1,)"), new byte[1])));
    assertEquals("w.npy: header has no 'shape' entry",
        error(file(1, "{'descr': '|i1', 'fortran_order': False}", new byte[1])));
    assertEquals("w.npy: dtype must be a plain string, got a tuple (1,)",
        error(file(1, "{'descr': (1,), 'fortran_order': False, 'shape': (1,)}", new byte[1])));
  }

  @Test void reportsTruncationAndBadMagic() {
    assertEquals("w.npy: not a .npy file (bad magic)", error("hello world".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("w.npy: not a .npy file (bad magic)", error(new byte[0]));
    assertEquals("w.npy: truncated: header says 4096 bytes of data (<i4 [1024]), file has 100",
        error(file(1, header("<i4", "False", "(1024,)"), new byte[100])));
    assertEquals("w.npy: header says 2 bytes of data (|i1 [2]), file has 3",
        error(file(1, header("|i1", "False", "(2,)"), new byte[3])));
    byte[] valid = Npy.toBytes(Tensor.of(TensorType.of(ElementType.I8, 2), 1, 2));
    assertEquals("w.npy: truncated: header says it is 118 bytes long, file has 50 after the preamble",
        error(Arrays.copyOf(valid, 60)));
  }

  @Test void reportsMalformedHeaders() {
    assertEquals("w.npy: bad header at character 51: expected a dimension (a non-negative integer) but found '-'",
        error(file(1, header("|i1", "False", "(-1,)"), new byte[0])));
    assertEquals("w.npy: bad header at character 0: expected '{' but found 'x'",
        error(file(1, "x", new byte[0])));
  }

  @Test void fuzzedBytesOnlyEverRaiseNpyException() {
    long seed = 20240601L;
    SplitMix64 g = new SplitMix64(seed);
    byte[] valid = Npy.toBytes(TensorInit.random(TensorType.of(ElementType.I16, 3, 4), 5));
    for (int round = 0; round < 20000; round++) {
      byte[] bytes;
      switch (round % 4) {
        case 0 -> bytes = Arrays.copyOf(valid, g.nextInt(valid.length + 1));
        case 1 -> {
          bytes = valid.clone();
          for (int k = 1 + g.nextInt(4); k > 0; k--) bytes[g.nextInt(bytes.length)] = (byte) g.nextSigned(8);
        }
        case 2 -> {
          bytes = new byte[g.nextInt(200)];
          for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) g.nextSigned(8);
          if (bytes.length >= 8) System.arraycopy(valid, 0, bytes, 0, 8);
        }
        default -> {
          bytes = valid.clone();
          int at = 10 + g.nextInt(70);
          bytes[at] = (byte) "{}()',:0123456789 LTF\"".charAt(g.nextInt(22));
        }
      }
      try {
        Npy.read(bytes, "fuzz.npy");
      } catch (NpyException expected) {
        // the one allowed failure
      } catch (RuntimeException | Error e) {
        fail("round " + round + " (seed " + seed + ", replay: mvn -pl ir test -Dtest=NpyTest): " + e, e);
      }
    }
  }
}
