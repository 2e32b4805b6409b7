// What `tdlc run` and `tdlc sim` print: a per-layer table (op, dataflow, tile, format, cycles, energy,
// bytes per memory level, utilization), totals and the verification verdict, as text a person can scan
// or as the JSON object of DESIGN.md section 6 that a program can parse.
package org.tdlc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Loop;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.ProgramStructure;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.sim.Counters;
import org.tdlc.sim.LayerCounters;
import org.tdlc.sim.LevelCounters;
import org.tdlc.sim.SimResult;

final class RunReport {
  /** The verdict on one output; mismatch is null when it is bit-exact, or when there is no reference. */
  record OutputCheck(Symbol symbol, Boolean bitExact, String mismatch) {}

  /**
   * What the compiler knows of a program's storage formats: per layer, each weight's format by name, and the
   * bytes of the compressed blocks its loads read (which the simulator's compressed_bytes must equal).
   */
  record SparseFacts(java.util.Map<String, java.util.Map<String, String>> formats,
                     java.util.Map<String, Long> compressedBytes) {
    static final SparseFacts NONE = new SparseFacts(java.util.Map.of(), java.util.Map.of());
  }

  /**
   * Everything one model's run produced. reference/compile millis are -1 when not done (tdlc sim);
   * mappings: per mapped layer, its mapping and where it came from (MappedLayers; empty for tdlc sim).
   */
  record ModelRun(String model, String target, Program program, SimResult sim, List<OutputCheck> outputs,
                  long compileMillis, long simulateMillis, long referenceMillis,
                  java.util.Map<String, org.tdlc.passes.mapping.Cost> predicted, SparseFacts sparse,
                  java.util.Map<String, MappedLayers.Mapped> mappings) {
    ModelRun(String model, String target, Program program, SimResult sim, List<OutputCheck> outputs,
             long compileMillis, long simulateMillis, long referenceMillis) {
      this(model, target, program, sim, outputs, compileMillis, simulateMillis, referenceMillis, java.util.Map.of(),
          SparseFacts.NONE, java.util.Map.of());
    }

    /** The same run with the cost model's predictions for its mapped layers. */
    ModelRun withPredicted(java.util.Map<String, org.tdlc.passes.mapping.Cost> p) {
      return new ModelRun(model, target, program, sim, outputs, compileMillis, simulateMillis, referenceMillis, p,
          sparse, mappings);
    }

    /** The same run with the compiler's storage formats and compressed bytes. */
    ModelRun withSparse(SparseFacts s) {
      return new ModelRun(model, target, program, sim, outputs, compileMillis, simulateMillis, referenceMillis,
          predicted, s, mappings);
    }

    /** The same run knowing each mapped layer's mapping and where it came from. */
    ModelRun withMappings(java.util.Map<String, MappedLayers.Mapped> m) {
      return new ModelRun(model, target, program, sim, outputs, compileMillis, simulateMillis, referenceMillis,
          predicted, sparse, m);
    }

    boolean verified() { return outputs.stream().allMatch(o -> Boolean.TRUE.equals(o.bitExact())); }
  }

  private RunReport() {}

  // ---- per-layer facts read off the program ----

  /** The dataflow in force at a layer: the last CONFIG at or before its first instruction. */
  static String dataflow(Program p, Layer layer) {
    String df = "-";
    for (int i = 0; i <= Math.min(layer.last(), p.instructions().size() - 1); i++) {
      if (p.instructions().get(i) instanceof Instruction.Config c) df = c.dataflow().keyword();
    }
    return hasMac(p, layer) ? df : "-";
  }

  /** The loop extents of the layer's first MAC tile, outermost first, e.g. 16x8x3x3. */
  static String tile(Program p, Layer layer) {
    Descriptor.MacDesc d = firstMac(p, layer);
    return d == null ? "-" : d.loops().stream().map(l -> Integer.toString(l.extent())).collect(Collectors.joining("x"));
  }

