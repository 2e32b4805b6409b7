// What a running pass may touch besides the IR: the diagnostics engine, its statistics counters and the
// target the pipeline compiles for (the mapping passes need its array and buffers; others ignore it).
package org.tdlc.passes;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.tdlc.ir.Location;
import org.tdlc.ir.Operation;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.target.Target;

public final class PassContext {
  private final DiagnosticEngine diagnostics;
  private final Map<String, Long> statistics = new TreeMap<>();

  private final Target target;
  /** Where the pipeline's input module had mappings (pins), or null when not known: every mapping is one. */
  private final Set<Location> inputMappings;

  public PassContext(DiagnosticEngine diagnostics) { this(diagnostics, null); }

  public PassContext(DiagnosticEngine diagnostics, Target target) { this(diagnostics, target, null); }

  public PassContext(DiagnosticEngine diagnostics, Target target, Set<Location> inputMappings) {
    this.diagnostics = diagnostics;
    this.target = target;
    this.inputMappings = inputMappings;
  }

  /**
   * Whether {@code op}'s mapping came with the pipeline's input (written in IR, a pin every mapping pass
   * keeps) rather than from an earlier pass of this pipeline (which a later mapping pass refines). Known by
   * location; an op without one is pinned when some input mapping had none either.
   */
  public boolean mappingFromInput(Operation op) {
    return inputMappings == null || inputMappings.contains(op.location());
  }

  /** The target given to the pass manager, if any. */
  public Optional<Target> target() { return Optional.ofNullable(target); }

  /** Progress lines of long searches go here (stderr); passes print nothing else. */
  public java.io.PrintStream progress() { return System.err; }

  public DiagnosticEngine diagnostics() { return diagnostics; }

  public void count(String statistic, long by) { statistics.merge(statistic, by, Long::sum); }

  public Map<String, Long> statistics() { return java.util.Collections.unmodifiableMap(statistics); }
}
