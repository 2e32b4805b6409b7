// Reads the five kinds of block inside a target: `memory NAME { ... }`, `network { ... }`, `mac { ... }`,
// `sparse { ... }` and `vector { ... }`, each entry checked where it is written (unknown, repeated, bad number or unit).
// Checks that need several levels at once (ordering, sizes) are TargetBuilder's.
package org.tdlc.frontend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.frontend.ast.Ast;
import org.tdlc.ir.Location;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.target.Port;
import org.tdlc.ir.target.MemoryLevel;
import org.tdlc.ir.target.Network;
import org.tdlc.ir.target.Operand;
import org.tdlc.ir.target.Quantities;
import org.tdlc.ir.target.SparseSupport;
import org.tdlc.ir.target.VectorUnit;
import org.tdlc.ir.type.StorageFormat;

final class TargetBlocks {
  static final List<String> MEMORY_ENTRIES = List.of("size", "bandwidth", "energy", "latency", "double_buffer", "port",
      "holds");
  static final List<String> MAC_ENTRIES = List.of("energy");
  static final List<String> SPARSE_ENTRIES = List.of("formats", "decode", "skip");
  static final List<String> VECTOR_ENTRIES = List.of("lanes", "pipeline");
  static final List<String> NETWORK_ENTRIES = List.of("bandwidth", "latency", "multicast", "reduction",
      "loads_stationary", "cluster");

  static final Map<String, Double> SIZE_UNITS = units("B", 1, "KiB", Quantities.KIB, "MiB", Quantities.MIB,
      "GiB", Quantities.GIB);
  static final Map<String, Double> BANDWIDTH_UNITS = units("B/cycle", 1);
  static final Map<String, Double> LEVEL_ENERGY_UNITS = units("pJ/B", 1);
  static final Map<String, Double> MAC_ENERGY_UNITS = units("pJ", 1, "pJ/MAC", 1);
  static final Map<String, Double> LATENCY_UNITS = units("cycles", 1, "cycle", 1);

  /**
   * A memory block as written: null fields were not given (or were wrong, and reported). The entries are
   * kept so that consistency errors can point at the word that causes them. bandwidth is the read bandwidth and
   * writeBandwidth the write one (equal when one bandwidth is given); port is null when not given;
   * holds the Operand mask a per-PE level keeps, null when not given.
   */
  record LevelDraft(Ast.TargetEntry block, String name, Long size, boolean perPe, Double bandwidth, Double energy,
                    Long latency, boolean doubleBuffer, Map<String, Ast.TargetEntry> entries, Double writeBandwidth,
                    Port port, Integer holds) {
    Location at(String key) { return entries.containsKey(key) ? entries.get(key).loc() : block.loc(); }

    /** Whether every entry given was read without error (a wrong one is reported and left null). */
    boolean complete() {
      return energy != null && (size != null || !entries.containsKey("size"))
          && (bandwidth != null || !entries.containsKey("bandwidth"))
          && (latency != null || !entries.containsKey("latency"))
          && (port != null || !entries.containsKey("port"))
          && (holds != null || !entries.containsKey("holds"));
    }
  }

  private final DiagnosticEngine diags;

  TargetBlocks(DiagnosticEngine diags) { this.diags = diags; }

