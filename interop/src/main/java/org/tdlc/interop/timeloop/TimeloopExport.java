// `tdlc export timeloop`: a target and its mapped conv2d and matmul layers written as Timeloop v0.3 YAML that
// timeloop-model loads and runs unchanged: arch.yaml (DRAM, the shared levels, PE[0..n-1] with the per-PE level
// and the MAC), ERT.yaml (the target's energies per word, so no Accelergy is needed), and per layer a CNN-layer
// problem and the mapping: tdlc's DRAM loops, its global tile's loops and the array's two spatial indices.
package org.tdlc.interop.timeloop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.mapping.PeNest;
import org.tdlc.ir.target.MemoryLevel;
import org.tdlc.ir.target.Operand;
import org.tdlc.ir.target.Quantities;
import org.tdlc.ir.target.Target;

public final class TimeloopExport {
  /** Timeloop's CNN-layer dimensions, in the order the files list them. */
  static final List<String> DIMS = ConvProblem.DIMS;

  /**
   * One mapped layer: its name, tdlc's index of each Timeloop dimension that is not 1 (conv2d: C->c, M->k, ...;
   * matmul: C->k, M->n, P->m, N->b), the ranges by tdlc index, the strides of P and Q, and its mapping.
   */
  public record Layer(String name, String op, Map<String, String> indexOf, Map<String, Integer> ranges, int strideP,
                      int strideQ, Mapping mapping) {}

  /** A layer Timeloop cannot take as tdlc mapped it: the message says which index and why. */
  public static final class Unexportable extends RuntimeException {
    public Unexportable(String message) { super(message); }
  }

  private TimeloopExport() {}

  /** The conv2d index of each Timeloop dimension. */
  public static Map<String, String> convIndices() { return TimeloopImport.INDEX; }

  /** A matmul's: C = k (summed), M = n (columns of b), P = m (rows of a), N = b (the batch, when batched). */
  public static Map<String, String> matmulIndices(boolean batched) {
    Map<String, String> m = new LinkedHashMap<>(Map.of("C", "k", "M", "n", "P", "m"));
    if (batched) m.put("N", "b");
    return m;
  }

  /** arch.yaml: DRAM and the shared levels under `system`, the per-PE level and the MAC in PE[0..n-1]. */
  public static String architecture(Target t) {
    int bits = t.datatype().bytes() * 8;
    StringBuilder b = new StringBuilder("# Written by `tdlc export timeloop` from target ").append(t.name())
        .append(": sizes in ").append(bits).append("-bit words (tdlc's ").append(t.datatype())
        .append("), bandwidths in words/cycle.\n# tdlc's i32 partial sums are one word here.\n");
    b.append("architecture:\n  version: 0.3\n  subtree:\n    - name: system\n      local:\n");
    for (MemoryLevel l : t.levels()) {
      if (l.perPe()) continue;
      b.append("        - name: ").append(l.name()).append('\n');
      b.append("          class: ").append(l == t.dram() ? "DRAM" : "SRAM").append('\n');
      b.append("          attributes:\n");
      if (l != t.dram()) {
        b.append("            depth: ").append(l.sizeBytes() / t.datatype().bytes()).append('\n');
        b.append("            width: ").append(bits).append('\n');
      }
      b.append("            word-bits: ").append(bits).append("\n            block-size: 1\n");
      b.append(bandwidth(l, t.datatype().bytes(), "            "));
    }
    b.append("      subtree:\n        - name: PE[0..").append(t.peCount() - 1).append("]\n          local:\n");
    t.perPeLevels().forEach(l -> {
      b.append("            - name: ").append(l.name()).append("\n              class: regfile\n")
          .append("              attributes:\n                depth: ").append(l.sizeBytes() / t.datatype().bytes())
          .append("\n                width: ").append(bits).append("\n                word-bits: ").append(bits)
          .append("\n                block-size: 1\n                meshX: ").append(t.cols()).append('\n');
      b.append(bandwidth(l, t.datatype().bytes(), "                "));
    });
    b.append("            - name: mac\n              class: intmac\n              attributes:\n                datawidth: ")
        .append(bits).append("\n                meshX: ").append(t.cols()).append('\n');
    return b.toString();
  }

