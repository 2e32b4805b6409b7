// The mapping of one compute op (DESIGN.md section 3): the dataflow, the loop indices spread over the PE
// array's rows and columns, the tile held in the global buffer and the order of the tile loops around it.
// Stored on the op as the attribute `mapping`, a plain dictionary, so it prints and parses back unchanged.
package org.tdlc.passes.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.target.Dataflow;

/**
 * rows/cols: the index on the array's rows and columns ("" when none); tile: per index (every index of
 * the op, in its order) the tile extent in the global buffer; order: the tile loops, outermost first.
 * The lowering walks output tiles in that order and, inside each, the reduction tiles in that order.
 */
public record Mapping(Dataflow dataflow, String rows, String cols, Map<String, Integer> tile, List<String> order) {
  public static final String ATTR = "mapping";
  public static final String LEVEL = "global";

  public Mapping {
    tile = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tile));
    order = List.copyOf(order);
  }

  public int tileOf(String dim) { return tile.get(dim); }

  /** The dictionary stored on the op: {cols, dataflow, levels = [{level, order, tile}], rows, spatial}. */
  public DictAttr toAttribute(int peRows, int peCols) {
    Map<String, Attribute> sizes = new TreeMap<>();
    tile.forEach((d, v) -> sizes.put(d, Attribute.of(v.longValue())));
    Map<String, Attribute> level = new TreeMap<>();
    level.put("level", Attribute.of(LEVEL));
    level.put("order", Attribute.strings(order));
    level.put("tile", DictAttr.of(sizes));
    Map<String, Attribute> spatial = new TreeMap<>();
    if (!rows.isEmpty()) spatial.put(rows, Attribute.of((long) Math.min(peRows, tileOf(rows))));
    if (!cols.isEmpty()) spatial.put(cols, Attribute.of((long) Math.min(peCols, tileOf(cols))));
    Map<String, Attribute> all = new TreeMap<>();
    all.put("dataflow", Attribute.of(dataflow.keyword()));
    all.put("rows", Attribute.of(rows));
    all.put("cols", Attribute.of(cols));
    all.put("spatial", DictAttr.of(spatial));
    all.put("levels", new Attribute.ArrayAttr(List.of(DictAttr.of(level))));
    return DictAttr.of(all);
  }

  /** The mapping an op carries, read back from its attribute; {@code dims} gives the tile's index order. */
  public static Mapping fromAttribute(DictAttr a, List<String> dims) {
    Dataflow df = Dataflow.parse(a.getString("dataflow"))
        .orElseThrow(() -> new DictAttr.AttributeException("unknown dataflow " + a.getString("dataflow")));
    DictAttr level = (DictAttr) a.getArray("levels").get(0);
    DictAttr sizes = (DictAttr) level.get("tile").orElseThrow();
    Map<String, Integer> tile = new LinkedHashMap<>();
    for (String d : dims) tile.put(d, (int) sizes.getInt(d));
    return new Mapping(df, a.getString("rows"), a.getString("cols"), tile, level.getStrings("order"));
  }

  /**
   * Timeloop's map.txt: one block per level, outermost first, each loop with its trip count; the array
   * level shows the spatial loops (Spatial-Y rows, Spatial-X cols) and the temporal loops of one mac.
   */
  public String loopNest(LoopSpace space, int peRows, int peCols) {
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
      b.append(indent).append("| for ").append(rows).append(" in [0:").append(Math.min(peRows, tileOf(rows)))
          .append(") (Spatial-Y)\n");
    }
    if (!cols.isEmpty()) {
      b.append(indent).append("| for ").append(cols).append(" in [0:").append(Math.min(peCols, tileOf(cols)))
          .append(") (Spatial-X)\n");
    }
    return b.toString();
  }

  /** MAESTRO's directives, outermost first: the tile loops, then the array's spatial maps. */
  public String directives(int peRows, int peCols) {
    List<String> out = new ArrayList<>();
    for (String d : order) {
      if (d.equals(rows) || d.equals(cols)) continue;
      out.add("TemporalMap(" + tileOf(d) + "," + tileOf(d) + ") " + d.toUpperCase(java.util.Locale.ROOT) + ";");
    }
    if (!rows.isEmpty()) {
      int f = Math.min(peRows, tileOf(rows));
      out.add("SpatialMap(" + f + "," + f + ") " + rows.toUpperCase(java.util.Locale.ROOT) + ";");
    }
    if (!cols.isEmpty()) {
      int f = Math.min(peCols, tileOf(cols));
      out.add("SpatialMap(" + f + "," + f + ") " + cols.toUpperCase(java.util.Locale.ROOT) + ";");
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

  static int ceilDiv(int a, int b) { return (a + b - 1) / b; }
}
