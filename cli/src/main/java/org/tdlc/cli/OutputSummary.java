// How interp shows outputs: per output its type, a checksum, min, max and the first values, as text a
// person can scan or as JSON a program can parse.
package org.tdlc.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tdlc.ir.data.Tensor;

final class OutputSummary {
  record ModelRun(String model, Map<String, Tensor> outputs, long millis) {}

  private static final int PREVIEW = 8;

  private OutputSummary() {}

  /** FNV-1a over the values: equal checksums from two runs mean equal outputs, with overwhelming odds. */
  static String checksum(Tensor t) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < t.elementCount(); i++) {
      h = (h ^ t.at(i)) * 0x100000001b3L;
    }
    return String.format("%016x", h);
  }

  static String text(List<ModelRun> runs, long seed) {
    StringBuilder b = new StringBuilder();
    for (ModelRun r : runs) {
      b.append("model ").append(r.model()).append(" (reference interpreter, input seed ").append(seed).append(", ")
          .append(r.millis()).append(" ms)\n");
      for (var e : r.outputs().entrySet()) {
        Tensor t = e.getValue();
        int[] mm = minMax(t);
        b.append(String.format("  %-8s %-22s checksum %s  min %d  max %d%n", e.getKey(), t.type().toSourceString(),
            checksum(t), mm[0], mm[1]));
        b.append("           first values: ").append(preview(t)).append('\n');
      }
    }
    return b.toString();
  }

  static String json(List<ModelRun> runs, long seed) {
    String models = runs.stream().map(r -> "{\"model\": " + Json.str(r.model()) + ", \"time_ms\": " + r.millis()
        + ", \"outputs\": [" + r.outputs().entrySet().stream().map(e -> {
          Tensor t = e.getValue();
          int[] mm = minMax(t);
          return "{\"name\": " + Json.str(e.getKey()) + ", \"dtype\": " + Json.str(t.element().keyword())
              + ", \"shape\": " + t.type().shape().asList() + ", \"checksum\": " + Json.str(checksum(t))
              + ", \"min\": " + mm[0] + ", \"max\": " + mm[1] + "}";
        }).collect(Collectors.joining(", ")) + "]}").collect(Collectors.joining(", "));
    return "{\"seed\": " + seed + ", \"models\": [" + models + "]}\n";
  }

  private static int[] minMax(Tensor t) {
    int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
    for (int i = 0; i < t.elementCount(); i++) { lo = Math.min(lo, t.at(i)); hi = Math.max(hi, t.at(i)); }
    return new int[] {lo, hi};
  }

  private static String preview(Tensor t) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < Math.min(PREVIEW, t.elementCount()); i++) b.append(i == 0 ? "" : ", ").append(t.at(i));
    return b.append(t.elementCount() > PREVIEW ? ", ...]" : "]").toString();
  }

}
