// @map(dataflow = ws, rows = [c, r, s], cols = [k], tile = { k = 16 }, order = [n, k, p, q, c, r, s]) pins
// (spatial = { c = 4 } spreads only 4 of c's tile on its axis, the PEs walking the rest)
// part of the next statement's mapping. The pin is checked here against the op's own loop indices and kept
// on the op as the attribute pin = {cols = ["k"], dataflow = "ws", order = [...], rows = [...], tile = {k = 16}};
// the mapping passes honour it (and check the axes against the target's dataflows).
package org.tdlc.frontend.sema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tdlc.frontend.ast.Ast;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.mapping.MapPin;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.ops.IterationSpace;
import org.tdlc.ir.target.Operand;

final class MapPins {
  static final List<String> DATAFLOWS = MapPin.DATAFLOWS;
  private static final List<String> KEYS = List.of("dataflow", "rows", "cols", "tile", "spatial", "order", "walk", "keep",
      "bypass", "orders");

  private MapPins() {}

  /** The pin attribute, or null when there is no annotation or after reporting an error. */
  static DictAttr pin(List<Ast.Annotation> annotations, String callee, IterationSpace space,
                      DiagnosticEngine diags) {
    DictAttr pin = null;
    for (Ast.Annotation a : annotations) {
      if (!a.name().name().equals("map")) {
        diags.error(a.name().loc(), "unknown annotation '@" + a.name().name() + "' (expected @map)");
        return null;
      }
      if (pin != null) {
        diags.error(a.loc(), "a statement takes one @map");
        return null;
      }
      if (space == null) {
        diags.error(a.loc(), "@map applies to conv2d, dwconv2d, matmul and einsum statements, not " + callee);
        return null;
      }
      pin = read(a, callee, space, diags);
      if (pin == null) return null;
    }
    return pin;
  }

  private static DictAttr read(Ast.Annotation a, String callee, IterationSpace space, DiagnosticEngine diags) {
    List<String> dims = space.dims();
    Map<String, Attribute> entries = new TreeMap<>();
    for (Ast.Arg arg : a.args()) {
      if (arg.name() == null || !KEYS.contains(arg.name().name())) {
        String got = arg.name() == null ? "a positional argument" : "'" + arg.name().name() + "'";
        diags.error(arg.loc(), "@map takes dataflow, rows, cols, tile, spatial, order, walk, keep, bypass and orders, got " + got
            + (arg.name() == null ? "" : Suggestions.didYouMean(arg.name().name(), KEYS)));
        return null;
      }
      String key = arg.name().name();
      if (entries.containsKey(key)) {
        diags.error(arg.name().loc(), "@map: '" + key + "' is given twice");
        return null;
      }
      Attribute value = switch (key) {
        case "dataflow" -> dataflow(arg.value(), diags);
        case "tile", "spatial" -> tile(key, arg.value(), callee, space, diags);
        case "rows", "cols" -> axis(key, arg.value(), callee, dims, diags);
        case "keep", "orders" -> levels(key, arg.value(), callee, dims, diags);
        case "bypass" -> levels(key, arg.value(), callee, OPERANDS, diags);
        default -> order(key, arg.value(), callee, dims, diags);
      };
      if (value == null) return null;
      entries.put(key, value);
    }
    if (entries.containsKey("rows") && entries.containsKey("cols")) {
      List<String> rows = strings(entries.get("rows"));
      for (String d : strings(entries.get("cols"))) {
        if (rows.contains(d)) {
          diags.error(a.loc(), "@map: index " + d + " is on both the rows and the cols; an index goes on one axis");
          return null;
        }
      }
    }
    if (entries.containsKey("spatial")) {
      List<String> axes = new ArrayList<>();
      for (String key : List.of("rows", "cols")) if (entries.containsKey(key)) axes.addAll(strings(entries.get(key)));
      for (String d : ((DictAttr) entries.get("spatial")).entries().keySet()) {
        if (!axes.contains(d)) {
          diags.error(a.loc(), "@map: spatial gives " + d + " an extent on the array, but this @map puts " + d
              + " on neither rows nor cols");
          return null;
        }
      }
    }
    if (entries.containsKey("keep")) {
      List<String> walk = entries.containsKey("walk") ? strings(entries.get("walk")) : List.of();
      Ast.DictExpr keep = (Ast.DictExpr) argument(a, "keep");
      Map<String, Map<String, Integer>> parts = new TreeMap<>();
      for (Ast.DictEntry entry : keep.entries()) {
        Map<String, Integer> kept = Mapping.Pe.parts(((DictAttr) entries.get("keep")).get(entry.key().name()).orElseThrow(),
            "keep", IllegalStateException::new);   // levels() wrote it
        String why = Mapping.Pe.keepProblem(kept, walk, dims);
        if (why != null) {
          diags.error(entry.value().loc(), "@map: keep " + entry.key().name() + ": " + why);
          return null;
        }
        parts.put(entry.key().name(), kept);
      }
      String why = Mapping.Pe.nestProblem(parts);
      if (why != null) {
        diags.error(keep.loc(), "@map: " + why);
        return null;
      }
    }
    if (entries.containsKey("orders")) {
      Set<String> keeping = entries.containsKey("keep") ? ((DictAttr) entries.get("keep")).entries().keySet() : Set.of();
      for (Ast.DictEntry entry : ((Ast.DictExpr) argument(a, "orders")).entries()) {
        String why = Mapping.Pe.orderProblem(entry.key().name(), List.of(), keeping, dims);
        if (why != null) {
          diags.error(entry.key().loc(), "@map: orders " + entry.key().name() + ": " + why);
          return null;
        }
      }
      Map<String, Attribute> pe = new TreeMap<>();
      for (String k : MapPin.PE_KEYS) if (entries.containsKey(k)) pe.put(k, entries.get(k));
      try {   // what remains to check: levels that keep alike ordered alike
        Mapping.Pe.read(DictAttr.of(pe), dims, IllegalArgumentException::new);
      } catch (IllegalArgumentException e) {
        diags.error(argument(a, "orders").loc(), "@map: " + e.getMessage());
        return null;
      }
    }
    return DictAttr.of(entries);
  }

