// `tdlc export maestro`: a compiled model's mapped layers as a MAESTRO mapping file, and its target as a MAESTRO
// HW file, that MAESTRO loads and runs unchanged. A tdlc mapping is the global-buffer tile loops (in the mapping's
// order) around the array, whose two axes each hold any number of loop indices, flattened im2col-style. MAESTRO
// spreads one dimension per cluster level, so each index an axis spreads gets a level of its own (Plan: how many
// units each gets, and why that is the nearest MAESTRO can say), and the levels nest: level 0 steps through the
// tiles (TemporalMap(tile, tile)) and spreads one index over its clusters, every Cluster level below spreads one
// more, and the innermost steps through the rest one index at a time, the indices the stationary operand does not
// depend on innermost. MAESTRO's pitfalls shape it: at most three Cluster directives; R and S temporal maps whole;
// a filter dimension spread in pair with Y (X), as MAESTRO's own row-stationary mappings do, on the rows of one
// output row; a strided Y or X spread only at the top level and stepped one output row at a time elsewhere
// (MAESTRO miscounts the MACs otherwise); no chunk larger than its dimension. MAESTRO has no padding, so a
// convolution's Y and X are its padded input's rows and columns that windows touch (the zeros become data to
// MAESTRO; the MACs do not change).
package org.tdlc.interop.maestro;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.target.MemoryLevel;
import org.tdlc.ir.target.Target;

public final class MaestroExport {
  /** What kind of MAESTRO layer a tdlc op becomes. */
  public enum Kind { CONV, DSCONV, GEMM }

  /**
   * One mapped layer: its name, kind, index ranges by tdlc index (conv2d: n, k, c, p, q, r, s; depthwise: n, g,
   * k, c, p, q, r, s with g the channels; matmul: m, n, k), strides and padding, and its mapping.
   */
  public record Layer(String name, Kind kind, Map<String, Integer> ranges, int strideH, int strideW, int padH, int padW,
                      Mapping mapping) {
    int range(String dim) { return ranges.getOrDefault(dim, 1); }
  }

  /** The two files' text. */
  public record Files(String mapping, String hardware) {}

  private MaestroExport() {}

  public static Files write(String network, String source, List<Layer> layers, Target target) {
    StringBuilder m = new StringBuilder("// Written by `tdlc export maestro` from ").append(source).append(" for target ")
        .append(target.name()).append(" (").append(target.rows()).append(" x ").append(target.cols()).append(" PEs).\n")
        .append("// Each layer: level 0 steps through tdlc's global-buffer tiles in its loop order and spreads one index over"
            + " its clusters;\n// each Cluster level below spreads one more (`// levels:` names them, their units and array"
            + " axis; the units multiply\n// to the PEs); the innermost level steps the rest one index at a time. Convolutions:"
            + " Y and X are the padded input's\n// rows and columns that windows touch. `// differs from tdlc:` says where"
            + " MAESTRO's spatial maps cannot do what\n// tdlc's flattened array axes do.\n");
    m.append("Network ").append(network).append(" {\n");
    for (Layer l : layers) layer(m, l, target);
    m.append("}\n");
    return new Files(m.toString(), hardware(target, source));
  }

  private static String hardware(Target t, String source) {
    StringBuilder b = new StringBuilder("// Written by `tdlc export maestro` from target ").append(t.name()).append(" (")
        .append(source).append("); every element one byte, so bytes are MAESTRO's elements.\n");
    b.append("num_pes: ").append(t.peCount()).append('\n');
    if (t.perPeBytes() > 0) b.append("l1_size_cstr: ").append(t.perPeBytes()).append('\n');
    b.append("l2_size_cstr: ").append(t.global().sizeBytes()).append('\n');
    // MAESTRO's NoC carries what the array reads and writes: the target's network, or the global buffer's port,
    // the slower of the two when both are limited; its per-transfer latency is NoC_NumHops (1 = no more than the
    // transfer itself), the network's latency + 1
    double noc = Math.min(t.global().bandwidthLimited() ? t.global().bandwidth() : Double.MAX_VALUE,
        t.network().bandwidthLimited() ? t.network().bandwidth() : Double.MAX_VALUE);
    if (noc < Double.MAX_VALUE) b.append("noc_bw_cstr: ").append(Math.max(1, (long) Math.floor(noc))).append('\n');
    if (t.network().latency() > 0) b.append("NoC_NumHops: ").append(t.network().latency() + 1).append('\n');
    if (t.dram().bandwidthLimited()) b.append("offchip_bw_cstr: ").append(whole(t.dram())).append('\n');
    return b.toString();
  }

