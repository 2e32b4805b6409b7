// Each mapped layer of a compiled model: its typed mapping, the index space it maps, and where the mapping
// came from, for `tdlc run` to say: "ir" when the op already carried it in the IR text it was loaded from
// (the mapping passes keep such a mapping as a pin), "pin" when an @map annotation pinned part of it,
// "mapper" when the mapping passes chose all of it.
package org.tdlc.cli;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tdlc.ir.Location;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.mapping.IndexSpace;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.target.Target;
import org.tdlc.passes.mapping.MappingPlanner;

final class MappedLayers {
  /**
   * One mapped layer: its mapping, the indices it maps (names and ranges), the mapping's source, its op and the
   * target it was mapped for.
   */
  record Mapped(Mapping mapping, IndexSpace space, String source, Operation op, Target target) {
    /** The @map line that pins the mapping, in the op's own indices (MappingPlanner.pinText). */
    String pin() { return MappingPlanner.pinText(mapping, op); }

    /** The machine model's walk and keeps on a full tile, where the mapping pins none (MappingPlanner.ruleWalk). */
    Mapping.Pe rule() { return mapping.pe().isRule() ? MappingPlanner.ruleWalk(op, target, mapping) : mapping.pe(); }
  }

  static final String IR = "ir";
  static final String PIN = "pin";
  static final String MAPPER = "mapper";

  private MappedLayers() {}

  /** By layer name (Model.layerName, as the lowering names layers) of {@code optimized}, every mapped layer. */
  static Map<String, Mapped> of(Model source, Model optimized, Target target) {
    Set<String> names = new HashSet<>();
    Set<List<Object>> given = new HashSet<>();   // a fused op keeps its mapping but may take its tail's name
    for (Operation op : source.ops()) {
      if (!op.attributes().has(Mapping.ATTR)) continue;
      if (op.results().size() == 1 && op.result().nameHint() != null) names.add(op.result().nameHint());
      given.add(key(op));
    }
    Map<String, Mapped> out = new LinkedHashMap<>();
    for (int i = 0; i < optimized.ops().size(); i++) {
      Operation op = optimized.ops().get(i);
      if (!op.attributes().has(Mapping.ATTR)) continue;
      String layer = optimized.layerName(i);
      boolean fromIr = names.contains(layer) || given.contains(key(op));
      out.put(layer, new Mapped(Mapping.of(op).orElseThrow(), IndexSpace.of(op).orElseThrow(),
          fromIr ? IR : op.attributes().has("pin") ? PIN : MAPPER, op, target));
    }
    return out;
  }

  private static List<Object> key(Operation op) {
    Location.FileLineCol at = op.location() == null ? null : op.location().primary();
    return Arrays.asList(op.name(), op.attributes().get(Mapping.ATTR).orElseThrow(), at);
  }
}
