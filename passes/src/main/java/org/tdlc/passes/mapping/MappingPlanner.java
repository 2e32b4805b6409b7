// Decides the mapping of one op for the mapping passes: builds its loop space and the space of mappings
// on the target, narrows it by the op's @map pin (reporting a dataflow the target lacks or a tile that
// cannot fit, at the op) and by what earlier mapping passes fixed, then searches what is left.
package org.tdlc.passes.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.mapping.MapPin;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.Target;
import org.tdlc.machine.PeWalk;

public final class MappingPlanner {
  /** Which decisions a pass takes; the others come from the op's mapping so far, or defaults. */
  public enum Decide { DATAFLOW, TILE, ORDER, ALL }

  /** Search options: what it minimizes, seed, restarts and evaluation budget. */
  public record Options(Objective objective, long seed, int starts, long budget) {
    public static final Options DEFAULT = new Options(Objective.EDP, 1, 4, 200_000);
  }

  /** A decided mapping with the search that found it. */
  public record Planned(Mapping mapping, MappingSearch.Result search, CostModel model) {}

  private MappingPlanner() {}

  /** The op's mapping, or empty for ops that are not mapped or after reporting an error to diags. */
  public static Optional<Planned> plan(Operation op, String layer, Target target, Decide decide, Options opts,
                                       DiagnosticEngine diags, java.util.function.Consumer<String> progress) {
    Optional<LoopSpace> ls = LoopSpace.of(op);
    if (ls.isEmpty()) return Optional.empty();
    LoopSpace s = ls.get();
    CostModel model = model(op, s, target);
    MappingSpace space = MappingSpace.full(s, target);
    DictAttr pin = op.attributes().get("pin").map(a -> (DictAttr) a).orElse(DictAttr.EMPTY);
    if (!pin.isEmpty() && !s.dims().equals(org.tdlc.ir.ops.IterationSpace.of(op).orElseThrow().dims())) {
      pin = inGroups(pin, op, diags);
      if (pin == null) return Optional.empty();
    }
    Mapping.Pe pe = MapPin.pe(pin, s.dims());
    if (!pe.isRule()) {
      try {
        model = model.withPe(PeWalk.of(model.machine(), s.dims(), pe));
      } catch (IllegalArgumentException e) {
        diags.error(op.location(), "@map: " + e.getMessage());
        return Optional.empty();
      }
    }
    space = pinned(space, pin, op, target, model, diags);
    if (space == null) return Optional.empty();
    if (!keepFits(space, model, op, diags)) return Optional.empty();
    Mapping before = Mapping.of(op).orElse(null);
    if (decide != Decide.ALL) space = fixOthers(space, decide, before, model, opts);
    MappingSearch search = new MappingSearch(model, space, opts.objective())
        .onProgress(line -> progress.accept(layer + ": " + line));
    MappingSearch.Result r = decide == Decide.ALL || decide == Decide.TILE
        ? search.search(opts.seed(), opts.starts(), opts.budget()) : search.exhaustive();
    if (r.best() == null) {
      long need = model.footprint(smallest(space), 1, 1);
      diags.error(op.location(), layer + ": no mapping fits the " + target.global().name() + " buffer ("
          + target.global().sizeBytes() + " bytes); the smallest tile allowed needs " + need + " bytes");
      return Optional.empty();
    }
    r = finalists(r, model, opts.objective());
    return Optional.of(new Planned(toMapping(s, r.best(), pe), r, model));
  }

  /**
   * Whether what the pin keeps in each per-PE level fits it at the space's smallest tiles (kept bytes only
   * grow with the tile: CostModel.keepOverflow); if not, reports at the op the level, what it needs and holds.
   */
  private static boolean keepFits(MappingSpace space, CostModel model, Operation op, DiagnosticEngine diags) {
    long[] over = model.keepOverflow(smallest(space));
    if (over == null) return true;
    var level = model.machine().levels().get((int) over[0]);
    diags.error(op.location(), "@map: keep " + level.name() + " needs " + over[1] + " bytes per PE (its operands over "
        + "the kept indices' whole tiles, the smallest the pin allows), and " + level.name() + " keeps "
        + level.keepBytes() + (level.doubleBuffer() ? " (half of its " + level.sizeBytes() + ", double-buffered)" : "")
        + ": keep fewer indices there, or pin smaller tiles");
    return false;
  }