  private static long whole(MemoryLevel level) { return Math.max(1, (long) Math.floor(level.bandwidth())); }

  /**
   * One level of MAESTRO's cluster tree, top first: the tdlc index it spreads over its {@code units} sub-units
   * (null: an idle level, one unit of it working, for an array axis that spreads nothing) and the axis it is a
   * part of.
   */
  public record Level(String index, boolean rows, int units) {}

  /**
   * How a layer's array axes become MAESTRO's cluster levels: the levels, top first (their units multiply to the
   * PE count), and, where MAESTRO's per-dimension spatial maps cannot say what tdlc's flattened axes do, why.
   */
  public record Plan(List<Level> levels, List<String> differences) {
    public List<String> spread(boolean rows) {
      List<String> out = new ArrayList<>();
      for (Level v : levels) if (v.index() != null && v.rows() == rows) out.add(v.index());
      return out;
    }

    boolean spreads(String index) { return levels.stream().anyMatch(v -> index.equals(v.index())); }
  }

  /** MAESTRO builds four NoC levels: at most three Cluster directives, so four levels. */
  public static final int MAX_LEVELS = 4;

  /**
   * The cluster levels of a layer on a rows x cols array. Each axis' PEs are cut into one level per index it
   * spreads (the level's units a divisor of the axis' PEs, their product the axis' PEs), or one idle level when
   * it spreads none. Among the cuts that MAESTRO can run (at most four levels; a strided Y or X spread only by the
   * top level, where MAESTRO applies the stride; a filter dimension never at the top) it takes the one with the
   * fewest folds of the tile (the product over indices of ceil(tile / units)), then the one spreading the most
   * indices, then the most busy PEs, then the one giving the earlier indices of an axis the most units. The top
   * level is the strided index if one is spread, else the first column level that is not a filter dimension; then
   * the other column levels, then the rows' (so Y and X always sit above R and S).
   */
  public static Plan plan(Layer l, int peRows, int peCols) {
    List<String> rowIdx = placeable(l, l.mapping().rows()), colIdx = placeable(l, l.mapping().cols());
    List<int[]> rowCuts = cuts(rowIdx.size(), peRows), colCuts = cuts(colIdx.size(), peCols);
    List<Level> best = null;
    long[] bestScore = null;
    for (int[] cc : colCuts) {
      for (int[] rc : rowCuts) {
        List<Level> levels = levels(l, colIdx, cc, false, peCols);
        levels.addAll(levels(l, rowIdx, rc, true, peRows));
        levels = arrange(l, levels);
        if (levels == null) continue;
        long folds = 1, spread = 0, busy = 1;
        for (Level v : levels) {
          if (v.index() == null) continue;
          int e = l.mapping().spatial(v.index());   // a split index spreads its spread (Mapping.spreads)
          folds *= (e + v.units() - 1) / v.units();
          spread++;
          busy *= Math.min(e, v.units());
        }
        for (String d : rowIdx) if (levels.stream().noneMatch(v -> d.equals(v.index()))) folds *= l.mapping().spatial(d);
        for (String d : colIdx) if (levels.stream().noneMatch(v -> d.equals(v.index()))) folds *= l.mapping().spatial(d);
        long[] score = {folds, -spread, -busy};
        if (bestScore == null || Arrays.compare(score, bestScore) < 0) {
          best = levels;
          bestScore = score;
        }
      }
    }
    if (best == null) throw new IllegalStateException("no MAESTRO cluster tree for layer " + l.name());
    if (best.size() == 1) best = List.of(best.get(0), new Level(null, true, 1));   // MAESTRO needs a PE level
    List<String> why = new ArrayList<>();
    long mFolds = bestScore[0];
    long tFolds = folds(l.mapping().axisExtent(l.mapping().rows()), peRows)
        * folds(l.mapping().axisExtent(l.mapping().cols()), peCols);
    for (String d : concat(rowIdx, colIdx)) {
      if (best.stream().noneMatch(v -> d.equals(v.index())) && tile(l, d) > 1) {
        why.add(maestro(l, d) + " (" + d + ") is stepped in time, not spread" + (strided(l, maestro(l, d))
            ? " (MAESTRO spreads a strided Y or X correctly only across its top level, which "
                + (best.get(0).index() == null ? "another index holds" : best.get(0).index() + " holds") + ")" : ""));
      }
    }
    if (mFolds != tFolds) {
      why.add("tdlc's flattened axes fold the tile " + tFolds + " times (rows " + Mapping.axisText(l.mapping().rows())
          + ": " + l.mapping().axisExtent(l.mapping().rows()) + " positions over " + peRows + ", columns "
          + Mapping.axisText(l.mapping().cols()) + ": " + l.mapping().axisExtent(l.mapping().cols()) + " over " + peCols
          + "), MAESTRO's per-dimension spatial maps " + mFolds + " times");
    }
    return new Plan(best, why);
  }