  /**
   * A level's bandwidth attributes in words a cycle: a port each way (`port split;`) is Timeloop's
   * read_bandwidth and write_bandwidth, which it limits apart; one port is its shared_bandwidth, which reads and
   * writes share, with the two directions' own limits beside it when they differ (Timeloop then slows by
   * the worst of the three, where tdlc adds each direction's cycles). Nothing for a level without a limit.
   */
  private static String bandwidth(MemoryLevel l, int wordBytes, String indent) {
    if (!l.bandwidthLimited()) return "";
    String read = indent + "read_bandwidth: " + Quantities.number(l.readBandwidth() / wordBytes) + "\n"
        + indent + "write_bandwidth: " + Quantities.number(l.writeBandwidth() / wordBytes) + "\n";
    if (!l.port().shared()) return read;
    return (l.symmetric() ? "" : read) + indent + "shared_bandwidth: "
        + Quantities.number(Math.max(l.readBandwidth(), l.writeBandwidth()) / wordBytes) + "\n";
  }

  /** ERT.yaml: every level's read, write and update energy per word, and the MAC's, from the target. */
  public static String energyTable(Target t) {
    int bytes = t.datatype().bytes();
    StringBuilder b = new StringBuilder("# Written by `tdlc export timeloop` from target ").append(t.name())
        .append(": energy per ").append(bytes * 8).append("-bit word = tdlc's pJ/B x ").append(bytes)
        .append(" (tdlc has one energy for a read and a write).\nERT:\n  version: 0.3\n  tables:\n");
    String pe = "system.PE[0.." + (t.peCount() - 1) + "]";
    for (MemoryLevel l : t.levels()) {
      String e = Quantities.number(l.energyPjPerByte() * bytes);
      b.append("  - name: ").append(l.perPe() ? pe : "system").append('.').append(l.name()).append("\n    actions:\n");
      for (String action : List.of("read", "write", "update")) {
        b.append("    - name: ").append(action).append("\n      arguments: null\n      energy: ").append(e).append('\n');
      }
      b.append("    - name: idle\n      arguments: null\n      energy: 0\n");
    }
    b.append("  - name: ").append(pe).append(".mac\n    actions:\n    - name: mac_random\n      arguments: null\n      energy: ")
        .append(Quantities.number(t.macEnergyPj())).append("\n    - name: mac_gated\n      arguments: null\n      energy: 0\n")
        .append("    - name: idle\n      arguments: null\n      energy: 0\n");
    return b.toString();
  }

  /** The layer's problem: Timeloop's CNN-layer shape with the layer's bounds. */
  public static String problem(Layer l) {
    StringBuilder b = new StringBuilder("# Layer ").append(l.name()).append(" (tdlc ").append(l.op())
        .append("), written by `tdlc export timeloop`. Timeloop has no padding: its Inputs are the window's extent,\n"
            + "# (P-1)*Wstride+R by (Q-1)*Hstride+S; the MACs (the product of the bounds) are tdlc's.\n");
    b.append("problem:\n  shape:\n    name: CNN-Layer\n    dimensions: [ C, M, R, S, N, P, Q ]\n    coefficients:\n"
        + "      - { name: Wstride, default: 1 }\n      - { name: Hstride, default: 1 }\n"
        + "      - { name: Wdilation, default: 1 }\n      - { name: Hdilation, default: 1 }\n"
        + "    data-spaces:\n      - name: Weights\n        projection: [ [[C]], [[M]], [[R]], [[S]] ]\n"
        + "      - name: Inputs\n        projection:\n          - [[N]]\n          - [[C]]\n"
        + "          - [[R, Wdilation], [P, Wstride]]\n          - [[S, Hdilation], [Q, Hstride]]\n"
        + "      - name: Outputs\n        projection: [ [[N]], [[M]], [[Q]], [[P]] ]\n        read-write: true\n");
    b.append("  instance:\n");
    for (String d : DIMS) b.append("    ").append(d).append(": ").append(bound(l, d)).append('\n');
    b.append("    Wstride: ").append(l.strideP()).append("\n    Hstride: ").append(l.strideQ())
        .append("\n    Wdilation: 1\n    Hdilation: 1\n");
    return b.toString();
  }

