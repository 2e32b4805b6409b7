// How to run a simulation. Immutable, with a named default: an optional trace and the execution engine.
// There is no skip-execution mode: values are always computed, because the counters of skipped zero MACs
// depend on them.
package org.tdlc.sim;

public record Options(TraceListener trace, Engine engine) {
  /** How instruction bodies run; both give the same outputs and counters, only their speed differs. */
  public enum Engine {
    /** The shared units interpret each instruction's descriptor. */
    INTERP,
    /** Java source specialized to the program's descriptors, compiled in memory (needs a JDK). */
    COMPILED;

    /** The engine `tdlc sim` and `tdlc run` use unless told otherwise. */
    public static final Engine DEFAULT = INTERP;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
  }

  /** No trace, the default engine. */
  public static final Options DEFAULT = new Options(null, Engine.DEFAULT);

  public static Options tracing(TraceListener trace) { return new Options(trace, Engine.DEFAULT); }

  public Options withEngine(Engine e) { return new Options(trace, e); }
}