  /** The indices of an axis MAESTRO can spread: those it has a dimension for, with a tile above 1. */
  private static List<String> placeable(Layer l, List<String> axis) {
    List<String> out = new ArrayList<>();
    for (String d : axis) if (maestro(l, d) != null && tile(l, d) > 1) out.add(d);
    return out;
  }

  /** Every way to give n indices units that are divisors of pes multiplying to pes (1: not spread); for n = 0
   *  the empty cut. An all-ones cut stands for an idle level of pes units. */
  private static List<int[]> cuts(int n, int pes) {
    List<int[]> out = new ArrayList<>();
    cut(new int[n], 0, pes, out);
    if (n > 0 && pes > 1) out.add(new int[n]);   // all 1 (filled below): every index in time, the axis idle
    for (int[] c : out) for (int i = 0; i < n; i++) if (c[i] == 0) c[i] = 1;
    return out;
  }

  private static void cut(int[] c, int i, int left, List<int[]> out) {
    if (i == c.length) {
      if (left == 1 || c.length == 0) out.add(c.clone());
      return;
    }
    for (int u = left; u >= 1; u--) {   // most units first: among equals, the earlier indices get the most
      if (left % u != 0) continue;
      c[i] = u;
      cut(c, i + 1, left / u, out);
    }
  }

  /** An axis' levels: one per index with more than one unit, or one idle level of all its PEs. */
  private static List<Level> levels(Layer l, List<String> idx, int[] cut, boolean rows, int pes) {
    List<Level> out = new ArrayList<>();
    for (int i = 0; i < idx.size(); i++) if (cut[i] > 1) out.add(new Level(idx.get(i), rows, cut[i]));
    if (out.isEmpty() && pes > 1) out.add(new Level(null, rows, pes));
    return out;
  }

  /** The levels in MAESTRO's order (see plan), or null when MAESTRO cannot run them. */
  private static List<Level> arrange(Layer l, List<Level> levels) {
    List<Level> strided = levels.stream().filter(v -> v.index() != null && strided(l, maestro(l, v.index()))).toList();
    if (strided.size() > 1) return null;
    List<Level> out = new ArrayList<>(levels);
    Level top = strided.isEmpty() ? null : strided.get(0);
    if (top == null) {
      for (Level v : levels) {
        if (!filter(l, v.index())) {
          top = v;
          break;
        }
      }
    }
    if (top == null) {
      top = new Level(null, false, 1);
      out.add(0, top);
    } else {
      out.remove(top);
      out.add(0, top);
    }
    return out.size() > MAX_LEVELS ? null : out;
  }

