// Loads what a command works on: a .tdl file through the front end, or a textual IR file (.ir, .tir)
// through the IR parser, so that every command accepts both and pass dumps can be fed back in.
package org.tdlc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import java.io.PrintStream;
import org.tdlc.frontend.Frontend;
import org.tdlc.ir.diag.DiagnosticPrinter;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Location;
import org.tdlc.ir.Model;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.text.IrParser;
import org.tdlc.ir.verify.Verifier;

final class ModuleLoader {
  /** The module, the models a command acts on when no --model is given, and the file's own targets. */
  record Loaded(IrModule module, List<String> mainModels, List<Target> targets, String path) {}

  private ModuleLoader() {}

  static boolean isIr(String path) { return path.endsWith(".ir") || path.endsWith(".tir") || path.endsWith(".mlir"); }

  /** Loads a .tdl file (printing its warnings, located, to {@code warnings}) or a textual IR file. */
  static Loaded load(String path, SourceCache sources, PrintStream warnings) {
    if (!isIr(path)) {
      Frontend.Result r = new Frontend(new DiagnosticEngine(), sources).compile(path);
      if (!r.warnings().isEmpty()) warnings.print(new DiagnosticPrinter(sources).render(r.warnings()));
      return new Loaded(r.module(), r.mainModels(), r.targets(), path);
    }
    String text;
    try {
      text = new String(Files.readAllBytes(Path.of(path)), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CompileException(Location.UNKNOWN, "cannot read '" + path + "': no such file");
    } catch (IOException e) {
      throw new CompileException(Location.UNKNOWN, "cannot read '" + path + "': " + e.getMessage());
    }
    sources.put(path, text);
    IrModule m = IrParser.parse(text, path);
    Verifier.verifyOrThrow(m);  // a broken input is the input's fault, not the first pass's
    return new Loaded(m, m.models().stream().map(Model::name).toList(), List.of(), path);
  }

  /** The single path argument of a command, or a usage error. */
  static String onePath(CommandLine cl, String what) {
    List<String> args = cl.getArgList();
    if (args.isEmpty()) throw new UsageException("missing " + what);
    if (args.size() > 1) throw new UsageException("expected one " + what + ", got " + args.size() + ": " + args);
    return args.get(0);
  }

  /** The models selected by --model (one name), or the file's own models. */
  static List<Model> select(Loaded loaded, CommandLine cl) {
    if (cl.hasOption("model")) {
      String name = cl.getOptionValue("model");
      Model m = loaded.module().model(name).orElseThrow(() -> new UsageException("no model named '" + name
          + "'; the file defines " + (loaded.module().models().isEmpty() ? "no models"
          : String.join(", ", loaded.module().models().stream().map(Model::name).toList()))));
      return List.of(m);
    }
    List<Model> own = loaded.mainModels().stream().map(n -> loaded.module().model(n).orElseThrow()).toList();
    if (own.isEmpty()) {
      List<String> imported = loaded.module().models().stream().map(Model::name).toList();
      List<String> targets = loaded.targets().stream().map(Target::name).toList();
      throw new UserError(loaded.path(), "the file defines no model"
          + (!imported.isEmpty() ? "; its imports define " + String.join(", ", imported) + ": choose one with --model"
          : !targets.isEmpty() ? " (it has only targets: " + String.join(", ", targets)
          + "; use a file of targets with --target " + loaded.path() + ")" : ""));
    }
    return own;
  }
}
