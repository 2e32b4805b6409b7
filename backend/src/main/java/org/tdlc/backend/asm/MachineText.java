// The canonical text of a MachineConfig (the body of an assembly file's .machine section and of a .tdlx
// file's machine section) and the target fingerprint, a 64-bit hash of that text. Canonical means one
// key per line in a fixed order, dataflows sorted, reals as Double.toString prints them; the fold schedule's
// two lines (folds, stationary), the vector unit's two (vector_lanes, vector_pipeline), the network's four
// (network_*; a fifth, network_loads_stationary, only when true, and network_cluster only when it has
// clusters), a level's write bandwidth (write_bandwidth=, when it differs from its bandwidth), an on-chip
// level's latency (latency=, when not 0) and a level's port (port=split, DRAM's included) only when they
// are not the default, so a default machine's text and fingerprint read as they did before any of them
// existed. Sections written before levels had ports gave DRAM's as a `dram_port`
// line; the reader still takes it.
package org.tdlc.backend.asm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.FoldSchedule;
import org.tdlc.ir.target.Network;
import org.tdlc.ir.target.Operand;
import org.tdlc.ir.target.Port;
import org.tdlc.ir.target.VectorUnit;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.MemoryLevel;

public final class MachineText {
  private MachineText() {}

  /** One "key = value" or "level ..." line per field, each ending in a newline. */
  public static String print(MachineConfig m) {
    StringBuilder b = new StringBuilder();
    b.append("target = ").append(Strings.name(m.target())).append('\n');
    b.append("rows = ").append(m.rows()).append('\n');
    b.append("cols = ").append(m.cols()).append('\n');
    List<String> flows = new ArrayList<>();
    for (Dataflow d : Dataflow.values()) if (m.dataflows().contains(d)) flows.add(d.keyword());
    b.append("dataflows = [").append(String.join(", ", flows)).append("]\n");
    b.append("frequency_mhz = ").append(m.frequencyMhz()).append('\n');
    for (MemoryLevel l : m.levels()) {
      b.append("level ").append(Strings.name(l.name())).append(" size=").append(l.sizeBytes())
          .append(" per_pe=").append(l.perPe()).append(" bandwidth=").append(l.bandwidth())
          .append(" energy_pj=").append(l.energyPjPerByte()).append(" double_buffer=").append(l.doubleBuffer());
      if (l.writeBandwidth() != l.bandwidth()) b.append(" write_bandwidth=").append(l.writeBandwidth());
      if (l.holds() != Operand.ALL) b.append(" holds=[").append(Operand.text(l.holds())).append(']');
      if (l.latency() != 0) b.append(" latency=").append(l.latency());
      if (!l.port().shared()) b.append(" port=").append(l.port().keyword());
      b.append('\n');
    }
    b.append("mac_energy_pj = ").append(m.macEnergyPj()).append('\n');
    b.append("dma_latency = ").append(m.dmaLatency()).append('\n');
    b.append("formats = [").append(String.join(", ", m.formats().stream().map(Strings::name).toList())).append("]\n");
    b.append("hardware_decode = ").append(m.hardwareDecode()).append('\n');
    b.append("skip_zeros = ").append(m.skipZeros()).append('\n');
    if (!m.folds().equals(FoldSchedule.DEFAULT)) {
      b.append("folds = ").append(m.folds().foldsKeyword()).append('\n');
      b.append("stationary = ").append(m.folds().stationaryKeyword()).append('\n');
    }
    if (!m.vector().isDefaultFor(m.cols())) {
      b.append("vector_lanes = ").append(m.vector().lanes()).append('\n');
      b.append("vector_pipeline = ").append(m.vector().pipeline()).append('\n');
    }
    if (!m.network().isDefault()) {
      b.append("network_bandwidth = ").append(m.network().bandwidth()).append('\n');
      b.append("network_latency = ").append(m.network().latency()).append('\n');
      b.append("network_multicast = ").append(m.network().multicast()).append('\n');
      b.append("network_reduction = ").append(m.network().reduction()).append('\n');
      if (m.network().loadsStationary()) b.append("network_loads_stationary = true\n");
      if (m.network().cluster() > 0) b.append("network_cluster = ").append(m.network().cluster()).append('\n');
    }
    return b.toString();
  }