  /** Whether a tdlc index is a filter dimension (R or S) of a convolution. */
  private static boolean filter(Layer l, String tdlc) {
    String d = tdlc == null ? null : maestro(l, tdlc);
    return l.kind() != Kind.GEMM && ("R".equals(d) || "S".equals(d));
  }

  private static long folds(long extent, int pes) { return (extent + pes - 1) / pes; }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static void layer(StringBuilder b, Layer l, Target t) {
    Mapping map = l.mapping();
    b.append("  // tdlc mapping: ").append(map.dataflow().toString().toLowerCase(Locale.ROOT)).append(", rows ")
        .append(Mapping.axisText(map.rows())).append(", columns ").append(Mapping.axisText(map.cols()))
        .append(", tile ").append(map.tile()).append(map.spreads().isEmpty() ? "" : ", spatial " + map.spreads())
        .append(", order ").append(map.order()).append('\n');
    if (!map.pe().isRule()) {
      b.append("  // the PEs' walk pinned: ").append(map.pe().walk().isEmpty() ? "by rule" : map.pe().walk())
          .append(" (the innermost level's temporal order)")
          .append(map.pe().keep().isEmpty() ? "" : "; kept per per-PE level " + map.pe().keep())
          .append(map.pe().bypass().isEmpty() ? "" : "; bypassed " + map.pe().bypass())
          .append(map.pe().orders().isEmpty() ? "" : "; per-level orders " + map.pe().orders())
          .append(map.pe().keep().isEmpty() && map.pe().bypass().isEmpty() ? "" : ", which MAESTRO has no directive for")
          .append('\n');
    }
    Plan plan = plan(l, t.rows(), t.cols());
    b.append("  // levels:");
    for (Level v : plan.levels()) {
      b.append(' ').append(v.index() == null ? "idle" : maestro(l, v.index())).append(" over ").append(v.units())
          .append(v.rows() ? " (rows)" : " (columns)").append(';');
    }
    b.append('\n');
    for (String d : plan.differences()) b.append("  // differs from tdlc: ").append(d).append('\n');
    b.append("  Layer ").append(l.name()).append(" {\n");
    b.append("    Type: ").append(l.kind()).append('\n');
    if (l.kind() == Kind.GEMM) {
      b.append("    Dimensions { M: ").append(l.range("m")).append(", N: ").append(l.range("n")).append(", K: ")
          .append(l.range("k")).append(" }\n");
    } else {
      int y = (l.range("p") - 1) * l.strideH() + l.range("r"), x = (l.range("q") - 1) * l.strideW() + l.range("s");
      b.append("    Stride { X: ").append(l.strideW()).append(", Y: ").append(l.strideH()).append(" }\n");
      b.append("    Dimensions { N: ").append(l.range("n")).append(", K: ")
          .append(l.kind() == Kind.DSCONV ? 1 : l.range("k")).append(", C: ")
          .append(l.kind() == Kind.DSCONV ? l.range("g") : l.range("c")).append(", R: ").append(l.range("r"))
          .append(", S: ").append(l.range("s")).append(", Y: ").append(y).append(", X: ").append(x).append(" }\n");
    }
    b.append("    Dataflow {\n");
    for (String line : directives(l, plan)) b.append("      ").append(line).append('\n');
    b.append("    }\n  }\n");
  }

  /**
   * A layer's Dataflow block as MAESTRO parses it, one directive a line (some with a trailing comment): what
   * `export maestro` writes inside {@code Dataflow { }} and what `tdlc explain` prints, on a rows x cols array.
   */
  public static List<String> directives(Layer l, int peRows, int peCols) { return directives(l, plan(l, peRows, peCols)); }

