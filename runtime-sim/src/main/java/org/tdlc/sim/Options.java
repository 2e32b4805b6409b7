// How to run a simulation. Immutable, with a named default: an optional trace. There is no skip-execution
// mode: values are always computed, because the counters of skipped zero MACs depend on them.
package org.tdlc.sim;

public record Options(TraceListener trace) {
  /** No trace. */
  public static final Options DEFAULT = new Options(null);

  public static Options tracing(TraceListener trace) { return new Options(trace); }
}
