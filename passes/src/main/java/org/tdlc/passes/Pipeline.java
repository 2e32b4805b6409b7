// A pipeline is a value: parsed from "canonicalize,fuse-epilogue{opt=v}", printed back to the same
// string, and used alike by the CLI and by tests. Every pass name and option is checked on parse.
package org.tdlc.passes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

public record Pipeline(List<Entry> entries) {

  public record Entry(String name, PassOptions options) {
    @Override public String toString() { return name + options; }
  }

  public Pipeline { entries = List.copyOf(entries); }

  public static Pipeline parse(String text) {
    List<Entry> entries = new ArrayList<>();
    String t = text.strip();
    int i = 0;
    while (i < t.length()) {
      int j = i;
      while (j < t.length() && t.charAt(j) != ',' && t.charAt(j) != '{') j++;
      String name = t.substring(i, j).strip();
      Map<String, String> given = new LinkedHashMap<>();
      if (j < t.length() && t.charAt(j) == '{') {
        int close = t.indexOf('}', j);
        if (close < 0) throw new PipelineException("pipeline '" + text + "': missing '}' after options of " + name);
        for (String kv : t.substring(j + 1, close).trim().split("[\\s]+")) {
          if (kv.isEmpty()) continue;
          int eq = kv.indexOf('=');
          if (eq <= 0) throw new PipelineException("pass option '" + kv + "' must be written name=value");
          given.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        j = close + 1;
        while (j < t.length() && Character.isWhitespace(t.charAt(j))) j++;
      }
      if (name.isEmpty()) throw new PipelineException("pipeline '" + text + "' has an empty pass name");
      entries.add(new Entry(name, PassOptions.resolve(Passes.info(name), given)));
      if (j < t.length() && t.charAt(j) != ',') {
        throw new PipelineException("pipeline '" + text + "': expected ',' after " + name);
      }
      i = j + 1;
      if (j == t.length() - 1) throw new PipelineException("pipeline '" + text + "' ends with ','");
    }
    return new Pipeline(entries);
  }

  public List<Pass> instantiate() {
    return entries.stream().map(e -> Passes.create(e.name(), e.options())).toList();
  }

  @Override public String toString() { return entries.stream().map(Entry::toString).collect(Collectors.joining(",")); }
}
