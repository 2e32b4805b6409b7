// The options of one pass instance, as written in a pipeline (fuse-epilogue{max-steps=2}), checked
// against the pass's declared options and filled in with their defaults.
package org.tdlc.passes;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

public record PassOptions(SortedMap<String, String> values) {

  public PassOptions { values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values)); }

  /** The given values over the declared defaults; an undeclared option is a PipelineException. */
  static PassOptions resolve(PassInfo info, Map<String, String> given) {
    TreeMap<String, String> v = new TreeMap<>();
    for (PassInfo.OptionSpec o : info.options()) v.put(o.name(), o.defaultValue());
    for (var e : given.entrySet()) {
      if (!v.containsKey(e.getKey())) {
        String known = info.options().isEmpty() ? "it has no options"
            : "its options are " + info.options().stream().map(PassInfo.OptionSpec::name).collect(Collectors.joining(", "));
        throw new PipelineException("pass '" + info.name() + "' has no option '" + e.getKey() + "'; " + known);
      }
      v.put(e.getKey(), e.getValue());
    }
    return new PassOptions(v);
  }

  public String string(String name) { return values.get(name); }

  public int integer(String name) {
    try {
      return Integer.parseInt(values.get(name));
    } catch (NumberFormatException e) {
      throw new PipelineException("option '" + name + "' must be an integer, got '" + values.get(name) + "'");
    }
  }

  /** An integer option that must be at least {@code min}: a search budget of 0 is a mistake in the pipeline. */
  public int atLeast(String name, int min) {
    int v = integer(name);
    if (v < min) throw new PipelineException("option '" + name + "' must be at least " + min + ", got " + v);
    return v;
  }

  public boolean bool(String name) {
    String v = values.get(name);
    if (v.equals("true") || v.equals("false")) return Boolean.parseBoolean(v);
    throw new PipelineException("option '" + name + "' must be true or false, got '" + v + "'");
  }

  /** {a=1 b=2}, or "" when there are no options: the form used in pipelines and dump headers. */
  @Override public String toString() {
    if (values.isEmpty()) return "";
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ", "{", "}"));
  }
}