  /** A memory level as written, or null when its name is missing or malformed. */
  LevelDraft memory(Ast.TargetEntry block) {
    TargetWords head = new TargetWords(block, diags);
    Ast.Word name = head.next();
    if (name == null || !name.text().matches("[A-Za-z_][A-Za-z_0-9]*")) {
      diags.error(name == null ? block.key().loc() : name.loc(),
          "memory needs a level name, as in 'memory global { size 256 KiB; ... }'");
      return null;
    }
    head.expectEnd();
    Long size = null, latency = null;
    Double bandwidth = null, energy = null, writeBandwidth = null;
    Port port = null;
    Integer holds = null;
    boolean perPe = false, doubleBuffer = false;
    Map<String, Ast.TargetEntry> seen = entries(block, MEMORY_ENTRIES, "memory " + name.text());
    for (Ast.TargetEntry e : seen.values()) {
      TargetWords w = new TargetWords(e, diags);
      switch (w.key()) {
        case "size" -> {
          size = size(w);
          if (size != null && w.accept("per")) {
            perPe = true;
            if (!w.accept("pe")) {
              diags.error(w.atEnd() ? w.end() : w.peek().loc(), "expected 'pe' after 'per', as in 'size 64 B per pe'");
              continue;
            }
          }
          if (size != null) w.expectEnd();
        }
        case "bandwidth" -> {
          double[] rw = bandwidth(w);
          if (rw != null) {
            bandwidth = rw[0];
            writeBandwidth = rw[1];
          }
        }
        case "port" -> {
          Ast.Word how = w.next();
          port = how == null ? null : Port.parse(how.text()).orElse(null);
          if (port == null) {
            diags.error(how == null ? w.end() : how.loc(), "port is 'shared' (reads and writes take turns on one port)"
                + " or 'split' (one port each)" + (how == null ? ", as in 'port shared;'" : ", got '" + how.text() + "'"));
          } else {
            w.expectEnd();
          }
        }
        case "holds" -> holds = operands(w);
        case "energy" -> {
          energy = w.quantity("energy 2.5 pJ/B", LEVEL_ENERGY_UNITS, null);
          if (energy != null) w.expectEnd();
        }
        case "latency" -> {
          Ast.Word n = w.peek();
          Double cycles = w.quantity("latency 64 cycles", LATENCY_UNITS, null);
          if (cycles != null && (cycles != Math.rint(cycles) || cycles > Integer.MAX_VALUE)) {
            diags.error(n.loc(), "latency must be a whole number of cycles up to " + Integer.MAX_VALUE + ", got "
                + w.written());
          } else if (cycles != null) {
            latency = cycles.longValue();
            w.expectEnd();
          }
        }
        default -> {   // double_buffer
          doubleBuffer = true;
          w.expectEnd();
        }
      }
    }
    return new LevelDraft(block, name.text(), size, perPe, bandwidth, energy, latency, doubleBuffer, seen,
        writeBandwidth, port, holds);
  }

  /** `holds inputs, outputs;`: the operands, each once, as an Operand mask; null after reporting. */
  private Integer operands(TargetWords w) {
    List<Ast.Word> words = w.list("operand", "holds inputs, outputs");
    if (words == null) return null;
    int mask = 0;
    for (Ast.Word word : words) {
      Operand o = Operand.parse(word.text()).orElse(null);
      if (o == null) {
        diags.error(word.loc(), "holds lists operands among inputs, weights and outputs, got '" + word.text() + "'");
        return null;
      }
      if (o.in(mask)) {
        diags.error(word.loc(), "'" + o.keyword() + "' is listed twice");
        return null;
      }
      mask |= o.bit();
    }
    return mask;
  }

  /**
   * `bandwidth 16 B/cycle;` (reads and writes alike) or `bandwidth 16 B/cycle read, 8 B/cycle write;` (either
   * order, both directions given): {read, write}, or null after reporting.
   */
  private double[] bandwidth(TargetWords w) {
    String example = "bandwidth 16 B/cycle read, 8 B/cycle write";
    Ast.Word n = w.peek();
    Double first = positive(n, w.quantity("bandwidth 16 B/cycle", BANDWIDTH_UNITS, null), "bandwidth");
    if (first == null) return null;
    if (w.atEnd()) return new double[] {first, first};
    Ast.Word dir = w.next();
    if (!dir.text().equals("read") && !dir.text().equals("write")) {
      diags.error(dir.loc(), "expected 'read' or 'write' after the bandwidth, or ';', got '" + dir.text() + "'");
      return null;
    }
    Ast.Word comma = w.next();
    if (comma == null || !comma.text().equals(",")) {
      diags.error(comma == null ? dir.loc() : comma.loc(), "bandwidth gives " + dir.text() + " but not "
          + other(dir.text()) + ": give both, as in '" + example + "', or one bandwidth for both");
      return null;
    }
    Ast.Word m = w.peek();
    Double second = positive(m, w.quantity(example, BANDWIDTH_UNITS, null), "bandwidth");
    if (second == null) return null;
    Ast.Word dir2 = w.next();
    if (dir2 == null || !dir2.text().equals(other(dir.text()))) {
      diags.error(dir2 == null ? w.end() : dir2.loc(), dir2 != null && dir2.text().equals(dir.text())
          ? "bandwidth gives " + dir.text() + " twice; the second is the " + other(dir.text()) + " bandwidth, as in '"
              + example + "'"
          : "expected '" + other(dir.text()) + "' after the second bandwidth, as in '" + example + "'");
      return null;
    }
    if (!w.expectEnd()) return null;
    return dir.text().equals("read") ? new double[] {first, second} : new double[] {second, first};
  }