  /**
   * The machine model's walk and keeps on a full tile of {@code op}'s mapping {@code m} on {@code target}
   * (CostModel.ruleWalk), for explain and the report to print where m pins no walk.
   */
  public static Mapping.Pe ruleWalk(Operation op, Target target, Mapping m) {
    LoopSpace s = LoopSpace.of(op).orElseThrow();
    int[] tile = s.dims().stream().mapToInt(m::tileOf).toArray();
    int[] spread = s.dims().stream().mapToInt(d -> m.spreads().getOrDefault(d, 0)).toArray();
    return model(op, s, target, m).ruleWalk(m.dataflow(), MappingSpace.mask(s, m.rows()), MappingSpace.mask(s, m.cols()),
        tile, spread);
  }

  /** What one MAC step moves on a full tile under mapping {@code m} (CostModel.stepTraffic). */
  public static org.tdlc.machine.ArrayTraffic.Counts stepTraffic(Operation op, Target target, Mapping m) {
    LoopSpace s = LoopSpace.of(op).orElseThrow();
    int[] tile = s.dims().stream().mapToInt(m::tileOf).toArray();
    int[] spread = s.dims().stream().mapToInt(d -> m.spreads().getOrDefault(d, 0)).toArray();
    return model(op, s, target, m).stepTraffic(m.dataflow(), MappingSpace.mask(s, m.rows()),
        MappingSpace.mask(s, m.cols()), tile, spread);
  }

  /** The op's cost model under mapping {@code m}: model(op, s, target), the PEs walking and keeping as m's pe. */
  static CostModel model(Operation op, LoopSpace s, Target target, Mapping m) {
    CostModel model = model(op, s, target);
    return m.pe().isRule() ? model : model.withPe(PeWalk.of(model.machine(), s.dims(), m.pe()));
  }

  /**
   * The op's cost model, knowing which inputs are weights stored compressed (their type's format, as
   * select-formats set it) and at what density (weightDensities).
   */
  static CostModel model(Operation op, LoopSpace s, Target target) {
    org.tdlc.ir.type.StorageFormat[] formats = new org.tdlc.ir.type.StorageFormat[2];
    for (int i = 0; i < 2 && i < op.operands().size(); i++) {
      if (isWeight(op.operand(i))) formats[i] = op.operand(i).type().format();
    }
    return new CostModel(s, target, formats, weightDensities(op));
  }

  /** Per MAC operand (the first two), its density: a weight's measured one (format_choice), else its declared one, else 1. */
  private static double[] weightDensities(Operation op) {
    double[] densities = {1, 1};
    for (int i = 0; i < 2 && i < op.operands().size(); i++) {
      if (!isWeight(op.operand(i))) continue;
      Operation def = op.operand(i).definingOp();
      DictAttr choice = def.attributes().get("format_choice").map(a -> (DictAttr) a).orElse(DictAttr.EMPTY);
      if (choice.has("density")) densities[i] = choice.getFloat("density");
      else if (def.attributes().has("density")) densities[i] = def.attributes().getFloat("density");
    }
    return densities;
  }

  private static boolean isWeight(org.tdlc.ir.Value v) {
    return v.definingOp() != null && v.definingOp().is(org.tdlc.ir.ops.Ops.WEIGHT);
  }

  /**
   * All that plan's result depends on besides the target, the decisions and the options: the op's kind,
   * attributes (pins, epilogue, a mapping so far), operand and result types (formats included) and its
   * weights' densities. Ops with equal keys get the same plan (the layer name only labels messages), so a
   * pass plans each distinct layer once.
   */
  public record Key(String op, DictAttr attributes, List<org.tdlc.ir.type.TensorType> types, List<Double> densities) {
    public static Key of(Operation op) {
      List<org.tdlc.ir.type.TensorType> types = new ArrayList<>();
      op.operands().forEach(v -> types.add(v.type()));
      op.results().forEach(v -> types.add(v.type()));
      return new Key(op.name(), op.attributes(), types,
          java.util.Arrays.stream(weightDensities(op)).boxed().toList());
    }
  }

