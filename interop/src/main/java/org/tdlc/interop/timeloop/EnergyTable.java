// An Accelergy energy reference table (ERT) as Timeloop reads it: per component (by its dotted path) and
// action, the energy in pJ. Timeloop takes the largest energy over an action's argument variants
// (address_delta, data_delta, ...), and so does this table.
package org.tdlc.interop.timeloop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

record EnergyTable(Map<String, Map<String, Double>> tables, Yaml.Node at) {

  static EnergyTable read(Yaml.Node ert) {
    ert.onlyKeys("ERT", List.of("version", "tables"));
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (Yaml.Node t : ert.get("tables", "ERT").list("ERT.tables")) {
      t.onlyKeys("an ERT table", List.of("name", "actions"));
      Map<String, Double> actions = new LinkedHashMap<>();
      for (Yaml.Node a : t.get("actions", "an ERT table").list("actions")) {
        a.onlyKeys("an ERT action", List.of("name", "arguments", "energy"));
        double e = a.get("energy", "an ERT action").number("energy");
        actions.merge(a.get("name", "an ERT action").text("an action's name"), e, Math::max);
      }
      out.put(t.get("name", "an ERT table").text("a table's name"), actions);
    }
    return new EnergyTable(out, ert);
  }

  /** The component's actions: by its exact path, else by the one table whose last name (without range) is its name. */
  Optional<Map<String, Double>> of(Architecture.Component c) {
    if (tables.containsKey(c.path())) return Optional.of(tables.get(c.path()));
    Map<String, Double> found = null;
    for (Map.Entry<String, Map<String, Double>> e : tables.entrySet()) {
      String last = e.getKey().substring(e.getKey().lastIndexOf('.') + 1).replaceAll("\\[.*\\]$", "");
      if (last.equals(c.name())) {
        if (found != null) return Optional.empty();
        found = e.getValue();
      }
    }
    return Optional.ofNullable(found);
  }

  /** The component's energy for {@code action} (or the first of its synonyms present), or an error at the component. */
  double energy(Architecture.Component c, String... actions) {
    Map<String, Double> a = of(c).orElseThrow(() -> c.at().error("the ERT has no table for " + c.path()
        + " (its tables: " + String.join(", ", tables.keySet()) + ")"));
    for (String name : actions) if (a.containsKey(name)) return a.get(name);
    throw c.at().error("the ERT's table for " + c.path() + " has no '" + actions[0] + "' action (it has "
        + String.join(", ", a.keySet()) + ")");
  }
}
