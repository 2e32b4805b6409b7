// A typing rule's complaint, worded for the user; the caller attaches the location.
package org.tdlc.ir.ops;

public final class OpTypeException extends RuntimeException {
  public OpTypeException(String message) { super(message, null, false, false); }
}