  public static long macs(Layer l) {
    long m = 1;
    for (String d : DIMS) m *= bound(l, d);
    return m;
  }

  /**
   * Per index of an array axis, the PEs Timeloop's spatial factor gives it. tdlc folds an axis ceil(product of
   * its indices' tiles / PEs) times (one index: ceil(tile / PEs)); Timeloop gives each index its own factor and
   * folds each alone, and honours a residual only on temporal loops (a spatial "Q16,8" still counts 16). So
   * each index's factor divides its tile and its last tile, their product is within the axis, and their folds
   * multiply to tdlc's count: the largest such; none is Unexportable.
   */
  static Map<String, Integer> spread(Layer l, Mapping m, List<String> on, int axis) {
    long folds = (m.axisExtent(on) + axis - 1) / axis;
    int[] best = null;
    long bestUse = 0;
    for (int[] f : factorings(l, m, on, axis, 0, new int[on.size()], 1)) {
      long n = 1, use = 1;
      for (int j = 0; j < f.length; j++) {
        n *= m.spatial(on.get(j)) / f[j];
        use *= f[j];
      }
      if (n == folds && use > bestUse) {
        best = f;
        bestUse = use;
      }
    }
    if (best == null) {
      throw new Unexportable("layer " + l.name() + ": the array axis of " + axis + " PEs holding "
          + String.join(", ", on) + " (tiles " + on.stream().map(d -> d + "=" + m.tileOf(d)).toList() + ") folds "
          + folds + " times, which no Timeloop spatial factors say (each must divide its index's tile and last tile); "
          + "pin tiles that divide the layer and the axis, or one index on the axis");
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int j = 0; j < on.size(); j++) out.put(on.get(j), best[j]);
    return out;
  }

  /** Every choice of a factor dividing each index's tile and last tile, their product at most {@code room}. */
  private static List<int[]> factorings(Layer l, Mapping m, List<String> on, int room, int j, int[] pick, int used) {
    List<int[]> out = new ArrayList<>();
    if (j == on.size()) {
      out.add(pick.clone());
      return out;
    }
    String d = on.get(j);
    int tile = m.tileOf(d), range = l.ranges().get(d), last = range - (ceilDiv(range, tile) - 1) * tile;
    if (m.spatial(d) < tile) {   // split (Mapping.spreads): the axis holds the spread, of every tile it divides
      last = last % m.spatial(d) == 0 ? m.spatial(d) : last;
      tile = m.spatial(d);
    }
    for (int f = 1; f <= Math.min(tile, room / used); f++) {
      if (tile % f != 0 || last % f != 0) continue;
      pick[j] = f;
      out.addAll(factorings(l, m, on, room, j + 1, pick, used * f));
    }
    return out;
  }

