// `tdlc import timeloop`: Timeloop v0.3's YAML files (problem, architecture, constraints, mapping, ERT) to one
// .tdl file holding one target and one model. What the target language and @map can hold is translated (the
// tile, the spread and its spatial factors, the PEs' walk, each scratchpad's factors and own permutation);
// everything else Timeloop was told (bypass, constraints, scratchpads tdlc merges) is written into the file as
// comments.
package org.tdlc.interop.timeloop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.tdlc.ir.target.Operand;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.target.Quantities;
import org.tdlc.machine.Energy;

public final class TimeloopImport {
  /** Timeloop's DRAM has no bandwidth limit unless it declares one; tdlc's DRAM needs a number: this one never binds. */
  static final long UNLIMITED_DRAM = 1_048_576;
  /** Timeloop has no clock; it reports GFLOPs at 1 GHz. */
  static final int FREQUENCY_MHZ = 1000;

  /** tdlc's conv2d index of each Timeloop CNN-layer dimension (M is tdlc's k; the rest keep their letter). */
  static final Map<String, String> INDEX = Map.of("C", "c", "M", "k", "R", "r", "S", "s", "N", "n", "P", "p", "Q", "q");

  /** The imported file's text, and the one-line summary of what it holds. */
  public record Result(String text, String layer, String target, String model, long macs, List<String> notCarried) {}

  private final List<String> notes = new ArrayList<>();

  private TimeloopImport() {}

  /**
   * Translates {@code files} (file name to text, in command-line order); {@code name} names the target and model;
   * {@code pinCheck} answers, for a candidate file text, the reason tdlc refuses its @map tile pin (or null).
   */
  public static Result run(Map<String, String> files, String name, Function<String, String> pinCheck) {
    return new TimeloopImport().translate(files, name, pinCheck);
  }

  private Result translate(Map<String, String> files, String name, Function<String, String> pinCheck) {
    String first = files.keySet().iterator().next();
    TimeloopFiles in = TimeloopFiles.read(files);
    Yaml.Node problemNode = in.require("problem", "the layer: shape and instance", first);
    ConvProblem problem = ConvProblem.read(problemNode);
    notes.addAll(problem.notes());
    Yaml.Node archNode = in.require("architecture", "the hardware tree", first);
    Architecture arch = Architecture.read(archNode);
    Yaml.Node ertNode = in.require("ERT", "the energy reference table Accelergy writes as *.ERT.yaml; tdlc needs no"
        + " Accelergy install, but it needs the table", first);
    EnergyTable ert = EnergyTable.read(ertNode);
    String layer = identifier(baseName(in.fileOf.get("problem")).replaceFirst("\\.(problem|prob)$", ""));
    for (String k : TimeloopFiles.NOT_CARRIED) {
      if (in.get(k) != null) notes.add("'" + k + ":' (" + in.fileOf.get(k) + ") is not carried over: " + why(k));
    }
    String targetName = name + "_arch";
    List<Directive> mapping = in.get("mapping") == null ? List.of() : Directive.list(in.get("mapping"), "mapping");
    List<Directive> kept = new ArrayList<>(mapping);
    for (String k : List.of("architecture_constraints", "mapspace_constraints")) {
      if (in.get(k) != null) kept.addAll(Directive.list(in.get(k), k));
    }
    StringBuilder target = new StringBuilder();
    int elementBits = target(arch, ert, targetName, holds(kept), target);
    for (String k : List.of("architecture_constraints", "mapspace_constraints")) {
      if (in.get(k) == null) continue;
      List<Directive> ds = Directive.list(in.get(k), k);
      notes.add(k + " (" + ds.size() + " directives) cannot be carried over: tdlc's target language has no per-level"
          + " constraints; its mapper searches its own mapping space. They were:");
      for (Directive d : ds) notes.add("    " + d.text());
    }
    String type = elementBits == 8 ? "i8" : "i16";
    Pin pin = mapping.isEmpty() ? null : pin(mapping, arch, problem, holds(kept), elementBits / 8);
    // the most of Timeloop's mapping tdlc takes, by variant v: 0 tile and spread indices, 1 the indices, 2 the tile,
    // 3 the order alone (the order is always taken); why[v] is tdlc's refusal of variant v
    boolean hasAxes = pin != null && pin.axes() != null;
    String[] why = new String[4];
    int chosen = -1;
    // the PEs' walk and what each scratchpad keeps go with the spread indices they were chosen around, when tdlc
    // takes them, else without
    boolean withPe = pin != null && !pin.walk().isEmpty() && hasAxes;
    for (int pass = withPe ? 0 : 1; pass < 2 && chosen < 0; pass++) {
      withPe = pass == 0;
      for (int v = 0; v < 4 && chosen < 0; v++) {
        boolean withTile = v % 2 == 0, withAxes = v < 2;
        if (withAxes && !hasAxes || !withTile && pin == null || withPe && !withAxes) continue;
        why[v] = pinCheck.apply(header(files, arch, problem) + target + "\n"
            + model(problem, name, layer, type, pin, withTile, withAxes, withPe));
        if (why[v] == null) chosen = v;
        else if (pin == null || v == 3 && !withPe) {
          throw archNode.error("tdlc cannot take what this architecture and problem become: " + why[v]);
        }
      }
    }
    if (pin != null && !pin.walk().isEmpty() && !withPe) {
      notes.add("the PEs' walk and what each scratchpad keeps are not pinned: " + (hasAxes
          ? "tdlc refuses them with Timeloop's spread indices" : "they go with the spread indices, which tdlc cannot say"));
    }
    if (withPe) notes.addAll(pin.peNotes());
    if (chosen % 2 == 1) {
      notes.add("Timeloop's tile in " + arch.storage().get(1).name() + " (" + pin.tileText + ") is not pinned: tdlc "
          + "refuses it (" + why[chosen - 1] + "); tdlc's tiles hold i32 partial sums (the requant writes its results "
          + "over them) and every operand, where "
          + "Timeloop's level holds words and may bypass data spaces.");
    }
    if (chosen >= 2 && hasAxes) {
      notes.add("Timeloop's spatial indices (" + pin.axesText() + ") are not pinned: tdlc refuses them (" + why[1] + ").");
    }
    String text = header(files, arch, problem) + target + "\n"
        + model(problem, name, layer, type, pin, chosen % 2 == 0, chosen < 2, withPe);
    return new Result(text, layer, targetName, name, problem.macs(), List.copyOf(notes));
  }

