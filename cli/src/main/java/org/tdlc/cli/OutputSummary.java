// How interp shows outputs: per output its type, a checksum, min, max and the first values, as text a
// person can scan or as JSON a program can parse.
package org.tdlc.cli;

import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /**
   * The --json report of interp: {tdlc_version, command, seed, runs}, one element per model: its name, each
   * output's name, dtype, shape, checksum, min and max, and time_ms.reference (the interpreter's time).
   */
  static ObjectNode json(List<ModelRun> runs, long seed) {
    ObjectNode o = Json.report("interp");
    o.put("seed", seed);
    ArrayNode a = o.putArray("runs");
    for (ModelRun r : runs) {
      ObjectNode run = a.addObject();
      run.put("model", r.model());
      ArrayNode outputs = run.putArray("outputs");
      r.outputs().forEach((name, t) -> {
        int[] mm = minMax(t);
        ObjectNode out = outputs.addObject();
        out.put("name", name);
        out.put("dtype", t.element().keyword());
        out.set("shape", Json.ints(t.type().shape().asList()));
        out.put("checksum", checksum(t));
        out.put("min", mm[0]);
        out.put("max", mm[1]);
      });
      run.putObject("time_ms").put("reference", r.millis());
    }
    return o;
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
