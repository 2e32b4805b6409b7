// A problem with the ONNX file the user gave: a malformed or truncated protobuf, a value no node defines, or a
// node tdlc cannot represent. It names the file and says what is wrong (for a node: its name, op type and
// opset); the cli prints it as "FILE: error: message" and exits 1, having written nothing.
package org.tdlc.interop.onnx;

public final class OnnxException extends RuntimeException {
  private final String file;

  OnnxException(String file, String message) {
    super(message, null, false, false);
    this.file = file;
  }

  /** The ONNX file the message is about, as the user named it. */
  public String file() { return file; }
}
