// The mapping a graph op carries (the `mapping` attribute the mapping passes write), restated over the
// TiledOp's indices: the dataflow, the tile per index, the walk order of the tile loops and the indices on
// the array's rows and columns. Ops without the attribute keep the lowering's own heuristic.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.passes.mapping.Mapping;

/** order: every TiledOp index, outermost first (indices the mapping does not name go outermost). */
record MappedTiles(Dataflow dataflow, int[] tile, int[] order, int rowDim, int colDim) {

  /** The op's mapping over {@code t}'s indices, or null when the op has none. */
  static MappedTiles of(Operation op, TiledOp t) {
    if (t == null || !op.attributes().has(Mapping.ATTR)) return null;
    DictAttr a = (DictAttr) op.attributes().get(Mapping.ATTR).orElseThrow();
    DictAttr level = (DictAttr) a.getArray("levels").get(0);
    DictAttr sizes = (DictAttr) level.get("tile").orElseThrow();
    List<String> dims = t.dims();
    int[] tile = new int[dims.size()];
    List<Integer> order = new ArrayList<>();
    for (int d = 0; d < tile.length; d++) {
      String name = dims.get(d);
      tile[d] = sizes.has(name) ? (int) Math.min(sizes.getInt(name), t.ranges()[d]) : t.ranges()[d];
      if (!sizes.has(name)) order.add(d);
    }
    for (String name : level.getStrings("order")) if (dims.contains(name)) order.add(dims.indexOf(name));
    Dataflow df = Dataflow.parse(a.getString("dataflow")).orElse(Dataflow.WS);
    return new MappedTiles(df, tile, order.stream().mapToInt(Integer::intValue).toArray(),
        dims.indexOf(a.getString("rows")), dims.indexOf(a.getString("cols")));
  }
}
