// tdlc targets: lists the accelerators a compilation can target, the built-ins and those a .tdl file
// defines or imports, as a table or as JSON (DESIGN.md section 6: name, pe_array, dataflows, formats).
package org.tdlc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.frontend.Frontend;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.Network;
import org.tdlc.ir.target.MemoryLevel;
import org.tdlc.ir.target.Operand;
import org.tdlc.ir.target.Quantities;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.type.StorageFormat;

final class TargetsCommand implements Command {
  @Override public String name() { return "targets"; }
  @Override public String summary() { return "list the built-in targets and those a .tdl file defines"; }
  @Override public String usage() { return "[FILE.tdl] [--json]"; }

  @Override public Options options() {
    return new Options().addOption(Option.builder().longOpt("json")
        .desc("print one JSON object (described in docs/json.md): the targets' name, pe_array, dataflows, "
            + "formats, frequency_mhz, levels, ...").get());
  }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) {
    List<String> args = cl.getArgList();
    if (args.size() > 1) throw new UsageException("expected at most one FILE.tdl, got " + args.size() + ": " + args);
    List<Target> fileTargets = List.of();
    if (args.size() == 1) {
      if (ModuleLoader.isIr(args.get(0))) throw new UsageException("targets are defined in .tdl files, not in IR");
      fileTargets = new Frontend(new DiagnosticEngine(), sources).compile(args.get(0)).targets();
    }
    List<Target> all = Targets.available(fileTargets);
    io.out().print(cl.hasOption("json") ? Json.write(json(all)) : table(all));
    return Main.OK;
  }

  static String source(Target t) {
    return Targets.isBuiltIn(t) || t.loc().primary() == null ? "built-in" : t.loc().primary().file();
  }

  // ---- text ----

  private static final List<String> HEADERS = List.of("NAME", "PE ARRAY", "DATAFLOWS", "CLOCK",
      "MEMORY (outermost first)", "FORMATS", "ZEROS", "SOURCE");

  static String table(List<Target> targets) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (Target t : targets) {
      rows.add(List.of(t.name(), t.rows() + " x " + t.cols(),
          t.flexible() ? "flexible" : t.dataflows().stream().map(Dataflow::keyword).collect(Collectors.joining(",")),
          Quantities.number(t.frequencyMhz()) + " MHz",
          t.levels().stream().map(TargetsCommand::level).collect(Collectors.joining(" | ")),
          t.formats().stream().map(StorageFormat::keyword).collect(Collectors.joining(",")),
          (t.sparse().hardwareDecode() ? "hw" : "sw") + " decode" + (t.sparse().skipZeros() ? ", skipped" : ""),
          source(t)));
    }
    StringBuilder b = new StringBuilder(columns(rows));
    b.append("\nWithout --target, tdlc compiles for '").append(Targets.DEFAULT).append("'.\n")
        .append("ZEROS: sparse formats decoded in hardware (hw) or software (sw); skipped: no cycles spent on zeros.\n");
    return b.append('\n').append(levels(targets)).toString();
  }

  /**
   * Each target's memory levels with their bandwidths (in bytes per cycle and in GB/s at the target's clock),
   * energy per byte and latency, and under NOTES double buffering and the operands a per-PE level holds; then
   * the network's bandwidth and latency (NOTES: multicast, reduction, loads stationary), the MAC's energy and the vector unit's
   * lanes (points per cycle) and pipeline latency.
   */
  static String levels(List<Target> targets) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("TARGET", "LEVEL", "SIZE", "BANDWIDTH", "", "ENERGY", "LATENCY", "NOTES"));
    for (Target t : targets) {
      for (MemoryLevel l : t.levels()) {
        List<String> row = new ArrayList<>(List.of(t.name(), l.name()));
        row.addAll(levelCells(l.sizeBytes(), l.perPe(), l.bandwidth(), l.writeBandwidth(), l.energyPjPerByte(),
            t.frequencyMhz()));
        List<String> notes = new ArrayList<>();
        if (l.doubleBuffer()) notes.add("double buffer");
        if (l.holds() != Operand.ALL) notes.add("holds " + Operand.text(l.holds()));
        row.addAll(List.of(l.latencyCycles() + " cycles", String.join("; ", notes)));
        rows.add(row);
      }
      rows.add(List.of(t.name(), "mac", "", "", "", Quantities.number(t.macEnergyPj()) + " pJ", "", ""));
      Network net = t.network();
      List<String> row = new ArrayList<>(List.of(t.name(), "network", ""));
      row.addAll(levelCells(0, false, net.bandwidth(), net.bandwidth(), 0, t.frequencyMhz()).subList(1, 3));
      row.addAll(List.of("", net.latency() + " cycles", (net.multicast() ? "multicast" : "no multicast") + ", "
          + (net.reduction() ? "reduction" : "no reduction") + (net.loadsStationary() ? ", loads stationary" : "")
          + (net.cluster() > 0 ? ", clusters of " + net.cluster() + " PEs" : "")));
      rows.add(row);
      int lanes = t.vector().lanes();
      rows.add(List.of(t.name(), "vector", "", lanes + (lanes == 1 ? " lane" : " lanes"), "", "",
          t.vector().pipeline() + " cycles", ""));
    }
    return columns(rows);
  }

  /**
   * A memory level's size (0: unbounded, as DRAM), bandwidth in bytes per cycle and in GB/s at a clock in MHz
   * (0: unlimited; the write bandwidth shown beside it when it differs) and energy per byte, as `targets` and
   * the HTML report's target summary show them.
   */
  static List<String> levelCells(long sizeBytes, boolean perPe, double bandwidth, double writeBandwidth,
                                 double energyPjPerByte, double mhz) {
    boolean bw = bandwidth > 0;
    String write = writeBandwidth == bandwidth ? "" : " read, " + Quantities.number(writeBandwidth) + " write";
    return List.of(sizeBytes > 0 ? Quantities.bytes(sizeBytes) + (perPe ? " per PE" : "") : "-",
        bw ? Quantities.number(bandwidth) + " B/cycle" + write : "unlimited",
        bw ? "(" + gigabytesPerSecond(bandwidth, mhz) + " GB/s)" : "",
        Quantities.number(energyPjPerByte) + " pJ/B");
  }

  /** Bytes per cycle at a clock in MHz, as GB/s (1 GB = 10^9 bytes), to three significant digits. */
  static String gigabytesPerSecond(double bytesPerCycle, double mhz) {
    return RunReport.threeDigits(bytesPerCycle * mhz / 1000);
  }

  /** Rows as left-aligned columns two spaces apart, the first row the header. */
  private static String columns(List<List<String>> rows) {
    int[] width = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], row.get(i).length());
    }
    StringBuilder b = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i)).append(i == row.size() - 1 ? "" : " ".repeat(width[i] - row.get(i).length() + 2));
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }

  private static String level(MemoryLevel l) {
    return l.sized() ? l.name() + " " + Quantities.bytes(l.sizeBytes()) + (l.perPe() ? "/pe" : "") : l.name();
  }

  // ---- JSON ----

  /** {tdlc_version, command, targets: [one object per target]} (docs/json.md). */
  static ObjectNode json(List<Target> targets) {
    ObjectNode o = Json.report("targets");
    ArrayNode a = o.putArray("targets");
    targets.forEach(t -> a.add(json(t)));
    return o;
  }

  private static ObjectNode json(Target t) {
    ObjectNode o = Json.object();
    o.put("name", t.name());
    o.set("pe_array", Json.ints(List.of(t.rows(), t.cols())));
    o.set("dataflows", Json.strings(t.dataflows().stream().map(Dataflow::keyword).toList()));
    o.set("formats", Json.strings(t.formats().stream().map(StorageFormat::keyword).toList()));
    o.put("flexible", t.flexible());
    o.put("folds", t.folds().foldsKeyword());
    o.put("stationary", t.folds().stationaryKeyword());
    o.put("dram_port", t.dramPort().keyword());
    ObjectNode vector = o.putObject("vector");
    vector.put("lanes", t.vector().lanes());
    vector.put("pipeline_cycles", t.vector().pipeline());
    ObjectNode network = o.putObject("network");
    network.put("bandwidth", t.network().bandwidth());
    network.put("latency_cycles", t.network().latency());
    network.put("multicast", t.network().multicast());
    network.put("reduction", t.network().reduction());
    network.put("loads_stationary", t.network().loadsStationary());
    network.put("cluster_pes", t.network().cluster());
    o.put("frequency_mhz", t.frequencyMhz());
    o.put("datatype", t.datatype().keyword());
    o.put("accumulate", t.accumulate().keyword());
    ArrayNode levels = o.putArray("levels");
    t.levels().forEach(l -> levels.add(json(l, t.frequencyMhz())));
    o.put("mac_energy_pj", t.macEnergyPj());
    o.put("decode", t.sparse().decodeKeyword());
    o.put("skip_zeros", t.sparse().skipZeros());
    o.put("source", source(t));
    o.put("fingerprint", t.fingerprintHex());
    return o;
  }

  /**
   * size_bytes and the bandwidths are null when they are not a limit (DRAM's size, an unlimited bandwidth);
   * bandwidth_* is the read bandwidth, write_bandwidth_bytes_per_cycle the write one (equal unless the level
   * declares them apart); bandwidth_gb_per_s is the bandwidth at the target's clock (1 GB = 10^9 bytes);
   * holds the operands the level keeps (all three but on a per-PE level that names its own); port whether its
   * reads and writes share one port (shared) or have one each (split).
   */
  private static ObjectNode json(MemoryLevel l, double mhz) {
    ObjectNode o = Json.object();
    o.put("name", l.name());
    if (l.sized()) o.put("size_bytes", l.sizeBytes());
    else o.putNull("size_bytes");
    o.put("per_pe", l.perPe());
    if (l.bandwidthLimited()) {
      o.put("bandwidth_bytes_per_cycle", l.bandwidth());
      o.put("bandwidth_gb_per_s", l.bandwidth() * mhz / 1000);
      o.put("write_bandwidth_bytes_per_cycle", l.writeBandwidth());
    } else {
      o.putNull("bandwidth_bytes_per_cycle");
      o.putNull("bandwidth_gb_per_s");
      o.putNull("write_bandwidth_bytes_per_cycle");
    }
    o.put("energy_pj_per_byte", l.energyPjPerByte());
    o.put("latency_cycles", l.latencyCycles());
    o.put("port", l.port().keyword());
    o.put("double_buffer", l.doubleBuffer());
    ArrayNode holds = o.putArray("holds");
    for (Operand x : Operand.values()) if (x.in(l.holds())) holds.add(x.keyword());
    return o;
  }
}
