// A malformed pipeline or a pass run out of order: a user error with a readable message.
package org.tdlc.passes;

public final class PipelineException extends RuntimeException {
  public PipelineException(String message) { super(message, null, false, false); }
}
