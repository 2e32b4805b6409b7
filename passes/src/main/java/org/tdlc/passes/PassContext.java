// What a running pass may touch besides the IR: the diagnostics engine and its statistics counters.
package org.tdlc.passes;

import java.util.Map;
import java.util.TreeMap;
import org.tdlc.ir.diag.DiagnosticEngine;

public final class PassContext {
  private final DiagnosticEngine diagnostics;
  private final Map<String, Long> statistics = new TreeMap<>();

  public PassContext(DiagnosticEngine diagnostics) { this.diagnostics = diagnostics; }

  public DiagnosticEngine diagnostics() { return diagnostics; }

  public void count(String statistic, long by) { statistics.merge(statistic, by, Long::sum); }

  public Map<String, Long> statistics() { return java.util.Collections.unmodifiableMap(statistics); }
}
