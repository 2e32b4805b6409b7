// The mapping of one compute op (DESIGN.md section 3), a typed view over its `mapping` attribute
// {cols, dataflow, levels = [{level, order, tile}], rows, spatial}: the dataflow, the indices on the PE
// array's rows and columns, the tile held in the global buffer and the order of the tile loops around it.
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
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.ops.OpTypeException;
import org.tdlc.ir.target.Dataflow;

/**
 * rows/cols: the index on the array's rows and columns ("" when none); tile: per index (every index of
 * the op, in its order) the tile extent in the global buffer; order: the tile loops, outermost first.
 * The lowering walks output tiles in that order and, inside each, the reduction tiles in that order.
 */
public record Mapping(Dataflow dataflow, String rows, String cols, Map<String, Integer> tile, List<String> order) {
  public static final String ATTR = "mapping";
  public static final String LEVEL = "global";
  private static final List<String> KEYS = List.of("cols", "dataflow", "levels", "rows", "spatial");
  private static final List<String> LEVEL_KEYS = List.of("level", "order", "tile");

  public Mapping {
    tile = Collections.unmodifiableMap(new LinkedHashMap<>(tile));
    order = List.copyOf(order);
  }

  public int tileOf(String dim) { return tile.get(dim); }

  /** The extent the array spreads index {@code dim} over, given its size along that axis. */
  public int spatial(String dim, int axis) { return Math.min(axis, tileOf(dim)); }

  /** The dictionary stored on the op: {cols, dataflow, levels = [{level, order, tile}], rows, spatial}. */
  public DictAttr toAttribute(int peRows, int peCols) {
    Map<String, Attribute> sizes = new TreeMap<>();
    tile.forEach((d, v) -> sizes.put(d, Attribute.of(v.longValue())));
    Map<String, Attribute> level = new TreeMap<>();
    level.put("level", Attribute.of(LEVEL));
    level.put("order", Attribute.strings(order));
    level.put("tile", DictAttr.of(sizes));
    Map<String, Attribute> spatial = new TreeMap<>();
    if (!rows.isEmpty()) spatial.put(rows, Attribute.of((long) spatial(rows, peRows)));
    if (!cols.isEmpty()) spatial.put(cols, Attribute.of((long) spatial(cols, peCols)));
    Map<String, Attribute> all = new TreeMap<>();
    all.put("dataflow", Attribute.of(dataflow.keyword()));
    all.put("rows", Attribute.of(rows));
    all.put("cols", Attribute.of(cols));
    all.put("spatial", DictAttr.of(spatial));
    all.put("levels", new Attribute.ArrayAttr(List.of(DictAttr.of(level))));
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
    DictAttr a = dict(attribute, "the mapping", KEYS);
    String df = string(a, "dataflow");
    Dataflow dataflow = Dataflow.parse(df).orElseThrow(() -> bad("unknown dataflow " + Attribute.quote(df)
        + " (the dataflows: " + Dataflow.allKeywords() + ")"));
    String rows = axis(a, "rows", space);
    String cols = axis(a, "cols", space);
    if (!rows.isEmpty() && rows.equals(cols)) throw bad("rows and cols both name index " + rows);
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
    spatial(dict(a.get("spatial").orElseThrow(), "spatial", null), rows, cols, tile);
    return new Mapping(dataflow, rows, cols, tile, order);
  }

