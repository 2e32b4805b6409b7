// A compressed block that cannot be decoded (truncated, or a count or coordinate out of range); the
// simulator reports it as a simulation error of the LOAD that read it.
package org.tdlc.machine.sparse;

public final class MalformedBlockException extends RuntimeException {
  public MalformedBlockException(String message) { super(message); }
}
