// The mapping a graph op carries (the `mapping` attribute, read and checked by the ir's Mapping), restated
// over the TiledOp's indices: the dataflow, the tile per index, the walk order of the tile loops and the
// indices on the array's rows and columns. Ops without the attribute keep the lowering's own heuristic.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.ir.Operation;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.ops.OpTypeException;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.PeWalk;

/** order: every TiledOp index, outermost first (indices the mapping does not name go outermost). */
/**
 * rowDims, colDims: the indices on the array's rows and columns, as bit masks over the TiledOp's indices;
 * spread: per index the part of its tile its axis spreads (Mapping.spreads; 0: all of it); pe: the PEs' walk
 * and what the per-PE levels keep, by index (Mapping.pe; PeWalk.RULE where the mapping pins none).
 */
record MappedTiles(Dataflow dataflow, int[] tile, int[] order, int rowDims, int colDims, int[] spread, PeWalk pe) {

  /**
   * The op's mapping over {@code t}'s indices on {@code machine}, or null when the op has none; a malformed
   * one, or one whose pe names what the machine lacks, is refused.
   */
  static MappedTiles of(Operation op, TiledOp t, MachineConfig machine) {
    if (t == null) return null;
    Mapping m;
    try {
      m = Mapping.of(op).orElse(null);
    } catch (OpTypeException e) {
      throw new LoweringException(op.location(), op.name() + ": " + e.getMessage());
    }
    if (m == null) return null;
    List<String> dims = t.dims();
    int[] tile = new int[dims.size()], spread = new int[dims.size()];
    List<Integer> order = new ArrayList<>();
    for (int d = 0; d < tile.length; d++) {
      String name = dims.get(d);
      boolean named = m.tile().containsKey(name);
      tile[d] = named ? Math.min(m.tileOf(name), t.ranges()[d]) : t.ranges()[d];
      spread[d] = m.spreads().getOrDefault(name, 0);
      if (!named) order.add(d);
    }
    for (String name : m.order()) if (dims.contains(name)) order.add(dims.indexOf(name));
    PeWalk pe;
    try {
      pe = PeWalk.of(machine, dims, m.pe());
    } catch (IllegalArgumentException e) {
      throw new LoweringException(op.location(), op.name() + ": mapping: " + e.getMessage());
    }
    return new MappedTiles(m.dataflow(), tile, order.stream().mapToInt(Integer::intValue).toArray(),
        mask(dims, m.rows()), mask(dims, m.cols()), spread, pe);
  }

  private static int mask(List<String> dims, List<String> names) {
    int mask = 0;
    for (String name : names) if (dims.contains(name)) mask |= 1 << dims.indexOf(name);
    return mask;
  }
}
