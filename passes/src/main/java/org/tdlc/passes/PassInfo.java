// A pass declared as data: its name on the command line, a one-line summary, its options with
// defaults and help, and the stages it requires and establishes. --list-passes, dump headers and the
// ordering check are all generated from this, so they cannot go stale.
package org.tdlc.passes;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

public record PassInfo(String name, String summary, List<OptionSpec> options, Set<Stage> requires,
                       Set<Stage> establishes) {

  public record OptionSpec(String name, String defaultValue, String help) {}

  public PassInfo {
    options = List.copyOf(options);
    requires = stages(requires);
    establishes = stages(establishes);
  }

  public static PassInfo of(String name, String summary) {
    return new PassInfo(name, summary, List.of(), Set.of(), Set.of());
  }

  public PassInfo option(String optName, String defaultValue, String help) {
    var all = new java.util.ArrayList<>(options);
    all.add(new OptionSpec(optName, defaultValue, help));
    return new PassInfo(name, summary, all, requires, establishes);
  }

  public PassInfo requires(Stage... stages) {
    return new PassInfo(name, summary, options, Set.of(stages), establishes);
  }

  public PassInfo establishes(Stage... stages) {
    return new PassInfo(name, summary, options, requires, Set.of(stages));
  }

  /** An unmodifiable copy in declaration order, so --list-passes prints stages the same way every run. */
  private static Set<Stage> stages(Set<Stage> s) {
    return s.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(s));
  }
}