  /**
   * The search's best and runners-up re-scored with the exact schedule's cycles (TileTimeline) and
   * re-ranked: the closed form ranks the space fast, the exact walk, too slow for that, picks among its
   * finalists by the objective's order (Objective.order: its score, then its tie-breaks; stable, so full ties
   * keep the search's order). Energy does not depend on cycles.
   */
  static MappingSearch.Result finalists(MappingSearch.Result r, CostModel model, Objective objective) {
    List<MappingSearch.Point> all = new ArrayList<>();
    all.add(r.best());
    all.addAll(r.runnersUp());
    List<MappingSearch.Point> exact = new ArrayList<>();
    for (MappingSearch.Point p : all) {
      Cost c = model.evaluateExact(p.dataflow(), p.rows(), p.cols(), p.tile(), p.order(), p.spread());
      exact.add(new MappingSearch.Point(p.dataflow(), p.rows(), p.cols(), p.split(), p.tile(), p.spread(), p.order(), c,
          c.score(objective)));
    }
    exact.sort(java.util.Comparator.comparing(MappingSearch.Point::cost, objective.costs()));
    return new MappingSearch.Result(exact.get(0), List.copyOf(exact.subList(1, exact.size())), r.visited(),
        r.valid(), r.checks(), r.nanos());
  }

  /** A point of the search as a Mapping, with index names. */
  public static Mapping toMapping(LoopSpace s, MappingSearch.Point p) { return toMapping(s, p, Mapping.Pe.RULE); }

  /** As above, with the PEs' part the op's pin states. */
  public static Mapping toMapping(LoopSpace s, MappingSearch.Point p, Mapping.Pe pe) {
    Map<String, Integer> tile = new LinkedHashMap<>();
    for (int d = 0; d < s.dims().size(); d++) tile.put(s.dims().get(d), p.tile()[d]);
    List<String> order = new ArrayList<>();
    for (int d : p.order()) order.add(s.dims().get(d));
    Map<String, Integer> spreads = new LinkedHashMap<>();
    if (p.spread() != null) {
      for (int d = 0; d < s.dims().size(); d++) if (p.spread()[d] > 0) spreads.put(s.dims().get(d), p.spread()[d]);
    }
    return new Mapping(p.dataflow(), names(s, p.rows()), names(s, p.cols()), tile, order, spreads, pe);
  }

  /** The names of the indices in a mask, in index order. */
  static List<String> names(LoopSpace s, int mask) {
    List<String> out = new ArrayList<>();
    for (int d = 0; d < s.dims().size(); d++) if ((mask >> d & 1) != 0) out.add(s.dims().get(d));
    return out;
  }

