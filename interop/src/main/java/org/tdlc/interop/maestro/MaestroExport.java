// `tdlc export maestro`: a compiled model's mapped layers as a MAESTRO mapping file, and its target as a MAESTRO
// HW file, that MAESTRO loads and runs unchanged. A tdlc mapping is a loop nest of two levels around the array:
// the global-buffer tile loops (in the mapping's order) with one index across the array's columns, then, within a
// tile, one index across its rows and the others in the order that keeps the dataflow's operand in the PEs.
// MAESTRO says the same with a Cluster: level 0 spreads the column index over C clusters and steps through the
// tiles (TemporalMap(tile, tile)); Cluster(R) puts R PEs in each; level 1 spreads the row index over them and steps
// one index at a time, innermost the indices the stationary operand does not depend on. MAESTRO has no padding,
// so a convolution's Y and X are its padded input's rows and columns that windows touch (the zeros become data to
// MAESTRO; the MACs do not change). MAESTRO counts the MACs of a strided chunk of several output rows wrongly, so
// along a strided axis a step is one output row, and a strided row index goes across clusters instead of PEs.
package org.tdlc.interop.maestro;

import java.util.ArrayList;
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
        .append(target.name()).append(" (").append(target.rows()).append(" x ").append(target.cols())
        .append(" PEs: Cluster(").append(target.rows()).append(") PEs per cluster, ").append(target.cols())
        .append(" clusters).\n// Each layer: level 0 steps through tdlc's global-buffer tiles in its loop order with the column"
            + " index across clusters;\n// level 1 puts the row index across a cluster's PEs. Convolutions: Y and X are the"
            + " padded input's rows and columns that windows touch.\n");
    m.append("Network ").append(network).append(" {\n");
    for (Layer l : layers) layer(m, l, target);
    m.append("}\n");
    return new Files(m.toString(), hardware(target, source));
  }

  private static String hardware(Target t, String source) {
    StringBuilder b = new StringBuilder("// Written by `tdlc export maestro` from target ").append(t.name()).append(" (")
        .append(source).append("); every element one byte, so bytes are MAESTRO's elements.\n");
    b.append("num_pes: ").append(t.peCount()).append('\n');
    t.local().ifPresent(l -> b.append("l1_size_cstr: ").append(l.sizeBytes()).append('\n'));
    b.append("l2_size_cstr: ").append(t.global().sizeBytes()).append('\n');
    if (t.global().bandwidthLimited()) b.append("noc_bw_cstr: ").append(whole(t.global())).append('\n');
    if (t.dram().bandwidthLimited()) b.append("offchip_bw_cstr: ").append(whole(t.dram())).append('\n');
    return b.toString();
  }

  private static long whole(MemoryLevel level) { return Math.max(1, (long) Math.floor(level.bandwidth())); }

  private static void layer(StringBuilder b, Layer l, Target t) {
    Mapping map = l.mapping();
    b.append("  // tdlc mapping: ").append(map.dataflow().toString().toLowerCase(Locale.ROOT)).append(", rows ")
        .append(map.rows().isEmpty() ? "-" : map.rows()).append(", columns ").append(map.cols().isEmpty() ? "-" : map.cols())
        .append(", tile ").append(map.tile()).append(", order ").append(map.order()).append('\n');
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
    List<String> dims = dims(l);
    String cols = maestro(l, only(map.cols())), rows = maestro(l, only(map.rows()));
    int clusterSize = t.rows();
    if (strided(l, rows) && !strided(l, cols)) {
      // MAESTRO miscounts a strided Y or X spread inside a cluster (it drops the stride within a chunk of
      // several output rows): spread it across clusters instead, the column index inside them; same PEs
      String swap = cols;
      cols = rows;
      rows = swap;
      clusterSize = t.cols();
      b.append("      // the strided row index goes across ").append(t.rows()).append(" clusters, the column index across the ")
          .append(t.cols()).append(" PEs of each\n");
    }
    // MAESTRO needs a SpatialMap at every level: an axis tdlc leaves unused gets one unit holding a whole chunk
    String idle = l.kind() == Kind.GEMM ? "M" : "N";
    String idleTdlc = idle.toLowerCase(Locale.ROOT);
    boolean idleTop = cols == null;
    if (idleTop) {
      cols = idle;
      b.append("      SpatialMap(").append(l.range(idleTdlc)).append(',').append(l.range(idleTdlc)).append(") ").append(idle)
          .append(";   // no index across the columns: one cluster works\n");
    }
    for (String tdlc : map.order()) {
      String d = maestro(l, tdlc);
      if (d == null || (d.equals(cols) && idleTop)) continue;
      if (d.equals(cols)) b.append("      ").append(spatial(l, d)).append(";\n");
      else b.append("      ").append(temporal(l, d, strided(l, d) ? 1 : tile(l, tdlc))).append(";\n");
    }
    b.append("      Cluster(").append(clusterSize).append(", P);\n");
    if (rows == null) {
      rows = idle;
      int chunk = idle.equals(cols) ? 1 : tile(l, idleTdlc);
      b.append("      SpatialMap(").append(chunk).append(',').append(chunk).append(") ").append(idle)
          .append(";   // no index across the rows: one PE per cluster works\n");
    } else {
      b.append("      ").append(spatial(l, rows)).append(";\n");
    }
    for (String d : inner(l, map, dims)) {
      if (!d.equals(rows)) b.append("      ").append(temporal(l, d, 1)).append(";\n");
    }
    b.append("    }\n  }\n");
  }

  /** MAESTRO's dimensions of the layer. */
  private static List<String> dims(Layer l) {
    return switch (l.kind()) {
      case GEMM -> List.of("M", "N", "K");
      case DSCONV -> List.of("N", "C", "Y", "X", "R", "S");
      case CONV -> List.of("N", "K", "C", "Y", "X", "R", "S");
    };
  }

  /**
   * The one index on an array axis ("" for none). A layer with several indices on one axis is not exported
   * (the caller checks Layer.exportable): MAESTRO would need a Cluster level per index.
   */
  private static String only(List<String> axis) {
    if (axis.size() > 1) throw new IllegalArgumentException("several indices on one array axis: " + axis);
    return axis.isEmpty() ? "" : axis.get(0);
  }

  /** Why this exporter cannot write a mapping, or null: it puts one index on each array axis. */
  public static String unexportable(Mapping map) {
    for (List<String> axis : List.of(map.rows(), map.cols())) {
      if (axis.size() > 1) {
        return "its mapping puts " + Mapping.axisText(axis) + " on one array axis, and this exporter writes one index "
            + "per axis (MAESTRO would need a Cluster level per index)";
      }
    }
    return null;
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
   * Level 1's temporal order: the indices the stationary operand depends on outside, the others inside, so the
   * operand stays in the PE while the inner ones step (ws: the weights; os: the outputs; is and rs: the inputs).
   */
  private static List<String> inner(Layer l, Mapping map, List<String> dims) {
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

  /** One index per unit; for Y and X, the input rows of one output row (MAESTRO applies the stride). */
  private static String spatial(Layer l, String d) {
    if (!d.equals("Y") && !d.equals("X")) return "SpatialMap(1,1) " + d;
    return "SpatialMap(Sz(" + (d.equals("Y") ? "R" : "S") + "),1) " + d;
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
