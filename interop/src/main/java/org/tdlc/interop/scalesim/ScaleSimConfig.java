// A SCALE-Sim v2 configuration file (INI: [section], then `key: value` or `key = value`; keys are read
// case-insensitively, as Python's configparser does). Every key SCALE-Sim 2.0.2 reads is known here; an unknown
// section or key, a missing one, or a value that is not what SCALE-Sim takes is an error at its line.
package org.tdlc.interop.scalesim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tdlc.interop.SourceFile;

public record ScaleSimConfig(String runName, int rows, int cols, String dataflow, int ifmapKb, int filterKb,
                             int ofmapKb, boolean userBandwidth, List<Integer> bandwidths, int memoryBanks) {
  /** Per section, its keys in SCALE-Sim's spelling (the order help lists them). */
  private static final Map<String, List<String>> KEYS = Map.of(
      "general", List.of("run_name"),
      "architecture_presets", List.of("ArrayHeight", "ArrayWidth", "IfmapSramSzkB", "FilterSramSzkB", "OfmapSramSzkB",
          "IfmapOffset", "FilterOffset", "OfmapOffset", "Bandwidth", "Dataflow", "MemoryBanks"),
      "run_presets", List.of("InterfaceBandwidth"),
      "network_presets", List.of("TopologyCsvLoc"));

  /** A value as written, and where. */
  private record Value(String text, int line, int col) {}

  public static ScaleSimConfig read(SourceFile file) {
    Map<String, Value> values = new LinkedHashMap<>();   // "section.key" in lower case
    String section = null;
    for (int i = 0; i < file.lines().size(); i++) {
      String raw = file.lines().get(i);
      String line = raw.strip();
      int n = i + 1;
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
      int indent = raw.indexOf(line.charAt(0)) + 1;
      if (line.startsWith("[")) {
        if (!line.endsWith("]")) throw file.error(n, indent, "a section header needs a closing ']'");
        section = line.substring(1, line.length() - 1).strip();
        if (!KEYS.containsKey(section)) {
          throw file.error(n, indent + 1, "unknown section [" + section + "]; SCALE-Sim's sections are "
              + String.join(", ", KEYS.keySet().stream().sorted().map(s -> "[" + s + "]").toList()));
        }
        continue;
      }
      int sep = firstOf(line, ':', '=');
      if (sep < 0) throw file.error(n, indent, "expected 'key: value' or 'key = value', got '" + line + "'");
      String key = line.substring(0, sep).strip();
      if (section == null) throw file.error(n, indent, "key '" + key + "' before any [section]");
      String sec = section;
      String canonical = KEYS.get(sec).stream().filter(k -> k.equalsIgnoreCase(key)).findFirst().orElseThrow(
          () -> file.error(n, indent, "unknown key '" + key + "' in [" + sec + "]; its keys are "
              + String.join(", ", KEYS.get(sec))));
      String value = line.substring(sep + 1);
      int hash = value.indexOf('#');
      if (hash >= 0) value = value.substring(0, hash);
      int col = indent + sep + 1 + (value.length() - value.stripLeading().length());
      String id = section + "." + canonical.toLowerCase(Locale.ROOT);
      if (values.containsKey(id)) throw file.error(n, indent, "key '" + canonical + "' given twice in [" + section + "]");
      values.put(id, new Value(value.strip(), n, col));
    }
    Reader r = new Reader(file, values);
    String mode = r.text("run_presets", "InterfaceBandwidth");
    if (!mode.equals("USER") && !mode.equals("CALC")) {
      throw r.error("run_presets", "InterfaceBandwidth", "InterfaceBandwidth is USER or CALC, got '" + mode + "'");
    }
    String df = r.text("architecture_presets", "Dataflow");
    if (!List.of("os", "ws", "is").contains(df)) {
      throw r.error("architecture_presets", "Dataflow", "Dataflow is os, ws or is, got '" + df + "'");
    }
    List<Integer> bw = mode.equals("USER") ? r.intList("architecture_presets", "Bandwidth") : List.of();
    r.positive("architecture_presets", "IfmapOffset", true);
    r.positive("architecture_presets", "FilterOffset", true);
    r.positive("architecture_presets", "OfmapOffset", true);
    int banks = values.containsKey("architecture_presets.memorybanks") ? r.positive("architecture_presets", "MemoryBanks", false) : 1;
    return new ScaleSimConfig(r.text("general", "run_name"), r.positive("architecture_presets", "ArrayHeight", false),
        r.positive("architecture_presets", "ArrayWidth", false), df,
        r.positive("architecture_presets", "IfmapSramSzkB", false), r.positive("architecture_presets", "FilterSramSzkB", false),
        r.positive("architecture_presets", "OfmapSramSzkB", false), mode.equals("USER"), bw, banks);
  }

  private static int firstOf(String s, char a, char b) {
    int i = s.indexOf(a), j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }

  /** Reads the values SCALE-Sim requires, each checked where it was written. */
  private record Reader(SourceFile file, Map<String, Value> values) {
    Value value(String section, String key) {
      Value v = values.get(section + "." + key.toLowerCase(Locale.ROOT));
      if (v == null) throw file.error(1, 1, "missing key '" + key + "' in [" + section + "] (SCALE-Sim requires it)");
      return v;
    }

    String text(String section, String key) {
      Value v = value(section, key);
      if (v.text().isEmpty()) throw file.error(v.line(), v.col(), key + " has no value");
      return v.text();
    }

    RuntimeException error(String section, String key, String message) {
      Value v = value(section, key);
      return file.error(v.line(), v.col(), message);
    }

    int positive(String section, String key, boolean zeroAllowed) {
      Value v = value(section, key);
      return parse(v, v.text(), key, zeroAllowed, v.col());
    }

    List<Integer> intList(String section, String key) {
      Value v = value(section, key);
      List<Integer> out = new java.util.ArrayList<>();
      int col = v.col();
      for (String part : v.text().split(",", -1)) {
        out.add(parse(v, part.strip(), key, false, col + (part.length() - part.stripLeading().length())));
        col += part.length() + 1;
      }
      return out;
    }

    private int parse(Value v, String text, String key, boolean zeroAllowed, int col) {
      try {
        int x = Integer.parseInt(text);
        if (x > 0 || (zeroAllowed && x == 0)) return x;
      } catch (NumberFormatException e) {
        // reported below
      }
      throw file.error(v.line(), col, key + " takes a " + (zeroAllowed ? "non-negative" : "positive")
          + " integer, got '" + text + "'");
    }
  }
}
