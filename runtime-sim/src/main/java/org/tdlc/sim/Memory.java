// Little-endian element access on the simulator's byte-array memories (DRAM and the global buffer).
// Values are sign-extended from their width on reads and truncated on writes, which is exactly the
// two's-complement wrap into the element type. Callers check address ranges before any access.
package org.tdlc.sim;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

final class Memory {
  static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private Memory() {}

  static int read(byte[] m, int p, int size) {
    if (size == 1) return m[p];
    if (size == 2) return (short) I16.get(m, p);
    return (int) I32.get(m, p);
  }

  static void write(byte[] m, int p, int size, int v) {
    if (size == 1) m[p] = (byte) v;
    else if (size == 2) I16.set(m, p, (short) v);
    else I32.set(m, p, v);
  }

  static int readInt(byte[] m, int p) { return (int) I32.get(m, p); }

  static void writeInt(byte[] m, int p, int v) { I32.set(m, p, v); }

  /** The little-endian bytes of {@code v} truncated to {@code size} bytes. */
  static byte[] bytesOf(int v, int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) b[i] = (byte) (v >> (8 * i));
    return b;
  }
}