  /**
   * The layer's mapping: DRAM walks the global tiles in tdlc's order; the global buffer's temporal loops walk the
   * tile's folds and the spatial fanout spreads the rows index on Y and the cols index on X. A ragged last tile or
   * tile is Timeloop's residual on its temporal loop (`P4,2`: 4 iterations, 2 in the last); the spatial factors are
   * spread's, or the layer is Unexportable.
   */
  public static String mapping(Layer l, Target t) {
    Mapping m = l.mapping();
    Map<String, String> dram = new LinkedHashMap<>(), globalT = new LinkedHashMap<>(), spatial = new LinkedHashMap<>();
    Map<String, String> walked = new LinkedHashMap<>();   // what the PEs walk of a split index (Mapping.spreads)
    for (String d : DIMS) {
      String idx = l.indexOf().get(d);
      if (idx == null) { dram.put(d, "1"); globalT.put(d, "1"); spatial.put(d, "1"); continue; }
      int range = l.ranges().get(idx), tile = m.tileOf(idx);
      int trips = ceilDiv(range, tile), last = range - (trips - 1) * tile;
      List<String> on = m.rows().contains(idx) ? m.rows() : m.cols().contains(idx) ? m.cols() : List.of();
      int axis = on.isEmpty() ? 0 : on == m.rows() ? t.rows() : t.cols();
      dram.put(d, Integer.toString(trips));
      if (axis == 0) {
        globalT.put(d, factor(tile, last));
        spatial.put(d, "1");
      } else if (m.spatial(idx) < tile && last % m.spatial(idx) == 0) {
        // split: the PEs walk tile / spread in their innermost level, the axis spreads the rest in folds
        int spreadOf = m.spatial(idx), e = spread(l, m, on, axis).get(idx);
        walked.put(d, factor(tile / spreadOf, last / spreadOf));
        globalT.put(d, Integer.toString(spreadOf / e));
        spatial.put(d, Integer.toString(e));
      } else {
        int e = spread(l, m, on, axis).get(idx);  // divides the tile and the last tile
        int lastFolds = ceilDiv(last, e);
        globalT.put(d, factor(tile / e, lastFolds));
        spatial.put(d, factor(e, last - (lastFolds - 1) * e));
      }
    }
    // a pinned PE walk (Mapping.Pe): the parts each per-PE level keeps become its temporal loops, the rest the
    // global buffer's, in the walk's order
    PeLoops pe = peLoops(l, m, t, globalT, walked);
    String spatialTarget = sharedLevels(t).get(sharedLevels(t).size() - 1).name();
    StringBuilder b = new StringBuilder("# Layer ").append(l.name()).append(": tdlc's mapping (dataflow ")
        .append(m.dataflow()).append(", rows ").append(m.rows().isEmpty() ? "-" : m.rows()).append(", cols ")
        .append(m.cols().isEmpty() ? "-" : m.cols()).append(", global tile ").append(m.tileText())
        .append(m.spreads().isEmpty() ? "" : ", spatial " + m.spreads()).append(", order ")
        .append(String.join(" ", m.order())).append("),\n# written by `tdlc export timeloop`. Permutations are inner to outer."
            + " Timeloop dimension = tdlc index: ");
    List<String> names = new ArrayList<>();
    for (String d : DIMS) if (l.indexOf().containsKey(d)) names.add(d + "=" + l.indexOf().get(d));
    b.append(String.join(" ", names)).append('\n');
    if (pe != null) b.append("# The PEs' walk pinned: ").append(pe.note()).append('\n');
    b.append("mapping:\n");
    b.append(directive(t.dram().name(), "temporal", dram, permutation(l, m.order()), null));
    b.append(directive(t.global().name(), "temporal", globalT, pe == null ? permutation(l, m.order()) : pe.outer(), null));
    List<String> xFirst = new ArrayList<>();
    for (String c : m.cols()) if (dimOf(l, c) != null) xFirst.add(dimOf(l, c));
    int split = xFirst.size();
    for (String r : m.rows()) if (dimOf(l, r) != null) xFirst.add(dimOf(l, r));
    String perm = String.join("", xFirst) + DIMS.stream().filter(d -> !xFirst.contains(d)).reduce("", String::concat);
    b.append(directive(spatialTarget, "spatial", spatial, perm, split));
    for (MemoryLevel lv : t.levels()) {
      if (lv == t.dram() || lv == t.global()) continue;
      Map<String, String> ones = new LinkedHashMap<>();
      for (String d : DIMS) ones.put(d, "1");
      if (lv.perPe() && !walked.isEmpty()) {   // the innermost per-PE level listed first walks the split part
        ones.putAll(walked);
        walked.clear();
      }
      String order = String.join("", DIMS);
      if (pe != null && pe.factors().containsKey(lv.name())) {
        ones.putAll(pe.factors().get(lv.name()));
        order = pe.permutations().get(lv.name());
      }
      b.append(directive(lv.name(), "temporal", ones, order, null));
      int kept = lv.perPe() ? lv.holds() : 0;
      b.append("  - target: ").append(lv.name()).append("\n    type: datatype\n    keep: ")
          .append(ConvProblem.spaces(kept)).append("\n    bypass: ").append(ConvProblem.spaces(Operand.ALL & ~kept))
          .append('\n');
    }
    return b.toString();
  }

