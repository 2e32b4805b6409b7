// Whether tdlc takes an imported file's @map pins: the file is compiled (front end and the default pass
// pipeline) for its own target, and the first error is the reason a pin cannot stay. Used by the importer
// so a Timeloop tile tdlc's buffer cannot hold becomes a comment instead of a file that does not compile.
package org.tdlc.interop.timeloop;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tdlc.frontend.Frontend;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.target.Target;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;

public final class PinTrial {
  private PinTrial() {}

  /** Null when {@code text} compiles for target {@code targetName}, else the first error's message. */
  public static String refusal(String text, String targetName) {
    Path file = null;
    try {
      file = Files.createTempFile("tdlc-import", ".tdl");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      Frontend.Result parsed = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString());
      Target target = Targets.resolve(targetName, parsed);
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
      new PassManager(PassManager.Instrumentation.defaults(quiet).withTarget(target))
          .run(parsed.module(), Pipeline.DEFAULT, new DiagnosticEngine());
      return null;
    } catch (CompileException e) {
      return e.diagnostics().isEmpty() ? "it does not compile" : e.diagnostics().get(0).message();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a scratch file: " + e.getMessage(), e);
    } finally {
      if (file != null) file.toFile().delete();
    }
  }
}
