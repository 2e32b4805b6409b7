// What a simulation returns: the program's outputs by symbol name (in symbol-table order), the counters of
// the whole run, and the same counters per layer of the program's layer table.
package org.tdlc.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.ir.data.Tensor;

public record SimResult(Map<String, Tensor> outputs, Counters total, List<LayerCounters> layers) {
  public SimResult {
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    layers = List.copyOf(layers);
  }
}
