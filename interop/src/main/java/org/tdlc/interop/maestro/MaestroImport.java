// `tdlc import maestro MAPPING.m [HW.m]`: the network becomes one model (a conv2d, dwconv2d or matmul per layer,
// named as the layer, each with its own input as MAESTRO runs layers independently) and the HW file one target.
// Carried over: the shapes and strides (MAESTRO has no padding: Y and X are input sizes), each layer's dataflow
// and which dimensions its cluster levels spread over PEs as @map pins (rows, cols, dataflow: Spread says how),
// a level that gives each unit a chunk of several channels as a split index (@map's spatial, Spread.spatial),
// MAESTRO's whole-tensor L2 as a whole-layer tile, its PE count and the array's shape, NoC and off-chip bandwidth,
// L1/L2 sizes and its energy ratios, and, where they finish each output before the next, its loop order as the PEs'
// walk and its innermost level's chunks as what the per-PE level keeps. The rest of the directives (how many PEs
// each level gives its dimension, other chunk sizes, an order stepping a reduction outside an output) has no @map
// pin and is quoted beside each layer as comments.
package org.tdlc.interop.maestro;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tdlc.interop.SourceFile;
import org.tdlc.interop.TdlNames;
import org.tdlc.interop.WholeLayerBuffer;
import org.tdlc.machine.Energy;

public final class MaestroImport {
  /** The .tdl text and what it holds, for the command's report. */
  public record Result(String text, String target, String model, List<String> layers) {}

  private static final long MIB = 1 << 20;
  private static final long UNLIMITED_BYTES_PER_CYCLE = MIB;
  /** MAESTRO's energy per access in units of one MAC's energy (L1, L2); it has no DRAM energy. */
  private static final String L1_ENERGY = "1.68", L2_ENERGY = "18.61";
  /** The per-PE level's size when the HW file gives no l1_size_cstr (MAESTRO then checks none). */
  private static final int L1_DEFAULT = 64;

  private MaestroImport() {}

  public static Result run(String mappingPath, String hwPath) {
    SourceFile mapFile = SourceFile.read(mappingPath);
    SourceFile hwFile = hwPath == null ? null : SourceFile.read(hwPath);
    MaestroMapping mapping = MaestroMapping.read(mapFile);
    MaestroHardware hw = hwFile == null ? MaestroHardware.defaults() : MaestroHardware.read(hwFile);
    TdlNames names = new TdlNames();
    String model = names.fresh(mapping.network());
    String target = names.fresh(hwFile == null ? "maestro_defaults" : TdlNames.stem(hwFile.name()));
    StringBuilder b = new StringBuilder("// Imported by `tdlc import maestro` from ").append(mapFile.name())
        .append(hwFile == null ? " (no HW file: MAESTRO's command-line defaults)" : " and " + hwFile.name()).append(".\n\n");
    target(b, mapping, hw, target, footprint(mapping));
    List<String> layers = model(b, mapping, hw, model, names, mapFile);
    return new Result(b.toString(), target, model, layers);
  }

  /**
   * What a layer's directives spread over PEs, as a tdlc mapping says it: the dataflow, the indices on the rows
   * and on the columns (tdlc's names, in the op's order), and the PEs each axis has (the units of its levels
   * multiplied; 0 when the levels do not say). Each level between Cluster directives spreads the dimension of its
   * first SpatialMap, or the filter dimension of a pair Y and R (X and S), the way row-stationary mappings spread
   * R; a map whose chunk holds the whole dimension, or a dimension of size 1, spreads nothing. Reduction indices
   * go on the rows and output indices on the columns (rs when a level maps R or S, even of size 1; else ws when
   * the columns hold only indices the weights read, is when only ones the inputs read, rs otherwise); with no
   * reduction index spread and no R or S mapped, os: output
   * indices only the inputs read on the rows, the others on the columns. A level that spreads nothing counts
   * toward an axis that has no other level (the columns first). A depthwise layer's C is dwconv2d's channel
   * index k, which is no reduction: its spread goes on the columns (ws when no reduction index is spread).
   * Under that ws the rows hold only reduction indices, so the input-only indices a depthwise layer's levels
   * spread beside its channels cannot be pinned: they are in unpinned, out of rows (rowPes still counts them).
   * spatial: per index split between a level's units and each unit's time (split()), the units it spreads.
   * walk: every index in the order the directives step them (walk()), pinned under os, and under the other
   * dataflows where it finishes each output before the next (finishesOutputs()); else empty. keep: with a
   * walk, what each PE's L1 holds of each index (keep(): MAESTRO's innermost level's chunks), 0 for all of it.
   * notes: where the pin differs from the directives (a block of output rows that does not divide them).
   */
  record Spread(String dataflow, List<String> rows, List<String> cols, int rowPes, int colPes, List<String> unpinned,
                Map<String, Integer> spatial, List<String> walk, Map<String, Integer> keep, List<String> notes) {}

  static Spread spread(MaestroMapping.Layer l, int pes) { return spread(l, pes, true); }