  private static MappingSpace pinned(MappingSpace space, DictAttr pin, Operation op, Target target, CostModel model,
                                     DiagnosticEngine diags) {
    LoopSpace s = space.space();
    if (pin.has("dataflow")) {
      String want = pin.getString("dataflow");
      Optional<Dataflow> df = Dataflow.parse(want);
      if (df.isEmpty() || !target.supports(df.get())) {
        diags.error(op.location(), "@map: target " + target.name() + " has no dataflow " + want + " (it runs "
            + String.join(", ", target.dataflows().stream().map(Dataflow::keyword).toList()) + ")");
        return null;
      }
      space = space.withDataflows(List.of(df.get()));
    }
    if (pin.has("tile")) {
      DictAttr t = (DictAttr) pin.get("tile").orElseThrow();
      for (Map.Entry<String, Attribute> e : t.entries().entrySet()) {
        space = space.withTile(s.index(e.getKey()), (int) ((Attribute.IntAttr) e.getValue()).value());
      }
      long need = model.footprint(smallest(space), 1, 1);
      if (need > target.global().sizeBytes()) {
        diags.error(op.location(), "@map: the pinned tile " + t + " needs " + need + " bytes of the "
            + target.global().name() + " buffer, which holds " + target.global().sizeBytes() + " bytes");
        return null;
      }
    }
    if (pin.has("order")) space = space.withOrder(order(s, pin.getStrings("order")));
    if (pin.has("rows") || pin.has("cols")) {
      Integer rows = pin.has("rows") ? MappingSpace.mask(s, pin.getStrings("rows")) : null;
      Integer cols = pin.has("cols") ? MappingSpace.mask(s, pin.getStrings("cols")) : null;
      MappingSpace fitting = space.withAxes(rows, cols);
      if (fitting.arrangements().isEmpty()) {
        List<String> why = new ArrayList<>();
        for (Dataflow df : space.dataflows()) {
          MappingSpace.axesProblem(s, df, rows == null ? 0 : rows, cols == null ? 0 : cols).ifPresent(why::add);
        }
        diags.error(op.location(), "@map: the pinned axes fit " + (pin.has("dataflow") ? "not the pinned dataflow"
            : "no dataflow of target " + target.name()) + ": " + String.join("; ", why));
        return null;
      }
      space = fitting;   // whole tiles on the pinned axes, unless the pin's spatial splits them (below)
    }
    if (pin.has("spatial")) {
      DictAttr sp = (DictAttr) pin.get("spatial").orElseThrow();
      int[] pinned = new int[s.dims().size()];
      for (Map.Entry<String, Attribute> e : sp.entries().entrySet()) {
        int d = s.index(e.getKey());
        int v = (int) ((Attribute.IntAttr) e.getValue()).value();
        int[] multiples = java.util.Arrays.stream(space.tiles()[d]).filter(t -> t % v == 0).toArray();
        if (multiples.length == 0) {
          diags.error(op.location(), "@map: spatial extent of " + e.getKey() + " is " + v + ", which divides no tile of "
              + e.getKey() + (space.tiles()[d].length == 1 ? " (its pinned tile is " + space.tiles()[d][0] + ")" : ""));
          return null;
        }
        space = space.withTiles(d, multiples);
        pinned[d] = v;
      }
      MappingSpace split = space.withSpread(pinned);
      if (split.arrangements().isEmpty()) {
        diags.error(op.location(), "@map: spatial names " + sp.entries().keySet() + ", which no arrangement of the "
            + "space puts on the array's rows or cols");
        return null;
      }
      space = split;
    }
    return space;
  }

  /**
   * A grouped convolution's pin (written in the op's own indices, where k spans every group's output
   * channels: IterationSpace.conv2d) in the space it is mapped in (IterationSpace.groupedConv2d: n g k c p q r
   * s, k within a group). Own k becomes g and k: a tile of k a multiple of the group's kg output channels
   * takes that many groups whole, one dividing kg part of one group (depthwise: kg = 1, so k is g); on an axis
   * or in the order, k stands for g then k (the same flattening); a spread of k (spatial) is g's in whole
   * groups, or k's within one. Null after reporting, at the op, a tile or spread of k that is neither.
   */
  static DictAttr inGroups(DictAttr pin, Operation op, DiagnosticEngine diags) {
    org.tdlc.ir.ops.IterationSpace own = org.tdlc.ir.ops.IterationSpace.of(op).orElseThrow();
    int groups = (int) org.tdlc.ir.ops.OpDef.attributesOf(op).getInt("groups");
    int kg = own.range("k") / groups;
    List<String> k = kg == 1 ? List.of("g") : List.of("g", "k");
    Map<String, Attribute> out = new java.util.TreeMap<>(pin.entries());
    if (pin.has("tile")) {
      Map<String, Attribute> tile = new java.util.TreeMap<>(((DictAttr) pin.get("tile").orElseThrow()).entries());
      Attribute t = tile.remove("k");
      if (t != null) {
        long v = ((Attribute.IntAttr) t).value();
        if (!wholeGroupsOrPart(v, groups, kg, "tile size of k is " + v, "tile", op, diags)) return null;
        tile.put("g", Attribute.of(Math.max(1, v / kg)));
        tile.put("k", Attribute.of(Math.min(v, kg)));
      }
      out.put("tile", DictAttr.of(tile));
    }
    if (pin.has("spatial")) {
      // a spread of k: whole groups (g; k, whole, flattened after it on the axis), or part of one group's k
      Map<String, Attribute> spatial = new java.util.TreeMap<>(((DictAttr) pin.get("spatial").orElseThrow()).entries());
      Attribute sp = spatial.remove("k");
      if (sp != null) {
        long v = ((Attribute.IntAttr) sp).value();
        if (!wholeGroupsOrPart(v, groups, kg, "spatial extent of k is " + v, "spread", op, diags)) return null;
        if (kg == 1 || v % kg == 0) spatial.put("g", Attribute.of(v / kg));
        else spatial.put("k", sp);
      }
      out.put("spatial", DictAttr.of(spatial));
    }
    for (String key : List.of("rows", "cols", "order", "walk")) {
      if (!pin.has(key)) continue;
      List<String> asK = key.equals("order") || key.equals("walk") ? List.of("g", "k") : k;
      out.put(key, Attribute.strings(grouped(pin.getStrings(key), asK)));
    }
    if (pin.has("keep")) {
      Map<String, Attribute> keep = new java.util.TreeMap<>();
      for (var level : ((DictAttr) pin.get("keep").orElseThrow()).entries().entrySet()) {
        if (level.getValue() instanceof DictAttr parts) {
          // a part of k: whole groups (g, each whole), or part of one group's output channels (k)
          Map<String, Attribute> grouped = new LinkedHashMap<>();
          for (var e : parts.entries().entrySet()) {
            if (!e.getKey().equals("k")) {
              grouped.put(e.getKey(), e.getValue());
              continue;
            }
            long f = e.getValue() instanceof Attribute.IntAttr i ? i.value() : Mapping.Pe.WHOLE;
            if (kg == 1) {
              grouped.put("g", e.getValue());
            } else if (f == Mapping.Pe.WHOLE || f % kg == 0) {
              grouped.put("g", f == Mapping.Pe.WHOLE ? e.getValue() : Attribute.of(f / kg));
              grouped.put("k", Attribute.of("all"));
            } else if (wholeGroupsOrPart(f, groups, kg, "keep " + level.getKey() + " keeps " + f + " of k", "part", op, diags)) {
              grouped.put("k", e.getValue());
            } else {
              return null;
            }
          }
          keep.put(level.getKey(), DictAttr.of(grouped));
        } else {
          keep.put(level.getKey(), Attribute.strings(grouped(((DictAttr) pin.get("keep").orElseThrow())
              .getStrings(level.getKey()), k)));
        }
      }
      out.put("keep", DictAttr.of(keep));
    }
    return DictAttr.of(out);
  }

