// Structural equality of programs. Program is a record holding a byte[] (the data segment), so its own
// equals compares that array by identity; round-trip tests (asm, .tdlx) need equality by content, and a
// failing test wants to know where two programs first differ.
package org.tdlc.backend.isa;

import java.util.Arrays;
import java.util.List;

public final class ProgramEquality {
  private ProgramEquality() {}

  public static boolean equal(Program a, Program b) { return firstDifference(a, b) == null; }

  /** A description of the first difference between {@code a} and {@code b}, or null when they are equal. */
  public static String firstDifference(Program a, Program b) {
    if (!a.machine().equals(b.machine())) return "machine: " + a.machine() + " vs " + b.machine();
    if (a.dramSize() != b.dramSize()) return "dramSize: " + a.dramSize() + " vs " + b.dramSize();
    if (!a.info().equals(b.info())) return "info: " + a.info() + " vs " + b.info();
    String d = listDifference("instruction", a.instructions(), b.instructions());
    if (d == null) d = listDifference("descriptor", a.descriptors(), b.descriptors());
    if (d == null) d = listDifference("symbol", a.symbols(), b.symbols());
    if (d == null) d = listDifference("layer", a.layers(), b.layers());
    if (d != null) return d;
    byte[] x = a.dataSegment() == null ? new byte[0] : a.dataSegment();
    byte[] y = b.dataSegment() == null ? new byte[0] : b.dataSegment();
    int at = Arrays.mismatch(x, y);
    if (at < 0) return null;
    return "data segment (" + x.length + " vs " + y.length + " bytes) differs at byte " + at;
  }

  private static String listDifference(String what, List<?> a, List<?> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!a.get(i).equals(b.get(i))) return what + " " + i + ": " + a.get(i) + " vs " + b.get(i);
    }
    if (a.size() != b.size()) return what + " count: " + a.size() + " vs " + b.size();
    return null;
  }
}
