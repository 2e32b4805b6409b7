// Checks at compile time that a weight's .npy file holds the declared type; kept behind an interface
// so the model builder does not read files itself.
package org.tdlc.frontend.sema;

import java.nio.file.Path;
import org.tdlc.ir.type.TensorType;

@FunctionalInterface
public interface NpyChecker {
  /** An error message naming the file and both types, or null when the file holds the declared type. */
  String check(Path file, TensorType declared);
}
