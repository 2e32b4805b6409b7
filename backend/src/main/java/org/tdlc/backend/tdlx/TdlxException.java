// A .tdlx file that cannot be read or written: not a .tdlx file, another version, truncated, corrupt, or a
// program that contradicts itself. The message is meant for the user as is (the CLI prints it and exits 1),
// so it names the file, what was expected and what was found; there is no useful stack trace.
package org.tdlc.backend.tdlx;

public final class TdlxException extends RuntimeException {
  public TdlxException(String message) { super(message, null, false, false); }
}
