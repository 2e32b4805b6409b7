// A pipeline is a value: parsed from "canonicalize,mapper{objective=cycles seed=2}", printed back to the
// same string, and used alike by the CLI and by tests. Inside braces, options are separated by spaces or
// commas (printed with spaces). Every pass name and option is checked on parse. The pipelines the
// compiler and its tests name are defined here once.
package org.tdlc.passes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

public record Pipeline(List<Entry> entries) {

  /**
   * One pass of a pipeline: its name, the options as written (what the pipeline prints back) and all its
   * options, defaults filled in (what the pass runs with).
   */
  public record Entry(String name, Map<String, String> written, PassOptions options) {
    public Entry { written = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(written)); }

    /** name{k=v ...} with every option, defaults included: the label of IR dumps. */
    public String withAllOptions() { return name + options; }

    /** As written: name, or name{k=v ...} with the options given, in their order. */
    @Override public String toString() {
      if (written.isEmpty()) return name;
      return name + written.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(" ", "{", "}"));
    }
  }

  public Pipeline { entries = List.copyOf(entries); }

  /** What `tdlc run` and `tdlc compile` run: fold and fuse, store weights in formats, search each mapping. */
  public static final Pipeline DEFAULT = parse("canonicalize,fuse-epilogue,select-formats,mapper");
  /** DEFAULT without the mapper: formats chosen, each op mapped by the lowering's heuristic. */
  public static final Pipeline NO_MAPPER = parse("canonicalize,fuse-epilogue,select-formats");
  /** DEFAULT without select-formats: every weight stays dense, the mappings are searched. */
  public static final Pipeline NO_FORMATS = parse("canonicalize,fuse-epilogue,mapper");
  /** Only the graph rewrites: dense weights and the lowering's heuristic mapping. */
  public static final Pipeline FUSED = parse("canonicalize,fuse-epilogue");

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
        for (String kv : t.substring(j + 1, close).trim().split("[\\s,]+")) {
          if (kv.isEmpty()) continue;
          int eq = kv.indexOf('=');
          if (eq <= 0) throw new PipelineException("pass option '" + kv + "' must be written name=value");
          if (given.put(kv.substring(0, eq), kv.substring(eq + 1)) != null) {
            throw new PipelineException("pass '" + name + "' is given option '" + kv.substring(0, eq) + "' twice");
          }
        }
        j = close + 1;
        while (j < t.length() && Character.isWhitespace(t.charAt(j))) j++;
      }
      if (name.isEmpty()) throw new PipelineException("pipeline '" + text + "' has an empty pass name");
      entries.add(new Entry(name, given, PassOptions.resolve(Passes.info(name), given)));
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

  /** The pipeline as written, which {@link #parse} reads back to an equal pipeline. */
  @Override public String toString() { return entries.stream().map(Entry::toString).collect(Collectors.joining(",")); }
}
