// Receives every executed instruction in execution order with its cycle stamps, so a CLI can print a
// trace in assembly or write it for a trace viewer, and tests can check the interleaving the token
// semantics allowed.
package org.tdlc.sim;

import org.tdlc.backend.isa.Instruction;

@FunctionalInterface
public interface TraceListener {
  void executed(int index, long startCycle, long endCycle, Instruction instruction);

  /** Both listeners, {@code first} first; a null one is left out (both null: null, no trace). */
  static TraceListener both(TraceListener first, TraceListener second) {
    if (first == null) return second;
    if (second == null) return first;
    return (index, start, end, insn) -> {
      first.executed(index, start, end, insn);
      second.executed(index, start, end, insn);
    };
  }
}
