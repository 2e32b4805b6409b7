// The mapping of one compute op (DESIGN.md section 3), a typed view over its `mapping` attribute
// {cols, dataflow, levels = [{level, order, tile}], rows, spatial, pe?}: the dataflow, the indices on the PE
// array's rows and columns (any number per axis), the tile held in the global buffer and the order of the
// tile loops around it, and, where a pin states it, the PEs' walk and what each per-PE level keeps (pe).
// One validating reader (read, of) serves the verifier, the mapping passes and the lowering alike.
package org.tdlc.ir.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.ops.OpTypeException;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.Operand;

/**
 * rows/cols: the indices on the array's rows and columns (none, one or several, in the op's index order),
 * which the axis holds flattened, im2col-style: an axis of c, r, s spreads c x r x s positions over its
 * PEs, in ceil(c x r x s / PEs) folds (machine.Timing); tile: per index (every index of the op, in its
 * order) the tile extent in the global buffer; order: the tile loops, outermost first. The lowering walks
 * output tiles in that order and, inside each, the reduction tiles in that order. spreads: the indices on an
 * axis that it spreads only in part, each with that part (a divisor of its tile; Timeloop's C4 on the rows
 * with C16 below it is c's tile 64 spread 4): the PEs walk the rest of the tile in time, inside the fold
 * (machine.ArrayLoops), so partial sums of a split reduction index stay in the PEs across it. The
 * attribute's {@code spatial} states, per index on an axis, the extent the axis spreads: its spread, else
 * its tile.
 */