  // ---- the target ----

  /**
   * What each storage level keeps, as an Operand mask, from the keep and bypass lists of the mapping's and the
   * constraints' datatype directives (a level no directive names is absent: it keeps all it is given).
   */
  private static Map<String, Integer> holds(List<Directive> directives) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Directive d : directives) {
      if (!d.bypassType()) continue;
      int mask = out.getOrDefault(d.target(), Operand.ALL);
      if (d.keep() != null && !d.keep().isEmpty()) mask = ConvProblem.operands(d.keep());
      if (d.bypass() != null) mask &= ~ConvProblem.operands(d.bypass());
      out.put(d.target(), mask);
    }
    return out;
  }

  private int target(Architecture arch, EnergyTable ert, String name, Map<String, Integer> holds, StringBuilder b) {
    Architecture.Component mac = arch.arithmetic();
    long pes = mac.instances(), meshX = mac.meshX();
    if (meshX < 1 || pes % meshX != 0) {
      throw mac.at().error(mac.name() + ": meshX " + meshX + " does not divide its " + pes + " instances");
    }
    int bits = mac.wordBits();
    Yaml.Node bitsAt = mac.attr("datawidth", "word-bits");
    if (bits > 16 || bits < 1) {
      throw (bitsAt == null ? mac.at() : bitsAt).error(mac.name() + " multiplies " + bits + "-bit words; tdlc's PEs "
          + "multiply i8 or i16");
    }
    int elementBits = bits <= 8 ? 8 : 16;
    b.append("target ").append(name).append(" {\n");
    b.append("  pe_array ").append(pes / meshX).append(" x ").append(meshX).append(";   // ").append(mac.path())
        .append(": meshX ").append(meshX).append(" columns (Timeloop's X), ").append(pes / meshX).append(" rows (Y)\n");
    b.append("  dataflows ws, os, rs, is;   // Timeloop has no dataflow keyword: its mapping decides, here tdlc's mapper\n");
    b.append("  frequency ").append(FREQUENCY_MHZ).append(" MHz;   // Timeloop has no clock; it reports at 1 GHz\n");
    b.append("  datatype i").append(elementBits).append(" accumulate i32;   // ").append(mac.name()).append(": ")
        .append(bits).append("-bit words\n");
    List<Architecture.Component> local = new ArrayList<>();
    for (int i = 0; i < arch.storage().size(); i++) {
      Architecture.Component c = arch.storage().get(i);
      if (i == 0) {
        b.append(level(c, ert, false, null)).append('\n');
      } else if (c.instances() == 1) {
        if (!local.isEmpty()) throw c.at().error(c.name() + " is shared but lies inside the per-PE levels");
        b.append(level(c, ert, false, null)).append('\n');
      } else if (c.instances() == pes) {
        local.add(c);
      } else {
        notes.add(c.name() + " (" + c.instances() + " instances of " + c.words() + " words) is not carried over: tdlc "
            + "has shared levels and one per-PE level, no clusters; its fanout (" + c.instances() + ") is part of the "
            + "PE array");
      }
    }
    if (arch.storage().get(1).instances() != 1) {
      throw arch.storage().get(1).at().error(arch.storage().get(1).name() + " has " + arch.storage().get(1).instances()
          + " instances; tdlc's global buffer (the first level below DRAM) is one shared buffer");
    }
    if (separate(local, holds)) {
      for (Architecture.Component c : local) {
        if (holds.get(c.name()) == 0) {
          notes.add(c.name() + " keeps no data space (every one bypasses it): not carried over");
        } else {
          b.append(spad(c, ert, holds.get(c.name()))).append('\n');
        }
      }
    } else if (!local.isEmpty()) {
      b.append(level(null, ert, true, local)).append('\n');
    }
    b.append("  mac { energy ").append(Quantities.number(round(ert.energy(mac, "mac_random", "compute")))).append(" pJ; }"
        + "   // ERT ").append(ert.of(mac).map(a -> a.containsKey("mac_random") ? "mac_random" : "compute").orElse(""))
        .append(": Timeloop charges every MAC as random\n}\n");
    return elementBits;
  }

  /**
   * Whether the per-PE components become per-PE levels of their own: there are several, and the keep and
   * bypass lists give each the data spaces it holds, none held by two (else they merge into one level).
   */
  private static boolean separate(List<Architecture.Component> local, Map<String, Integer> holds) {
    if (local.size() < 2) return false;
    int seen = 0;
    for (Architecture.Component c : local) {
      Integer mask = holds.get(c.name());
      if (mask == null || (seen & mask) != 0) return false;
      seen |= mask;
    }
    return true;
  }

  /**
   * One per-PE level that holds the data spaces of {@code mask}: its words at the size of what it holds (a
   * partial sum is an i32 in tdlc, four bytes a word), its ERT energy per word spread over those bytes.
   */
  private String spad(Architecture.Component c, EnergyTable ert, int mask) {
    int wordBytes = c.wordBytes();
    int elementBytes = mask == Operand.OUTPUTS.bit() ? Energy.PSUM_BYTES : wordBytes;
    double read = ert.energy(c, "read") / c.blockSize(), write = ert.energy(c, "write") / c.blockSize();
    double energy = round((read + write) / 2 / elementBytes);
    return "  memory " + identifier(c.name()) + " { size " + Quantities.bytes(c.words() * elementBytes) + " per pe; "
        + bandwidth(c, elementBytes) + "energy " + Quantities.number(energy) + " pJ/B; holds " + Operand.text(mask) + "; }   // " + c.name() + " "
        + c.words() + " words, ERT read " + Quantities.number(round(read)) + " / write "
        + Quantities.number(round(write)) + " pJ a " + c.wordBits() + "-bit word"
        + (mask == Operand.OUTPUTS.bit() ? ", each an i32 partial sum in tdlc" : "") + "; keeps " + Operand.text(mask);
  }

  /**
   * A level's bandwidth entries, words a cycle times {@code bytes} a word: Timeloop's `shared_bandwidth`
   * is one port that reads and writes take turns on; its `read_bandwidth` and `write_bandwidth` are a port each
   * way (`port split;`), a direction it leaves out taking the other's. Empty when it gives none (no limit).
   */
  private static String bandwidth(Architecture.Component c, int bytes) {
    double shared = c.number(0, "shared_bandwidth");
    if (shared > 0) return "bandwidth " + Quantities.number(shared * bytes) + " B/cycle; ";
    double read = c.number(0, "read_bandwidth"), write = c.number(0, "write_bandwidth");
    if (read <= 0 && write <= 0) return "";
    if (read <= 0 || write <= 0 || read == write) {
      return "bandwidth " + Quantities.number(Math.max(read, write) * bytes) + " B/cycle; port split; ";
    }
    return "bandwidth " + Quantities.number(read * bytes) + " B/cycle read, " + Quantities.number(write * bytes)
        + " B/cycle write; port split; ";
  }

  /** One memory line: a shared level, or (local != null) the per-PE levels merged into one. */
  private String level(Architecture.Component c, EnergyTable ert, boolean perPe, List<Architecture.Component> local) {
    List<Architecture.Component> parts = perPe ? local : List.of(c);
    long bytes = 0;
    double energySum = 0;
    StringBuilder why = new StringBuilder();
    for (Architecture.Component p : parts) {
      int wordBytes = p.wordBytes();
      bytes += p.words() * wordBytes;
      double read = ert.energy(p, "read") / p.blockSize(), write = ert.energy(p, "write") / p.blockSize();
      energySum += (read + write) / 2 / wordBytes;
      why.append(why.length() == 0 ? "" : "; ").append(p.name()).append(p.isDram() ? "" : " " + p.words() + " words")
          .append(", ERT read ").append(Quantities.number(round(read))).append(" / write ")
          .append(Quantities.number(round(write))).append(" pJ a ").append(p.wordBits()).append("-bit word");
    }
    double energy = round(energySum / parts.size());
    String name = perPe ? (parts.size() == 1 ? parts.get(0).name() : "pe_local") : c.name();
    StringBuilder b = new StringBuilder("  memory ").append(identifier(name)).append(" { ");
    if (!perPe && c.isDram()) {
      String bw = bandwidth(c, c.wordBytes());
      b.append(bw.isEmpty() ? "bandwidth " + UNLIMITED_DRAM + " B/cycle; " : bw);
      if (bw.isEmpty()) why.append("; no bandwidth limit (").append(UNLIMITED_DRAM).append(" B/cycle never binds)");
    } else {
      b.append("size ").append(Quantities.bytes(bytes)).append(perPe ? " per pe" : "").append("; ");
      if (!perPe || parts.size() == 1) {   // a per-PE level's bandwidth is each PE's, as Timeloop's per instance
        b.append(bandwidth(parts.get(0), parts.get(0).wordBytes()));
      } else {
        why.append("; merged into one per-PE level (the keep lists do not give each its own data spaces), energy the "
            + "mean of theirs, no bandwidth limit");
      }
    }
    b.append("energy ").append(Quantities.number(energy)).append(" pJ/B;");
    if (!perPe && c.isDram()) b.append(" latency 0 cycles;");
    b.append(" }");
    return b + "   // " + why;
  }

  // ---- the model and its pin ----

  /**
   * The pin carried over: the tile at tdlc's global buffer (by tdlc index), the order of the loops around it, and
   * the indices the spatial directives spread on the array's rows (Y) and columns (X), {rows, cols} in the op's
   * index order (null when one index is spread on both).
   */
  private record Pin(Map<String, Integer> tile, List<String> order, String tileText, List<String> levels,
                     List<List<String>> axes, Map<String, Integer> spread, List<String> walk,
                     Map<String, Map<String, Integer>> keep, Map<String, List<String>> orders, List<String> peNotes) {
    String axesText() { return "rows " + axes.get(0) + ", cols " + axes.get(1); }
  }

  /**
   * The indices spread on each axis: in a spatial directive, the dimensions of its permutation before its split
   * go on X (the columns), the rest on Y (the rows), as Timeloop's fanout lays them out; a dimension of factor 1
   * is not spread. Null (with a note) when one index is spread on both axes, which tdlc's axes cannot say.
   */
  private List<List<String>> axes(List<Directive> spatial) {
    List<String> order = List.of("n", "k", "c", "p", "q", "r", "s");
    boolean[][] on = new boolean[2][order.size()];
    for (Directive d : spatial) {
      String perm = d.permutation() == null ? "" : d.permutation();
      StringBuilder all = new StringBuilder(perm);
      for (String dim : ConvProblem.DIMS) if (all.indexOf(dim) < 0) all.append(dim);   // as Timeloop pads it
      int split = d.split() == null ? all.length() : d.split();
      for (int i = 0; i < all.length(); i++) {
        String dim = String.valueOf(all.charAt(i));
        if (ConvProblem.DIMS.contains(dim) && d.factor(dim) > 1) on[i < split ? 1 : 0][order.indexOf(INDEX.get(dim))] = true;
      }
    }
    List<List<String>> out = new ArrayList<>();
    for (int a = 0; a < 2; a++) {
      List<String> axis = new ArrayList<>();
      for (int i = 0; i < order.size(); i++) {
        if (!on[a][i]) continue;
        if (on[1 - a][i]) {
          notes.add("Timeloop spreads " + timeloopDim(order.get(i)) + " on both X and Y; tdlc puts an index on one "
              + "axis, so the spatial indices are not pinned");
          return null;
        }
        axis.add(order.get(i));
      }
      out.add(axis);
    }
    return out;
  }

  private Pin pin(List<Directive> mapping, Architecture arch, ConvProblem problem, Map<String, Integer> holds,
                  int elementBytes) {
    Map<String, Long> product = new LinkedHashMap<>();
    for (String d : ConvProblem.DIMS) product.put(d, 1L);
    String dram = arch.storage().get(0).name();
    Directive dramTemporal = null;
    List<String> levels = new ArrayList<>();
    List<Directive> loops = new ArrayList<>();
    for (Directive d : mapping) {
      if (arch.storage().stream().noneMatch(c -> c.name().equals(d.target()))) {
        throw d.at().get("target", "").error("mapping target '" + d.target() + "' is not a storage level of the "
            + "architecture (" + String.join(", ", arch.storage().stream().map(Architecture.Component::name).toList()) + ")");
      }
      for (String dim : d.factors().keySet()) {
        if (!ConvProblem.DIMS.contains(dim)) throw d.at().error("factor of " + dim + ", which is not a dimension of the problem");
      }
      if (d.temporal() || d.spatial()) {
        loops.add(d);
        if (d.temporal() && d.target().equals(dram)) dramTemporal = d;
      }
      levels.add(d.text());
    }
    // outer to inner: by storage level from DRAM in, a level's temporal loops around its spatial ones
    List<String> storage = arch.storage().stream().map(Architecture.Component::name).toList();
    loops.sort(java.util.Comparator.comparingInt((Directive d) -> storage.indexOf(d.target()))
        .thenComparing(d -> d.spatial()));
    for (String dim : ConvProblem.DIMS) {
      // the extent the loops cover: full(i) = n_i full(i+1); in the last pass, last(i) = (r_i - 1) full(i+1) + last(i+1)
      long full = 1, last = 1;
      for (int i = loops.size() - 1; i >= 0; i--) {
        last = (loops.get(i).last(dim) - 1L) * full + last;
        full *= loops.get(i).factor(dim);
      }
      product.put(dim, last);
    }
    for (String dim : ConvProblem.DIMS) {
      if (product.get(dim) != problem.bound(dim)) {
        throw mapping.get(0).at().error("the mapping's factors of " + dim + " cover " + product.get(dim)
            + ", not its bound " + problem.bound(dim) + " (Timeloop needs every bound factored exactly)");
      }
    }
    Map<String, Integer> tile = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    for (String tdlc : List.of("n", "k", "c", "p", "q", "r", "s")) {
      String dim = timeloopDim(tdlc);
      int t = 1;  // the loops inside DRAM's temporal ones, full (a residual only shortens the last tile)
      for (Directive d : loops) if (d != dramTemporal) t *= d.factor(dim);
      tile.put(tdlc, t);
      text.append(text.length() == 0 ? "" : " ").append(tdlc).append('=').append(t);
    }
    List<String> innerToOuter = new ArrayList<>();
    String perm = dramTemporal == null || dramTemporal.permutation() == null ? "" : dramTemporal.permutation();
    for (char ch : perm.toCharArray()) {
      String dim = String.valueOf(ch);
      if (!ConvProblem.DIMS.contains(dim)) throw dramTemporal.at().error("permutation names " + dim
          + ", which is not a dimension of the problem");
      if (!innerToOuter.contains(dim)) innerToOuter.add(dim);
    }
    for (String dim : ConvProblem.DIMS) if (!innerToOuter.contains(dim)) innerToOuter.add(dim);   // as Timeloop pads it
    List<String> order = new ArrayList<>();
    for (int i = innerToOuter.size() - 1; i >= 0; i--) order.add(INDEX.get(innerToOuter.get(i)));
    // an index spread on an axis whose tile is more than its spatial factors: the PEs walk the rest (C4 on Y with
    // C4 below it in weights_spad), which @map's spatial says
    List<List<String>> axes = axes(loops.stream().filter(Directive::spatial).toList());
    Map<String, Integer> spread = new LinkedHashMap<>();
    if (axes != null) {
      for (List<String> axis : axes) {
        for (String tdlc : axis) {
          int s = 1;
          for (Directive d : loops) if (d.spatial()) s *= d.factor(timeloopDim(tdlc));
          if (s < tile.get(tdlc)) spread.put(tdlc, s);
        }
      }
    }
    List<String> peNotes = new ArrayList<>();
    List<String> walk = walk(loops, storage);
    Map<String, Map<String, Integer>> keep = walk.isEmpty() ? Map.of()
        : keep(loops, arch, problem, holds, elementBytes, peNotes);
    return new Pin(tile, order, text.toString(), levels, axes, spread, walk, keep, orders(loops, keep), peNotes);
  }

  /**
   * Each scratchpad's own permutation, where it has two or more temporal factors of its own: its dimensions outer
   * to inner, those with a factor above 1, in tdlc's indices (@map's orders, PeNest: the parts a level keeps and
   * no level inside it does walk in that order).
   */
  private static Map<String, List<String>> orders(List<Directive> loops, Map<String, Map<String, Integer>> keep) {
    Map<String, List<String>> orders = new LinkedHashMap<>();
    for (Directive d : loops) {
      if (!d.temporal() || !keep.containsKey(d.target())) continue;
      List<String> own = new ArrayList<>();
      for (String dim : outerToInner(d)) if (d.factor(dim) > 1) own.add(INDEX.get(dim));
      if (own.size() > 1) orders.put(d.target(), own);
    }
    return orders;
  }

  /**
   * The order the PEs walk their loops: the temporal loops of the global buffer and of every level inside it,
   * outer to inner (each level's permutation read inner to outer, the dimensions it leaves out outermost, as
   * Timeloop pads it), each tdlc index where it first walks more than one step; those that never do outermost.
   * Empty when the PEs walk no loop.
   */
  private static List<String> walk(List<Directive> loops, List<String> storage) {
    List<String> walk = new ArrayList<>();
    for (Directive d : loops) {
      if (!d.temporal() || storage.indexOf(d.target()) < 1) continue;
      for (String dim : outerToInner(d)) {
        String idx = INDEX.get(dim);
        if (d.factor(dim) > 1 && !walk.contains(idx)) walk.add(idx);
      }
    }
    if (walk.isEmpty()) return List.of();
    List<String> out = new ArrayList<>();
    for (String tdlc : List.of("n", "k", "c", "p", "q", "r", "s")) if (!walk.contains(tdlc)) out.add(tdlc);
    out.addAll(walk);
    return out;
  }

  /** A directive's dimensions outer to inner: those its permutation leaves out, then the permutation reversed. */
  private static List<String> outerToInner(Directive d) {
    List<String> innerToOuter = new ArrayList<>();
    String perm = d.permutation() == null ? "" : d.permutation();
    for (char ch : perm.toCharArray()) if (ConvProblem.DIMS.contains(String.valueOf(ch))) innerToOuter.add(String.valueOf(ch));
    List<String> out = new ArrayList<>();
    for (String dim : ConvProblem.DIMS) if (!innerToOuter.contains(dim)) out.add(dim);
    for (int i = innerToOuter.size() - 1; i >= 0; i--) out.add(innerToOuter.get(i));
    return out;
  }

  /**
   * What each per-PE scratchpad keeps (when they are levels of their own, ArrayTraffic's keep): per tdlc index
   * the product of the temporal factors at that scratchpad and at every one inside it, its tile there. Where
   * that does not fit tdlc's level (a partial sum is an i32 in tdlc, four bytes where Timeloop's word is one
   * word), the largest part is cut by its smallest prime factor until it fits, and {@code notes} says so; a level
   * then keeps no more of an index than the level outside it, so that the levels nest.
   */
  private static Map<String, Map<String, Integer>> keep(List<Directive> loops, Architecture arch, ConvProblem problem,
                                                        Map<String, Integer> holds, int elementBytes, List<String> notes) {
    long pes = arch.arithmetic().instances();
    List<Architecture.Component> local = arch.storage().stream().filter(c -> c.instances() == pes && pes > 1).toList();
    if (local.size() != 1 && !separate(local, holds)) return Map.of();   // merged into one level: no factors of its own
    List<String> storage = arch.storage().stream().map(Architecture.Component::name).toList();
    Map<String, Map<String, Integer>> keep = new LinkedHashMap<>();
    Map<String, Integer> outside = null;
    for (Architecture.Component c : local) {   // outer to inner
      Map<String, Integer> parts = new LinkedHashMap<>();
      for (Directive d : loops) {
        if (!d.temporal() || storage.indexOf(d.target()) < storage.indexOf(c.name())) continue;
        for (String dim : outerToInner(d)) if (d.factor(dim) > 1) parts.merge(INDEX.get(dim), d.factor(dim), (a, b) -> a * b);
      }
      if (outside != null) for (var e : parts.entrySet()) e.setValue(Math.min(e.getValue(), outside.getOrDefault(e.getKey(), 0)));
      parts.values().removeIf(f -> f < 1);
      int mask = holds.getOrDefault(c.name(), Operand.ALL);
      long room = c.words() * (mask == Operand.OUTPUTS.bit() ? Energy.PSUM_BYTES : elementBytes);
      String before = parts.toString();
      while (need(parts, mask, problem, elementBytes) > room) {
        String largest = null;
        for (var e : parts.entrySet()) if (e.getValue() > 1 && (largest == null || e.getValue() > parts.get(largest))) largest = e.getKey();
        if (largest == null) break;
        int f = parts.get(largest), prime = 2;
        while (f % prime != 0) prime++;
        parts.put(largest, f / prime);
      }
      parts.values().removeIf(f -> f < 2);
      if (!parts.toString().equals(before)) {
        notes.add(c.name() + " keeps " + parts + " of what Timeloop's keeps (" + before + "): tdlc's " + room
            + " bytes hold no more" + (mask == Operand.OUTPUTS.bit() ? " i32 partial sums" : ""));
      }
      keep.put(c.name(), parts);
      outside = parts;
    }
    return keep;
  }

  /**
   * The bytes a level holding the operands of {@code mask} needs for {@code parts} (tdlc index to extent): the
   * weights k c r s, the inputs' window n c ((p - 1) x stride + r) ((q - 1) x stride + s), the i32 outputs
   * n k p q. An estimate that only chooses how far to cut: the compiler's own check (ArrayTraffic.keptBytes,
   * through the pin check every variant passes) decides whether the pin fits.
   */
  private static long need(Map<String, Integer> parts, int mask, ConvProblem problem, int elementBytes) {
    java.util.function.ToLongFunction<String> e = d -> parts.getOrDefault(d, 1);
    long bytes = 0;
    if (Operand.WEIGHTS.in(mask)) bytes += e.applyAsLong("k") * e.applyAsLong("c") * e.applyAsLong("r") * e.applyAsLong("s") * elementBytes;
    if (Operand.INPUTS.in(mask)) {
      bytes += e.applyAsLong("n") * e.applyAsLong("c") * ((e.applyAsLong("p") - 1) * problem.strideP() + e.applyAsLong("r"))
          * ((e.applyAsLong("q") - 1) * problem.strideQ() + e.applyAsLong("s")) * elementBytes;
    }
    if (Operand.OUTPUTS.in(mask)) {
      bytes += e.applyAsLong("n") * e.applyAsLong("k") * e.applyAsLong("p") * e.applyAsLong("q") * Energy.PSUM_BYTES;
    }
    return bytes;
  }

  private String model(ConvProblem p, String name, String layer, String type, Pin pin, boolean withTile,
                       boolean withAxes, boolean withPe) {
    int h = (p.bound("P") - 1) * p.strideP() + p.bound("R"), w = (p.bound("Q") - 1) * p.strideQ() + p.bound("S");
    String in = identifier(p.dataSpaces().get(1)), wt = identifier(p.dataSpaces().get(0));
    StringBuilder b = new StringBuilder("model ").append(name).append(" {\n");
    b.append("  // Timeloop's ").append(p.dataSpaces().get(1)).append(" are the padded input (Timeloop has no padding):"
        + " ").append(h).append(" x ").append(w).append(", so the conv2d takes no pad. MACs = C*M*R*S*N*P*Q = ")
        .append(String.format(Locale.ROOT, "%,d", p.macs())).append(".\n");
    b.append("  input ").append(in).append(" : ").append(type).append("[").append(p.bound("N")).append(", ")
        .append(p.bound("C")).append(", ").append(h).append(", ").append(w).append("];\n");
    b.append("  weight ").append(wt).append(" : ").append(type).append("[").append(p.bound("M")).append(", ")
        .append(p.bound("C")).append(", ").append(p.bound("R")).append(", ").append(p.bound("S"))
        .append("] init random(seed = 1);\n");
    if (pin != null) {
      b.append("  // Timeloop's mapping, directive by directive (permutations inner to outer):\n");
      for (String l : pin.levels()) b.append("  //   ").append(l).append('\n');
      b.append("  // Carried over: ").append(withTile ? "the tile held in the global buffer (" + pin.tileText() + "), "
          : "").append(withAxes ? "the indices spread on the rows (Y) and columns (X), each with its spatial factor"
          + " where the PEs walk the rest of its tile (@map's spatial), " : "").append("the order of the"
          + " DRAM loops around the global buffer" + (withPe ? ", the PEs' walk (the temporal loops of the global buffer"
          + " and of the levels inside it, outer to inner, each index where it first walks) and what each scratchpad"
          + " keeps (the product of its factors and those of the scratchpads inside it), and each scratchpad's own"
          + " permutation where it has two or more factors of its own (orders). Not carried over: the bypass lists"
          + " (tdlc's scratchpads hold what Timeloop's keep).\n"
          : ". Not carried over (no @map pin can say them yet): the factors and permutations of the levels inside the"
          + " global buffer (the PEs walk all of a spread index's tile beyond its spatial factor, the global buffer's"
          + " share of it included) and the bypass lists.\n"));
      b.append("  @map(").append(withTile ? "tile = { " + sizes(pin.tile()) + " }, " : "")
          .append(withAxes ? "rows = [" + String.join(", ", pin.axes().get(0)) + "], cols = ["
              + String.join(", ", pin.axes().get(1)) + "], " : "")
          .append(withAxes && !pin.spread().isEmpty() ? "spatial = { " + sizes(pin.spread()) + " }, " : "")
          .append("order = [").append(String.join(", ", pin.order())).append("]")
          .append(withPe ? ", walk = [" + String.join(", ", pin.walk()) + "]" + keepText(pin.keep())
              + ordersText(pin.orders()) : "").append(")\n");
    } else {
      b.append("  // No mapping was given: tdlc's mapper chooses one.\n");
    }
    String strides = p.strideP() == p.strideQ() ? String.valueOf(p.strideP()) : "[" + p.strideP() + ", " + p.strideQ() + "]";
    b.append("  ").append(layer).append("_acc = conv2d(").append(in).append(", ").append(wt)
        .append(p.strideP() == 1 && p.strideQ() == 1 ? "" : ", stride = " + strides).append(");\n");
    // Timeloop's outputs are words as wide as its operands: the i32 accumulators requantized back to that type (its
    // scale is arbitrary, Timeloop having no values: the shift brings a product of two words back to one word)
    int bits = ElementType.parse(type).orElseThrow().bits();
    b.append("  // Timeloop's ").append(p.dataSpaces().get(2)).append(" are ").append(type).append(" words, as its operands:"
        + " the conv2d's i32 sums are requantized to ").append(type).append(" (fused into the layer).\n");
    b.append("  ").append(layer).append(" = requant(").append(layer).append("_acc, shift = ").append(bits)
        .append(bits == 8 ? "" : ", bits = 16").append(");\n");
    b.append("  output ").append(layer).append(";\n}\n");
    return b.toString();
  }

  /** , keep = { ifmap_spad = { c = 4, r = 3 }, ... }: what each scratchpad keeps, as @map writes it. */
  private static String keepText(Map<String, Map<String, Integer>> keep) {
    if (keep.isEmpty()) return "";
    StringBuilder b = new StringBuilder(", keep = { ");
    keep.forEach((l, parts) -> b.append(b.length() == 11 ? "" : ", ").append(l).append(" = ")
        .append(parts.isEmpty() ? "[]" : "{ " + sizes(parts) + " }"));
    return b.append(" }").toString();
  }

  /** , orders = { weights_spad = [c, r] }: each scratchpad's own order, as @map writes it. */
  private static String ordersText(Map<String, List<String>> orders) {
    if (orders.isEmpty()) return "";
    StringBuilder b = new StringBuilder();
    orders.forEach((l, o) -> b.append(b.length() == 0 ? "" : ", ").append(l).append(" = [").append(String.join(", ", o))
        .append(']'));
    return ", orders = { " + b + " }";
  }

  /** k = 2, c = 4: sizes as @map writes them. */
  private static String sizes(Map<String, Integer> sizes) {
    StringBuilder t = new StringBuilder();
    sizes.forEach((d, v) -> t.append(t.length() == 0 ? "" : ", ").append(d).append(" = ").append(v));
    return t.toString();
  }

  private String header(Map<String, String> files, Architecture arch, ConvProblem p) {
    StringBuilder b = new StringBuilder("// Imported by `tdlc import timeloop` from ")
        .append(String.join(", ", files.keySet().stream().map(TimeloopImport::baseNameWithExt).toList())).append(".\n");
    b.append("// Sizes, bandwidths and energies are Timeloop's per word converted to bytes; energies come from the ERT"
        + " (the largest\n// energy over an action's arguments, per word of a block, as Timeloop charges them; tdlc has one"
        + " energy per byte,\n// the mean of read and write).\n");
    if (!notes.isEmpty()) {
      b.append("//\n// Not carried over:\n");
      for (String n : notes) b.append("// ").append(n.startsWith("    ") ? "" : "- ").append(n).append('\n');
    }
    for (Architecture.Component c : arch.other()) {
      b.append("// - ").append(c.name()).append(" (class ").append(c.cls()).append(") is neither storage nor arithmetic:"
          + " not carried over\n");
    }
    return b.append('\n').toString();
  }

  // ---- helpers ----

  private static String timeloopDim(String tdlc) {
    for (Map.Entry<String, String> e : INDEX.entrySet()) if (e.getValue().equals(tdlc)) return e.getKey();
    throw new IllegalArgumentException(tdlc);
  }

  private static String why(String key) {
    return switch (key) {
      case "ART" -> "area is not part of tdlc's cost";
      case "mapper" -> "tdlc's mapper has its own search (tdlc explain shows it)";
      case "sparse_optimizations" -> "tdlc models sparsity by weight formats and densities, not per level";
      default -> "tdlc has no counterpart";
    };
  }

  /** A name usable as a tdl identifier: letters, digits and underscores, not starting with a digit. */
  static String identifier(String s) {
    String id = s.replaceAll("[^A-Za-z0-9_]", "_");
    return id.isEmpty() || Character.isDigit(id.charAt(0)) ? "_" + id : id;
  }

  static String baseName(String path) {
    String f = baseNameWithExt(path);
    int dot = f.lastIndexOf('.');
    return dot > 0 ? f.substring(0, dot) : f;
  }

  private static String baseNameWithExt(String path) {
    return java.nio.file.Path.of(path).getFileName().toString();
  }

  private static double round(double v) { return Math.round(v * 1e6) / 1e6; }
}
