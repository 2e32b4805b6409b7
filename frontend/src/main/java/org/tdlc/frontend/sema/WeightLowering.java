// Lowers a weight declaration: the init clause (random(seed = S), zeros, file("w.npy")), density and
// format, each checked where it is written, into a tdl.weight op. A file init is read relative to the
// .tdl file's directory; ModelBuilder reads it at once, so a wrong file is an error at that line.
package org.tdlc.frontend.sema;

import java.util.List;
import org.tdlc.frontend.ast.Ast;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.ir.type.TensorType;

final class WeightLowering {
  private static final List<String> INITS = List.of("random", "zeros", "file");
  private static final List<String> PROPERTIES = List.of("density", "format");

  private final DiagnosticEngine diags;
  WeightLowering(DiagnosticEngine diags) { this.diags = diags; }

  /** The weight op's attributes, or null after reporting an error. */
  DictAttr attributes(Ast.WeightStmt w, TensorType type) {
    DictAttr attrs = DictAttr.EMPTY.with("name", Attribute.of(w.name().name()));
    attrs = init(w.init(), type, attrs);
    if (attrs == null) return null;
    for (Ast.Property p : w.properties()) {
      String key = p.key().name();
      if (!PROPERTIES.contains(key)) {
        diags.error(p.key().loc(), "unknown weight property '" + key + "'" + Suggestions.didYouMean(key, PROPERTIES)
            + " (expected init, density or format)");
        return null;
      }
      if (attrs.has(key)) {
        diags.error(p.key().loc(), "weight " + w.name().name() + ": " + key + " is given twice");
        return null;
      }
      Attribute value = key.equals("density") ? density(p, attrs) : format(p);
      if (value == null) return null;
      attrs = attrs.with(key, value);
    }
    return attrs;
  }

  private DictAttr init(Ast.InitClause init, TensorType type, DictAttr attrs) {
    if (init == null) return attrs.with("init", Attribute.of("random")).with("seed", Attribute.of(0));
    String kind = init.kind().name();
    attrs = attrs.with("init", Attribute.of(kind));
    switch (kind) {
      case "random" -> {
        Ast.Expr seed = single(init, "seed", false);
        if (seed == null) return init.args().isEmpty() ? attrs.with("seed", Attribute.of(0)) : null;
        if (!(seed instanceof Ast.IntLit i)) {
          diags.error(seed.loc(), "init random: seed must be an integer, got " + Literals.describe(seed));
          return null;
        }
        return attrs.with("seed", Attribute.of(i.value()));
      }
      case "zeros" -> {
        if (!init.args().isEmpty()) {
          diags.error(init.args().get(0).loc(), "init zeros takes no arguments");
          return null;
        }
        return attrs;
      }
      case "file" -> {
        Ast.Expr path = single(init, "path", true);
        if (path == null) return null;
        if (!(path instanceof Ast.StringLit s)) {
          diags.error(path.loc(), "init file: expected a file name in quotes, got " + Literals.describe(path));
          return null;
        }
        return attrs.with("path", Attribute.of(s.value()));   // read relative to this file, see WeightLoader
      }
      default -> {
        diags.error(init.kind().loc(), "unknown init '" + kind + "'" + Suggestions.didYouMean(kind, INITS)
            + " (expected random(seed = S), zeros or file(\"w.npy\"))");
        return null;
      }
    }
  }

  /** The one argument of an init clause, positional or named; null if absent (reported when required). */
  private Ast.Expr single(Ast.InitClause init, String name, boolean required) {
    if (init.args().size() > 1) {
      diags.error(init.args().get(1).loc(), "init " + init.kind().name() + " takes one argument, " + name);
      return null;
    }
    if (init.args().isEmpty()) {
      if (required) diags.error(init.loc(), "init " + init.kind().name() + " needs its " + name);
      return null;
    }
    Ast.Arg a = init.args().get(0);
    if (a.name() != null && !a.name().name().equals(name)) {
      diags.error(a.name().loc(), "init " + init.kind().name() + ": unknown argument '" + a.name().name()
          + "' (expected " + name + ")");
      return null;
    }
    return a.value();
  }

  private Attribute density(Ast.Property p, DictAttr attrs) {
    double d;
    if (p.value() instanceof Ast.FloatLit f) d = f.value();
    else if (p.value() instanceof Ast.IntLit i) d = i.value();
    else {
      diags.error(p.value().loc(), "density must be a number between 0 and 1, got " + Literals.describe(p.value()));
      return null;
    }
    if (!(d >= 0 && d <= 1)) {
      diags.error(p.value().loc(), "density must be between 0 and 1, got " + d);
      return null;
    }
    if (!attrs.getString("init").equals("random")) {
      diags.error(p.key().loc(), "density applies to init random only; this weight is init "
          + attrs.getString("init"));
      return null;
    }
    return Attribute.of(d);
  }

  private Attribute format(Ast.Property p) {
    String f = p.value() instanceof Ast.NameRef n ? n.name().name()
        : p.value() instanceof Ast.StringLit s ? s.value() : null;
    if (f == null || StorageFormat.parse(f).isEmpty()) {
      diags.error(p.value().loc(), "unknown format " + (f == null ? Literals.describe(p.value()) : "'" + f + "'")
          + " (expected one of " + StorageFormat.allKeywords() + ")");
      return null;
    }
    return Attribute.of(f);
  }
}
