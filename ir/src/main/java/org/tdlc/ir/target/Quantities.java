// How targets write numbers and sizes, in one place: the canonical printer, `tdlc targets` and error
// messages all say "256 KiB" and "2.5", never "262144" or "2.5000000000000004" or "1.0E-4".
package org.tdlc.ir.target;

import java.math.BigDecimal;

public final class Quantities {
  public static final long KIB = 1024, MIB = 1024 * KIB, GIB = 1024 * MIB;

  private Quantities() {}

  /** The shortest plain decimal that reads back as the same double: 16, 2.5, 0.00015. */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** A byte count in the largest binary unit that divides it exactly: 512 B, 108 KiB, 24 MiB. */
  public static String bytes(long n) {
    if (n != 0 && n % GIB == 0) return n / GIB + " GiB";
    if (n != 0 && n % MIB == 0) return n / MIB + " MiB";
    if (n != 0 && n % KIB == 0) return n / KIB + " KiB";
    return n + " B";
  }
}
