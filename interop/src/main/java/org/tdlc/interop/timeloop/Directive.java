// One directive of a Timeloop mapping or constraint list: the level it targets, its type (temporal, spatial,
// datatype/bypass, ...), its factors ("C4 M1" or "C=4"; constraints also "C<=4", "C>=2", and 0 for "the rest";
// a factor with a residual, "P16,8", reads as its 16), its permutation (inner to outer, one letter a dimension)
// and split, and its keep/bypass lists.
package org.tdlc.interop.timeloop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

record Directive(String target, String type, Map<String, String> factors, Map<String, Integer> residuals,
                 String permutation, Integer split, List<String> keep, List<String> bypass, Yaml.Node at) {
  /** A factor: its dimension, relation, value and, after a comma, the residual of its last iteration ("P16,8"). */
  private static final Pattern FACTOR = Pattern.compile("([A-Za-z])\\s*(=|<=|>=)?\\s*(\\d+)(?:,(\\d+))?");
  private static final List<String> KEYS = List.of("target", "type", "factors", "permutation", "split", "keep",
      "bypass", "min", "max", "default_max_factor", "default_min_factor", "remainders", "no_link_transfer",
      "no_multicast_no_reduction", "no_temporal_reuse");

  boolean temporal() { return type.equals("temporal"); }

  boolean spatial() { return type.equals("spatial"); }

  boolean bypassType() { return type.equals("datatype") || type.equals("bypass"); }

  /** The factor of {@code dim} as an exact integer ("C4", "C=4"), or 1 when the directive does not name it. */
  int factor(String dim) {
    String f = factors.get(dim);
    if (f == null) return 1;
    if (!f.matches("=?\\d+")) throw at.error("factor " + dim + f + " is not an exact factor (a mapping gives C4 or C=4)");
    return Integer.parseInt(f.replace("=", ""));
  }

  /** The iterations of {@code dim}'s loop in the last pass of the loops around it: its residual, else its factor. */
  int last(String dim) { return residuals.getOrDefault(dim, factor(dim)); }

  /** Timeloop's one-line text of the directive, as the output's comments quote it. */
  String text() {
    StringBuilder b = new StringBuilder(target + " " + type);
    if (!factors.isEmpty()) {
      b.append(" factors:");
      factors.forEach((d, f) -> b.append(' ').append(d).append(f).append(residuals.containsKey(d) ? "," + residuals.get(d) : ""));
    }
    if (permutation != null) b.append(" permutation: ").append(permutation);
    if (split != null) b.append(" split: ").append(split);
    if (keep != null) b.append(" keep: ").append(keep);
    if (bypass != null) b.append(" bypass: ").append(bypass);
    return b.toString();
  }

  /** A mapping (a list of directives) or a constraints block ({targets: [...]}). */
  static List<Directive> list(Yaml.Node n, String what) {
    Yaml.Node items = n.isMap() ? n.get("targets", what) : n;
    if (n.isMap()) n.onlyKeys(what, List.of("targets", "version"));
    List<Directive> out = new ArrayList<>();
    for (Yaml.Node d : items.list(what)) out.add(read(d));
    return out;
  }

  private static Directive read(Yaml.Node d) {
    d.onlyKeys("a directive", KEYS);
    String target = d.get("target", "a directive").text("target");
    String type = d.get("type", "a directive").text("type");
    if (!List.of("temporal", "spatial", "datatype", "bypass", "utilization", "parallelism", "max_overbooked_proportion")
        .contains(type)) {
      throw d.get("type", "").error("unknown directive type '" + type + "' (temporal, spatial, datatype, bypass, "
          + "utilization, parallelism)");
    }
    Map<String, String> factors = new LinkedHashMap<>();
    Map<String, Integer> residuals = new LinkedHashMap<>();
    Yaml.Node f = d.opt("factors", "");
    if (f != null) {
      String text = f.text("factors");
      Matcher m = FACTOR.matcher(text);
      int end = 0;
      while (m.find()) {
        if (!text.substring(end, m.start()).isBlank()) throw f.error("cannot read factors '" + text + "' near '"
            + text.substring(end, m.start()).trim() + "' (write C4 M2 or C=4 M=2)");
        factors.put(m.group(1), (m.group(2) == null ? "" : m.group(2).equals("=") ? "" : m.group(2)) + m.group(3));
        if (m.group(4) != null) residuals.put(m.group(1), Integer.parseInt(m.group(4)));
        end = m.end();
      }
      if (!text.substring(end).isBlank()) throw f.error("cannot read factors '" + text + "' near '"
          + text.substring(end).trim() + "' (write C4 M2 or C=4 M=2)");
    }
    Yaml.Node p = d.opt("permutation", "");
    Yaml.Node s = d.opt("split", "");
    return new Directive(target, type, factors, residuals, p == null ? null : p.text("permutation").replace(" ", ""),
        s == null ? null : (int) s.integer("split"), names(d.opt("keep", "")), names(d.opt("bypass", "")), d);
  }

  private static List<String> names(Yaml.Node n) {
    if (n == null) return null;
    List<String> out = new ArrayList<>();
    for (Yaml.Node e : n.list("a data-space list")) out.add(e.text("a data space"));
    return out;
  }
}
