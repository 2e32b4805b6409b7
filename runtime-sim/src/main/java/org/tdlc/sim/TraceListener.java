// Receives every executed instruction in execution order with its cycle stamps, so a CLI can print a
// trace in assembly and tests can check the interleaving the token semantics allowed.
package org.tdlc.sim;

import org.tdlc.backend.isa.Instruction;

@FunctionalInterface
public interface TraceListener {
  void executed(int index, long startCycle, long endCycle, Instruction instruction);
}
