// A MAESTRO hardware file (`--HW_file`): `key: value` lines with the six keys its parser knows (num_pes,
// l1_size_cstr, l2_size_cstr, noc_bw_cstr, NoC_NumHops, offchip_bw_cstr). A key left out takes MAESTRO's default
// for a HW file; without a HW file, MAESTRO's command-line defaults apply (7 PEs, off-chip 70,000 elements/cycle).
// An unknown key or a value that is not a positive integer is an error at it.
package org.tdlc.interop.maestro;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.tdlc.interop.SourceFile;

public record MaestroHardware(String file, int numPes, OptionalInt l1, OptionalInt l2, OptionalInt nocBw, int hops,
                              OptionalInt offchipBw) {
  public static final List<String> KEYS = List.of("num_pes", "l1_size_cstr", "l2_size_cstr", "noc_bw_cstr",
      "NoC_NumHops", "offchip_bw_cstr");

  /** MAESTRO without --HW_file: its command-line options' defaults. */
  public static MaestroHardware defaults() {
    return new MaestroHardware(null, 7, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), 1,
        OptionalInt.of(70000));
  }

  public static MaestroHardware read(SourceFile file) {
    Tokens t = new Tokens(file);
    Map<String, Integer> v = new LinkedHashMap<>();
    while (!t.atEnd()) {
      Tokens.Token key = t.take("a key");
      if (!KEYS.contains(key.text())) {
        throw t.error(key, "unknown key '" + key.text() + "'; MAESTRO's HW file keys are " + String.join(", ", KEYS));
      }
      if (v.containsKey(key.text())) throw t.error(key, "key '" + key.text() + "' given twice");
      Tokens.Token value = t.take("the value of " + key.text());
      try {
        int x = Integer.parseInt(value.text());
        if (x <= 0) throw new NumberFormatException();
        v.put(key.text(), x);
      } catch (NumberFormatException e) {
        throw t.error(value, key.text() + " takes a positive integer, got '" + value.text() + "'");
      }
    }
    return new MaestroHardware(file.path(), v.getOrDefault("num_pes", 1), opt(v, "l1_size_cstr"), opt(v, "l2_size_cstr"),
        opt(v, "noc_bw_cstr"), v.getOrDefault("NoC_NumHops", 1), opt(v, "offchip_bw_cstr"));
  }

  private static OptionalInt opt(Map<String, Integer> v, String key) {
    return v.containsKey(key) ? OptionalInt.of(v.get(key)) : OptionalInt.empty();
  }
}
