// Runs the tdlc command in-process, capturing its exit code, stdout and stderr, and checks the promise
// every invocation keeps: whatever happens, no Java stack trace reaches the user.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.tdlc.cli.Io;
import org.tdlc.cli.Main;

public final class Tdlc {
  public record Result(int code, String out, String err) {
    @Override public String toString() { return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err; }
  }

  private Tdlc() {}

  public static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    int code = Main.run(args, new Io(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    Result r = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    assertFalse(r.err().contains("\tat org.") || r.err().contains("Exception:") || r.out().contains("\tat org."),
        "a stack trace reached the user:\n" + r);
    return r;
  }
}
