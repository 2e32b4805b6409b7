// A vector layer's predicted cost (the lowering's LayerSchedule) in the cost model's record, so that run --json
// and the HTML report show it as they show a mapped layer's: no MACs, every byte on the result's operand slot.
package org.tdlc.cli;

import org.tdlc.backend.lower.LayerSchedule;
import org.tdlc.passes.mapping.Cost;

final class VectorPrediction {
  private VectorPrediction() {}

  /** The layer's cycles, energy and bytes (DRAM and the global buffer) as a Cost of one input and output slot. */
  static Cost of(LayerSchedule.Cost c) {
    return new Cost(0, c.cycles(), c.energyPj(), new long[] {0, 0, c.read()[0]}, new long[] {0, 0, c.written()[0]},
        new long[] {0, 0, c.read()[1]}, new long[] {0, 0, c.written()[1]}, 0, c.computeBusy(), c.loadBusy(),
        c.storeBusy(), 0, 0, 1, 1, 0, 0, 0);
  }
}
