// A .npy file that cannot be read or written, with a message naming the file and the actual value found,
// ready to show a user as is. Unchecked so data loading composes with streams and the interpreter.
package org.tdlc.ir.data;

public final class NpyException extends RuntimeException {
  public NpyException(String message) { super(message); }

  public NpyException(String message, Throwable cause) { super(message, cause); }
}