  private static String axis(DictAttr a, String key, IndexSpace space) {
    String v = string(a, key);
    if (!v.isEmpty() && !space.has(v)) throw bad(key + " = " + Attribute.quote(v) + " is not an index of the op"
        + indices(space));
    return v;
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

  /** spatial: exactly the rows and cols indices, each spread over at least one PE and at most its tile. */
  private static void spatial(DictAttr spatial, String rows, String cols, Map<String, Integer> tile) {
    Set<String> want = new HashSet<>();
    if (!rows.isEmpty()) want.add(rows);
    if (!cols.isEmpty()) want.add(cols);
    for (String d : spatial.entries().keySet()) {
      if (!want.contains(d)) {
        throw bad("spatial names " + d + ", which is neither rows (" + show(rows) + ") nor cols (" + show(cols) + ")");
      }
    }
    for (String d : want) {
      if (!spatial.has(d)) throw bad("spatial has no extent for index " + d + " (the " + (d.equals(rows) ? "rows" : "cols") + ")");
      if (!(spatial.get(d).orElseThrow() instanceof Attribute.IntAttr v)) {
        throw bad("spatial " + d + " = " + spatial.get(d).orElseThrow() + " must be an integer");
      }
      if (v.value() < 1 || v.value() > tile.get(d)) {
        throw bad("spatial " + d + " = " + v.value() + " must be between 1 and the tile of " + d + " (" + tile.get(d) + ")");
      }
    }
  }

  /** The spatial extents written in the op's attribute (checked by read), by index. */
  public static Map<String, Integer> writtenSpatial(Operation op) {
    DictAttr a = (DictAttr) op.attributes().get(ATTR).orElseThrow();
    Map<String, Integer> out = new TreeMap<>();
    ((DictAttr) a.get("spatial").orElseThrow()).entries()
        .forEach((k, v) -> out.put(k, (int) ((Attribute.IntAttr) v).value()));
    return out;
  }

  private static DictAttr dict(Attribute a, String what, List<String> keys) {
    if (!(a instanceof DictAttr d)) throw bad(what + " must be a dictionary, got " + a);
    if (keys == null) return d;
    for (String k : d.entries().keySet()) {
      if (!keys.contains(k)) throw bad(what + " has an unknown key " + k + " (its keys: " + String.join(", ", keys) + ")");
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

  private static String show(String axis) { return axis.isEmpty() ? "none" : axis; }

  private static OpTypeException bad(String message) { return new OpTypeException("mapping: " + message); }

  // ---- how a person reads it ----

  /**
   * Timeloop's map.txt: one block per level, outermost first, each loop with its trip count; the array
   * level shows the spatial loops (Spatial-Y rows, Spatial-X cols) and the temporal loops of one mac.
   */
  public String loopNest(IndexSpace space, int peRows, int peCols) {
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
    for (String d : space.dims()) {
      if (d.equals(rows) || d.equals(cols) || tileOf(d) == 1) continue;
      b.append(indent).append("| for ").append(d).append(" in [0:").append(tileOf(d)).append(")\n");
      indent += "  ";
    }
    if (!rows.isEmpty()) {
      b.append(indent).append("| for ").append(rows).append(" in [0:").append(ceilDiv(tileOf(rows), peRows))
          .append(")\n");
      indent += "  ";
    }
    if (!cols.isEmpty()) {
      b.append(indent).append("| for ").append(cols).append(" in [0:").append(ceilDiv(tileOf(cols), peCols))
          .append(")\n");
      indent += "  ";
    }
    if (!rows.isEmpty()) {
      b.append(indent).append("| for ").append(rows).append(" in [0:").append(spatial(rows, peRows))
          .append(") (Spatial-Y)\n");
    }
    if (!cols.isEmpty()) {
      b.append(indent).append("| for ").append(cols).append(" in [0:").append(spatial(cols, peCols))
          .append(") (Spatial-X)\n");
    }
    return b.toString();
  }

  /** MAESTRO's directives, outermost first: the tile loops, then the array's spatial maps. */
  public String directives(int peRows, int peCols) {
    List<String> out = new ArrayList<>();
    for (String d : order) {
      if (d.equals(rows) || d.equals(cols)) continue;
      out.add("TemporalMap(" + tileOf(d) + "," + tileOf(d) + ") " + d.toUpperCase(Locale.ROOT) + ";");
    }
    if (!rows.isEmpty()) {
      int f = spatial(rows, peRows);
      out.add("SpatialMap(" + f + "," + f + ") " + rows.toUpperCase(Locale.ROOT) + ";");
    }
    if (!cols.isEmpty()) {
      int f = spatial(cols, peCols);
      out.add("SpatialMap(" + f + "," + f + ") " + cols.toUpperCase(Locale.ROOT) + ";");
    }
    return String.join(" ", out);
  }

  /** The mapping as an annotation that pins it when pasted before the statement. */
  public String pinText() {
    StringBuilder t = new StringBuilder();
    for (var e : tile.entrySet()) {
      if (t.length() > 0) t.append(", ");
      t.append(e.getKey()).append(" = ").append(e.getValue());
    }
    return "@map(dataflow = " + dataflow.keyword() + ", tile = { " + t + " }, order = [" + String.join(", ", order)
        + "])";
  }

  /** k=16 c=32 ...: the global tile in index order. */
  public String tileText() {
    StringBuilder t = new StringBuilder();
    tile.forEach((d, v) -> t.append(t.length() == 0 ? "" : " ").append(d).append('=').append(v));
    return t.toString();
  }

  private static int ceilDiv(int a, int b) { return (a + b - 1) / b; }
}
