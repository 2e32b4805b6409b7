// The fuzzer's fast path: the same promise as FuzzOracle, checked by calling the reader of each kind of input
// directly (front end, IR parser + verifier + passes, assembler, .tdlx reader + program verifier, .npy
// reader) instead of the whole command, about ten times cheaper, so -Pfuzz's million inputs fit in minutes.
// A user error must be one of the exceptions the CLI turns into exit 1, with a located first diagnostic.
package org.tdlc.tests.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tdlc.backend.asm.Assembler;
import org.tdlc.backend.isa.IsaException;
import org.tdlc.backend.isa.ProgramVerifier;
import org.tdlc.backend.tdlx.TdlxException;
import org.tdlc.backend.tdlx.TdlxReader;
import org.tdlc.frontend.Frontend;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Location;
import org.tdlc.ir.data.Npy;
import org.tdlc.ir.data.NpyException;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.text.IrParser;
import org.tdlc.ir.verify.Verifier;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;
import org.tdlc.passes.PipelineException;

final class FastOracle {
  private static final Pipeline PIPELINE = Pipeline.FUSED;
  private final Path file;

  FastOracle(Path dir) { file = dir.resolve("fast.tdl"); }

  /** Null when {@code input} was read, or refused with a user error; else what went wrong. */
  String check(FuzzCorpus.Input input) throws IOException {
    String name = "input." + input.kind().extension;
    try {
      switch (input.kind()) {
        case TDL -> {
          Files.write(file, input.bytes());
          new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString());
        }
        case TIR -> {
          IrModule m = IrParser.parse(new String(input.bytes(), StandardCharsets.UTF_8), name);
          if (Verifier.verify(m).isEmpty()) {
            new PassManager(PassManager.Instrumentation.defaults(System.err)).run(m, PIPELINE, new DiagnosticEngine());
          }
        }
        case ASM -> Assembler.parse(new String(input.bytes(), StandardCharsets.UTF_8), name);
        case TDLX -> ProgramVerifier.verify(TdlxReader.read(input.bytes(), name));
        case NPY -> Npy.read(input.bytes(), name);
      }
      return null;
    } catch (CompileException e) {
      boolean verifierOnIr = input.kind() == FuzzCorpus.Kind.TIR && e.getMessage().contains("' op ");
      if (e.diagnostics().isEmpty() || (e.diagnostics().get(0).location() instanceof Location.Unknown && !verifierOnIr)) {
        return "an error without a location: " + e.getMessage();
      }
      return null;
    } catch (TdlxException | NpyException | IsaException e) {
      return e.getMessage().startsWith(name) ? null : "the error does not name the input: " + e.getMessage();
    } catch (PipelineException e) {
      return null;
    }
  }
}