  /** The operands a level can bypass, as @map names them (the target language's holds words). */
  private static final List<String> OPERANDS = Arrays.stream(Operand.values()).map(Operand::keyword).toList();

  private static Ast.Expr argument(Ast.Annotation a, String key) {
    for (Ast.Arg arg : a.args()) if (arg.name() != null && arg.name().name().equals(key)) return arg.value();
    throw new IllegalStateException(key);
  }

  /**
   * keep = { filter_spad = [c, r, s] }, orders = { filter_spad = [r, c] } or bypass = { ifmap_spad = [weights] }:
   * per level (whether the target has it is the mapping passes' check) distinct names from {@code allowed}; a
   * keep may instead give each index the part of it the level keeps, keep = { psum_spad = { k = 16 } } (a
   * positive integer, or all).
   */
  private static Attribute levels(String key, Ast.Expr e, String callee, List<String> allowed, DiagnosticEngine diags) {
    boolean indices = !key.equals("bypass");
    String example = switch (key) {
      case "keep" -> "{ filter_spad = [c, r, s] }";
      case "orders" -> "{ filter_spad = [r, c] }";
      default -> "{ ifmap_spad = [weights] }";
    };
    if (!(e instanceof Ast.DictExpr d)) {
      diags.error(e.loc(), "@map: " + key + " must be a dictionary of levels such as " + example + ", got "
          + Literals.describe(e));
      return null;
    }
    Map<String, Attribute> levels = new TreeMap<>();
    for (Ast.DictEntry entry : d.entries()) {
      String level = entry.key().name();
      if (levels.containsKey(level)) {
        diags.error(entry.key().loc(), "@map: " + key + " names level " + level + " twice");
        return null;
      }
      if (key.equals("keep") && entry.value() instanceof Ast.DictExpr parts) {
        Attribute kept = parts(level, parts, callee, allowed, diags);
        if (kept == null) return null;
        levels.put(level, kept);
        continue;
      }
      if (!(entry.value() instanceof Ast.ListExpr l)) {
        diags.error(entry.value().loc(), "@map: " + key + " " + level + " must be a list such as " + example
            + (key.equals("keep") ? " or a dictionary of parts such as { k = 16 }" : "") + ", got "
            + Literals.describe(entry.value()));
        return null;
      }
      List<String> names = new ArrayList<>();
      for (Ast.Expr x : l.elements()) {
        if (!(x instanceof Ast.NameRef n) || !allowed.contains(n.name().name())) {
          String got = x instanceof Ast.NameRef n ? "'" + n.name().name() + "'" : Literals.describe(x);
          diags.error(x.loc(), "@map: " + key + " " + level + ": " + (indices ? callee + " has no dimension "
              : "no operand ") + got + " (" + (indices ? "its dimensions are " : "the operands are ")
              + String.join(", ", allowed) + ")");
          return null;
        }
        if (names.contains(n.name().name())) {
          diags.error(x.loc(), "@map: " + key + " " + level + " names " + n.name().name() + " twice");
          return null;
        }
        names.add(n.name().name());
      }
      levels.put(level, Attribute.strings(names));
    }
    return DictAttr.of(levels);
  }

