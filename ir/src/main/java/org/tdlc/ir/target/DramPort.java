// Whether DRAM's reads and writes share one port, as a target declares it in its DRAM block (`port shared;`
// or `port split;`). Shared, as one DRAM channel is: a LOAD's and a STORE's transfers never overlap in time.
// Split: reads and writes each have their own port, so a load and a store stream at once. The rule that
// turns this into cycles lives in the machine model's DramArbiter.
package org.tdlc.ir.target;

import java.util.Optional;

public enum DramPort {
  SHARED("shared"),
  SPLIT("split");

  /** One port, as DRAM is built: what a target gets when its DRAM block does not say. */
  public static final DramPort DEFAULT = SHARED;

  private final String keyword;

  DramPort(String keyword) { this.keyword = keyword; }

  public String keyword() { return keyword; }

  public boolean shared() { return this == SHARED; }

  public static Optional<DramPort> parse(String word) {
    for (DramPort p : values()) if (p.keyword.equals(word)) return Optional.of(p);
    return Optional.empty();
  }
}
