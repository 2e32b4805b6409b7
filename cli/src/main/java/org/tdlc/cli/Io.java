// Standard output and error of one invocation, passed in so tests run commands in-process.
package org.tdlc.cli;

import java.io.PrintStream;

public record Io(PrintStream out, PrintStream err) {
  public static Io system() { return new Io(System.out, System.err); }
}