  static boolean hasMac(Program p, Layer layer) { return firstMac(p, layer) != null; }

  private static Descriptor.MacDesc firstMac(Program p, Layer layer) {
    for (int i = layer.first(); i <= layer.last() && i < p.instructions().size(); i++) {
      if (p.instructions().get(i) instanceof Instruction.Mac m) return (Descriptor.MacDesc) p.descriptors().get(m.desc());
    }
    return null;
  }

  /** How many PE rows and columns the layer's first MAC tile occupies. */
  private static int[] spatial(Program p, Layer layer) {
    Descriptor.MacDesc d = firstMac(p, layer);
    if (d == null) return null;
    List<Loop> loops = d.loops();
    int rows = d.rowLoop() < 0 ? 1 : Math.min(loops.get(d.rowLoop()).extent(), p.machine().rows());
    int cols = d.colLoop() < 0 ? 1 : Math.min(loops.get(d.colLoop()).extent(), p.machine().cols());
    return new int[] {rows, cols};
  }

  // ---- text ----

  static String text(ModelRun run) {
    Program p = run.program();
    List<String> levels = p.machine().levels().stream().map(l -> l.name()).toList();
    List<String> header = new ArrayList<>(List.of("layer", "op", "dataflow", "tile", "format", "cycles", "energy"));
    levels.forEach(l -> header.add(l + " r/w"));
    header.add("util");
    List<List<String>> rows = new ArrayList<>();
    for (LayerCounters lc : run.sim().layers()) {
      Layer layer = p.layers().stream().filter(l -> l.first() == lc.first() && l.name().equals(lc.name())).findFirst()
          .orElse(new Layer(lc.name(), lc.op(), lc.first(), lc.last()));
      rows.add(row(lc.name(), lc.op(), dataflow(p, layer), tile(p, layer), format(run, p, layer), lc.counters()));
    }
    rows.add(row("total", "", "", "", "", run.sim().total()));
    StringBuilder b = new StringBuilder();
    b.append("model ").append(run.model()).append(" on target ").append(run.target()).append(" (")
        .append(p.machine().rows()).append('x').append(p.machine().cols()).append(" PEs, ")
        .append(fmt(p.machine().frequencyMhz())).append(" MHz)\n");
    b.append(Table.render(header, rows));
    run.mappings().forEach((layer, mapped) -> {
      if (mapped.source().equals(MappedLayers.IR)) {
        b.append("note: layer ").append(layer).append(" runs the mapping written in the IR (pinned; not searched)\n");
      }
    });
    Counters t = run.sim().total();
    b.append(String.format(Locale.ROOT, "%d cycles (%.3f ms at %s MHz), %s, %d MACs (%d skipped), utilization %.1f%%%n",
        t.cycles(), t.cycles() / (p.machine().frequencyMhz() * 1e3), fmt(p.machine().frequencyMhz()),
        energy(t.energyPj()), t.macs(), t.macsSkipped(), 100 * t.utilization()));
    b.append(verdict(run));
    return b.toString();
  }

  /**
   * The layer's weight formats (a/b for several), else the formats its loads decode or its conversions convert
   * (a program read from .tdlx), else dense or "-".
   */
  private static String format(ModelRun run, Program p, Layer layer) {
    java.util.Map<String, String> known = run.sparse().formats().get(layer.name());
    if (known != null && !known.isEmpty()) return String.join("/", known.values());
    java.util.Set<String> seen = new java.util.TreeSet<>();
    for (int i = layer.first(); i <= layer.last() && i < p.instructions().size(); i++) {
      int desc = ProgramStructure.descriptorIndex(p.instructions().get(i));
      if (desc >= 0 && p.descriptors().get(desc) instanceof Descriptor.DmaDesc d && d.compressed()) {
        seen.add(d.format().keyword());
      }
    }
    if (!seen.isEmpty()) return String.join("/", seen);
    return hasMac(p, layer) ? "dense" : "-";
  }