  /**
   * As above; {@code wholeLayer}: the global buffer's tile is the whole layer (no l2_size_cstr, MAESTRO's L2
   * holding whole tensors), so an enclosing level's chunk of output rows or columns is the PEs' schedule and
   * is read back as a split (rowsSplit); with an L2 size tdlc's mapper chooses the tiles, and a chunk of
   * output rows or columns is a tile of them (as `tdlc export maestro` writes one), not read back.
   */
  static Spread spread(MaestroMapping.Layer l, int pes, boolean wholeLayer) {
    List<List<MaestroMapping.Directive>> levels = new ArrayList<>();
    levels.add(new ArrayList<>());
    List<Integer> units = new ArrayList<>();
    long clustered = 1;
    for (MaestroMapping.Directive d : l.dataflow()) {
      if (d.cluster()) {
        levels.add(new ArrayList<>());
        units.add(d.size());
        clustered *= d.size();
      } else {
        levels.get(levels.size() - 1).add(d);
      }
    }
    units.add(0, (int) Math.max(1, pes / clustered));   // MAESTRO's top level: the PEs left over
    Set<String> rows = new LinkedHashSet<>(), cols = new LinkedHashSet<>();
    List<String> spreadAt = new ArrayList<>();
    boolean reductions = false, rsFilter = false;
    for (List<MaestroMapping.Directive> level : levels) {
      String index = spreadIndex(l, level);
      spreadAt.add(index);
      if (index != null && reduced(l, index)) reductions = true;
      // a spatial map on R or S is row stationary even where the filter is 1 wide (a 1x1 layer of an RS mapping)
      if (!l.type().equals("GEMM") && level.stream().anyMatch(d -> d.spatial() && (d.dim().equals("R") || d.dim().equals("S")))) {
        rsFilter = true;
      }
    }
    reductions |= rsFilter;
    boolean gemm = l.type().equals("GEMM");
    long rowPes = 1, colPes = 1;
    boolean rowLevel = false, colLevel = false;
    List<Integer> idle = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      String index = spreadAt.get(i);
      if (index == null) {
        idle.add(i);
        continue;
      }
      boolean onRows = reductions ? reduced(l, index) : readByInputOnly(l, index);
      if (!rows.contains(index) && !cols.contains(index)) (onRows ? rows : cols).add(index);
      if (onRows) {
        rowPes *= units.get(i);
        rowLevel = true;
      } else {
        colPes *= units.get(i);
        colLevel = true;
      }
    }
    for (int i : idle) {
      if (!colLevel) {
        colPes *= units.get(i);
        colLevel = true;
      } else if (!rowLevel) {
        rowPes *= units.get(i);
        rowLevel = true;
      } else {
        rowPes = 0;   // a level that spreads nothing beside levels on both axes: the shape is not said
      }
    }
    String df;
    List<String> unpinned = List.of();
    if (l.type().equals("DSCONV") && !reductions && cols.contains("k")) {
      df = "ws";   // channels across the PEs, each holding its channel's filter (KC-P's depthwise form)
      unpinned = List.copyOf(rows);
      rows.clear();
    } else if (!reductions) {
      df = "os";
    } else if (rsFilter) {
      df = "rs";
    } else if (cols.stream().allMatch(d -> d.equals(gemm ? "n" : "k"))) {
      df = "ws";
    } else if (cols.stream().allMatch(d -> gemm ? d.equals("m") : !d.equals("k"))) {
      df = "is";
    } else {
      df = "rs";
    }
    List<String> order = indices(l);
    long all = units.stream().mapToLong(Integer::longValue).reduce(1, (x, y) -> x * y);
    Map<String, Integer> spatial = new java.util.TreeMap<>();
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      String index = spreadAt.get(i);
      if (index == null || (!rows.contains(index) && !cols.contains(index))
          || spreadAt.stream().filter(index::equals).count() > 1) continue;
      int split = split(l, levels, i, units.get(i), wholeLayer, notes);
      if (split > 0) spatial.put(index, split);
    }
    Set<String> onAxes = new LinkedHashSet<>(rows);
    onAxes.addAll(cols);
    List<String> walk = walk(l, onAxes);
    return new Spread(df, order.stream().filter(rows::contains).toList(), order.stream().filter(cols::contains).toList(),
        rowPes * colPes == all ? (int) rowPes : 0, (int) colPes, order.stream().filter(unpinned::contains).toList(),
        spatial, df.equals("os") || finishesOutputs(l, walk, onAxes, spatial.keySet()) ? walk : List.of(), keep(l),
        List.copyOf(notes));
  }

  /**
   * What a PE's L1 holds across its steps, by tdlc index: MAESTRO's innermost level (after its last Cluster, or
   * the only one) maps each dimension in chunks, and a PE's L1 holds one iteration's chunk; what the next
   * iteration shares with it (a window sliding by its offset) stays, the rest enters again. An index whose
   * chunk is 1 is not in the map (kept at 1), one taken whole is 0 (all of it). Y and X chunks are input rows
   * and columns: their output rows and columns, (chunk - R) / stride + 1. Spatial maps give each PE one unit.
   */
  static Map<String, Integer> keep(MaestroMapping.Layer l) {
    List<MaestroMapping.Directive> inner = new ArrayList<>();
    for (MaestroMapping.Directive d : l.dataflow()) {
      if (d.cluster()) inner.clear();
      else inner.add(d);
    }
    Map<String, Integer> keep = new java.util.TreeMap<>();
    for (MaestroMapping.Directive d : inner) {
      if (d.spatial()) continue;
      String index = tdlcIndex(l, d.dim());
      if (index == null || size(l, index) <= 1) continue;
      int chunk = outputs(l, d.dim(), Math.min(d.size(), extent(l, d.dim())));
      if (chunk >= size(l, index)) keep.put(index, 0);
      else if (chunk > 1) keep.put(index, chunk);
    }
    return keep;
  }

  /**
   * Whether the PEs, walking {@code walk}, finish each output before they step to the next: no reduction index
   * they walk (of extent above 1; an index the axes spread whole is not walked, a split one is) comes before an
   * output index they walk. Then the order moves only what MAESTRO's count moves; where a reduction index comes
   * first (RS stepping C outside its K chunks), tdlc's i32 partial sums would leave the PEs and come back at
   * every step of it, which MAESTRO's count of those mappings does not charge. Under os the PEs hold their
   * outputs for the fold whatever the order.
   */
  static boolean finishesOutputs(MaestroMapping.Layer l, List<String> walk, Set<String> onAxes, Set<String> split) {
    boolean depthwise = l.type().equals("DSCONV");   // dwconv2d's c has extent 1 (MAESTRO's C is its k)
    Set<String> reduction = l.type().equals("GEMM") ? Set.of("k") : Set.of("c", "r", "s");
    boolean reducing = false;
    for (String index : walk) {
      if (depthwise && index.equals("c") || size(l, index) <= 1 || onAxes.contains(index) && !split.contains(index)) {
        continue;
      }
      if (reduction.contains(index)) reducing = true;
      else if (reducing) return false;
    }
    return true;
  }

  /**
   * Where level {@code i} spreads chunks of several elements of one dimension (SpatialMap(s, s), s > 1, on a
   * dimension other than the input rows and columns and the filter's; a depthwise layer's C is dwconv2d's
   * channels k, whose spread MappingPlanner.inGroups takes as whole groups), the units its enclosing chunk
   * fills: each unit walks its s elements in time, as tdlc's split index does (`tdlc export maestro` writes a split so). That
   * count: the units, or the whole chunks of s the enclosing chunk (the dimension, at the top level) holds
   * when there are fewer, as long as the chunks fill the units a whole number of times; else 0. A level that
   * spreads output rows or columns one per unit is rowsSplit's, where the tile is the whole layer.
   */
  private static int split(MaestroMapping.Layer l, List<List<MaestroMapping.Directive>> levels, int i, int units,
                           boolean wholeLayer, List<String> notes) {
    MaestroMapping.Directive d = null;
    for (MaestroMapping.Directive e : levels.get(i)) if (e.spatial()) { d = e; break; }
    if (d != null && List.of("Y", "X", "Y'", "X'").contains(d.dim()) && d.offset() == 1) {
      return wholeLayer ? rowsSplit(l, levels, i, d, units, notes) : 0;
    }
    if (d == null || d.size() <= 1 || d.size() != d.offset() || List.of("Y", "X", "Y'", "X'", "R", "S").contains(d.dim())) {
      return 0;   // a chunk of a window's rows and columns per unit is not read back
    }
    int parent = extent(l, d.dim());   // the chunk of the nearest enclosing level that maps the dimension
    search:
    for (int j = i - 1; j >= 0; j--) {
      for (MaestroMapping.Directive e : levels.get(j)) {
        if (e.dim().equals(d.dim())) {
          parent = Math.min(e.size(), parent);
          break search;
        }
      }
    }
    // the level's units each take a chunk; more chunks than units come round again in time (a whole number of rounds)
    int chunks = parent % d.size() == 0 ? parent / d.size() : 0;
    int spread = Math.min(chunks, units);
    return spread > 1 && chunks % spread == 0 ? spread : 0;
  }

  /**
   * A level that spreads output rows or columns one per unit (offset 1) inside an enclosing level's temporal
   * chunk of them: the axis takes the chunk's outputs at a time, the units walking the rest in time. tdlc's
   * split divides the tile, so where the chunk's O outputs do not divide the layer's (MAESTRO's last block is
   * short: 14 columns in blocks of 8 and 6), the split is the smallest divisor of the outputs that takes them
   * in at most as many blocks, ceil(outputs / O) (7 and 7), said in {@code notes}; 0 when that is all of them or
   * more than the units.
   */
  private static int rowsSplit(MaestroMapping.Layer l, List<List<MaestroMapping.Directive>> levels, int i,
                               MaestroMapping.Directive d, int units, List<String> notes) {
    for (int j = i - 1; j >= 0; j--) {
      for (MaestroMapping.Directive e : levels.get(j)) {
        if (!e.dim().equals(d.dim()) || e.spatial()) continue;
        boolean rows = d.dim().startsWith("Y");
        int outputs = outputs(l, d.dim(), e.size()), all = rows ? l.outY() : l.outX();
        if (outputs <= 1 || outputs >= all) return 0;
        int blocks = (all + outputs - 1) / outputs, block = (all + blocks - 1) / blocks;
        while (all % block != 0) block++;
        if (block >= all || block > units) return 0;
        if (block != outputs) {
          notes.add("MAESTRO's blocks of " + outputs + " output " + (rows ? "rows (p)" : "columns (q)") + " do not divide its "
              + all + ": tdlc's split must divide the tile, so " + (rows ? "p" : "q") + " is split in " + all / block
              + " blocks of " + block + " (MAESTRO's " + blocks + ": " + (blocks - 1) + " of " + outputs + ", one of "
              + (all - (blocks - 1) * outputs) + ")");
        }
        return block;
      }
    }
    return 0;
  }

  /**
   * The outputs a chunk of {@code chunk} of dimension {@code dim} covers: of input rows Y or columns X, the
   * output rows or columns whose windows it holds, (chunk - R) / stride + 1 (0 when it holds no window); of any
   * other dimension, the chunk.
   */
  private static int outputs(MaestroMapping.Layer l, String dim, int chunk) {
    if (!dim.equals("Y") && !dim.equals("X")) return chunk;
    int filter = dim.equals("Y") ? l.dim("R") : l.dim("S"), stride = dim.equals("Y") ? l.strideY() : l.strideX();
    return chunk < filter ? 0 : (chunk - filter) / stride + 1;
  }

  /** tdlc's indices of the layer's op, in its order: matmul's m, n, k, or conv2d's and dwconv2d's. */
  private static List<String> indices(MaestroMapping.Layer l) {
    return l.type().equals("GEMM") ? List.of("m", "n", "k") : List.of("n", "k", "c", "p", "q", "r", "s");
  }

  /** The tdlc index a level spreads, or null. */
  private static String spreadIndex(MaestroMapping.Layer l, List<MaestroMapping.Directive> level) {
    List<MaestroMapping.Directive> maps = level.stream().filter(MaestroMapping.Directive::spatial).toList();
    if (maps.isEmpty()) return null;
    MaestroMapping.Directive d = maps.get(0);
    if (!l.type().equals("GEMM")) {
      for (MaestroMapping.Directive e : maps) {
        if (e.dim().equals("R") || e.dim().equals("S")) d = e;   // the filter dimension of a pair Y, R or X, S
      }
    }
    String index = tdlcIndex(l, d.dim());
    // a chunk holding the whole dimension, or an index of size 1, spreads nothing
    if (index == null || d.size() >= extent(l, d.dim()) || size(l, index) <= 1) return null;
    return index;
  }

  /** A tdlc index's size in the layer. */
  private static int size(MaestroMapping.Layer l, String index) {
    if (l.type().equals("GEMM")) return l.dim(index.toUpperCase(java.util.Locale.ROOT));
    return switch (index) {
      case "p" -> l.outY();
      case "q" -> l.outX();
      case "k" -> l.dim(l.type().equals("DSCONV") ? "C" : "K");
      default -> l.dim(index.toUpperCase(java.util.Locale.ROOT));
    };
  }

  /** A MAESTRO dimension's size in the layer (Y and X: input rows and columns). */
  private static int extent(MaestroMapping.Layer l, String dim) {
    return switch (dim) {
      case "Y" -> l.inY();
      case "X" -> l.inX();
      case "Y'" -> l.outY();
      case "X'" -> l.outX();
      default -> l.dim(dim);
    };
  }

  /** tdlc's index for a MAESTRO dimension (a depthwise layer's C is dwconv2d's channel index k; its K is none). */
  private static String tdlcIndex(MaestroMapping.Layer l, String dim) {
    if (l.type().equals("GEMM")) return dim.toLowerCase(java.util.Locale.ROOT);
    boolean depthwise = l.type().equals("DSCONV");
    return switch (dim) {
      case "Y", "Y'" -> "p";
      case "X", "X'" -> "q";
      case "K" -> depthwise ? null : "k";
      case "C" -> depthwise ? "k" : "c";
      default -> dim.toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static boolean reduced(MaestroMapping.Layer l, String index) {
    if (l.type().equals("DSCONV")) return List.of("r", "s").contains(index);   // a depthwise channel is not summed over
    return l.type().equals("GEMM") ? index.equals("k") : List.of("c", "r", "s").contains(index);
  }

  private static boolean readByInputOnly(MaestroMapping.Layer l, String index) {
    return l.type().equals("GEMM") ? index.equals("m") : List.of("n", "p", "q").contains(index);
  }

  /** The tdlc dataflow of a layer's directives (see Spread). */
  static String dataflow(MaestroMapping.Layer l, int pes) { return spread(l, pes).dataflow(); }

  /** The layer's bytes with every element one byte and i32 outputs: input, weight, output. */
  private static long bytes(MaestroMapping.Layer l) {
    long n = l.dim("N");
    return switch (l.type()) {
      case "GEMM" -> (long) l.dim("M") * l.dim("K") + (long) l.dim("K") * l.dim("N") + 4L * l.dim("M") * l.dim("N");
      case "DSCONV" -> n * l.dim("C") * l.inY() * l.inX() + (long) l.dim("C") * l.dim("R") * l.dim("S")
          + 4 * n * l.dim("C") * l.outY() * l.outX();
      default -> n * l.dim("C") * l.inY() * l.inX() + (long) l.dim("K") * l.dim("C") * l.dim("R") * l.dim("S")
          + 4 * n * l.dim("K") * l.outY() * l.outX();
    };
  }

  private static long footprint(MaestroMapping m) {
    return m.layers().stream().mapToLong(MaestroImport::bytes).max().orElse(0);
  }

  /**
   * The array: when every layer whose levels spread a dimension gives the same rows and columns (Spread), that
   * shape (what `tdlc export maestro` writes, or one axis of all the PEs when every level spreads onto it); else a uniform first Cluster(c) gives c rows (PEs per cluster) x the clusters;
   * else the squarest.
   */
  record Shape(int rows, int cols, String why) {}

  /** The PEs of the first Cluster level, when every layer has the same (0: none, or they differ). */
  static int clusterSize(MaestroMapping m) {
    Set<Integer> sizes = new LinkedHashSet<>();
    for (MaestroMapping.Layer l : m.layers()) {
      sizes.add(l.dataflow().stream().filter(MaestroMapping.Directive::cluster).findFirst()
          .map(MaestroMapping.Directive::size).orElse(0));
    }
    return sizes.size() == 1 ? sizes.iterator().next() : 0;
  }

  static Shape array(MaestroMapping m, int pes) {
    Set<List<Integer>> shapes = new LinkedHashSet<>();
    for (MaestroMapping.Layer l : m.layers()) {
      Spread s = spread(l, pes);
      if (!s.rows().isEmpty() || !s.cols().isEmpty()) shapes.add(List.of(s.rowPes(), s.colPes()));   // a layer spreading nothing fits any
    }
    if (shapes.size() == 1) {
      List<Integer> shape = shapes.iterator().next();
      if (shape.get(0) > 1 && shape.get(1) > 1 && shape.get(0) * shape.get(1) == pes) {
        return new Shape(shape.get(0), shape.get(1), "the PEs of the levels that spread reduction (or input-only) indices on the"
            + " rows, the others' on the columns");
      }
      // every level on one axis (X-P's output columns, YX-P's rows and columns of outputs, RS on 1x1 filters): that
      // axis has all the PEs, or a squarer array would leave most of them idle where MAESTRO fills them
      if (shape.get(0) * shape.get(1) == pes && shape.get(0) != shape.get(1)) {
        return new Shape(shape.get(0), shape.get(1), "every level that spreads a dimension on one axis, which has all the PEs");
      }
    }
    int c = clusterSize(m);
    if (c > 0 && c <= pes) return new Shape(c, pes / c, "PEs per cluster on the rows, clusters on the columns");
    int rows = (int) Math.floor(Math.sqrt(pes));
    while (pes % rows != 0) rows--;
    return new Shape(rows, pes / rows, "the squarest array of that many PEs");
  }

  private static void target(StringBuilder b, MaestroMapping m, MaestroHardware hw, String name, long footprint) {
    Shape shape = array(m, hw.numPes());
    int[] a = {shape.rows(), shape.cols()};
    Set<String> dataflows = new LinkedHashSet<>();
    m.layers().forEach(l -> dataflows.add(dataflow(l, hw.numPes())));
    b.append("// The hardware: ").append(hw.numPes()).append(" PEs of one MAC per cycle.");
    if (a[0] * a[1] != hw.numPes()) b.append(" MAESTRO's clusters use ").append(a[0] * a[1]).append(" of them.");
    b.append("\n// MAESTRO's PEs are a list cut into clusters by the mapping; here ").append(a[0]).append(" x ").append(a[1])
        .append(" (").append(shape.why()).append(").\n");
    b.append("// Every element is one byte (MAESTRO counts elements), so its bandwidths and sizes are in bytes here.\n");
    if (hw.nocBw().isPresent()) {
      b.append("// noc_bw_cstr ").append(hw.nocBw().getAsInt()).append(": MAESTRO applies it at every cluster level; tdlc has one\n")
          .append("// network, between the global buffer and the array: its bandwidth (multicast and spatial reduction, as MAESTRO),\n")
          .append("// which also carries each fold's stationary block into the PEs (loads_stationary), as MAESTRO's NoC does.\n");
    }
    int size = clusterSize(m);
    boolean walksPinned = m.layers().stream().allMatch(l -> !spread(l, hw.numPes(), hw.l2().isEmpty()).walk().isEmpty());
    String notDeclared = hw.nocBw().isEmpty() ? "no noc_bw_cstr gives their links a bandwidth"
        : !walksPinned ? "a layer's walk is tdlc's, not MAESTRO's, so its PEs would start a cluster at each of their own"
            + " iterations, not\n// at MAESTRO's"
        : size > a[0] ? "a cluster does not fit in a column of the array"
        : null;
    int cluster = notDeclared == null ? size : 0;
    if (cluster > 0) {
      b.append("// Cluster(").append(cluster).append("): clusters of ").append(cluster).append(" PEs of a column, each with a link of the\n")
          .append("// network's bandwidth, starting afresh at every step of the level above: each takes in all its PEs read in\n")
          .append("// one iteration, then computes it (cluster), as MAESTRO charges an inner level's Init case at every step.\n");
    } else if (size > 0) {
      b.append("// The layers' Cluster levels are not declared (").append(notDeclared).append(").\n");
    }
    b.append("// NoC_NumHops ").append(hw.hops()).append(": MAESTRO's latency per transfer, a transfer of v elements taking NoC_NumHops +\n")
        .append("// ceil(v / bandwidth) - 1 cycles; tdlc's network latency (").append(hw.hops() - 1)
        .append(" cycles) is that excess, paid once per mac.\n");
    String global = hw.l2().isPresent() ? hw.l2().getAsInt() + " B" : WholeLayerBuffer.mib(footprint, 0) + " MiB";
    if (hw.l2().isPresent()) {
      b.append("// l2_size_cstr and l1_size_cstr are only checked by MAESTRO; tdlc's mapping must fit them.\n");
    } else {
      b.append("// No l2_size_cstr: MAESTRO's L2 holds whole tensors; the global buffer holds the largest layer whole, double buffered.\n");
    }
    b.append(hw.offchipBw().isPresent()
        ? "// offchip_bw_cstr " + hw.offchipBw().getAsInt() + ": MAESTRO bounds each top-level step by it; here DRAM's bandwidth.\n"
        : "// No offchip_bw_cstr: DRAM unconstrained (a MiB per cycle, no latency).\n");
    b.append("// Energies are MAESTRO's, in units of one MAC's energy: L1 ").append(L1_ENERGY).append(", L2 ").append(L2_ENERGY)
        .append(" per access, no DRAM energy.\n");
    b.append("target ").append(name).append(" {\n");
    b.append("  pe_array ").append(a[0]).append(" x ").append(a[1]).append(";\n");
    b.append("  dataflows ").append(String.join(", ", dataflows)).append(";\n");
    b.append("  frequency 1000 MHz;\n  datatype i8 accumulate i32;\n");
    b.append("  memory dram   { bandwidth ").append(hw.offchipBw().isPresent() ? hw.offchipBw().getAsInt() : UNLIMITED_BYTES_PER_CYCLE)
        .append(" B/cycle; energy 0 pJ/B; latency 0 cycles; }\n");
    b.append("  memory global { size ").append(global).append("; energy ").append(L2_ENERGY).append(" pJ/B; double_buffer; }\n");
    b.append("  memory local  { size ").append(hw.l1().isPresent() ? hw.l1().getAsInt() : L1_DEFAULT).append(" B per pe; energy ")
        .append(L1_ENERGY).append(" pJ/B; }\n");
    if (hw.nocBw().isPresent() || hw.hops() > 1) {
      b.append("  network {");
      if (hw.nocBw().isPresent()) b.append(" bandwidth ").append(hw.nocBw().getAsInt()).append(" B/cycle;");
      b.append(" latency ").append(hw.hops() - 1).append(" cycles; multicast yes; reduction yes;")
          .append(hw.nocBw().isPresent() ? " loads_stationary yes;" : "")
          .append(cluster > 0 ? " cluster " + cluster + " PEs;" : "").append(" }\n");
    }
    b.append("  mac { energy 1 pJ; }\n}\n\n");
  }

  private static List<String> model(StringBuilder b, MaestroMapping m, MaestroHardware hw, String name, TdlNames names,
                                    SourceFile file) {
    b.append("// The network ").append(m.network()).append(" of ").append(file.name())
        .append(": one layer per MAESTRO layer, each with its own input, as MAESTRO costs them.\n");
    b.append("// MAESTRO has no padding: Y and X are the input's rows and columns, and the layers here have pad 0.\n");
    b.append("// Each layer's directives are quoted above it. Carried over: which dimensions the levels spread over PEs, as\n")
        .append("// @map rows and cols (each level spreads one dimension, R or S paired with Y or X counting as R or S; reduction\n")
        .append("// dimensions on the rows and output ones on the columns, or with none spread, os: Y, X and N on the rows, K on\n")
        .append("// the columns; a depthwise layer's C, dwconv2d's channels k, on the columns), and the dataflow they make (rs\n")
        .append("// when R or S is spread, ws when the columns hold only K or a depthwise layer's C, is when they hold no K, os\n")
        .append("// when no reduction dimension is spread)");
    b.append(hw.l2().isPresent() ? ".\n" : " and MAESTRO's whole-tensor L2\n// (@map tile = the whole layer).\n");
    b.append("// Not carried over: the number of PEs each level gives its dimension (tdlc flattens an axis' indices over\n")
        .append("// its PEs), the chunk sizes and offsets of each level (tdlc tiles only its global buffer; a level whose units\n")
        .append("// each walk a chunk of several channels is pinned as @map's spatial), and the loop order where it would\n")
        .append("// step a reduction dimension outside an output one. Elsewhere the order the directives step the dimensions in\n")
        .append("// is pinned as @map's walk (each at its outermost temporal map; dimensions taken whole at once innermost):\n")
        .append("// under os the PEs hold their outputs for the whole fold, as MAESTRO's output-stationary mappings do, and\n")
        .append("// under ws, is and rs the walk finishes each output before the next. A reduction dimension stepped outside\n")
        .append("// output chunks (RS's C outside its K chunks) would send tdlc's i32 partial sums out and back at every\n")
        .append("// step, which MAESTRO's count of those mappings does not charge, so that order is left to tdlc's rule.\n")
        .append("// With the walk, the per-PE level keeps what MAESTRO's L1 holds, one iteration of its innermost level\n")
        .append("// (@map's keep), where it fits; MAESTRO reuses data only between consecutive iterations.\n");
    b.append("model ").append(name).append(" {\n");
    List<String> layers = new ArrayList<>();
    int seed = 1;
    for (MaestroMapping.Layer l : m.layers()) {
      String layer = names.fresh(l.name());
      layers.add(layer);
      String x = names.fresh(layer + "_x"), w = names.fresh(layer + "_w");
      b.append('\n');
      if (!layer.equals(l.name())) b.append("  // layer '").append(l.name()).append("'\n");
      b.append("  // ").append(l.type()).append(' ').append(l.dims().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
          .collect(Collectors.joining(", ")));
      if (!l.type().equals("GEMM")) b.append(", stride ").append(l.strideY()).append('x').append(l.strideX())
          .append(" -> output ").append(l.outY()).append('x').append(l.outX());
      b.append('\n');
      if (l.inherited()) b.append("  // no Dataflow: the previous layer's, as MAESTRO takes it\n");
      StringBuilder level = new StringBuilder("  //  ");
      for (MaestroMapping.Directive d : l.dataflow()) {
        if (d.cluster()) {
          b.append(level).append('\n');
          level.setLength(0);
          level.append("  //  ").append(d.text()).append(';');
        } else {
          level.append(' ').append(d.text()).append(';');
        }
      }
      b.append(level).append('\n');
      Spread spread = spread(l, hw.numPes(), hw.l2().isEmpty());
      int n = l.dim("N");
      String tile;
      switch (l.type()) {
        case "GEMM" -> {
          b.append("  input ").append(x).append(" : i8[").append(l.dim("M")).append(", ").append(l.dim("K")).append("];\n");
          b.append("  weight ").append(w).append(" : i8[").append(l.dim("K")).append(", ").append(l.dim("N"))
              .append("] init random(seed = ").append(seed++).append(");\n");
          tile = "m = " + l.dim("M") + ", n = " + l.dim("N") + ", k = " + l.dim("K");
        }
        case "DSCONV" -> {
          if (l.dims().containsKey("K") && l.dim("K") != 1) {
            b.append("  // K ").append(l.dim("K")).append(" is ignored, as MAESTRO ignores it for a depthwise layer\n");
          }
          b.append("  input ").append(x).append(" : i8[").append(n).append(", ").append(l.dim("C")).append(", ")
              .append(l.inY()).append(", ").append(l.inX()).append("];\n");
          b.append("  weight ").append(w).append(" : i8[").append(l.dim("C")).append(", 1, ").append(l.dim("R")).append(", ")
              .append(l.dim("S")).append("] init random(seed = ").append(seed++).append(");\n");
          // dwconv2d's own indices: k is the channel (one group each), c the one input channel of a group
          tile = "n = " + n + ", k = " + l.dim("C") + ", c = 1, p = " + l.outY() + ", q = " + l.outX()
              + ", r = " + l.dim("R") + ", s = " + l.dim("S");
        }
        default -> {
          b.append("  input ").append(x).append(" : i8[").append(n).append(", ").append(l.dim("C")).append(", ")
              .append(l.inY()).append(", ").append(l.inX()).append("];\n");
          b.append("  weight ").append(w).append(" : i8[").append(l.dim("K")).append(", ").append(l.dim("C")).append(", ")
              .append(l.dim("R")).append(", ").append(l.dim("S")).append("] init random(seed = ").append(seed++).append(");\n");
          tile = "n = " + n + ", k = " + l.dim("K") + ", c = " + l.dim("C") + ", p = " + l.outY() + ", q = " + l.outX()
              + ", r = " + l.dim("R") + ", s = " + l.dim("S");
        }
      }
      pin(b, l, spread, hw.l2().isEmpty() ? tile : null, hw.l1().isPresent() ? hw.l1().getAsInt() : L1_DEFAULT);
      String stride = l.strideY() == l.strideX() ? Integer.toString(l.strideY()) : "[" + l.strideY() + ", " + l.strideX() + "]";
      b.append("  ").append(layer).append(" = ").append(switch (l.type()) {
        case "GEMM" -> "matmul(" + x + ", " + w + ")";
        case "DSCONV" -> "dwconv2d(" + x + ", " + w + ", stride = " + stride + ", pad = 0)";
        default -> "conv2d(" + x + ", " + w + ", stride = " + stride + ", pad = 0)";
      }).append(";\n");
    }
    b.append("\n  output ").append(String.join(", ", layers)).append(";\n}\n");
    return layers;
  }

  /**
   * The bytes a PE's L1 needs for what {@code keep} holds (keep()): the i8 inputs and weights over the kept
   * extents (a window's rows and columns from its output rows and filter taps) and the outputs, a partial sum
   * each (Energy.PSUM_BYTES). An upper
   * bound of what tdlc's keep counts (its distinct elements).
   */
  static long keepBytes(MaestroMapping.Layer l, Map<String, Integer> keep) {
    java.util.function.ToLongFunction<String> e = i -> keep.containsKey(i) ? (keep.get(i) == 0 ? size(l, i) : keep.get(i)) : 1;
    if (l.type().equals("GEMM")) {
      return e.applyAsLong("m") * e.applyAsLong("k") + e.applyAsLong("k") * e.applyAsLong("n")
          + Energy.PSUM_BYTES * e.applyAsLong("m") * e.applyAsLong("n");
    }
    long window = ((e.applyAsLong("p") - 1) * l.strideY() + e.applyAsLong("r"))
        * ((e.applyAsLong("q") - 1) * l.strideX() + e.applyAsLong("s"));
    long taps = e.applyAsLong("r") * e.applyAsLong("s"), outputs = Energy.PSUM_BYTES * e.applyAsLong("p") * e.applyAsLong("q");
    if (l.type().equals("DSCONV")) {   // dwconv2d: k is the channel, each with its own window and filter
      return e.applyAsLong("k") * (window + taps + outputs);
    }
    return e.applyAsLong("c") * window + e.applyAsLong("k") * e.applyAsLong("c") * taps + e.applyAsLong("k") * outputs;
  }

  /**
   * A layer's @map line (with the whole-layer tile unless null), after a note of what its levels spread unpinned;
   * the keep where it fits {@code l1Bytes}.
   */
  private static void pin(StringBuilder b, MaestroMapping.Layer l, Spread spread, String tile, long l1Bytes) {
    for (String note : spread.notes()) b.append("  // ").append(note).append('\n');
    if (!spread.unpinned().isEmpty()) {
      b.append("  // not pinned: the levels also spread ").append(String.join(", ", spread.unpinned()))
          .append(" beside the channels k, but ws puts only reduction indices on the rows\n");
    }
    b.append("  @map(dataflow = ").append(spread.dataflow()).append(", rows = [").append(String.join(", ", spread.rows()))
        .append("], cols = [").append(String.join(", ", spread.cols())).append("]");
    if (!spread.spatial().isEmpty()) {
      b.append(", spatial = { ").append(spread.spatial().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
          .collect(Collectors.joining(", "))).append(" }");
    }
    if (tile != null) b.append(", tile = { ").append(tile).append(" }");
    if (!spread.walk().isEmpty()) {
      b.append(", walk = [").append(String.join(", ", spread.walk())).append("]");
      // MAESTRO's L1 holds what its innermost level maps, where tdlc's per-PE level has room for it
      if (keepBytes(l, spread.keep()) <= l1Bytes) {
        b.append(", keep = { local = { ").append(spread.keep().entrySet().stream()
            .map(e -> e.getKey() + " = " + (e.getValue() == 0 ? "all" : e.getValue()))
            .collect(Collectors.joining(", "))).append(spread.keep().isEmpty() ? "} }" : " } }");
      }
    }
    b.append(")\n");
  }

  /**
   * The order the directives step the layer's indices in, outer to inner: each at its outermost temporal map
   * that steps it in chunks smaller than the dimension, in directive order (levels outer to inner); then the
   * indices no level spreads whose every map takes the whole dimension at once (TemporalMap(Sz(R),Sz(R)) R),
   * as each step holds all of them; then the rest (spread whole, or of size 1), whose place changes nothing.
   * Pinned as the PEs' walk where it finishes each output before the next (finishesOutputs; the model's note
   * says why).
   */
  static List<String> walk(MaestroMapping.Layer l, Set<String> spread) {
    Set<String> out = new LinkedHashSet<>(), whole = new LinkedHashSet<>();
    for (MaestroMapping.Directive d : l.dataflow()) {
      if (d.cluster() || d.spatial()) continue;
      String index = tdlcIndex(l, d.dim());
      if (index == null || size(l, index) <= 1) continue;
      if (d.size() < extent(l, d.dim())) out.add(index); else if (!spread.contains(index)) whole.add(index);
    }
    out.addAll(whole);
    out.addAll(indices(l));
    return new ArrayList<>(out);
  }
}
