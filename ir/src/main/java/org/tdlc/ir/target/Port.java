// Whether a memory level's reads and writes share one port, as a target declares it in the level's block
// (`port shared;` or `port split;`). Shared, as one DRAM channel or a single-ported SRAM is: a level moves
// one direction's bytes at a time, so a transfer that reads and writes it takes the sum of both directions'
// cycles, and DRAM's LOADs and STOREs never overlap. Split: reads and writes each have their own port (a
// dual-ported SRAM; Timeloop's separate read_bandwidth and write_bandwidth), so both directions stream at
// once. The rules that turn this into cycles live in the machine model: Timing.port for every level,
// DramArbiter for DRAM's queues.
package org.tdlc.ir.target;

import java.util.Optional;

public enum Port {
  SHARED("shared"),
  SPLIT("split");

  /** One port, as DRAM and most SRAMs are built: what a level gets when its block does not say. */
  public static final Port DEFAULT = SHARED;

  private final String keyword;

  Port(String keyword) { this.keyword = keyword; }

  public String keyword() { return keyword; }

  public boolean shared() { return this == SHARED; }

  public static Optional<Port> parse(String word) {
    for (Port p : values()) if (p.keyword.equals(word)) return Optional.of(p);
    return Optional.empty();
  }
}
