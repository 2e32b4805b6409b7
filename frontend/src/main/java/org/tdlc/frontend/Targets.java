// The targets a compilation can choose from: the built-ins shipped as .tdl resources (the repository's
// targets/ directory, one target per file), and those a file defines or imports. Resolves `--target`,
// and checks that the formats weights are pinned to exist on the chosen target (DESIGN.md section 2).
package org.tdlc.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tdlc.frontend.ast.Ast;
import org.tdlc.frontend.ast.AstBuilder;
import org.tdlc.frontend.parse.SourceParser;
import org.tdlc.frontend.sema.Suggestions;
import org.tdlc.grammar.TdlParser;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Location;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.StorageFormat;

/**
 * A target a file defines (or imports) shadows a built-in of the same name: the file is more specific, and
 * a user can adjust a built-in by copying it under its own name. With no name, {@value #DEFAULT} is used.
 */
public final class Targets {
  /** The target used when none is named. */
  public static final String DEFAULT = "default";

  /** The built-ins in listing order; each is the resource org/tdlc/targets/NAME.tdl, defining target NAME. */
  public static final List<String> BUILT_IN_NAMES = List.of("default", "systolic", "eyeriss", "nvdla", "maeri",
      "sparse");

  /** The file name in the locations of built-in targets (there is no file on disk to point at). */
  public static final String BUILT_IN_PREFIX = "<built-in>/";

  private static final String RESOURCE_DIR = "/org/tdlc/targets/";

  private static List<Target> builtIns;   // loaded on first use; not in a static initializer, whose failure is an Error

  private Targets() {}

  /** The built-in targets, parsed and validated once, in {@link #BUILT_IN_NAMES} order. */
  public static synchronized List<Target> builtIns() {
    if (builtIns == null) builtIns = BUILT_IN_NAMES.stream().map(Targets::loadBuiltIn).toList();
    return builtIns;
  }

  public static Optional<Target> builtIn(String name) {
    return builtIns().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public static boolean isBuiltIn(Target t) {
    Location.FileLineCol at = t.loc().primary();
    return at != null && at.file().startsWith(BUILT_IN_PREFIX);
  }

  /** The .tdl text of a built-in, as shipped. */
  public static String builtInText(String name) {
    String path = RESOURCE_DIR + name + ".tdl";
    try (InputStream in = Targets.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("built-in target resource " + path + " is missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in target resource " + path + ": " + e.getMessage(), e);
    }
  }

  /** Every target available next to a compiled file: the built-ins, then the file's own, a file's winning a clash. */
  public static List<Target> available(List<Target> fileTargets) {
    Map<String, Target> all = new LinkedHashMap<>();
    for (Target t : builtIns()) all.put(t.name(), t);
    for (Target t : fileTargets) {
      all.remove(t.name());
      all.put(t.name(), t);
    }
    return List.copyOf(all.values());
  }

  /** resolve(name, file.targets()). */
  public static Target resolve(String nameOrNull, Frontend.Result file) {
    return resolve(nameOrNull, file == null ? List.of() : file.targets());
  }

  /**
   * The target called {@code nameOrNull} ({@value #DEFAULT} when null) among the file's targets, then the
   * built-ins; an unknown name is a CompileException listing the names there are.
   */
  public static Target resolve(String nameOrNull, List<Target> fileTargets) {
    String name = nameOrNull == null ? DEFAULT : nameOrNull;
    List<Target> all = available(fileTargets);
    for (Target t : all) if (t.name().equals(name)) return t;
    List<String> names = all.stream().map(Target::name).toList();
    throw new CompileException(Location.UNKNOWN, "unknown target '" + name + "'" + Suggestions.didYouMean(name, names)
        + "; the targets are " + String.join(", ", names) + " (tdlc targets lists them)");
  }

  /**
   * A located error for every weight pinned with `format F` to a format the target lacks, at the weight's
   * statement; empty when every pin is supported.
   */
  /**
   * The operands the PE array multiplies against the target's datatype: an operand wider than the PEs take
   * (i16 on an i8 array) is an error at the op, since the target cannot hold it.
   */
  public static List<Diagnostic> checkDatatypes(IrModule module, Target target) {
    List<Diagnostic> problems = new ArrayList<>();
    for (Model m : module.models()) {
      for (Operation op : m.ops()) {
        if (org.tdlc.ir.mapping.IndexSpace.of(op).isEmpty()) continue;
        for (int i = 0; i < Math.min(2, op.operands().size()); i++) {
          ElementType t = op.operand(i).type().element();
          if (t.bytes() <= target.datatype().bytes()) continue;
          Diagnostic d = Diagnostic.error(op.location(), op.shortName()
              + " multiplies " + t + " operands, which target '" + target.name() + "' cannot hold: its PEs take "
              + target.datatype() + " (datatype " + target.datatype() + " accumulate " + target.accumulate() + ")");
          if (!isBuiltIn(target) && target.loc().primary() != null) {
            d = d.withNote(target.loc(), "target '" + target.name() + "' is defined here");
          }
          problems.add(d);
          break;
        }
      }
    }
    return problems;
  }

  public static List<Diagnostic> checkFormats(IrModule module, Target target) {
    List<Diagnostic> problems = new ArrayList<>();
    for (Model m : module.models()) {
      for (Operation op : m.ops("tdl.weight")) {
        Optional<Attribute> pin = op.attributes().get("format");
        if (pin.isEmpty() || !(pin.get() instanceof Attribute.StringAttr s)) continue;
        Optional<StorageFormat> f = StorageFormat.parse(s.value());
        if (f.isEmpty() || target.supports(f.get())) continue;
        String weight = op.attributes().get("name").map(a -> a instanceof Attribute.StringAttr n ? n.value() : null)
            .orElse("?");
        Diagnostic d = Diagnostic.error(op.location(), "weight '" + weight + "' is pinned to format " + f.get()
            + ", which target '" + target.name() + "' does not support (its formats: "
            + target.formats().stream().map(StorageFormat::keyword).collect(Collectors.joining(", ")) + ")");
        if (!isBuiltIn(target) && target.loc().primary() != null) {
          d = d.withNote(target.loc(), "target '" + target.name() + "' is defined here");
        }
        problems.add(d);
      }
    }
    return problems;
  }

  /** Parses one built-in resource; a built-in that does not validate is a bug in tdlc, not a user error. */
  private static Target loadBuiltIn(String name) {
    String path = BUILT_IN_PREFIX + name + ".tdl";
    DiagnosticEngine diags = new DiagnosticEngine();
    TdlParser.FileContext tree = new SourceParser(path, diags).parse(builtInText(name));
    Ast.SourceFile file = tree == null ? null : new AstBuilder(path, diags).build(tree);
    Target target = null;
    if (file != null && !diags.hasErrors()) {
      if (file.targets().size() != 1 || !file.models().isEmpty() || !file.imports().isEmpty()
          || !file.targets().get(0).name().name().equals(name)) {
        throw new IllegalStateException(path + " must define exactly one target, named " + name);
      }
      target = new TargetBuilder(diags).build(file.targets().get(0));
    }
    if (target == null || diags.hasErrors()) {
      throw new IllegalStateException("built-in target " + name + " is invalid: " + diags.diagnostics());
    }
    return target;
  }
}
