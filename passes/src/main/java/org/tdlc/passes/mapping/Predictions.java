// The cost model's predictions for every mapped op of a model, by layer name (the result's name, as the
// lowering names layers): what `run --json` reports as "predicted" beside the simulator's counts.
package org.tdlc.passes.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.target.Target;

public final class Predictions {
  private Predictions() {}

  public static Map<String, Cost> of(Model model, Target target) {
    Map<String, Cost> out = new LinkedHashMap<>();
    for (Operation op : model.ops()) {
      Cost c = of(op, target);
      if (c != null && op.result().nameHint() != null) out.put(op.result().nameHint(), c);
    }
    return out;
  }

  /** The predicted cost of one op under its mapping attribute, or null when it has none. */
  public static Cost of(Operation op, Target target) {
    if (!op.attributes().has(Mapping.ATTR)) return null;
    LoopSpace s = LoopSpace.of(op).orElse(null);
    if (s == null) return null;
    Mapping m = Mapping.fromAttribute((DictAttr) op.attributes().get(Mapping.ATTR).orElseThrow(), s.dims());
    int[] tile = s.dims().stream().mapToInt(m::tileOf).toArray();
    return new CostModel(s, target).evaluateExact(s.index(m.rows()), s.index(m.cols()), tile,
        MappingPlanner.order(s, m.order()));
  }
}