  private static List<String> row(String name, String op, String df, String tile, String format, Counters c) {
    List<String> r = new ArrayList<>(List.of(name, op, df, tile, format, Long.toString(c.cycles()), energy(c.energyPj())));
    for (LevelCounters l : c.levels()) r.add(bytes(l.bytesRead()) + "/" + bytes(l.bytesWritten()));
    r.add(String.format(Locale.ROOT, "%.2f", c.utilization()));
    return r;
  }

  static String verdict(ModelRun run) {
    StringBuilder b = new StringBuilder();
    long exact = run.outputs().stream().filter(o -> Boolean.TRUE.equals(o.bitExact())).count();
    if (run.outputs().stream().anyMatch(o -> o.bitExact() == null)) return "";
    if (run.verified()) return "verified: " + exact + " output" + (exact == 1 ? "" : "s") + " bit-exact\n";
    for (OutputCheck o : run.outputs()) {
      if (!o.bitExact()) b.append("MISMATCH in output ").append(o.symbol().name()).append(": ").append(o.mismatch()).append('\n');
    }
    return b.append("verification FAILED: ").append(run.outputs().size() - exact).append(" of ")
        .append(run.outputs().size()).append(" outputs differ from the reference interpreter\n").toString();
  }

  static String energy(double pj) {
    if (pj >= 1e6) return String.format(Locale.ROOT, "%.2f uJ", pj / 1e6);
    if (pj >= 1e3) return String.format(Locale.ROOT, "%.2f nJ", pj / 1e3);
    return String.format(Locale.ROOT, "%.1f pJ", pj);
  }

  static String bytes(long n) {
    if (n >= 10L << 20) return (n >> 20) + "M";
    if (n >= 10L << 10) return (n >> 10) + "K";
    return Long.toString(n);
  }