  private static String other(String direction) { return direction.equals("read") ? "write" : "read"; }

  /** The energy of one MAC in pJ, or null when missing or wrong (reported). */
  Double mac(Ast.TargetEntry block) {
    new TargetWords(block, diags).expectEnd();
    Map<String, Ast.TargetEntry> seen = entries(block, MAC_ENTRIES, "mac");
    if (!seen.containsKey("energy")) {
      diags.error(block.key().loc(), "mac needs an energy, as in 'mac { energy 0.25 pJ; }'");
      return null;
    }
    TargetWords w = new TargetWords(seen.get("energy"), diags);
    Double energy = w.quantity("energy 0.25 pJ", MAC_ENERGY_UNITS, null);
    return energy != null && w.expectEnd() ? energy : null;
  }

  /**
   * The vector unit: `lanes N;` (required, 1..VectorUnit.MAX_LANES) and `pipeline P cycles;` (default
   * VectorUnit.DEFAULT_PIPELINE); null when something in the block is wrong (reported).
   */
  VectorUnit vector(Ast.TargetEntry block) {
    int before = diags.errorCount();
    new TargetWords(block, diags).expectEnd();
    Map<String, Ast.TargetEntry> seen = entries(block, VECTOR_ENTRIES, "vector");
    if (!seen.containsKey("lanes")) {
      diags.error(block.key().loc(), "vector needs its lanes, as in 'vector { lanes 64; }'");
    }
    Long lanes = null, pipeline = (long) VectorUnit.DEFAULT_PIPELINE;
    for (Ast.TargetEntry e : seen.values()) {
      TargetWords w = new TargetWords(e, diags);
      if (w.key().equals("lanes")) {
        lanes = w.integer("vector lanes", 1, VectorUnit.MAX_LANES, "lanes 64");
        if (lanes != null) w.expectEnd();
      } else {
        Ast.Word n = w.peek();
        Double cycles = w.quantity("pipeline 2 cycles", LATENCY_UNITS, null);
        if (cycles != null && (cycles != Math.rint(cycles) || cycles > VectorUnit.MAX_PIPELINE)) {
          diags.error(n.loc(), "pipeline must be a whole number of cycles up to " + VectorUnit.MAX_PIPELINE + ", got "
              + w.written());
          pipeline = null;
        } else if (cycles != null) {
          pipeline = cycles.longValue();
          w.expectEnd();
        } else {
          pipeline = null;
        }
      }
    }
    if (diags.errorCount() > before || lanes == null || pipeline == null) return null;
    return new VectorUnit(lanes.intValue(), pipeline.intValue());
  }

