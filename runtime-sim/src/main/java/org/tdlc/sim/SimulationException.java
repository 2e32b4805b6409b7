// The one error the simulator raises: a malformed program, wrong inputs, an out-of-range address, a deadlock
// or unbalanced tokens. Messages name the instruction (index and assembly) so a user can find it in a dump.
package org.tdlc.sim;

public final class SimulationException extends RuntimeException {
  private final int instruction;

  SimulationException(String message) { this(-1, message); }

  SimulationException(int instruction, String message) {
    super(message);
    this.instruction = instruction;
  }

  /** The index of the instruction at fault, or -1 when the error is not about one instruction. */
  public int instruction() { return instruction; }
}
