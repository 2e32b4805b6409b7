// What a program records about where it came from, for reports on a .tdlx run long after compiling: the
// model's name, the pass pipeline that compiled it, and per layer the storage format of each weight it reads
// (by the weight's name, as `tdlc run` reports them; layers that read no weight are left out). Empty strings and maps when unknown (hand-written
// assembly without .model, .pipeline or .formats).
package org.tdlc.backend.isa;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

public record ProgramInfo(String model, String pipeline, Map<String, Map<String, String>> formats) {
  public static final ProgramInfo NONE = new ProgramInfo("", "", Map.of());

  public ProgramInfo {
    model = model == null ? "" : model;
    pipeline = pipeline == null ? "" : pipeline;
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    if (formats != null) {
      formats.forEach((layer, f) -> {
        if (!f.isEmpty()) copy.put(layer, Collections.unmodifiableMap(new LinkedHashMap<>(f)));
      });
    }
    formats = Collections.unmodifiableMap(copy);
  }

  public ProgramInfo withPipeline(String p) { return new ProgramInfo(model, p, formats); }

  public boolean isEmpty() { return model.isEmpty() && pipeline.isEmpty() && formats.isEmpty(); }
}