  /**
   * A pinned walk as Timeloop loops: per per-PE level its temporal factors and permutation (inner to outer),
   * the global buffer's permutation, and a note on what was written.
   */
  private record PeLoops(Map<String, Map<String, String>> factors, Map<String, String> permutations, String outer,
                         String note) {}

  /**
   * The loops of a pinned walk (Mapping.Pe with keeps) in Timeloop's levels, or null when the mapping pins none
   * or a kept index has a ragged last tile (Timeloop's residuals are the global buffer's here). Each index's
   * part the PEs walk (its tile, or a split index's walked part) is cut into the parts the levels keep
   * (ir.mapping.PeNest): a part some levels keep goes to the innermost of them in the architecture's order
   * (Timeloop's level keeps its own loops and those of every level inside it), the others stay in the global
   * buffer's loops, whose factors {@code globalT} and split parts {@code walked} this adjusts.
   */
  private static PeLoops peLoops(Layer l, Mapping m, Target t, Map<String, String> globalT, Map<String, String> walked) {
    Mapping.Pe pe = m.pe();
    if (pe.walk().isEmpty() || pe.keep().isEmpty()) return null;
    List<MemoryLevel> perPe = t.perPeLevels();
    List<String> idx = new ArrayList<>(), dims = new ArrayList<>();
    for (String d : DIMS) {
      if (l.indexOf().get(d) == null) continue;
      dims.add(d);
      idx.add(l.indexOf().get(d));
    }
    int n = idx.size(), walkedMask = 0;
    int[] extents = new int[n], walk = new int[n];
    for (int i = 0; i < n; i++) {
      String x = idx.get(i);
      int range = l.ranges().get(x), tile = m.tileOf(x), last = range - (ceilDiv(range, tile) - 1) * tile;
      boolean onAxis = m.rows().contains(x) || m.cols().contains(x);
      extents[i] = onAxis ? tile / m.spatial(x) : tile;
      if (extents[i] > 1 && last != tile && kept(pe, x)) return null;
      if (extents[i] > 1) walkedMask |= 1 << i;
    }
    List<String> order = new ArrayList<>(pe.walk());
    order.removeIf(x -> !idx.contains(x));
    for (String x : idx) if (!order.contains(x)) order.add(0, x);
    for (int i = 0; i < n; i++) walk[i] = idx.indexOf(order.get(i));
    int[][] keep = new int[perPe.size()][n], levelOrder = new int[perPe.size()][];
    for (int j = 0; j < perPe.size(); j++) {
      Map<String, Integer> parts = pe.keep().getOrDefault(perPe.get(j).name(), Map.of());
      for (int i = 0; i < n; i++) keep[j][i] = parts.getOrDefault(idx.get(i), 0);
      List<String> own = pe.orders().get(perPe.get(j).name());
      if (own != null) levelOrder[j] = PeNest.places(own, idx);
    }
    List<PeNest.Part> parts = PeNest.of(extents, walk, walkedMask, keep, levelOrder);
    Map<String, Map<String, String>> factors = new LinkedHashMap<>();
    Map<String, StringBuilder> inner = new LinkedHashMap<>();
    int[] outerPart = new int[n];
    java.util.Arrays.fill(outerPart, 1);
    StringBuilder outer = new StringBuilder();
    List<String> off = new ArrayList<>();
    for (PeNest.Part p : parts) {
      String d = dims.get(p.loop());
      if (p.levels() == 0) {
        outerPart[p.loop()] *= p.extent();
        if (p.extent() > 1 && outer.indexOf(d) < 0) outer.insert(0, d);
        continue;
      }
      int j = 31 - Integer.numberOfLeadingZeros(p.levels());
      if (Integer.bitCount(p.levels()) != j + 1) off.add(d + p.extent());
      String level = perPe.get(j).name();
      factors.computeIfAbsent(level, k -> new LinkedHashMap<>()).merge(d, Integer.toString(p.extent()),
          (a, c) -> Integer.toString(Integer.parseInt(a) * Integer.parseInt(c)));
      StringBuilder perm = inner.computeIfAbsent(level, k -> new StringBuilder());
      if (perm.indexOf(d) < 0) perm.insert(0, d);
    }
    // the parts no level keeps stay with the global buffer's loops: its factor over the PEs' walked part times them
    for (int i = 0; i < n; i++) {
      String d = dims.get(i), x = idx.get(i);
      if (extents[i] == 1) continue;
      boolean split = (m.rows().contains(x) || m.cols().contains(x)) && m.spatial(x) < m.tileOf(x);
      if (split) {
        walked.remove(d);
        globalT.put(d, Integer.toString(Integer.parseInt(globalT.get(d)) * outerPart[i]));
      } else if (kept(pe, x)) {   // on no axis: the global buffer walked all of its tile, now the part no level keeps
        globalT.put(d, Integer.toString(outerPart[i]));
      }
    }
    Map<String, String> permutations = new LinkedHashMap<>();
    inner.forEach((level, perm) -> permutations.put(level, complete(perm.toString())));
    StringBuilder kept = new StringBuilder();
    pe.keep().forEach((level, p) -> kept.append(kept.length() == 0 ? "" : ", ").append(level).append(" = ")
        .append(Mapping.Pe.text(p)));
    String note = "walk " + pe.walk() + ", keep { " + kept + " }" + (off.isEmpty() ? ""
        : "; the parts " + off + " are kept by levels that are not the outermost ones in Timeloop's order, which"
        + " Timeloop's nesting cannot say: each is written at the innermost level that keeps it");
    return new PeLoops(factors, permutations, complete(outer.toString()), note);
  }