  /**
   * Whether a part {@code v} of a grouped convolution's k (its tile, spread or kept part) takes whole groups of
   * {@code kg} output channels or divides one group's; else reports {@code what} at the op and says why.
   */
  private static boolean wholeGroupsOrPart(long v, int groups, int kg, String what, String part, Operation op,
                                           DiagnosticEngine diags) {
    if (v % kg == 0 || kg % v == 0) return true;
    diags.error(op.location(), "@map: " + what + ", but this conv2d has " + groups + " groups of " + kg
        + " output channels: a " + part + " of k takes whole groups (a multiple of " + kg + ") or part of one (a divisor of "
        + kg + ")");
    return false;
  }

  /** Index names with k as {@code k} (g then k, or g alone): a grouped convolution's own names in its space. */
  private static List<String> grouped(List<String> own, List<String> k) {
    List<String> names = new ArrayList<>();
    for (String d : own) {
      if (d.equals("k")) names.addAll(k);
      else names.add(d);
    }
    return names;
  }

  /**
   * The @map line that pins mapping {@code m} of {@code op}, in the op's own indices (inGroups inverted): a
   * grouped convolution's g and k become k, with the tile g x k when that takes whole groups or part of one
   * (always for dwconv2d), else k's tile left to the mapper; a split index keeps its spread (g's, in whole
   * groups of k).
   */
  public static String pinText(Mapping m, Operation op) {
    List<String> own = org.tdlc.ir.ops.IterationSpace.of(op).map(org.tdlc.ir.ops.IterationSpace::dims).orElse(List.of());
    if (!m.tile().containsKey("g") || own.contains("g")) return m.pinText();
    int groups = (int) org.tdlc.ir.ops.OpDef.attributesOf(op).getInt("groups");
    int kg = org.tdlc.ir.ops.IterationSpace.of(op).orElseThrow().range("k") / groups;
    Map<String, Integer> tile = new LinkedHashMap<>();
    int g = m.tile().get("g"), k = m.tile().getOrDefault("k", 1);
    for (var e : m.tile().entrySet()) {
      if (e.getKey().equals("g")) {
        if (g == 1 || k == kg) tile.put("k", g * k);
      } else if (!e.getKey().equals("k")) {
        tile.put(e.getKey(), e.getValue());
      }
    }
    java.util.function.Function<List<String>, List<String>> names = l -> l.stream()
        .map(d -> d.equals("g") ? "k" : d).distinct().toList();
    // a split index keeps its spread: k's within a group when one group is in the tile, g's as whole groups of k
    Map<String, Integer> spreads = new LinkedHashMap<>();
    for (var e : m.spreads().entrySet()) if (!e.getKey().equals("g") && !e.getKey().equals("k")) spreads.put(e.getKey(), e.getValue());
    if (m.spreads().containsKey("k") && g == 1) spreads.put("k", m.spreads().get("k"));
    if (m.spreads().containsKey("g") && k == kg) spreads.put("k", m.spreads().get("g") * k);
    // a level's parts of g and k: whole groups become k's part in whole groups of kg, a part of one group k's
    java.util.function.UnaryOperator<Map<String, Integer>> parts = kept -> {
      Map<String, Integer> out = new LinkedHashMap<>();
      int fg = kept.getOrDefault("g", 0), fk = kept.getOrDefault("k", 0);
      for (var e : kept.entrySet()) {
        if (!e.getKey().equals("g") && !e.getKey().equals("k")) {
          out.put(e.getKey(), e.getValue());
        } else if (!out.containsKey("k")) {
          int part = kg == 1 ? fg : fg > 0 && fk >= kg ? (fg == Mapping.Pe.WHOLE ? fg : fg * kg) : fk;
          if (part > 0) out.put("k", part);
        }
      }
      return out;
    };
    return new Mapping(m.dataflow(), names.apply(m.rows()), names.apply(m.cols()), tile, names.apply(m.order()), spreads,
        m.pe().renamed(names, parts)).pinText();
  }