  /**
   * The network between the global buffer and the PEs: `bandwidth N B/cycle;`, `latency L cycles;`,
   * `multicast yes|no;`, `reduction yes|no;`, `loads_stationary yes|no;` (which needs the bandwidth),
   * `cluster N PEs;` (which needs it too; the array's rows bound it, TargetBuilder), each optional
   * (Network.DEFAULT's value when left out); null when something in the block is wrong (reported).
   */
  Network network(Ast.TargetEntry block) {
    int before = diags.errorCount();
    new TargetWords(block, diags).expectEnd();
    Map<String, Ast.TargetEntry> seen = entries(block, NETWORK_ENTRIES, "network");
    Double bandwidth = Network.DEFAULT.bandwidth();
    Long latency = (long) Network.DEFAULT.latency();
    Boolean multicast = Network.DEFAULT.multicast(), reduction = Network.DEFAULT.reduction();
    Boolean loads = Network.DEFAULT.loadsStationary();
    Long cluster = (long) Network.DEFAULT.cluster();
    for (Ast.TargetEntry e : seen.values()) {
      TargetWords w = new TargetWords(e, diags);
      switch (w.key()) {
        case "bandwidth" -> bandwidth = w.positive("network bandwidth", "bandwidth 64 B/cycle", BANDWIDTH_UNITS);
        case "latency" -> {
          Ast.Word n = w.peek();
          Double cycles = w.quantity("latency 2 cycles", LATENCY_UNITS, null);
          latency = null;
          if (cycles != null && (cycles != Math.rint(cycles) || cycles < 0 || cycles > Network.MAX_LATENCY)) {
            diags.error(n.loc(), "network latency must be a whole number of cycles up to " + Network.MAX_LATENCY
                + ", got " + w.written());
          } else if (cycles != null && w.expectEnd()) {
            latency = cycles.longValue();
          }
        }
        case "multicast" -> multicast = w.choice("yes", "no");
        case "loads_stationary" -> loads = w.choice("yes", "no");
        case "cluster" -> {
          cluster = w.integer("network cluster", 1, Network.MAX_CLUSTER, "cluster 8 PEs");
          if (cluster != null) {
            Ast.Word unit = w.peek();
            if (unit != null && unit.text().equals("PEs")) w.next();
            w.expectEnd();
          }
        }
        default -> reduction = w.choice("yes", "no");   // reduction
      }
    }
    if (Boolean.TRUE.equals(loads) && bandwidth != null && bandwidth <= 0) {
      diags.error(seen.get("loads_stationary").key().loc(), "loads_stationary yes needs the network's bandwidth "
          + "(bandwidth 64 B/cycle;): the stationary blocks cross the network at it");
    }
    if (cluster != null && cluster > 0 && bandwidth != null && bandwidth <= 0) {
      diags.error(seen.get("cluster").key().loc(), "cluster needs the network's bandwidth (bandwidth 64 B/cycle;): "
          + "each cluster's start-up crosses its link at it");
    }
    if (diags.errorCount() > before || bandwidth == null || latency == null || multicast == null
        || reduction == null || loads == null || cluster == null) {
      return null;
    }
    return new Network(bandwidth, latency.intValue(), multicast, reduction, loads, cluster.intValue());
  }

  /** The sparse support, or null when something in the block is wrong (reported). */
  SparseSupport sparse(Ast.TargetEntry block) {
    int before = diags.errorCount();
    new TargetWords(block, diags).expectEnd();
    Map<String, Ast.TargetEntry> seen = entries(block, SPARSE_ENTRIES, "sparse");
    List<StorageFormat> formats = new ArrayList<>();
    boolean hardware = false, skip = false;
    if (!seen.containsKey("formats")) {
      diags.error(block.key().loc(), "sparse needs a formats list, as in 'sparse { formats dense, csr; }'");
    }
    for (Ast.TargetEntry e : seen.values()) {
      TargetWords w = new TargetWords(e, diags);
      switch (w.key()) {
        case "formats" -> formats = formats(w);
        case "decode" -> {
          Ast.Word how = w.next();
          if (how == null || !(how.text().equals("hardware") || how.text().equals("software"))) {
            diags.error(how == null ? w.end() : how.loc(), "decode must be 'hardware' or 'software'"
                + (how == null ? "" : ", got '" + how.text() + "'"));
          } else {
            hardware = how.text().equals("hardware");
            w.expectEnd();
          }
        }
        default -> {   // skip zeros
          if (!w.accept("zeros")) {
            diags.error(w.atEnd() ? w.end() : w.peek().loc(), "expected 'skip zeros;'");
          } else {
            skip = true;
            w.expectEnd();
          }
        }
      }
    }
    if (diags.errorCount() > before || formats == null) return null;
    if (!formats.contains(StorageFormat.DENSE)) {
      diags.error(seen.get("formats").loc(), "sparse formats must include dense (activations and outputs are dense)");
      return null;
    }
    return new SparseSupport(formats, hardware, skip);
  }