  private static List<String> directives(Layer l, Plan plan) {
    Mapping map = l.mapping();
    List<String> out = new ArrayList<>();
    List<Level> levels = plan.levels();
    String idle = l.kind() == Kind.GEMM ? "M" : "N";
    String idleTdlc = idle.toLowerCase(Locale.ROOT);
    boolean pairR = l.kind() != Kind.GEMM && plan.spreads("r"), pairS = l.kind() != Kind.GEMM && plan.spreads("s");
    for (int i = 0; i < levels.size(); i++) {
      Level v = levels.get(i);
      if (i > 0) out.add("Cluster(" + v.units() + ", P);");
      String d = v.index() == null ? null : maestro(l, v.index());
      if (d == null) {
        // an idle level: one unit holds the whole chunk of N (M for a GEMM), the others have nothing to do
        int chunk = i == 0 ? l.range(idleTdlc) : spreadAbove(levels, i, idleTdlc) ? 1 : tile(l, idleTdlc);
        out.add("SpatialMap(" + chunk + ',' + chunk + ") " + idle + ";   // " + (v.rows() ? "rows" : "columns")
            + ": nothing spread, one " + (i == 0 ? "cluster" : "unit") + " works");
      } else {
        for (String s : spatial(l, d, walked(l, v.index()))) out.add(s + ";");
      }
      if (i == 0) {
        for (String tdlc : map.order()) {
          String m = maestro(l, tdlc);
          if (m == null || m.equals(d) || (d == null && m.equals(idle))) continue;
          int size = strided(l, m) || window(l, m, pairR, pairS, plan) ? 1 : tile(l, tdlc);
          out.add(temporal(l, m, size) + ";");
        }
      }
      if (i == levels.size() - 1) {
        for (String m : inner(l, map, dims(l))) {
          if (m.equals(d) || (pairR && (m.equals("Y") || m.equals("R"))) || (pairS && (m.equals("X") || m.equals("S")))) continue;
          out.add(temporal(l, m, 1) + ";");
        }
      }
    }
    return out;
  }

  /** Whether a level above level i spreads tdlc index d (so i receives one index of it). */
  private static boolean spreadAbove(List<Level> levels, int i, String d) {
    for (int j = 0; j < i; j++) if (d.equals(levels.get(j).index())) return true;
    return false;
  }

  /**
   * Whether the top level must hand Y (X) down one output row (column) at a time: R (S) is spread below and
   * pairs its units with Y's (X's) rows, which only works on the rows of one output row, and Y (X) is not
   * itself spread, which hands down one output row per unit anyway.
   */
  private static boolean window(Layer l, String m, boolean pairR, boolean pairS, Plan plan) {
    return m.equals("Y") && pairR && !plan.spreads("p") || m.equals("X") && pairS && !plan.spreads("q");
  }

  /** MAESTRO's dimensions of the layer. */
  private static List<String> dims(Layer l) {
    return switch (l.kind()) {
      case GEMM -> List.of("M", "N", "K");
      case DSCONV -> List.of("N", "C", "Y", "X", "R", "S");
      case CONV -> List.of("N", "K", "C", "Y", "X", "R", "S");
    };
  }

  /** The MAESTRO dimension of a tdlc index, or null for one MAESTRO does not have (a depthwise layer's k and c). */
  private static String maestro(Layer l, String tdlc) {
    if (tdlc.isEmpty()) return null;
    if (l.kind() == Kind.GEMM) return tdlc.toUpperCase(Locale.ROOT);
    return switch (tdlc) {
      case "p" -> "Y";
      case "q" -> "X";
      case "g" -> l.kind() == Kind.DSCONV ? "C" : null;
      case "k", "c" -> l.kind() == Kind.DSCONV ? null : tdlc.toUpperCase(Locale.ROOT);
      default -> tdlc.toUpperCase(Locale.ROOT);
    };
  }

  private static int tile(Layer l, String tdlc) { return l.mapping().tile().getOrDefault(tdlc, l.range(tdlc)); }

  /**
   * What each unit of a level spreading {@code tdlc} walks of it in time: 1, or, for an index the mapping splits
   * (Mapping.spreads: the axis spreads part of its tile), the rest of the tile, which the innermost level's
   * TemporalMap(1,1) steps through while the unit keeps its partial sums.
   */
  private static int walked(Layer l, String tdlc) {
    String d = maestro(l, tdlc);
    boolean window = l.kind() != Kind.GEMM && List.of("Y", "X", "R", "S").contains(d);
    return window ? 1 : tile(l, tdlc) / l.mapping().spatial(tdlc);
  }

