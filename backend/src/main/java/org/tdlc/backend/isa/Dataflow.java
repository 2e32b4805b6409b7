// Dataflows a PE array can run: which operand stays in the PEs while the others stream through.
package org.tdlc.backend.isa;

public enum Dataflow {
  /** Weight stationary: B (weights) held in the PEs; rows x cols map reduction x output-channel loops. */
  WS,
  /** Output stationary: C (partial sums) held in the PEs. */
  OS,
  /** Row stationary (Eyeriss): a filter row and an input row meet in each PE. */
  RS;

  public String keyword() { return name().toLowerCase(java.util.Locale.ROOT); }

  public static Dataflow parse(String s) { return valueOf(s.toUpperCase(java.util.Locale.ROOT)); }
}