  static String fmt(double d) { return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d); }

  // ---- JSON ----

  static String json(List<ModelRun> runs) {
    if (runs.size() == 1) return json(runs.get(0)) + "\n";
    return "{\"models\": [" + runs.stream().map(RunReport::json).collect(Collectors.joining(", ")) + "]}\n";
  }

  static String json(ModelRun run) {
    Program p = run.program();
    StringBuilder b = new StringBuilder("{\"model\": ").append(Json.str(run.model()))
        .append(", \"target\": ").append(Json.str(run.target()));
    if (run.outputs().stream().noneMatch(o -> o.bitExact() == null)) b.append(", \"verified\": ").append(run.verified());
    b.append(", \"outputs\": [").append(run.outputs().stream().map(o -> "{\"name\": " + Json.str(o.symbol().name())
        + ", \"dtype\": " + Json.str(o.symbol().type().keyword()) + ", \"shape\": " + o.symbol().shape()
        + (o.bitExact() == null ? "" : ", \"bit_exact\": " + o.bitExact())
        + (o.mismatch() == null ? "" : ", \"mismatch\": " + Json.str(o.mismatch())) + "}")
        .collect(Collectors.joining(", "))).append("]");
    b.append(", \"layers\": [");
    String sep = "";
    for (LayerCounters lc : run.sim().layers()) {
      Layer layer = new Layer(lc.name(), lc.op(), lc.first(), lc.last());
      b.append(sep).append("{\"name\": ").append(Json.str(lc.name())).append(", \"op\": ").append(Json.str(lc.op()));
      if (hasMac(p, layer)) {
        int[] s = spatial(p, layer);
        b.append(", \"dataflow\": ").append(Json.str(dataflow(p, layer)))
            .append(", \"mapping\": {\"spatial\": {\"rows\": ").append(s[0]).append(", \"cols\": ").append(s[1])
            .append("}, \"levels\": [{\"level\": ").append(Json.str(p.machine().global().name()))
            .append(", \"tile\": [").append(tile(p, layer).replace("x", ", ")).append("]}]}");
        MappedLayers.Mapped mapped = run.mappings().get(lc.name());
        String from = mapped == null ? null : mapped.source();
        if (from != null) b.append(", \"mapping_source\": ").append(Json.str(from));
        b.append(", \"formats\": {").append(run.sparse().formats().getOrDefault(lc.name(), java.util.Map.of())
                .entrySet().stream().map(e -> Json.str(e.getKey()) + ": " + Json.str(e.getValue()))
                .collect(Collectors.joining(", "))).append('}');
      }
      Long compressed = run.sparse().compressedBytes().get(lc.name());
      if (compressed != null && (compressed > 0 || lc.counters().compressedBytes() > 0)) {
        b.append(", \"compressed_bytes\": {\"predicted\": ").append(compressed).append(", \"simulated\": ")
            .append(lc.counters().compressedBytes()).append('}');
      }
      b.append(", ").append(counters(lc.counters()));
      var pred = run.predicted().get(lc.name());
      if (pred != null) b.append(", \"predicted\": ").append(predicted(pred, p));
      b.append('}');
      sep = ", ";
    }
    b.append("], \"total\": {").append(counters(run.sim().total())).append('}');
    b.append(", \"time_ms\": {\"compile\": ").append(run.compileMillis()).append(", \"simulate\": ")
        .append(run.simulateMillis()).append(", \"reference\": ").append(run.referenceMillis()).append("}}");
    return b.toString();
  }

  /**
   * The cost model's figures for a layer: MACs (and those skipped), cycles (and those of decoding or
   * converting compressed weights), energy, and bytes of DRAM and the global buffer.
   */
  private static String predicted(org.tdlc.passes.mapping.Cost c, Program p) {
    return "{\"macs\": " + c.macs() + ", \"macs_skipped\": " + c.macsSkipped() + ", \"cycles\": " + c.cycles()
        + ", \"decode_cycles\": " + c.decodeCycles() + ", \"convert_cycles\": " + c.convertCycles()
        + ", \"energy_pj\": " + c.energyPj()
        + ", \"bytes\": {" + Json.str(p.machine().levels().get(0).name()) + ": {\"read\": "
        + java.util.Arrays.stream(c.dramRead()).sum() + ", \"write\": " + java.util.Arrays.stream(c.dramWrite()).sum()
        + "}, " + Json.str(p.machine().global().name()) + ": {\"read\": " + java.util.Arrays.stream(c.globalRead()).sum()
        + ", \"write\": " + java.util.Arrays.stream(c.globalWrite()).sum() + "}}}";
  }

  private static String counters(Counters c) {
    String bytes = c.levels().stream().map(l -> Json.str(l.name()) + ": {\"read\": " + l.bytesRead() + ", \"write\": "
        + l.bytesWritten() + "}").collect(Collectors.joining(", "));
    String energy = c.levels().stream().map(l -> Json.str(l.name()) + ": " + l.energyPj()).collect(Collectors.joining(", "));
    return "\"macs\": " + c.macs() + ", \"macs_skipped\": " + c.macsSkipped() + ", \"cycles\": " + c.cycles()
        + ", \"elapsed_cycles\": {\"computing\": " + c.computingCycles() + ", \"transfer_only\": "
        + c.transferOnlyCycles() + ", \"idle\": " + c.idleCycles() + "}"
        + ", \"energy_pj\": " + c.energyPj() + ", \"utilization\": " + c.utilization()
        + ", \"decode_cycles\": " + c.decodeCycles() + ", \"convert_cycles\": " + c.convertCycles() + ", \"bytes\": {" + bytes
        + "}, \"energy_pj_by_level\": {" + energy + ", \"mac\": " + c.macEnergyPj() + "}";
  }

  // ---- for the HTML report ----

  /** The layer's weight formats, as the text table shows them. */
  static String formats(ModelRun run, Layer layer) { return format(run, run.program(), layer); }
}
