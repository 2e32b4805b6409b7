// The cost model's predictions for every mapped op of a model, by layer name (Model.layerName, as the
// lowering names layers): what `run --json` reports as "predicted" beside the simulator's counts. Weights
// the lowering stores compressed are predicted from their actual data (the same WeightLoader bits).
package org.tdlc.passes.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Users;
import org.tdlc.ir.Value;
import org.tdlc.ir.interp.InterpreterException;
import org.tdlc.ir.interp.WeightLoader;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.target.Target;
import org.tdlc.machine.StoredFormats;

public final class Predictions {
  private Predictions() {}

  /** Weight files relative to the working directory (ops parsed from a file resolve against it). */
  public static Map<String, Cost> of(Model model, Target target) { return of(model, target, new WeightLoader()); }

  public static Map<String, Cost> of(Model model, Target target, WeightLoader weights) {
    Map<String, Cost> out = new LinkedHashMap<>();
    Users users = Users.of(model);
    for (int k = 0; k < model.ops().size(); k++) {
      Operation op = model.ops().get(k);
      Mapping m = Mapping.of(op).orElse(null);
      if (m == null || LoopSpace.of(op).isEmpty()) continue;
      out.put(model.layerName(k), of(users, op, target, m, weights));
    }
    return out;
  }

  /**
   * The predicted cost of {@code op} (an op of {@code model} with a loop space) under mapping {@code m}: the
   * exact schedule, with the weights the lowering stores compressed read from their data.
   */
  public static Cost of(Model model, Operation op, Target target, Mapping m, WeightLoader weights) {
    return of(Users.of(model), op, target, m, weights);
  }

  private static Cost of(Users users, Operation op, Target target, Mapping m, WeightLoader weights) {
    TileTimeline.Stored[] stored = new TileTimeline.Stored[2];
    for (int i = 0; i < 2 && i < op.operands().size(); i++) {
      Value v = op.operand(i);
      if (!StoredFormats.storedCompressed(users, v)) continue;
      try {
        stored[i] = new TileTimeline.Stored(v.type().format(), weights.load(v.definingOp()));
      } catch (InterpreterException e) {
        stored[i] = null;   // the lowering reports an unreadable weight file; predict it dense meanwhile
      }
    }
    LoopSpace s = LoopSpace.of(op).orElseThrow();
    int[] tile = s.dims().stream().mapToInt(m::tileOf).toArray();
    int[] spread = s.dims().stream().mapToInt(d -> m.spreads().getOrDefault(d, 0)).toArray();
    return MappingPlanner.model(op, s, target, m).evaluateExact(m.dataflow(), MappingSpace.mask(s, m.rows()),
        MappingSpace.mask(s, m.cols()), tile,
        MappingPlanner.order(s, m.order()), spread, stored);
  }
}