  /** keep = { psum_spad = { k = 16, c = all } }: per index of the op, a positive part of it, or all of it. */
  private static Attribute parts(String level, Ast.DictExpr d, String callee, List<String> dims, DiagnosticEngine diags) {
    Map<String, Attribute> parts = new LinkedHashMap<>();
    for (Ast.DictEntry entry : d.entries()) {
      String dim = entry.key().name();
      if (!dims.contains(dim)) {
        diags.error(entry.key().loc(), "@map: keep " + level + ": " + callee + " has no dimension '" + dim
            + "' (its dimensions are " + String.join(", ", dims) + ")");
        return null;
      }
      if (parts.containsKey(dim)) {
        diags.error(entry.key().loc(), "@map: keep " + level + " names " + dim + " twice");
        return null;
      }
      Integer v = Literals.smallInt(entry.value());
      if (entry.value() instanceof Ast.NameRef n && n.name().name().equals("all")) {
        parts.put(dim, Attribute.of("all"));
      } else if (v != null && v >= 1) {
        parts.put(dim, Attribute.of(v.longValue()));
      } else {
        diags.error(entry.value().loc(), "@map: keep " + level + ": the part of " + dim + " must be a positive integer or"
            + " all, got " + Literals.describe(entry.value()));
        return null;
      }
    }
    return DictAttr.of(parts);
  }

  private static Attribute dataflow(Ast.Expr e, DiagnosticEngine diags) {
    if (e instanceof Ast.NameRef n && DATAFLOWS.contains(n.name().name())) return Attribute.of(n.name().name());
    diags.error(e.loc(), "@map: dataflow must be one of " + String.join(", ", DATAFLOWS) + ", got "
        + Literals.describe(e));
    return null;
  }

  /** tile = { k = 16 } or spatial = { c = 4 }: positive sizes of the op's dimensions, within their ranges. */
  private static Attribute tile(String key, Ast.Expr e, String callee, IterationSpace space, DiagnosticEngine diags) {
    List<String> dims = space.dims();
    String what = key.equals("tile") ? "tile size" : "spatial extent";
    if (!(e instanceof Ast.DictExpr d)) {
      diags.error(e.loc(), "@map: " + key + " must be a dictionary such as { k = 16, c = 32 }, got " + Literals.describe(e));
      return null;
    }
    Map<String, Attribute> sizes = new TreeMap<>();
    for (Ast.DictEntry entry : d.entries()) {
      String dim = entry.key().name();
      if (!dims.contains(dim)) {
        diags.error(entry.key().loc(), "@map: " + callee + " has no dimension '" + dim + "' (its dimensions are "
            + String.join(", ", dims) + ")");
        return null;
      }
      Integer v = Literals.smallInt(entry.value());
      if (v == null || v < 1) {
        diags.error(entry.value().loc(), "@map: " + what + " of " + dim + " must be a positive integer, got "
            + Literals.describe(entry.value()));
        return null;
      }
      if (v > space.range(dim)) {
        diags.error(entry.value().loc(), "@map: " + what + " of " + dim + " is " + v + ", but " + dim + " ranges over "
            + space.range(dim) + " in this " + callee);
        return null;
      }
      if (sizes.put(dim, Attribute.of(v.longValue())) != null) {
        diags.error(entry.key().loc(), "@map: " + what + " of " + dim + " is given twice");
        return null;
      }
    }
    return DictAttr.of(sizes);
  }

  /** rows = [c, r, s]: distinct dimensions of the op, which the array's axis holds flattened. */
  private static Attribute axis(String key, Ast.Expr e, String callee, List<String> dims, DiagnosticEngine diags) {
    if (!(e instanceof Ast.ListExpr l)) {
      diags.error(e.loc(), "@map: " + key + " must be a list of dimensions such as [c, r, s], got " + Literals.describe(e));
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Ast.Expr x : l.elements()) {
      if (!(x instanceof Ast.NameRef n) || !dims.contains(n.name().name())) {
        String got = x instanceof Ast.NameRef n ? "'" + n.name().name() + "'" : Literals.describe(x);
        diags.error(x.loc(), "@map: " + key + ": " + callee + " has no dimension " + got + " (its dimensions are "
            + String.join(", ", dims) + ")");
        return null;
      }
      if (names.contains(n.name().name())) {
        diags.error(x.loc(), "@map: " + key + " names " + n.name().name() + " twice");
        return null;
      }
      names.add(n.name().name());
    }
    return Attribute.strings(names);
  }

  private static List<String> strings(Attribute a) {
    return ((Attribute.ArrayAttr) a).elements().stream().map(x -> ((Attribute.StringAttr) x).value()).toList();
  }

  /** order or walk: each dimension of the op once. */
  private static Attribute order(String key, Ast.Expr e, String callee, List<String> dims, DiagnosticEngine diags) {
    List<String> order = new ArrayList<>();
    if (e instanceof Ast.ListExpr l) {
      for (Ast.Expr x : l.elements()) {
        if (!(x instanceof Ast.NameRef n)) { order = null; break; }
        order.add(n.name().name());
      }
    } else {
      order = null;
    }
    Set<String> distinct = order == null ? Set.of() : new HashSet<>(order);
    if (order == null || order.size() != dims.size() || !distinct.equals(new HashSet<>(dims))) {
      diags.error(e.loc(), "@map: " + key + " must list each dimension of " + callee + " once: a permutation of ["
          + String.join(", ", dims) + "]");
      return null;
    }
    return Attribute.strings(order);
  }
}
