// The YAML files Timeloop v0.3 takes, merged as Timeloop merges them: each file contributes its top-level
// keys (problem, architecture, architecture_constraints, mapspace_constraints, mapping, ERT, ...). A key
// given by two files, or one Timeloop does not read, is an error at that key.
package org.tdlc.interop.timeloop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.ir.diag.CompileException;

final class TimeloopFiles {
  /** The keys this importer translates. */
  static final List<String> USED = List.of("problem", "architecture", "architecture_constraints", "mapspace_constraints",
      "mapping", "ERT");
  /** Keys Timeloop reads that say nothing tdlc's target or model can hold: accepted, and named in the output. */
  static final List<String> NOT_CARRIED = List.of("ART", "mapper", "mapspace", "model", "sparse_optimizations",
      "compound_components");

  /** By top-level key, its value and the file it came from. */
  final Map<String, Yaml.Node> keys = new LinkedHashMap<>();
  final Map<String, String> fileOf = new LinkedHashMap<>();

  /** Reads {@code texts} (file name to text, in command-line order). */
  static TimeloopFiles read(Map<String, String> texts) {
    TimeloopFiles f = new TimeloopFiles();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      Yaml.Node root = Yaml.parse(e.getKey(), e.getValue());
      if (root.value() == null) continue;
      if (!root.isMap()) throw root.error("a Timeloop file is a mapping of top-level keys (problem, architecture, ...)");
      for (Map.Entry<String, Yaml.Node> k : root.map("the file").entrySet()) {
        String key = k.getKey();
        if (!USED.contains(key) && !NOT_CARRIED.contains(key)) {
          throw new CompileException(root.keyAt(key), "unknown Timeloop key '" + key + "' (Timeloop v0.3 reads "
              + String.join(", ", USED) + ", " + String.join(", ", NOT_CARRIED) + ")");
        }
        if (f.keys.containsKey(key)) {
          throw new CompileException(root.keyAt(key), "'" + key + "' is also given by " + f.fileOf.get(key)
              + "; give each top-level key once");
        }
        f.keys.put(key, k.getValue());
        f.fileOf.put(key, e.getKey());
      }
    }
    return f;
  }

  Yaml.Node get(String key) { return keys.get(key); }

  /** The value of {@code key}, or an error naming the files read and the file Timeloop keeps it in. */
  Yaml.Node require(String key, String usually, String firstFile) {
    Yaml.Node n = keys.get(key);
    if (n == null) {
      throw new CompileException(org.tdlc.ir.Location.of(firstFile, 1, 1), "no file gives '" + key + ":' ("
          + usually + "); the files give " + (keys.isEmpty() ? "nothing" : String.join(", ", keys.keySet())));
    }
    return n;
  }
}