  /** The target fingerprint: the first 8 bytes of SHA-256 over the canonical text, big-endian. */
  public static long fingerprint(MachineConfig m) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(print(m).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Collects the lines of one .machine section and builds the MachineConfig they describe. */
  static final class Reader {
    private static final List<String> PORTS = List.of(Port.SHARED.keyword(), Port.SPLIT.keyword());
    static final List<String> KEYS = List.of("target", "rows", "cols", "dataflows", "frequency_mhz",
        "mac_energy_pj", "dma_latency", "formats", "hardware_decode", "skip_zeros");
    /** Keys a section may leave out, and the words each takes (the first is the default). */
    static final Map<String, List<String>> OPTIONAL = Map.ofEntries(
        Map.entry("folds", List.of(FoldSchedule.OVERLAPPED, FoldSchedule.SEQUENTIAL)),
        Map.entry("stationary", List.of(FoldSchedule.DOUBLE_BUFFER, FoldSchedule.SINGLE_BUFFER)),
        Map.entry("vector_lanes", List.of()), Map.entry("vector_pipeline", List.of()),
        Map.entry("network_bandwidth", List.of()), Map.entry("network_latency", List.of()),
        Map.entry("network_multicast", List.of()), Map.entry("network_reduction", List.of()),
        Map.entry("network_loads_stationary", List.of()), Map.entry("network_cluster", List.of()),
        Map.entry("dram_port", PORTS));
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<MemoryLevel> levels = new ArrayList<>();

    void line(TokenCursor c) {
      if (!c.atEnd() && c.peek().text().equals("level") && !c.atKey()) {
        c.next("level");
        level(c);
        return;
      }
      AsmLexer.Token key = c.atom("a machine key (" + String.join(", ", KEYS) + ", or level)");
      if (!KEYS.contains(key.text()) && !OPTIONAL.containsKey(key.text())) {
        throw c.error(key, "unknown machine key " + key.shown() + "; expected one of " + String.join(", ", KEYS)
            + ", folds, stationary, vector_lanes, vector_pipeline, network_bandwidth, network_latency,"
            + " network_multicast, network_reduction, network_loads_stationary, network_cluster, dram_port, or level");
      }
      if (values.containsKey(key.text())) throw c.error(key, "machine key '" + key.text() + "' given twice");
      c.expect('=');
      Object v = switch (key.text()) {
        case "target" -> c.name("the target name");
        case "rows", "cols", "dma_latency" -> c.integer(key.text(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        case "frequency_mhz", "mac_energy_pj" -> c.real(key.text());
        case "hardware_decode", "skip_zeros" -> c.bool(key.text());
        case "formats" -> c.list("formats", k -> k.name("a format name"));
        case "folds", "stationary", "dram_port" -> word(c, key.text(), OPTIONAL.get(key.text()));
        case "vector_lanes" -> c.integer(key.text(), 1, VectorUnit.MAX_LANES);
        case "vector_pipeline" -> c.integer(key.text(), 0, VectorUnit.MAX_PIPELINE);
        case "network_bandwidth" -> c.real(key.text());
        case "network_latency" -> c.integer(key.text(), 0, Network.MAX_LATENCY);
        case "network_cluster" -> c.integer(key.text(), 1, Network.MAX_CLUSTER);
        case "network_multicast", "network_reduction", "network_loads_stationary" -> c.bool(key.text());
        default -> dataflows(c);
      };
      c.expectEnd();
      values.put(key.text(), v);
    }

    private static String word(TokenCursor c, String key, List<String> words) {
      AsmLexer.Token t = c.atom(key + " (" + String.join(" or ", words) + ")");
      if (!words.contains(t.text())) throw c.error(t, key + " is " + String.join(" or ", words) + ", not " + t.shown());
      return t.text();
    }

    private static Set<Dataflow> dataflows(TokenCursor c) {
      Set<Dataflow> out = EnumSet.noneOf(Dataflow.class);
      c.list("dataflows", k -> {
        AsmLexer.Token t = k.atom("a dataflow (" + Dataflow.allKeywords() + ")");
        for (Dataflow d : Dataflow.values()) {
          if (d.keyword().equals(t.text())) {
            if (!out.add(d)) throw k.error(t, "dataflow " + t.text() + " listed twice");
            return d;
          }
        }
        throw k.error(t, "unknown dataflow " + t.shown() + "; expected one of " + Dataflow.allKeywords());
      });
      return out;
    }

    private void level(TokenCursor c) {
      String name = c.name("the memory level's name");
      Map<String, Function<TokenCursor, Object>> p = new LinkedHashMap<>();
      p.put("size", k -> k.integer("size", Long.MIN_VALUE, Long.MAX_VALUE));
      p.put("per_pe", k -> k.bool("per_pe"));
      p.put("bandwidth", k -> k.real("bandwidth"));
      p.put("energy_pj", k -> k.real("energy_pj"));
      p.put("double_buffer", k -> k.bool("double_buffer"));
      p.put("write_bandwidth", k -> k.real("write_bandwidth"));
      p.put("holds", Reader::operands);
      p.put("latency", k -> k.integer("latency", 0, Integer.MAX_VALUE));
      p.put("port", k -> Port.parse(word(k, "port", PORTS)).orElseThrow());
      TokenCursor.Pairs v = c.keyValues("level " + name, p, Set.of("write_bandwidth", "holds", "latency", "port"));
      c.expectEnd();
      Double bandwidth = (Double) v.get("bandwidth"), write = (Double) v.get("write_bandwidth");
      levels.add(new MemoryLevel(name, v.longValue("size"), (Boolean) v.get("per_pe"), bandwidth,
          (Double) v.get("energy_pj"), (Boolean) v.get("double_buffer"), write == null ? bandwidth : write,
          v.get("holds") == null ? Operand.ALL : (Integer) v.get("holds"),
          v.get("latency") == null ? 0 : v.integer("latency"), (Port) v.get("port")));
    }

    /** `holds=[inputs, outputs]`: a per-PE level's operands, as an Operand mask. */
    private static Integer operands(TokenCursor c) {
      int mask = 0;
      for (AsmLexer.Token t : c.list("holds", k -> k.atom("an operand (inputs, weights or outputs)"))) {
        Operand o = Operand.parse(t.text()).orElseThrow(
            () -> c.error(t, "unknown operand " + t.shown() + "; expected inputs, weights or outputs"));
        if (o.in(mask)) throw c.error(t, "operand " + t.text() + " listed twice");
        mask |= o.bit();
      }
      return mask;
    }

    /** The keys that no line gave. */
    List<String> missing() { return KEYS.stream().filter(k -> !values.containsKey(k)).toList(); }

    /** The machine; only when missing() is empty. */
    @SuppressWarnings("unchecked")
    MachineConfig build() {
      List<MemoryLevel> levels = new ArrayList<>(this.levels);
      if (values.containsKey("dram_port") && !levels.isEmpty()) {   // the spelling before levels had ports
        levels.set(0, levels.get(0).withPort(Port.parse((String) values.get("dram_port")).orElseThrow()));
      }
      return new MachineConfig((String) values.get("target"), (Integer) values.get("rows"),
          (Integer) values.get("cols"), (Set<Dataflow>) values.get("dataflows"), (Double) values.get("frequency_mhz"),
          levels, (Double) values.get("mac_energy_pj"), (Integer) values.get("dma_latency"),
          (List<String>) values.get("formats"), (Boolean) values.get("hardware_decode"),
          (Boolean) values.get("skip_zeros"), new FoldSchedule(
              FoldSchedule.SEQUENTIAL.equals(values.get("folds")),
              !FoldSchedule.SINGLE_BUFFER.equals(values.get("stationary"))), vector(), network());
    }

    /** The network the section names, each key it leaves out Network.DEFAULT's. */
    private Network network() {
      Network d = Network.DEFAULT;
      return new Network((Double) values.getOrDefault("network_bandwidth", d.bandwidth()),
          (Integer) values.getOrDefault("network_latency", d.latency()),
          (Boolean) values.getOrDefault("network_multicast", d.multicast()),
          (Boolean) values.getOrDefault("network_reduction", d.reduction()),
          (Boolean) values.getOrDefault("network_loads_stationary", d.loadsStationary()),
          (Integer) values.getOrDefault("network_cluster", d.cluster()));
    }

    /** The vector unit the section names, or null (the default, as wide as the columns) when it names none. */
    private VectorUnit vector() {
      if (!values.containsKey("vector_lanes") && !values.containsKey("vector_pipeline")) return null;
      int cols = Math.max(1, (Integer) values.get("cols"));
      return new VectorUnit((Integer) values.getOrDefault("vector_lanes", cols),
          (Integer) values.getOrDefault("vector_pipeline", VectorUnit.DEFAULT_PIPELINE));
    }
  }
}