  /** A written order as the lowering runs it: its output indices, then its reduced ones, each as written. */
  static int[] order(LoopSpace s, List<String> names) {
    int[] o = new int[names.size()];
    int at = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (String name : names) if (s.reduced(name) == (pass == 1)) o[at++] = s.index(name);
    }
    return o;
  }

  private static int[] smallest(MappingSpace space) {
    int[] t = new int[space.tiles().length];
    for (int d = 0; d < t.length; d++) t[d] = space.tiles()[d][0];
    return t;
  }

  /** Fixes the decisions this pass does not take: from the op's mapping so far, else the defaults. */
  private static MappingSpace fixOthers(MappingSpace space, Decide decide, Mapping before, CostModel model,
                                        Options opts) {
    LoopSpace s = space.space();
    if (decide != Decide.DATAFLOW && space.dataflows().size() > 1) {
      Dataflow df = before != null && space.dataflows().contains(before.dataflow()) ? before.dataflow()
          : space.dataflows().get(0);
      space = space.withDataflows(List.of(df));
    }
    if (decide != Decide.DATAFLOW && space.arrangements().size() > 1) {   // the axes go with the dataflow
      Dataflow df = space.arrangements().get(0).dataflow();
      int[] axes = before != null && before.dataflow() == df
          ? new int[] {MappingSpace.mask(s, before.rows()), MappingSpace.mask(s, before.cols())}
          : MappingSpace.roles(s, df);
      int split = before != null && before.dataflow() == df ? MappingSpace.mask(s, List.copyOf(before.spreads().keySet())) : 0;
      MappingSpace.Arrangement keep = space.arrangements().stream()
          .filter(a -> a.rows() == axes[0] && a.cols() == axes[1] && a.split() == split).findFirst()
          .orElse(space.arrangements().stream().filter(a -> a.rows() == axes[0] && a.cols() == axes[1]).findFirst()
              .orElse(space.arrangements().get(0)));
      space = space.withArrangements(List.of(keep));
    }
    if (decide != Decide.ORDER && space.orders().size() > 1) {
      space = space.withOrder(before != null ? order(s, before.order()) : space.orders().get(0));
    }
    if (decide != Decide.TILE) {
      int[] tile = before != null ? s.dims().stream().mapToInt(before::tileOf).toArray()
          : new MappingSearch(model, space, opts.objective()).largestTile();
      for (int d = 0; d < tile.length; d++) if (space.tiles()[d].length > 1) space = space.withTile(d, tile[d]);
    }
    return space;
  }
}