  /**
   * Level 1's temporal order: a pinned walk's (Mapping.Pe: the order the PEs walk their loops, the dimensions it
   * does not name outside); else the indices the stationary operand depends on outside, the others inside, so
   * the operand stays in the PE while the inner ones step (ws: the weights; os: the outputs; is and rs: the
   * inputs).
   */
  private static List<String> inner(Layer l, Mapping map, List<String> dims) {
    if (!map.pe().walk().isEmpty()) {
      List<String> walk = new ArrayList<>();
      for (String tdlc : map.pe().walk()) {
        String m = maestro(l, tdlc);
        if (m != null && dims.contains(m) && !walk.contains(m)) walk.add(m);
      }
      List<String> out = new ArrayList<>();
      for (String d : dims) if (!walk.contains(d)) out.add(d);
      out.addAll(walk);
      return out;
    }
    List<String> moving = switch (map.dataflow().toString().toLowerCase(Locale.ROOT)) {
      case "ws" -> l.kind() == Kind.GEMM ? List.of("M") : List.of("N", "Y", "X");
      case "os" -> l.kind() == Kind.GEMM ? List.of("K") : List.of("C", "R", "S");
      case "is" -> l.kind() == Kind.GEMM ? List.of("N") : List.of("K");
      default -> l.kind() == Kind.GEMM ? List.of("N") : List.of("K", "S");
    };
    List<String> out = new ArrayList<>();
    for (String d : dims) if (!moving.contains(d)) out.add(d);
    for (String d : dims) if (moving.contains(d)) out.add(d);
    return out;
  }

  /** Whether {@code d} is Y or X of a layer strided along it. */
  private static boolean strided(Layer l, String d) {
    return "Y".equals(d) && l.strideH() > 1 || "X".equals(d) && l.strideW() > 1;
  }

  /**
   * One index per unit ({@code walked} of it for a split index); for Y and X, the input rows of one output row
   * (MAESTRO applies the stride); R (S) paired with Y (X), unit i taking filter row i and input row i of the one
   * output row handed down, as MAESTRO's own row-stationary mappings spread a filter dimension.
   */
  private static List<String> spatial(Layer l, String d, int walked) {
    if (l.kind() != Kind.GEMM && d.equals("R")) return List.of("SpatialMap(1,1) Y", "SpatialMap(1,1) R");
    if (l.kind() != Kind.GEMM && d.equals("S")) return List.of("SpatialMap(1,1) X", "SpatialMap(1,1) S");
    if (!d.equals("Y") && !d.equals("X")) return List.of("SpatialMap(" + walked + "," + walked + ") " + d);
    return List.of("SpatialMap(Sz(" + (d.equals("Y") ? "R" : "S") + "),1) " + d);
  }

  /**
   * {@code size} indices of {@code d} per step. R and S are always whole (MAESTRO requires it). Y and X are written
   * input-centric, the input rows of {@code size} output rows; along a strided axis only one output row per step
   * (MAESTRO applies the stride to a window of Sz(R) rows, and miscounts a chunk of several).
   */
  private static String temporal(Layer l, String d, int size) {
    return switch (d) {
      case "R", "S" -> "TemporalMap(Sz(" + d + "),Sz(" + d + ")) " + d;
      case "Y", "X" -> {
        String window = d.equals("Y") ? "R" : "S";
        int outputs = Math.min(size, l.range(d.equals("Y") ? "p" : "q"));
        yield outputs == 1 || strided(l, d) ? "TemporalMap(Sz(" + window + "),1) " + d
            : "TemporalMap(" + (outputs - 1 + l.range(window.toLowerCase(Locale.ROOT))) + "," + outputs + ") " + d;
      }
      default -> "TemporalMap(" + size + "," + size + ") " + d;
    };
  }
}
