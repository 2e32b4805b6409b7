// What `tdlc run` and `tdlc sim` print: a per-layer table (op, dataflow, tile, format, cycles, energy,
// bytes per memory level, utilization), totals and the verification verdict, as text a person can scan
// or as the JSON object of DESIGN.md section 6 that a program can parse.
package org.tdlc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.machine.DramArbiter;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.MemoryLevel;
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

  // ---- text ----

  static String text(ModelRun run) {
    Program p = run.program();
    List<String> levels = p.machine().levels().stream().map(l -> l.name()).toList();
    List<String> header = new ArrayList<>(List.of("layer", "op", "dataflow", "array", "tile", "format", "cycles",
        "energy"));
    levels.forEach(l -> header.add(l + " r/w"));
    header.add("util");
    List<List<String>> rows = new ArrayList<>();
    for (LayerCounters lc : run.sim().layers()) {
      Layer layer = p.layers().stream().filter(l -> l.first() == lc.first() && l.name().equals(lc.name())).findFirst()
          .orElse(new Layer(lc.name(), lc.op(), lc.first(), lc.last()));
      rows.add(row(lc.name(), lc.op(), dataflow(p, layer), array(run, lc.name()), tile(p, layer),
          format(run, p, layer), lc.counters()));
    }
    rows.add(row("total", "", "", "", "", "", run.sim().total()));
    StringBuilder b = new StringBuilder();
    b.append("model ").append(run.model()).append(" on target ").append(run.target()).append(" (")
        .append(p.machine().rows()).append('x').append(p.machine().cols()).append(" PEs, ")
        .append(fmt(p.machine().frequencyMhz())).append(" MHz, ").append(p.machine().dram().name()).append(' ')
        .append(bandwidth(p.machine().dram().bandwidth(), p.machine().frequencyMhz()).replace(" (", " = ").replace(")", ""))
        .append(")\n");
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
    b.append(traffic(p.machine(), t.levels().get(0), t.cycles())).append('\n');
    b.append(verdict(run));
    return b.toString();
  }

  /**
   * The layer's weight formats (a/b for several) as the program records them, else the formats its loads decode
   * or its conversions convert (a program that records none), else dense or "-".
   */
  private static String format(ModelRun run, Program p, Layer layer) {
    java.util.Map<String, String> known = p.info().formats().get(layer.name());
    if (known == null || known.isEmpty()) known = run.sparse().formats().get(layer.name());
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

  /** The indices on the array's rows and columns, rows/cols (c,r,s/k), or "-" for a layer without a mapping. */
  private static String array(ModelRun run, String layer) {
    MappedLayers.Mapped mapped = run.mappings().get(layer);
    if (mapped == null) return "-";
    Mapping m = mapped.mapping();
    return axis(m.rows()) + "/" + axis(m.cols());
  }

  private static String axis(List<String> dims) { return dims.isEmpty() ? "-" : String.join(",", dims); }

  private static List<String> row(String name, String op, String df, String array, String tile, String format,
                                  Counters c) {
    List<String> r = new ArrayList<>(List.of(name, op, df, array, tile, format, Long.toString(c.cycles()),
        energy(c.energyPj())));
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

  /**
   * DRAM's traffic over a run: "dram: 155 KiB read, 4 KiB written, 25.3 B/cycle (20.3 GB/s) on average, 79% of
   * its bandwidth", the rate averaged over the run's cycles, the share the time its port needs for those bytes
   * (DramArbiter.busy: reads and writes add up on a shared port), never above 100%.
   */
  static String traffic(MachineConfig m, LevelCounters l, long cycles) {
    long moved = l.bytesRead() + l.bytesWritten();
    String text = l.name() + ": " + byteCount(l.bytesRead()) + " read, " + byteCount(l.bytesWritten()) + " written";
    if (cycles == 0) return text;
    double rate = moved / (double) cycles;
    text += ", " + bandwidth(rate, m.frequencyMhz()) + " on average";
    double busy = DramArbiter.busy(m, l.bytesRead(), l.bytesWritten());
    if (busy > 0) text += String.format(Locale.ROOT, ", %.0f%% of its bandwidth", 100 * busy / cycles);
    return text;
  }

  /** A bandwidth in bytes per cycle and in GB/s at the clock: "32 B/cycle (25.6 GB/s)"; 0 is unlimited. */
  static String bandwidth(double bytesPerCycle, double mhz) {
    if (bytesPerCycle <= 0) return "unlimited bandwidth";
    return threeDigits(bytesPerCycle) + " B/cycle (" + TargetsCommand.gigabytesPerSecond(bytesPerCycle, mhz) + " GB/s)";
  }

  /** Bytes for reading: 123 B, 45.6 KiB, 7.89 MiB, 1.23 GiB (as the table's K and M, powers of 1024). */
  static String byteCount(long n) {
    if (n < 1024) return n + " B";
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return threeDigits(v) + " " + units[u];
  }

  /** A figure to three significant digits, without trailing zeros: 25.6, 0.48, 1130. */
  static String threeDigits(double v) {
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }

  /** Energy for reading: pJ, nJ, uJ, mJ or J, whichever keeps the figure between 1 and 1000. */
  static String energy(double pj) {
    if (pj >= 1e12) return String.format(Locale.ROOT, "%.2f J", pj / 1e12);
    if (pj >= 1e9) return String.format(Locale.ROOT, "%.2f mJ", pj / 1e9);
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

  /**
   * The --json report of run or sim (docs/json.md): {tdlc_version, command, seed, runs}, one element of runs per
   * (model, target) run. {@code programFile}: for sim, the .tdlx file the run comes from; null for run.
   */
  static ObjectNode json(String command, long seed, List<ModelRun> runs, String programFile) {
    ObjectNode o = Json.report(command);
    o.put("seed", seed);
    ArrayNode a = o.putArray("runs");
    for (ModelRun r : runs) a.add(json(r, programFile));
    return o;
  }

  /** One run: DESIGN.md section 6's object. */
  static ObjectNode json(ModelRun run, String programFile) {
    Program p = run.program();
    ObjectNode o = Json.object();
    if (programFile == null) {
      o.put("model", run.model());
    } else {   // the model the program records (null for assembly that names none), and the file
      Json.stringOrNull(o, "model", p.info().model());
      o.put("program", programFile);
    }
    o.put("target", run.target());
    Json.stringOrNull(o, "pipeline", p.info().pipeline());
    if (run.outputs().stream().noneMatch(c -> c.bitExact() == null)) o.put("verified", run.verified());
    ArrayNode outputs = o.putArray("outputs");
    for (OutputCheck c : run.outputs()) {
      ObjectNode out = outputs.addObject();
      out.put("name", c.symbol().name());
      out.put("dtype", c.symbol().type().keyword());
      out.set("shape", Json.ints(c.symbol().shape()));
      if (c.bitExact() != null) out.put("bit_exact", c.bitExact());
      if (c.mismatch() != null) out.put("mismatch", c.mismatch());
    }
    ArrayNode layers = o.putArray("layers");
    List<org.tdlc.passes.mapping.Cost> predicted = new ArrayList<>();
    for (LayerCounters lc : run.sim().layers()) {
      Layer layer = new Layer(lc.name(), lc.op(), lc.first(), lc.last());
      ObjectNode l = layers.addObject();
      l.put("name", lc.name());
      l.put("op", lc.op());
      boolean mac = hasMac(p, layer);
      if (mac) l.put("dataflow", dataflow(p, layer));
      MappedLayers.Mapped mapped = run.mappings().get(lc.name());
      if (mac && mapped != null) {
        l.set("mapping", mapping(mapped.mapping(), p));
        l.put("mapping_source", mapped.source());
      }
      java.util.Map<String, String> formats = p.info().formats().get(lc.name());
      if (mac || formats != null) {
        ObjectNode f = l.putObject("formats");
        if (formats != null) formats.forEach(f::put);
      }
      Long compressed = run.sparse().compressedBytes().get(lc.name());
      if (compressed != null && (compressed > 0 || lc.counters().compressedBytes() > 0)) {
        ObjectNode cb = l.putObject("compressed_bytes");
        cb.put("predicted", compressed);
        cb.put("simulated", lc.counters().compressedBytes());
      }
      counters(l, lc.counters());
      var pred = run.predicted().get(lc.name());
      if (pred != null) {
        l.set("predicted", predicted(List.of(pred), p));
        predicted.add(pred);
      }
    }
    ObjectNode total = counters(o.putObject("total"), run.sim().total());
    if (!predicted.isEmpty()) {
      ObjectNode sum = predicted(predicted, p);
      sum.put("layers", predicted.size());
      total.set("predicted", sum);
    }
    ObjectNode time = o.putObject("time_ms");
    if (run.compileMillis() >= 0) time.put("compile", run.compileMillis());
    time.put("simulate", run.simulateMillis());
    if (run.referenceMillis() >= 0) time.put("reference", run.referenceMillis());
    return o;
  }

  /**
   * A mapping by index name: the array's spatial extents {"k": 16, "c": 16} (the indices on its rows, then
   * its columns, listed in rows and cols) and per memory level the tile of every index (extent 1 kept) and
   * the order of the loops over the tiles, outermost first. A mapping with more levels or several indices on
   * one axis adds elements to these lists and keys to these objects. A mapping whose pin states the PEs' part
   * adds pe: {"walk": [...], "keep": {level: [...] or {index: part or "all"}}, "bypass": {level: [...]}} (Mapping.Pe).
   */
  static ObjectNode mapping(Mapping m, Program p) {
    return mapping(m, p.machine().rows(), p.machine().cols(), p.machine().global().name());
  }

  /** The mapping on an array of peRows x peCols whose tile level is named {@code level}. */
  static ObjectNode mapping(Mapping m, int peRows, int peCols, String levelName) {
    ObjectNode o = Json.object();
    ObjectNode spatial = o.putObject("spatial");
    for (String d : m.rows()) spatial.put(d, m.spatial(d));
    for (String d : m.cols()) spatial.put(d, m.spatial(d));
    o.set("rows", Json.strings(m.rows()));
    o.set("cols", Json.strings(m.cols()));
    ObjectNode level = o.putArray("levels").addObject();
    level.put("level", levelName);
    ObjectNode tile = level.putObject("tile");
    m.tile().forEach(tile::put);
    level.set("order", Json.strings(m.order()));
    if (!m.pe().isRule()) o.set("pe", pe(m.pe()));
    return o;
  }

  /**
   * The PEs' part of a mapping: {"walk": [...], "keep": {level: [...] or {index: part or "all"}}, "bypass": {...}}, and
   * "orders": {level: [...]} where a level has one.
   */
  static ObjectNode pe(Mapping.Pe p) {
    ObjectNode pe = Json.object();
    pe.set("walk", Json.strings(p.walk()));
    ObjectNode keep = pe.putObject("keep"), bypass = pe.putObject("bypass");
    p.keep().forEach((level, parts) -> {
      if (parts.values().stream().allMatch(f -> f == Mapping.Pe.WHOLE)) {
        keep.set(level, Json.strings(List.copyOf(parts.keySet())));
      } else {
        ObjectNode each = keep.putObject(level);
        parts.forEach((d, f) -> {
          if (f == Mapping.Pe.WHOLE) each.put(d, "all");
          else each.put(d, f);
        });
      }
    });
    p.bypass().forEach((level, v) -> bypass.set(level, Json.strings(v)));
    if (!p.orders().isEmpty()) {
      ObjectNode orders = pe.putObject("orders");
      p.orders().forEach((level, v) -> orders.set(level, Json.strings(v)));
    }
    return pe;
  }

  /**
   * The cost model's figures, summed over {@code costs} (one layer's, or every predicted layer's for the
   * total): MACs (and those skipped), cycles (and those of decoding or converting compressed weights), energy,
   * and bytes of DRAM and the global buffer.
   */
  private static ObjectNode predicted(List<org.tdlc.passes.mapping.Cost> costs, Program p) {
    ObjectNode o = Json.object();
    o.put("macs", costs.stream().mapToLong(c -> c.macs()).sum());
    o.put("macs_skipped", costs.stream().mapToLong(c -> c.macsSkipped()).sum());
    o.put("cycles", costs.stream().mapToLong(c -> c.cycles()).sum());
    o.put("decode_cycles", costs.stream().mapToLong(c -> c.decodeCycles()).sum());
    o.put("convert_cycles", costs.stream().mapToLong(c -> c.convertCycles()).sum());
    double energy = 0;
    for (var c : costs) energy += c.energyPj();
    o.put("energy_pj", energy);
    ObjectNode bytes = o.putObject("bytes");
    ObjectNode dram = bytes.putObject(p.machine().levels().get(0).name());
    dram.put("read", costs.stream().mapToLong(c -> java.util.Arrays.stream(c.dramRead()).sum()).sum());
    dram.put("write", costs.stream().mapToLong(c -> java.util.Arrays.stream(c.dramWrite()).sum()).sum());
    ObjectNode global = bytes.putObject(p.machine().global().name());
    global.put("read", costs.stream().mapToLong(c -> java.util.Arrays.stream(c.globalRead()).sum()).sum());
    global.put("write", costs.stream().mapToLong(c -> java.util.Arrays.stream(c.globalWrite()).sum()).sum());
    return o;
  }

  private static ObjectNode counters(ObjectNode o, Counters c) {
    o.put("macs", c.macs());
    o.put("macs_skipped", c.macsSkipped());
    o.put("cycles", c.cycles());
    ObjectNode elapsed = o.putObject("elapsed_cycles");
    elapsed.put("computing", c.computingCycles());
    elapsed.put("transfer_only", c.transferOnlyCycles());
    elapsed.put("idle", c.idleCycles());
    o.put("energy_pj", c.energyPj());
    o.put("utilization", c.utilization());
    o.put("decode_cycles", c.decodeCycles());
    o.put("convert_cycles", c.convertCycles());
    ObjectNode bytes = o.putObject("bytes");
    for (LevelCounters l : c.levels()) {
      ObjectNode b = bytes.putObject(l.name());
      b.put("read", l.bytesRead());
      b.put("write", l.bytesWritten());
    }
    ObjectNode energy = o.putObject("energy_pj_by_level");
    for (LevelCounters l : c.levels()) energy.put(l.name(), l.energyPj());
    energy.put("mac", c.macEnergyPj());
    return o;
  }

  // ---- for the HTML report ----

  /** The layer's weight formats, as the text table shows them. */
  static String formats(ModelRun run, Layer layer) { return format(run, run.program(), layer); }
}
