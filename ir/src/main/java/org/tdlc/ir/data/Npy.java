// Reads and writes NumPy .npy files, the format of `init file(...)`, `--input x=x.npy` and `--save-outputs`.
// Reads header versions 1.0, 2.0 and 3.0 and writes 1.0; supports only the dtypes of tdl (|i1, <i2, <i4)
// in C order. Any byte sequence either reads or fails with a NpyException that names the file and the value.
package org.tdlc.ir.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.tdlc.ir.io.AtomicFiles;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.Shape;
import org.tdlc.ir.type.TensorType;

public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

  private Npy() {}

  /** The dtype written for an element type: |i1, <i2 or <i4. */
  public static String dtype(ElementType e) {
    return switch (e) {
      case I8 -> "|i1";
      case I16 -> "<i2";
      case I32 -> "<i4";
    };
  }

  /** The element type of a dtype string, accepting i1, <i1 and |i1 for bytes; empty if unsupported. */
  public static Optional<ElementType> elementType(String descr) {
    return switch (descr) {
      case "|i1", "<i1", "i1" -> Optional.of(ElementType.I8);
      case "<i2" -> Optional.of(ElementType.I16);
      case "<i4" -> Optional.of(ElementType.I32);
      default -> Optional.empty();
    };
  }

  public static Tensor read(Path file) { return read(file, file.toString()); }

  /** Reads {@code file}, naming it {@code label} in messages (as the user wrote it, say). */
  public static Tensor read(Path file, String label) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | SecurityException | OutOfMemoryError e) {
      throw new NpyException(label + ": cannot read: " + describe(e), e);
    }
    return read(bytes, label);
  }

  /** Decodes the bytes of a .npy file; {@code label} names it in messages. */
  public static Tensor read(byte[] bytes, String label) {
    if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new NpyException(label + ": not a .npy file (bad magic)");
    }
    if (bytes.length < 8) throw new NpyException(label + ": truncated: the file ends inside the version");
    int major = bytes[6] & 0xff, minor = bytes[7] & 0xff;
    if (minor != 0 || major < 1 || major > 3) {
      throw new NpyException(label + ": .npy version " + major + "." + minor
          + " is not supported (expected 1.0, 2.0 or 3.0)");
    }
    int preamble = major == 1 ? 10 : 12;
    if (bytes.length < preamble) throw new NpyException(label + ": truncated: the file ends inside the header length");
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = major == 1 ? buf.getShort(8) & 0xffffL : buf.getInt(8) & 0xffffffffL;
    if (headerLength > bytes.length - preamble) {
      throw new NpyException(label + ": truncated: header says it is " + headerLength + " bytes long, file has "
          + (bytes.length - preamble) + " after the preamble");
    }
    String headerText = new String(bytes, preamble, (int) headerLength,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    TensorType type = typeOf(NpyHeader.parse(headerText, label), label);
    return decode(buf, preamble + (int) headerLength, type, label);
  }

  private static TensorType typeOf(Map<String, Object> header, String label) {
    for (String key : KEYS) {
      if (!header.containsKey(key)) throw new NpyException(label + ": header has no '" + key + "' entry");
    }
    for (String key : header.keySet()) {
      if (!KEYS.contains(key)) throw new NpyException(label + ": header has an unexpected key '" + key + "'");
    }
    if (!(header.get("descr") instanceof String descr)) {
      throw new NpyException(label + ": dtype must be a plain string, got a " + kind(header.get("descr")));
    }
    ElementType element = elementType(descr).orElseThrow(() -> new NpyException(label + ": dtype '" + descr
        + "' is not supported (expected |i1, <i2 or <i4)"));
    if (!(header.get("fortran_order") instanceof Boolean fortran)) {
      throw new NpyException(label + ": fortran_order must be True or False, got a "
          + kind(header.get("fortran_order")));
    }
    if (fortran) {
      throw new NpyException(label + ": fortran_order is True; only C order is supported "
          + "(save np.ascontiguousarray(a) instead)");
    }
    if (!(header.get("shape") instanceof long[] dims)) {
      throw new NpyException(label + ": shape must be a tuple, got a " + kind(header.get("shape")));
    }
    if (dims.length == 0) throw new NpyException(label + ": shape () is a scalar; tensors have rank >= 1");
    for (long d : dims) {
      if (d == 0) {
        throw new NpyException(label + ": shape " + pythonShape(dims) + " has no elements; tensors are not empty");
      }
    }
    try {
      return TensorType.of(element, Shape.of(LongStream.of(dims).mapToInt(d -> (int) d).toArray()));
    } catch (IllegalArgumentException e) {
      throw new NpyException(label + ": shape " + pythonShape(dims) + ": " + e.getMessage());
    }
  }

  private static Tensor decode(ByteBuffer buf, int start, TensorType type, String label) {
    int n = type.shape().elementCount();
    long need = (long) n * type.element().bytes();
    long have = buf.capacity() - start;
    if (have != need) {
      throw new NpyException(label + ": " + (have < need ? "truncated: " : "")
          + "header says " + need + " bytes of data (" + dtype(type.element()) + " " + type.shape() + "), file has "
          + have);
    }
    int[] v = new int[n];
    buf.position(start);
    switch (type.element()) {
      case I8 -> { for (int i = 0; i < n; i++) v[i] = buf.get(); }
      case I16 -> { for (int i = 0; i < n; i++) v[i] = buf.getShort(); }
      case I32 -> buf.asIntBuffer().get(v);
    }
    return Tensor.adopt(type, v);
  }

  public static void write(Path file, Tensor t) {
    try {
      AtomicFiles.write(file, toBytes(t));   // a failed write never leaves half a file or clobbers the old one
    } catch (IOException | SecurityException e) {
      throw new NpyException(file + ": cannot write: " + describe(e), e);
    }
  }

  /** The bytes of a version 1.0 file (2.0 if the header would not fit), padded as NumPy pads them. */
  public static byte[] toBytes(Tensor t) {
    TensorType type = t.type();
    String dict = "{'descr': '" + dtype(type.element()) + "', 'fortran_order': False, 'shape': "
        + pythonShape(IntStream.of(type.shape().dims()).asLongStream().toArray()) + ", }";
    int preamble = dict.length() + 11 <= 0xffff ? 10 : 12;
    int total = (preamble + dict.length() + 1 + 63) / 64 * 64;
    String header = dict + " ".repeat(total - preamble - dict.length() - 1) + "\n";
    int n = t.elementCount();
    ByteBuffer buf = ByteBuffer.allocate(total + n * type.element().bytes()).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC).put((byte) (preamble == 10 ? 1 : 2)).put((byte) 0);
    if (preamble == 10) buf.putShort((short) header.length()); else buf.putInt(header.length());
    buf.put(header.getBytes(StandardCharsets.ISO_8859_1));
    int[] v = t.sharedArray();
    switch (type.element()) {
      case I8 -> { for (int x : v) buf.put((byte) x); }
      case I16 -> { for (int x : v) buf.putShort((short) x); }
      case I32 -> buf.asIntBuffer().put(v);
    }
    return buf.array();
  }

  /** A shape as Python prints a tuple: (5,) or (2, 3). */
  static String pythonShape(long[] dims) {
    if (dims.length == 1) return "(" + dims[0] + ",)";
    return LongStream.of(dims).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
  }

  private static String kind(Object v) {
    if (v instanceof long[] dims) return "tuple " + pythonShape(dims);
    if (v instanceof Boolean b) return "boolean " + (b ? "True" : "False");
    return "string '" + v + "'";
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
  }
}