  private List<StorageFormat> formats(TargetWords w) {
    List<Ast.Word> items = w.list("format", "formats dense, csr");
    if (items == null) return null;
    List<StorageFormat> formats = new ArrayList<>();
    Map<StorageFormat, Ast.Word> first = new HashMap<>();
    boolean ok = true;
    for (Ast.Word item : items) {
      StorageFormat f = StorageFormat.parse(item.text()).orElse(null);
      if (f == null) {
        diags.error(item.loc(), "unknown format '" + item.text() + "'"
            + TargetWords.hint(item.text(), keywords()));
        ok = false;
      } else if (first.containsKey(f)) {
        diags.report(Diagnostic.error(item.loc(), "format '" + f + "' is listed twice")
            .withNote(first.get(f).loc(), "first listed here"));
        ok = false;
      } else {
        first.put(f, item);
        formats.add(f);
      }
    }
    return ok ? formats : null;
  }

  /**
   * The entries of a block by key, in the order written: an unknown key or a repeated one is reported and
   * left out; a nested block where a simple entry belongs is reported too.
   */
  Map<String, Ast.TargetEntry> entries(Ast.TargetEntry block, List<String> known, String where) {
    Map<String, Ast.TargetEntry> seen = new LinkedHashMap<>();
    for (Ast.TargetEntry e : block.block()) {
      String key = e.key().name();
      if (!known.contains(key)) {
        diags.error(e.key().loc(), "unknown entry '" + key + "' in " + where
            + TargetWords.hint(key, known));
      } else if (seen.containsKey(key)) {
        diags.report(Diagnostic.error(e.key().loc(), where + ": '" + key + "' is given twice")
            .withNote(seen.get(key).loc(), "first given here"));
      } else if (e.block() != null) {
        diags.error(e.key().loc(), "'" + key + "' in " + where + " takes no block; end it with ';'");
      } else {
        seen.put(key, e);
      }
    }
    return seen;
  }

  private Long size(TargetWords w) {
    Ast.Word n = w.peek();
    Double bytes = w.quantity("size 256 KiB", SIZE_UNITS, "per");
    if (bytes == null) return null;
    if (bytes != Math.rint(bytes) || bytes >= 0x1p62) {
      diags.error(n.loc(), "size must be a whole number of bytes below 2^62, got " + Quantities.number(bytes) + " B");
      return null;
    }
    if (positive(n, bytes, "size") == null) return null;
    if (bytes > MemoryLevel.MAX_BYTES) {
      diags.error(n.loc(), "size " + sizeText(bytes) + " is more than tdlc can simulate: a memory level holds at most "
          + Quantities.bytes(MemoryLevel.MAX_BYTES));
      return null;
    }
    return bytes.longValue();
  }

  private static String sizeText(double bytes) {
    return bytes == Math.rint(bytes) && bytes < 0x1p62 ? Quantities.bytes((long) bytes) : Quantities.number(bytes) + " B";
  }

  /** v, or null after reporting when it is not positive; {@code number} is the word it was read from. */
  private Double positive(Ast.Word number, Double v, String what) {
    if (v != null && v <= 0) {
      diags.error(number.loc(), what + " must be positive, got " + Quantities.number(v)
          + (what.equals("bandwidth") ? " (leave bandwidth out when it is not a limit)" : ""));
      return null;
    }
    return v;
  }

  private static List<String> keywords() {
    List<String> k = new ArrayList<>();
    for (StorageFormat f : StorageFormat.values()) k.add(f.keyword());
    return k;
  }

  /** An ordered, read-only unit table: name, factor, name, factor, ... */
  static Map<String, Double> units(Object... pairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
    return Collections.unmodifiableMap(m);
  }
}