public record Mapping(Dataflow dataflow, List<String> rows, List<String> cols, Map<String, Integer> tile,
                      List<String> order, Map<String, Integer> spreads, Pe pe) {
  public static final String ATTR = "mapping";
  public static final String LEVEL = "global";
  private static final List<String> KEYS = List.of("cols", "dataflow", "levels", "rows", "spatial");
  private static final List<String> OPTIONAL_KEYS = List.of("pe");
  private static final List<String> LEVEL_KEYS = List.of("level", "order", "tile");
  private static final List<String> PE_KEYS = List.of("bypass", "keep", "orders", "walk");

  /**
   * The PEs' part of a mapping, below the global buffer, where a pin states it (machine.PeWalk by name):
   * {@code walk}, the order the PEs walk a fold's loops in time, outermost first (every index once; an index
   * the array spreads whole is not walked, a split one's walked part is); {@code keep}, per per-PE level the
   * part of each index it keeps its operands across (its tile there, Timeloop's factors at that level: WHOLE
   * for all the PEs walk of it, indices it does not name at 1); {@code bypass}, per per-PE level the operands
   * (Operand keywords) it does not keep, which pass through it; {@code orders}, per per-PE level that keeps
   * parts, the order it walks its own parts in (those no level inside it keeps: Timeloop's permutation at that
   * level), outermost first, the indices it names innermost and those it leaves out outside them in the walk's
   * order (PeNest). The parts a level keeps walk inside those it does not, and the levels nest: of any two, one keeps at least as much of every index as the other
   * (nestProblem). Levels and indices a pe leaves out follow ArrayTraffic's rule: the best of three walks,
   * each level keeping the innermost whole loops that fit.
   */
  public record Pe(List<String> walk, Map<String, Map<String, Integer>> keep, Map<String, List<String>> bypass,
                   Map<String, List<String>> orders) {
    /** Nothing pinned. */
    public static final Pe RULE = new Pe(List.of(), Map.of(), Map.of());
    /** A part that is all of an index: what `keep = { level = [c, r, s] }` and a part `all` say. */
    public static final int WHOLE = Integer.MAX_VALUE;

    public Pe {
      walk = List.copyOf(walk);
      Map<String, Map<String, Integer>> k = new TreeMap<>();
      Map<String, List<String>> b = new TreeMap<>();
      Map<String, List<String>> o = new TreeMap<>();
      keep.forEach((l, v) -> k.put(l, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
      bypass.forEach((l, v) -> { if (!v.isEmpty()) b.put(l, List.copyOf(v)); });
      orders.forEach((l, v) -> { if (!v.isEmpty()) o.put(l, List.copyOf(v)); });
      keep = Collections.unmodifiableMap(k);
      bypass = Collections.unmodifiableMap(b);
      orders = Collections.unmodifiableMap(o);
    }

    /** A pe whose levels walk their own parts in the walk's order. */
    public Pe(List<String> walk, Map<String, Map<String, Integer>> keep, Map<String, List<String>> bypass) {
      this(walk, keep, bypass, Map.of());
    }

    /** A level's keep of whole indices, as `keep = { level = [c, r, s] }` writes it. */
    public static Map<String, Integer> whole(List<String> indices) {
      Map<String, Integer> out = new LinkedHashMap<>();
      for (String d : indices) out.put(d, WHOLE);
      return out;
    }

    public boolean isRule() { return walk.isEmpty() && keep.isEmpty() && bypass.isEmpty() && orders.isEmpty(); }

    /**
     * This pe in other index names: the walk and each level's order through {@code names} (an index may become
     * several, or several one), each level's keep through {@code parts}.
     */
    public Pe renamed(Function<List<String>, List<String>> names, UnaryOperator<Map<String, Integer>> parts) {
      Map<String, Map<String, Integer>> k = new TreeMap<>();
      Map<String, List<String>> o = new TreeMap<>();
      keep.forEach((l, v) -> k.put(l, parts.apply(v)));
      orders.forEach((l, v) -> o.put(l, names.apply(v)));
      return new Pe(names.apply(walk), k, bypass, o);
    }

    /**
     * The attribute {bypass = {level = [...]}, keep = {level = [...] or {c = 4, k = "all"}}, orders = {level =
     * [...]}, walk = [...]}, orders only where a level has one.
     */
    DictAttr toAttribute() {
      Map<String, Attribute> k = new TreeMap<>(), b = new TreeMap<>(), o = new TreeMap<>();
      keep.forEach((l, v) -> k.put(l, partsAttribute(v)));
      bypass.forEach((l, v) -> b.put(l, Attribute.strings(v)));
      orders.forEach((l, v) -> o.put(l, Attribute.strings(v)));
      Map<String, Attribute> all = new TreeMap<>();
      all.put("walk", Attribute.strings(walk));
      all.put("keep", DictAttr.of(k));
      all.put("bypass", DictAttr.of(b));
      if (!o.isEmpty()) all.put("orders", DictAttr.of(o));
      return DictAttr.of(all);
    }

    /** A level's keep: the list of its indices when it keeps each whole, else {index = part or "all"}. */
    private static Attribute partsAttribute(Map<String, Integer> parts) {
      if (parts.values().stream().allMatch(f -> f == WHOLE)) return Attribute.strings(List.copyOf(parts.keySet()));
      Map<String, Attribute> out = new LinkedHashMap<>();
      parts.forEach((d, f) -> out.put(d, f == WHOLE ? Attribute.of("all") : Attribute.of(f.longValue())));
      return DictAttr.of(out);
    }

    /**
     * Reads and checks a pe against the op's {@code dims}: walk every index once (or empty), keep's indices and
     * parts (a list of whole indices, or {index = part or "all"}) with a walk, nesting; bypass's operands
     * Operand keywords; each of orders' levels one that keeps parts, its indices the op's, each at most once.
     * {@code bad} makes the error.
     */
    public static Pe read(DictAttr a, List<String> dims, Function<String, RuntimeException> bad) {
      for (String k : a.entries().keySet()) {
        if (!PE_KEYS.contains(k)) {
          throw bad.apply("pe has an unknown key " + k + " (its keys: " + String.join(", ", PE_KEYS) + ")");
        }
      }
      List<String> walk = a.has("walk") ? names(a.get("walk").orElseThrow(), "walk", bad) : List.of();
      if (!walk.isEmpty() && (walk.size() != dims.size() || !new HashSet<>(walk).equals(new HashSet<>(dims)))) {
        throw bad.apply("walk " + walk + " must list each index once: a permutation of " + dims);
      }
      Map<String, Map<String, Integer>> keep = new TreeMap<>();
      Map<String, List<String>> bypass = new TreeMap<>();
      if (a.has("keep")) {
        if (!(a.get("keep").orElseThrow() instanceof DictAttr k)) throw bad.apply("keep must be a dictionary of levels");
        for (var e : k.entries().entrySet()) {
          Map<String, Integer> parts = parts(e.getValue(), "keep " + e.getKey(), bad);
          String why = keepProblem(parts, walk, dims);
          if (why != null) throw bad.apply("keep " + e.getKey() + " = " + text(parts) + ": " + why);
          keep.put(e.getKey(), parts);
        }
        String why = nestProblem(keep);
        if (why != null) throw bad.apply(why);
      }
      if (a.has("bypass")) {
        if (!(a.get("bypass").orElseThrow() instanceof DictAttr b)) throw bad.apply("bypass must be a dictionary of levels");
        for (var e : b.entries().entrySet()) {
          List<String> ops = names(e.getValue(), "bypass " + e.getKey(), bad);
          for (String o : ops) {
            if (Operand.parse(o).isEmpty()) {
              throw bad.apply("bypass " + e.getKey() + " names " + Attribute.quote(o) + ", which is not an operand (inputs, "
                  + "weights, outputs)");
            }
          }
          bypass.put(e.getKey(), ops);
        }
      }
      Map<String, List<String>> orders = new TreeMap<>();
      if (a.has("orders")) {
        if (!(a.get("orders").orElseThrow() instanceof DictAttr o)) throw bad.apply("orders must be a dictionary of levels");
        for (var e : o.entries().entrySet()) {
          List<String> order = names(e.getValue(), "orders " + e.getKey(), bad);
          String why = orderProblem(e.getKey(), order, keep.keySet(), dims);
          if (why != null) throw bad.apply("orders " + e.getKey() + " = [" + String.join(", ", order) + "]: " + why);
          orders.put(e.getKey(), order);
        }
        for (var x : orders.entrySet()) {
          for (var y : orders.entrySet()) {
            if (x.getKey().compareTo(y.getKey()) < 0 && keep.get(x.getKey()).equals(keep.get(y.getKey()))
                && !x.getValue().equals(y.getValue())) {
              throw bad.apply("orders " + x.getKey() + " and " + y.getKey() + " differ, but the two levels keep the same "
                  + "parts, which they walk in one order: give them the same order, or one of them none");
            }
          }
        }
      }
      return new Pe(walk, keep, bypass, orders);
    }

    /**
     * Why {@code level} cannot walk its own parts in {@code order}, or null: it must be a level that keeps parts
     * (one of {@code keeping}: a level orders only the loops it keeps), and name indices of the op, each once.
     */
    public static String orderProblem(String level, List<String> order, Set<String> keeping, List<String> dims) {
      if (!keeping.contains(level)) {
        return "level " + level + " keeps no part of any loop, so it has none to order (keep " + level + " = ... gives it"
            + " some)";
      }
      Set<String> seen = new HashSet<>();
      for (String d : order) {
        if (!dims.contains(d)) return d + " is not an index of the op (its indices: " + dims + ")";
        if (!seen.add(d)) return "it names " + d + " twice";
      }
      return null;
    }

    /** A level's keep as written: a list of whole indices, or {index = part or "all"}; {@code bad} makes the error. */
    public static Map<String, Integer> parts(Attribute v, String what, Function<String, RuntimeException> bad) {
      if (v instanceof DictAttr d) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (var e : d.entries().entrySet()) {
          if (e.getValue() instanceof Attribute.StringAttr s && s.value().equals("all")) {
            out.put(e.getKey(), WHOLE);
          } else if (e.getValue() instanceof Attribute.IntAttr i && i.value() >= 1 && i.value() < WHOLE) {
            out.put(e.getKey(), (int) i.value());
          } else {
            throw bad.apply(what + " " + e.getKey() + " = " + e.getValue() + " must be a positive integer or \"all\"");
          }
        }
        return out;
      }
      return whole(names(v, what, bad));
    }

    /**
     * Why a level cannot keep {@code parts} (index to part) under {@code walk}, or null: they must be indices of
     * the op, with a walk to place them in.
     */
    public static String keepProblem(Map<String, Integer> parts, List<String> walk, List<String> dims) {
      for (String d : parts.keySet()) if (!dims.contains(d)) return d + " is not an index of the op (its indices: " + dims + ")";
      if (walk.isEmpty()) return "a level keeps the innermost loops of a walk, so keep needs walk";
      return null;
    }

    /**
     * Why the levels' keeps do not nest, or null: of any two levels, one keeps at least as much of every index
     * as the other (as Timeloop's levels nest, each inside the one outside it), so that each level's parts are
     * the innermost of one walk.
     */
    public static String nestProblem(Map<String, Map<String, Integer>> keep) {
      List<String> levels = List.copyOf(keep.keySet());
      for (int i = 0; i < levels.size(); i++) {
        for (int j = i + 1; j < levels.size(); j++) {
          Map<String, Integer> a = keep.get(levels.get(i)), b = keep.get(levels.get(j));
          if (!covers(a, b) && !covers(b, a)) {
            return "keep " + levels.get(i) + " = " + text(a) + " and " + levels.get(j) + " = " + text(b) + " do not nest: "
                + "one level must keep at least as much of every index as the other (the levels nest, as Timeloop's do)";
          }
        }
      }
      return null;
    }

    private static boolean covers(Map<String, Integer> outer, Map<String, Integer> inner) {
      for (var e : inner.entrySet()) if (outer.getOrDefault(e.getKey(), 0) < e.getValue()) return false;
      return true;
    }

    /** [c, r, s] when every part is whole, else { c = 4, k = all }. */
    public static String text(Map<String, Integer> parts) {
      if (parts.values().stream().allMatch(f -> f == WHOLE)) return "[" + String.join(", ", parts.keySet()) + "]";
      StringBuilder b = new StringBuilder("{ ");
      parts.forEach((d, f) -> b.append(b.length() == 2 ? "" : ", ").append(d).append(" = ").append(f == WHOLE ? "all" : f));
      return b.append(" }").toString();
    }

    private static List<String> names(Attribute v, String what, Function<String, RuntimeException> bad) {
      List<String> out = new ArrayList<>();
      if (v instanceof Attribute.ArrayAttr arr) {
        for (Attribute e : arr.elements()) {
          if (!(e instanceof Attribute.StringAttr s)) throw bad.apply(what + " must list names, got " + e);
          out.add(s.value());
        }
        return out;
      }
      throw bad.apply(what + " must be a list of names, got " + v);
    }

    /**
     * walk = [k, p, c], keep = { spad = [c] }, bypass = { spad = [inputs] }, orders = { spad = [c] }: the @map text,
     * empty for the rule.
     */
    String pinText() {
      StringBuilder b = new StringBuilder();
      if (!walk.isEmpty()) b.append(", walk = [").append(String.join(", ", walk)).append(']');
      if (!keep.isEmpty()) {
        StringBuilder k = new StringBuilder();
        keep.forEach((l, v) -> k.append(k.length() == 0 ? "" : ", ").append(l).append(" = ").append(text(v)));
        b.append(", keep = { ").append(k).append(" }");
      }
      if (!bypass.isEmpty()) {
        StringBuilder k = new StringBuilder();
        bypass.forEach((l, v) -> k.append(k.length() == 0 ? "" : ", ").append(l).append(" = [").append(String.join(", ", v))
            .append(']'));
        b.append(", bypass = { ").append(k).append(" }");
      }
      if (!orders.isEmpty()) {
        StringBuilder k = new StringBuilder();
        orders.forEach((l, v) -> k.append(k.length() == 0 ? "" : ", ").append(l).append(" = [").append(String.join(", ", v))
            .append(']'));
        b.append(", orders = { ").append(k).append(" }");
      }
      return b.toString();
    }
  }

  public Mapping {
    tile = Collections.unmodifiableMap(new LinkedHashMap<>(tile));
    Map<String, Integer> parts = new TreeMap<>();
    for (var e : spreads.entrySet()) {
      Integer t = tile.get(e.getKey());
      if (t != null && e.getValue() < t && (rows.contains(e.getKey()) || cols.contains(e.getKey()))) {
        parts.put(e.getKey(), e.getValue());
      }
    }
    spreads = Collections.unmodifiableMap(parts);
    order = List.copyOf(order);
    rows = List.copyOf(rows);
    cols = List.copyOf(cols);
    if (pe == null) pe = Pe.RULE;
  }

  /** A mapping whose PEs walk and keep by ArrayTraffic's rule. */
  public Mapping(Dataflow dataflow, List<String> rows, List<String> cols, Map<String, Integer> tile, List<String> order,
                 Map<String, Integer> spreads) {
    this(dataflow, rows, cols, tile, order, spreads, Pe.RULE);
  }

  /** A mapping whose axes spread their indices' whole tiles. */
  public Mapping(Dataflow dataflow, List<String> rows, List<String> cols, Map<String, Integer> tile, List<String> order) {
    this(dataflow, rows, cols, tile, order, Map.of());
  }

  public int tileOf(String dim) { return tile.get(dim); }

  /** The extent the array spreads index {@code dim} (on one of its axes) over: its spread, else its tile. */
  public int spatial(String dim) { return spreads.getOrDefault(dim, tileOf(dim)); }

  /** An axis' extent: the product of its indices' spatial extents (1 for an axis with none). */
  public long axisExtent(List<String> axis) {
    long e = 1;
    for (String d : axis) e *= spatial(d);
    return e;
  }

  /** The PEs of an axis of {@code pes} this mapping keeps busy in a full fold. */
  public int axisUse(List<String> axis, int pes) { return (int) Math.min(pes, axisExtent(axis)); }

  /** An axis as written in text: its indices joined by " x ", or "-" for none. */
  public static String axisText(List<String> axis) { return axis.isEmpty() ? "-" : String.join(" x ", axis); }

  /** The dictionary stored on the op: {cols, dataflow, levels = [{level, order, tile}], rows, spatial}. */
  public DictAttr toAttribute() {
    Map<String, Attribute> sizes = new TreeMap<>();
    tile.forEach((d, v) -> sizes.put(d, Attribute.of(v.longValue())));
    Map<String, Attribute> level = new TreeMap<>();
    level.put("level", Attribute.of(LEVEL));
    level.put("order", Attribute.strings(order));
    level.put("tile", DictAttr.of(sizes));
    Map<String, Attribute> spatial = new TreeMap<>();
    for (String d : rows) spatial.put(d, Attribute.of((long) spatial(d)));
    for (String d : cols) spatial.put(d, Attribute.of((long) spatial(d)));
    Map<String, Attribute> all = new TreeMap<>();
    all.put("dataflow", Attribute.of(dataflow.keyword()));
    all.put("rows", Attribute.strings(rows));
    all.put("cols", Attribute.strings(cols));
    all.put("spatial", DictAttr.of(spatial));
    all.put("levels", new Attribute.ArrayAttr(List.of(DictAttr.of(level))));
    if (!pe.isRule()) all.put("pe", pe.toAttribute());
    return DictAttr.of(all);
  }

  // ---- the reader ----

  /** The op's mapping, empty when it has none; a malformed one is an OpTypeException naming what is wrong. */
  public static Optional<Mapping> of(Operation op) {
    Optional<Attribute> a = op.attributes().get(ATTR);
    if (a.isEmpty()) return Optional.empty();
    IndexSpace space = IndexSpace.of(op).orElseThrow(() -> new OpTypeException("mapping: " + op.name()
        + " does not run on the PE array, so it takes no mapping (conv2d, matmul and einsum do)"));
    return Optional.of(read(a.get(), space));
  }

  /** Reads and checks a mapping attribute against the indices of the op that carries it. */
  public static Mapping read(Attribute attribute, IndexSpace space) {
    DictAttr a = dict(attribute, "the mapping", KEYS, OPTIONAL_KEYS);
    String df = string(a, "dataflow");
    Dataflow dataflow = Dataflow.parse(df).orElseThrow(() -> bad("unknown dataflow " + Attribute.quote(df)
        + " (the dataflows: " + Dataflow.allKeywords() + ")"));
    List<String> rows = axis(a, "rows", space);
    List<String> cols = axis(a, "cols", space);
    for (String d : rows) if (cols.contains(d)) throw bad("rows and cols both name index " + d);
    List<Attribute> levels = list(a, "levels");
    if (levels.size() != 1) {
      throw bad("levels holds " + levels.size() + " levels; a mapping holds exactly one, {level = \"" + LEVEL + "\"}");
    }
    DictAttr level = dict(levels.get(0), "the level", LEVEL_KEYS);
    String name = string(level, "level");
    if (!name.equals(LEVEL)) {
      throw bad("level " + Attribute.quote(name) + " is not one a mapping can hold (only \"" + LEVEL + "\")");
    }
    Map<String, Integer> tile = tile(dict(level.get("tile").orElseThrow(), "tile", null), space);
    List<String> order = order(level, space);
    Map<String, Integer> spreads = spatial(dict(a.get("spatial").orElseThrow(), "spatial", null), rows, cols, tile);
    Pe pe = a.has("pe") ? Pe.read(dict(a.get("pe").orElseThrow(), "pe", null), space.dims(), Mapping::bad) : Pe.RULE;
    return new Mapping(dataflow, rows, cols, tile, order, spreads, pe);
  }

  /** An axis' indices, in the op's index order whatever order they are written in. */
  private static List<String> axis(DictAttr a, String key, IndexSpace space) {
    List<String> named = new ArrayList<>();
    for (Attribute e : list(a, key)) {
      if (!(e instanceof Attribute.StringAttr s)) throw bad(key + " must list index names, got " + e);
      if (!space.has(s.value())) {
        throw bad(key + " names " + Attribute.quote(s.value()) + ", which is not an index of the op" + indices(space));
      }
      if (named.contains(s.value())) throw bad(key + " names " + s.value() + " twice");
      named.add(s.value());
    }
    List<String> out = new ArrayList<>();
    for (String d : space.dims()) if (named.contains(d)) out.add(d);
    return out;
  }

  private static Map<String, Integer> tile(DictAttr sizes, IndexSpace space) {
    for (String d : sizes.entries().keySet()) {
      if (!space.has(d)) throw bad("tile names " + d + ", which is not an index of the op" + indices(space));
    }
    Map<String, Integer> tile = new LinkedHashMap<>();
    for (String d : space.dims()) {
      if (!sizes.has(d)) {
        throw bad("tile has no size for index " + d + " (a mapping tiles every index: " + String.join(", ", space.dims())
            + ")");
      }
      if (!(sizes.get(d).orElseThrow() instanceof Attribute.IntAttr v)) {
        throw bad("tile " + d + " = " + sizes.get(d).orElseThrow() + " must be an integer");
      }
      if (v.value() < 1) throw bad("tile " + d + " = " + v.value() + " must be at least 1");
      if (v.value() > space.range(d)) {
        throw bad("tile " + d + " = " + v.value() + " exceeds the range of " + d + " (" + space.range(d) + ")");
      }
      tile.put(d, (int) v.value());
    }
    return tile;
  }

  private static List<String> order(DictAttr level, IndexSpace space) {
    List<String> order = new ArrayList<>();
    for (Attribute e : list(level, "order")) {
      if (!(e instanceof Attribute.StringAttr s)) throw bad("order must list index names, got " + e);
      if (!space.has(s.value())) {
        throw bad("order names " + Attribute.quote(s.value()) + ", which is not an index of the op" + indices(space));
      }
      if (order.contains(s.value())) throw bad("order " + level.get("order").orElseThrow() + " names " + s.value() + " twice");
      order.add(s.value());
    }
    for (String d : space.dims()) {
      if (!order.contains(d)) {
        throw bad("order " + level.get("order").orElseThrow() + " lacks index " + d + " (an order lists every index once: "
            + String.join(", ", space.dims()) + ")");
      }
    }
    return order;
  }

  /**
   * spatial: exactly the rows and cols indices, each with the extent its axis spreads, its tile or a divisor
   * of it (the PEs walk the rest); returns those below their tile.
   */
  private static Map<String, Integer> spatial(DictAttr spatial, List<String> rows, List<String> cols,
                                              Map<String, Integer> tile) {
    Map<String, Integer> spreads = new TreeMap<>();
    Set<String> want = new HashSet<>(rows);
    want.addAll(cols);
    for (String d : spatial.entries().keySet()) {
      if (!want.contains(d)) {
        throw bad("spatial names " + d + ", which is neither on the rows (" + axisText(rows) + ") nor on the cols ("
            + axisText(cols) + ")");
      }
    }
    for (String d : want) {
      if (!spatial.has(d)) {
        throw bad("spatial has no extent for index " + d + " (on the " + (rows.contains(d) ? "rows" : "cols") + ")");
      }
      if (!(spatial.get(d).orElseThrow() instanceof Attribute.IntAttr v)) {
        throw bad("spatial " + d + " = " + spatial.get(d).orElseThrow() + " must be an integer");
      }
      if (v.value() < 1 || v.value() > tile.get(d) || tile.get(d) % v.value() != 0) {
        throw bad("spatial " + d + " = " + v.value() + " must divide the tile of " + d + " (" + tile.get(d)
            + "): an axis spreads a part of its index's tile that the PEs' loop walks whole");
      }
      if (v.value() < tile.get(d)) spreads.put(d, (int) v.value());
    }
    return spreads;
  }

  /** The spatial extents written in the op's attribute (checked by read), by index. */
  public static Map<String, Integer> writtenSpatial(Operation op) {
    DictAttr a = (DictAttr) op.attributes().get(ATTR).orElseThrow();
    Map<String, Integer> out = new TreeMap<>();
    ((DictAttr) a.get("spatial").orElseThrow()).entries()
        .forEach((k, v) -> out.put(k, (int) ((Attribute.IntAttr) v).value()));
    return out;
  }

  private static DictAttr dict(Attribute a, String what, List<String> keys) { return dict(a, what, keys, List.of()); }

  /** A dictionary with every key of {@code keys}, and any of {@code optional}. */
  private static DictAttr dict(Attribute a, String what, List<String> keys, List<String> optional) {
    if (!(a instanceof DictAttr d)) throw bad(what + " must be a dictionary, got " + a);
    if (keys == null) return d;
    for (String k : d.entries().keySet()) {
      if (!keys.contains(k) && !optional.contains(k)) {
        throw bad(what + " has an unknown key " + k + " (its keys: " + String.join(", ", keys)
            + (optional.isEmpty() ? "" : "; optional: " + String.join(", ", optional)) + ")");
      }
    }
    for (String k : keys) {
      if (!d.has(k)) throw bad(what + " has no " + k + " (its keys: " + String.join(", ", keys) + ")");
    }
    return d;
  }

  private static String string(DictAttr d, String key) {
    if (d.get(key).orElseThrow() instanceof Attribute.StringAttr s) return s.value();
    throw bad(key + " must be a string, got " + d.get(key).orElseThrow());
  }

  private static List<Attribute> list(DictAttr d, String key) {
    if (d.get(key).orElseThrow() instanceof Attribute.ArrayAttr a) return a.elements();
    throw bad(key + " must be an array, got " + d.get(key).orElseThrow());
  }

  private static String indices(IndexSpace space) { return " (its indices: " + String.join(", ", space.dims()) + ")"; }

  private static OpTypeException bad(String message) { return new OpTypeException("mapping: " + message); }

  // ---- how a person reads it ----

  /**
   * Timeloop's map.txt: one block per level, outermost first, each loop with its trip count; the array
   * level shows the folds of each axis and then its flattened spatial loop (Spatial-Y rows, Spatial-X
   * cols) over the product of its indices' tiles, up to the axis' PEs.
   */
  public String loopNest(IndexSpace space, int peRows, int peCols) { return loopNest(space, peRows, peCols, null); }

  /**
   * As above; where this mapping pins no PE walk, {@code rule} (the machine model's choice on a full tile, or
   * null) is printed in its place, marked as the rule's.
   */
  public String loopNest(IndexSpace space, int peRows, int peCols, Pe rule) {
    Pe shown = !pe.isRule() ? pe : rule != null && !rule.walk().isEmpty() ? rule : Pe.RULE;
    StringBuilder b = new StringBuilder("dram\n");
    String indent = "";
    for (String d : order) {
      int trips = ceilDiv(space.range(d), tileOf(d));
      if (trips == 1) continue;
      b.append(indent).append("| for ").append(d).append(" in [0:").append(trips).append(")")
          .append(space.reduced(d) ? "   (reduction)" : "").append('\n');
      indent += "  ";
    }
    b.append(indent).append("global [ ").append(tileText()).append(" ]\n");
    for (String d : shown.isRule() ? space.dims() : List.<String>of()) {
      int walked = rows.contains(d) || cols.contains(d) ? tileOf(d) / spatial(d) : tileOf(d);
      if (walked == 1) continue;
      b.append(indent).append("| for ").append(d).append(" in [0:").append(walked).append(")")
          .append(walked < tileOf(d) ? "   (in the PEs; " + spatial(d) + " on the " + (rows.contains(d) ? "rows" : "cols")
              + ")" : "").append('\n');
      indent += "  ";
    }
    String[] names = {"Spatial-Y", "Spatial-X"};
    List<List<String>> axes = List.of(rows, cols);
    int[] pes = {peRows, peCols};
    for (int a = 0; a < 2; a++) {
      if (axes.get(a).isEmpty()) continue;
      b.append(indent).append("| for ").append(String.join("", axes.get(a))).append(" in [0:")
          .append((axisExtent(axes.get(a)) + pes[a] - 1) / pes[a]).append(")\n");
      indent += "  ";
    }
    for (int a = 0; a < 2; a++) {
      if (axes.get(a).isEmpty()) continue;
      b.append(indent).append("| for ").append(String.join("", axes.get(a))).append(" in [0:")
          .append(axisUse(axes.get(a), pes[a])).append(") (").append(names[a]).append(")")
          .append(axes.get(a).size() > 1 ? " over " + axisText(axes.get(a)) : "").append('\n');
    }
    if (!shown.isRule()) {
      walkNest(b, indent + "  ", space, shown, shown == pe ? "" : " (the rule's walk and keeps, on a full tile)");
    }
    return b.toString();
  }

  /**
   * The pinned walk inside each PE, outermost first, each loop cut into the parts the levels keep (PeNest): a
   * per-PE level that keeps parts opens where its parts begin (Timeloop's per-level blocks) with its tile, the
   * operands it bypasses beside it.
   */
  private void walkNest(StringBuilder b, String indent, IndexSpace space, Pe pe, String note) {
    List<String> dims = space.dims(), levels = List.copyOf(pe.keep().keySet());
    b.append(indent).append("pe").append(pe.walk().isEmpty() ? " (the walk by rule)" : note).append('\n');
    for (var e : pe.bypass().entrySet()) {
      if (!pe.keep().containsKey(e.getKey())) {
        b.append(indent).append(e.getKey()).append(" (bypasses ").append(String.join(", ", e.getValue())).append(")\n");
      }
    }
    if (pe.walk().isEmpty()) return;
    int[] extents = new int[dims.size()], walk = new int[dims.size()];
    int walked = 0;
    for (int d = 0; d < dims.size(); d++) {
      String name = dims.get(d);
      extents[d] = rows.contains(name) || cols.contains(name) ? tileOf(name) / spatial(name) : tileOf(name);
      if (!rows.contains(name) && !cols.contains(name) || spatial(name) < tileOf(name)) walked |= 1 << d;
      walk[d] = dims.indexOf(pe.walk().get(d));
    }
    int[][] keep = new int[levels.size()][dims.size()];
    for (int j = 0; j < levels.size(); j++) {
      for (var e : pe.keep().get(levels.get(j)).entrySet()) keep[j][dims.indexOf(e.getKey())] = e.getValue();
    }
    int[][] order = new int[levels.size()][];
    for (int j = 0; j < levels.size(); j++) {
      List<String> o = pe.orders().get(levels.get(j));
      if (o != null) order[j] = PeNest.places(o, dims);
    }
    List<PeNest.Part> parts = PeNest.of(extents, walk, walked, keep, order);
    boolean[] opened = new boolean[levels.size()];
    for (PeNest.Part p : parts) {
      for (int j = 0; j < levels.size(); j++) {
        if (opened[j] || (p.levels() >> j & 1) == 0) continue;
        opened[j] = true;
        b.append(indent).append(levels.get(j)).append(" [ ").append(levelTile(parts, j, dims)).append(" ]")
            .append(bypassed(pe, levels.get(j))).append('\n');
      }
      if (p.extent() == 1) continue;
      b.append(indent).append("| for ").append(dims.get(p.loop())).append(" in [0:").append(p.extent()).append(")\n");
      indent += "  ";
    }
    for (int j = 0; j < levels.size(); j++) {
      if (!opened[j]) b.append(indent).append(levels.get(j)).append(" [ ]").append(bypassed(pe, levels.get(j))).append('\n');
    }
  }

  /** What level j of {@code parts} keeps, per index: the product of its parts' extents there, "c=4 r=3". */
  private static String levelTile(List<PeNest.Part> parts, int j, List<String> dims) {
    Map<Integer, Integer> tile = new TreeMap<>();
    for (PeNest.Part p : parts) if ((p.levels() >> j & 1) != 0) tile.merge(p.loop(), p.extent(), (a, c) -> a * c);
    StringBuilder t = new StringBuilder();
    tile.forEach((d, e) -> t.append(t.length() == 0 ? "" : " ").append(dims.get(d)).append('=').append(e));
    return t.toString();
  }

  private static String bypassed(Pe pe, String level) {
    List<String> by = pe.bypass().getOrDefault(level, List.of());
    return by.isEmpty() ? "" : " (bypasses " + String.join(", ", by) + ")";
  }

  /** The mapping as an annotation that pins it when pasted before the statement. */
  public String pinText() {
    StringBuilder t = new StringBuilder();
    for (var e : tile.entrySet()) {
      if (t.length() > 0) t.append(", ");
      t.append(e.getKey()).append(" = ").append(e.getValue());
    }
    StringBuilder sp = new StringBuilder();
    spreads.forEach((d, v) -> sp.append(sp.length() == 0 ? "" : ", ").append(d).append(" = ").append(v));
    return "@map(dataflow = " + dataflow.keyword() + ", rows = [" + String.join(", ", rows) + "], cols = ["
        + String.join(", ", cols) + "], tile = { " + t + " }" + (spreads.isEmpty() ? "" : ", spatial = { " + sp + " }")
        + ", order = [" + String.join(", ", order) + "]" + pe.pinText() + ")";
  }

  /** k=16 c=32 ...: the global tile in index order. */
  public String tileText() {
    StringBuilder t = new StringBuilder();
    tile.forEach((d, v) -> t.append(t.length() == 0 ? "" : " ").append(d).append('=').append(v));
    return t.toString();
  }

  private static int ceilDiv(int a, int b) { return (a + b - 1) / b; }
}
