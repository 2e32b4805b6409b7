// The front end's entry point: reads a .tdl file and everything it imports, parses each once, builds
// the graph IR of every model and validates every target. All problems become diagnostics in the
// caller's engine; on any error, compile() throws CompileException carrying them all.
package org.tdlc.frontend;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tdlc.frontend.ast.Ast;
import org.tdlc.frontend.ast.AstBuilder;
import org.tdlc.frontend.parse.Nesting;
import org.tdlc.frontend.parse.SourceParser;
import org.tdlc.frontend.sema.ModelBuilder;
import org.tdlc.grammar.TdlParser;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Location;
import org.tdlc.ir.Model;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.target.Target;

public final class Frontend {
  /** The stage every module built by the front end has reached. */
  public static final String STAGE = "shapes";

  /**
   * What the front end produced: all models of the file and its imports, the names of the file's own
   * models (the ones a command acts on by default), the validated targets of the file and its imports, and
   * the warnings (reported in the caller's engine too; they do not stop the compilation).
   */
  public record Result(IrModule module, List<String> mainModels, List<Target> targets, List<Diagnostic> warnings) {}

  private final DiagnosticEngine diags;
  private final SourceCache sources;
  private final Map<Path, Ast.SourceFile> parsed = new HashMap<>();
  private final Set<Path> inProgress = new LinkedHashSet<>();

  public Frontend(DiagnosticEngine diags, SourceCache sources) {
    this.diags = diags;
    this.sources = sources;
  }

  /** Parses and builds a file; throws CompileException with every diagnostic if anything is wrong. */
  public Result compile(String path) {
    return Nesting.onDeepStack(() -> compileHere(path));
  }

  private Result compileHere(String path) {
    Ast.SourceFile main = load(path, Location.UNKNOWN);
    diags.throwIfErrors();
    List<Ast.SourceFile> files = new ArrayList<>(parsed.values());
    files.sort((a, b) -> a == main ? -1 : b == main ? 1 : a.path().compareTo(b.path()));
    List<Model> models = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    Map<String, Location> modelNames = new HashMap<>();
    Map<String, Location> targetNames = new HashMap<>();
    for (Ast.SourceFile f : files) {
      ModelBuilder builder = new ModelBuilder(diags);
      for (Ast.ModelDecl m : f.models()) {
        Location previous = modelNames.putIfAbsent(m.name().name(), m.name().loc());
        if (previous != null) {
          diags.report(Diagnostic.error(m.name().loc(), "model '" + m.name().name() + "' is already defined")
              .withNote(previous, "previous definition of model '" + m.name().name() + "' is here"));
          continue;
        }
        Model built = builder.build(m);
        if (built != null) models.add(built);
      }
      for (Ast.TargetDecl t : f.targets()) {
        Location previous = targetNames.putIfAbsent(t.name().name(), t.name().loc());
        if (previous != null) {
          diags.report(Diagnostic.error(t.name().loc(), "target '" + t.name().name() + "' is already defined")
              .withNote(previous, "previous definition of target '" + t.name().name() + "' is here"));
          continue;
        }
        Target built = new TargetBuilder(diags).build(t);
        if (built != null) targets.add(built);
      }
    }
    diags.throwIfErrors();
    List<String> own = main.models().stream().map(m -> m.name().name()).toList();
    List<Diagnostic> warnings = diags.diagnostics().stream()
        .filter(d -> d.severity() == Diagnostic.Severity.WARNING).toList();
    return new Result(IrModule.of(models, STAGE), own, targets, warnings);
  }

  /** Reads, parses and builds the AST of a file and, recursively, of its imports; null on failure. */
  private Ast.SourceFile load(String path, Location importedAt) {
    Path key = Path.of(path).toAbsolutePath().normalize();
    if (parsed.containsKey(key)) return parsed.get(key);
    if (inProgress.contains(key)) {
      List<String> cycle = new ArrayList<>();
      boolean on = false;
      for (Path p : inProgress) {
        on |= p.equals(key);
        if (on) cycle.add(p.getFileName().toString());
      }
      cycle.add(key.getFileName().toString());
      diags.error(importedAt, "import cycle: " + String.join(" -> ", cycle));
      return null;
    }
    String text = read(path, importedAt);
    if (text == null) return null;
    sources.put(path, text);
    TdlParser.FileContext tree = new SourceParser(path, diags).parse(text);
    if (tree == null) return null;
    Ast.SourceFile file = new AstBuilder(path, diags).build(tree);
    inProgress.add(key);
    for (Ast.Import imp : file.imports()) {
      load(Path.of(path).resolveSibling(imp.path()).normalize().toString(), imp.loc());
    }
    inProgress.remove(key);
    parsed.put(key, file);
    return file;
  }

  private String read(String path, Location at) {
    try {
      byte[] bytes = Files.readAllBytes(Path.of(path));
      try {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;   // a byte order mark is not text
      } catch (CharacterCodingException e) {
        // Not UTF-8 (binary garbage, or Latin-1): decode leniently so the lexer can point at the bad bytes.
        return new String(bytes, StandardCharsets.UTF_8);
      }
    } catch (NoSuchFileException e) {
      diags.error(at, "cannot read '" + path + "': no such file");
    } catch (IOException | RuntimeException e) {
      diags.error(at, "cannot read '" + path + "': " + (Files.isDirectory(Path.of(path)) ? "it is a directory"
          : e.getMessage()));
    }
    return null;
  }
}
