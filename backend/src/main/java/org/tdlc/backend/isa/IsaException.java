// A program or machine that the binary ISA cannot express: a value too wide for its instruction field,
// a machine whose buffer needs more address bits than an instruction has, a word that decodes to nothing.
// The message says which field, how wide it is and what value did not fit; there is no useful stack trace.
package org.tdlc.backend.isa;

public final class IsaException extends RuntimeException {
  public IsaException(String message) { super(message, null, false, false); }
}