  private static boolean kept(Mapping.Pe pe, String index) {
    for (Map<String, Integer> parts : pe.keep().values()) if (parts.containsKey(index)) return true;
    return false;
  }

  /** A permutation (inner to outer) with Timeloop's other dimensions outermost. */
  private static String complete(String innerToOuter) {
    StringBuilder b = new StringBuilder(innerToOuter);
    for (String d : DIMS) if (b.indexOf(d) < 0) b.append(d);
    return b.toString();
  }

  private static List<MemoryLevel> sharedLevels(Target t) {
    return t.levels().stream().filter(l -> !l.perPe()).toList();
  }

  private static String directive(String target, String type, Map<String, String> factors, String perm, Integer split) {
    StringBuilder f = new StringBuilder();
    factors.forEach((d, v) -> f.append(f.length() == 0 ? "" : " ").append(d).append(v));
    return "  - target: " + target + "\n    type: " + type + "\n    factors: " + f + "\n    permutation: " + perm + "\n"
        + (split == null ? "" : "    split: " + split + "\n");
  }

  /** Timeloop's inner-to-outer permutation of tdlc's outermost-first order (dimensions tdlc lacks go outermost). */
  private static String permutation(Layer l, List<String> order) {
    StringBuilder b = new StringBuilder();
    for (int i = order.size() - 1; i >= 0; i--) {
      String d = dimOf(l, order.get(i));
      if (d != null) b.append(d);
    }
    for (String d : DIMS) if (b.indexOf(d) < 0) b.append(d);
    return b.toString();
  }

  private static String dimOf(Layer l, String idx) {
    for (Map.Entry<String, String> e : l.indexOf().entrySet()) if (e.getValue().equals(idx)) return e.getKey();
    return null;
  }

  private static int bound(Layer l, String d) {
    String idx = l.indexOf().get(d);
    return idx == null ? 1 : l.ranges().get(idx);
  }

  private static String factor(int end, int residual) {
    return end == residual ? Integer.toString(end) : end + "," + residual;
  }

  private static int ceilDiv(int a, int b) { return (a + b - 1) / b; }
}
