// The mapper's search over a MappingSpace under the cost model, and the exhaustive search it is measured
// against. Both return the best mapping, the runners-up and how many mappings were visited and valid.
package org.tdlc.passes.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tdlc.ir.target.Dataflow;

/**
 * The pruned search: multi-start first-improvement climbing over (tile, loop order) with random jumps
 * between local optima, the arrangement (dataflow and the index sets on the array's rows and columns)
 * following the tile. It spends its budget on many cheap, different climbs rather than one deep one: with a
 * budget of 1/{@value #SPACE_SHARE} of the space a single neighbourhood of wide pair moves can cost a third of
 * it, and a search that climbs only the best start's basin misses an optimum in another order's, dataflow's
 * or arrangement's basin (issue 14's misses on systolic, eyeriss and maeri).
 * <ul>
 * <li><b>Arrangement by fill, and proven arrangements.</b> A tile is evaluated, per dataflow, with the
 *     arrangements that need the fewest array folds for it (Timing.folds over each axis's flattened extent,
 *     remainder tiles included: pure geometry; one per dataflow, two once the budget passes 8000), with the
 *     arrangement of the point the move came from, with the best point's, and with up to {@value #PROVEN}
 *     <i>proven</i> arrangements: those that won a full sweep of every arrangement on one tile (the best
 *     start's, then every local optimum's). The fold count misjudges what traffic decides (on a row-stationary
 *     array cols k beats k x p x q though it folds more); a proven arrangement carries what the cost model
 *     said into the tiles that follow, whatever the model's rules.
 * <li><b>Starts.</b> The largest tiles that fit grown four ways (innermost index first, outermost first, all
 *     doubled in turn, reduction indices first); per arrangement the roofline-best axis fills (its row and
 *     column indices doubled until they fill the array once, and again until they fill it in
 *     {@value #FILL_FOLDS} whole folds, then the indices on neither axis grown, reduction first); and the
 *     <i>maximal</i> tiles, those the buffer holds that no index can grow by one candidate (enumerated by
 *     capacity checks alone, an even spread of them when they would take more than
 *     {@value #MAXIMAL_SHARE} of the budget): the capacity boundary, where the trade-offs between operands
 *     lie; then {@code starts - 1} seeded random feasible tiles.
 * <li><b>One climb per class.</b> For every dataflow and loop order in turn (round-robin, one step each),
 *     a climb restricted to that class from its best start, until each class reaches a local optimum: no
 *     class's basin goes unexplored because another class's start scored better.
 * <li><b>Climbing.</b> Repeatedly take the first better neighbour: every index's tile one or two candidates
 *     up or down; pairs of indices moved together (one up and the other down, or both the same way), since
 *     with the buffer full trading one index's tile for another's is the only way to improve (a 1024^3 GEMM
 *     on a 128x128 output-stationary array fills its rows only by growing m while k shrinks); another loop
 *     order (not in a class climb); every arrangement of the tile (of the class's dataflow in a class climb). Climbs first use <i>narrow</i> pairs (one candidate each way) from the
 *     class optima and the remaining starts, then <i>wide</i> pairs (up to three candidates either way,
 *     ResNet-50 l2.0.conv2 on eyeriss needs p down and q up by three at once) from the best local optima:
 *     confirming a local optimum costs a whole neighbourhood, so the cheap one goes first.
 * <li><b>Random jumps.</b> From the best {@value #KEPT} local optima in turn, move three random indices by up
 *     to four candidates (and one time in four the order) and climb again, keeping any better optimum;
 *     after {@value #JUMPS} jumps or {@value #STALL} evaluations without a better best the search stops.
 * <li><b>Final sweep.</b> The rest of the budget, at least {@value #SWEEP_SHARE} of it: every arrangement and
 *     order of the best tiles found, best first.
 * <li><b>Budget.</b> The smaller of {@code budget} and 1/{@value #SPACE_SHARE} of the space's size (at least
 *     {@value #MIN_BUDGET}), never exceeded; a space of at most {@value #EXHAUSTIVE_UP_TO} points is
 *     enumerated instead.
 * </ul>
 * Nothing is evaluated twice: evaluations, tile values and climbs are memoized, and a tile the buffer cannot
 * hold is rejected by a capacity check (the lowering's footprint rule, CostModel.slotsFit) before any
 * evaluation. Deterministic for a seed. {@code visited} counts cost-model evaluations; capacity checks are
 * counted apart ({@code checks}). Points are compared by the objective's order (Objective.order: the score,
 * then cycles or energy; the exhaustive search uses the same, so bench's gaps compare like with like). The
 * search relies on no particular cost figures: only on comparing points,
 * on footprints growing with extents, and on the array's geometry for the first shortlist.
 */
public final class MappingSearch {
  /**
   * One evaluated point: split, the indices of its arrangement an axis spreads in part, and spread, per
   * index the part it spreads (CostModel.spreads; null: every axis spreads whole tiles).
   */
  public record Point(Dataflow dataflow, int rows, int cols, int split, int[] tile, int[] spread, int[] order, Cost cost,
                      double score) {}

  /** The best point, runners-up, cost-model evaluations (visited), valid ones, capacity checks and time. */
  public record Result(Point best, List<Point> runnersUp, long visited, long valid, long checks, long nanos) {}

  /**
   * The search never evaluates more than this share (1/SPACE_SHARE) of the space: issue 14's bar asks for at
   * least 50x fewer evaluations than the exhaustive search.
   */
  static final int SPACE_SHARE = 52;
  /** ... but always allows this many evaluations. */
  static final int MIN_BUDGET = 48;
  /** A space this small is enumerated (a few milliseconds). */
  static final int EXHAUSTIVE_UP_TO = 1024;
  /** Evaluations, or random jumps, without a better best after which the search stops. */
  static final int STALL = 1000;
  /** Random jumps in a row without a better best after which the search stops. */
  static final int JUMPS = 96;
  /** How many of the best local optima random jumps start from, in turn. */
  static final int KEPT = 4;
  /** How many indices a random jump moves. */
  static final int KICKED = 3;
  /**
   * How many arrangements per dataflow a tile is evaluated with (those with the fewest folds): one per
   * SHORTLIST_BUDGET evaluations of budget, at least one and at most MAX_SHORTLIST.
   */
  static final int SHORTLIST_BUDGET = 4000, MAX_SHORTLIST = 2;
  private int shortlist = 1;
  /**
   * The fills the starts take per arrangement, in folds of each axis: one fold, and four (whole folds of a
   * larger tile: MobileNetV2's b7.project on systolic, 16 x 16 os, is best at p x q = 64 on the rows and
   * k = 32 on the columns, in no basin of the one-fold start's climbs).
   */
  static final int FILL_FOLDS = 4;
  static final int[] FILLS = {1, FILL_FOLDS};
  /** The share of the budget kept for the final sweep. */
  static final double SWEEP_SHARE = 0.1;
  /** The share of the budget the maximal-tile starts may take (an even spread of them when there are more). */
  static final double MAXIMAL_SHARE = 0.2;
  /** How many proven arrangements (each the best of a full sweep of one tile) every tile is also evaluated with. */
  static final int PROVEN = 3;

  private final CostModel model;
  private final MappingSpace space;
  private final Objective objective;
  /** The objective's order of points (Objective.order: the score, then its tie-breaks), best first. */
  private final java.util.Comparator<Point> ranking;
  private final java.util.Map<Key, Point> seen = new java.util.HashMap<>();
  /** The proven arrangements, most recent first (at most PROVEN). */
  private final List<Integer> proven = new ArrayList<>();
  /** Per tile evaluated, its best point under any arrangement and order tried: the final sweep's ranking. */
  private final java.util.Map<Key, Point> tileBest = new java.util.HashMap<>();
  /** The dataflow (index in byDataflow) the class climbs are restricted to, or -1. */
  private int restrict = -1;
  /** Whether climbs try the wide pair moves (up to three candidates) or the narrow ones (one). */
  private boolean wide = true;
  private final java.util.Map<Key, Boolean> fits = new java.util.HashMap<>();
  /** Per tile, per dataflow, the arrangements it is evaluated with (fewestFolds). */
  private final java.util.Map<Key, int[][]> shortlists = new java.util.HashMap<>();
  /** Per node (tile and order) already climbed from, its first better neighbour (null: a local optimum). */
  private final java.util.Map<Key, Node> climbed = new java.util.HashMap<>();
  private final List<Point> valid = new ArrayList<>();
  private long visited;
  private long validCount;
  private long checks;
  private long budget;
  private long started;
  private long lastReport;
  private java.util.function.Consumer<String> progress = line -> {};
  /** Per dataflow (in space.dataflows() order), the indices of its arrangements. */
  private final List<int[]> byDataflow = new ArrayList<>();
  private final java.util.Map<MappingSpace.Arrangement, Integer> arrangementIndex = new java.util.HashMap<>();

  /** Where a progress line goes once a search has run for more than a second (then every second). */
  public MappingSearch onProgress(java.util.function.Consumer<String> sink) {
    this.progress = sink;
    return this;
  }

  /** The largest tile that fits: every index grown in turn, innermost first, while the buffer holds it. */
  public int[] largestTile() {
    int[] pick = new int[space.tiles().length];
    grow(pick, 0);
    return tiles(pick);
  }

  public MappingSearch(CostModel model, MappingSpace space, Objective objective) {
    this.model = model;
    this.space = space;
    this.objective = objective;
    this.ranking = java.util.Comparator.comparing(Point::cost, objective.costs());
    for (int a = 0; a < space.arrangements().size(); a++) arrangementIndex.putIfAbsent(space.arrangements().get(a), a);
    for (Dataflow df : space.dataflows()) {
      List<Integer> mine = new ArrayList<>();
      for (int a = 0; a < space.arrangements().size(); a++) if (space.arrangements().get(a).dataflow() == df) mine.add(a);
      byDataflow.add(mine.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  /** Whether {@code p} is a point that ranks before {@code than} (or {@code than} is none). */
  private boolean better(Point p, Point than) { return p != null && (than == null || ranking.compare(p, than) < 0); }

  private int arrangementOf(Point p) {
    return arrangementIndex.get(new MappingSpace.Arrangement(p.dataflow(), p.rows(), p.cols(), p.split()));
  }

  /** A start or climb step: tile candidates, order, its best point, and when it was found (breaks ties). */
  private record Node(int[] pick, int order, Point point, long serial) {}

  /** The pruned search. */
  public Result search(long seed, int starts, long budgetEvaluations) {
    if (space.size() <= EXHAUSTIVE_UP_TO) return exhaustive();
    long t0 = System.nanoTime();
    started = lastReport = t0;
    budget = Math.min(budgetEvaluations, Math.max(MIN_BUDGET, space.size() / SPACE_SHARE));
    shortlist = (int) Math.max(1, Math.min(MAX_SHORTLIST, budget / SHORTLIST_BUDGET));
    long total = budget;
    budget = total - (long) (total * SWEEP_SHARE);
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = space.tiles().length;
    java.util.PriorityQueue<Node> frontier = new java.util.PriorityQueue<>(
        java.util.Comparator.comparing(Node::point, ranking).thenComparingLong(Node::serial));
    long[] serial = {0};
    List<int[]> seeds = new ArrayList<>();
    for (int policy = 0; policy < 4; policy++) {
      int[] pick = new int[n];
      grow(pick, policy);
      if (seeds.stream().noneMatch(x -> java.util.Arrays.equals(x, pick))) seeds.add(pick);
    }
    for (int folds : FILLS) {
      for (MappingSpace.Arrangement a : space.arrangements()) {
        int[] pick = filled(a, folds);
        if (seeds.stream().noneMatch(x -> java.util.Arrays.equals(x, pick))) seeds.add(pick);
      }
    }
    List<int[]> max = maximalTiles();
    long cap = (long) (budget * MAXIMAL_SHARE) / Math.max(1, space.orders().size() * byDataflow.size());
    double stride = Math.max(1.0, max.size() / (double) Math.max(1, cap));
    for (double i = 0; i < max.size(); i += stride) {
      int[] pick = max.get((int) i);
      if (seeds.stream().noneMatch(x -> java.util.Arrays.equals(x, pick))) seeds.add(pick);
    }
    for (int[] pick : seeds) {
      for (int o = 0; o < space.orders().size() && visited < budget; o++) {
        Point p = value(pick, o, -1);
        if (p != null) frontier.add(new Node(pick.clone(), o, p, serial[0]++));
      }
    }
    for (int s = 1; s < starts && visited < budget; s++) {
      int[] pick = new int[n];
      if (!randomStart(pick, rnd)) continue;
      int o = rnd.nextInt(space.orders().size());
      Point p = value(pick, o, -1);
      if (p != null) frontier.add(new Node(pick, o, p, serial[0]++));
    }
    if (!frontier.isEmpty()) {                        // the best start under every arrangement: the first proven one
      Node top = frontier.peek();
      for (int a = 0; a < space.arrangements().size() && visited < budget; a++) {
        Point p = eval(top.pick(), a, top.order(), true);
        if (better(p, top.point())) frontier.add(new Node(top.pick(), top.order(), p, serial[0]++));
      }
      prove(arrangementOf(frontier.peek().point()));
    }
    List<Node> optima = new ArrayList<>();           // the local optima the climbs ended at, best first
    wide = false;
    int nd = byDataflow.size(), no = space.orders().size();
    List<java.util.PriorityQueue<Node>> classes = new ArrayList<>();   // one climb per (dataflow, order), in turn
    for (int c = 0; c < nd * no; c++) {
      java.util.PriorityQueue<Node> f = new java.util.PriorityQueue<>(frontier.comparator());
      restrict = c / no;
      for (int[] pick : seeds) {
        Point p = value(pick, c % no, -1);
        if (p != null) f.add(new Node(pick.clone(), c % no, p, serial[0]++));
      }
      classes.add(f);
    }
    for (boolean any = true; any && visited < budget; ) {
      any = false;
      for (int c = 0; c < classes.size() && visited < budget; c++) {
        java.util.PriorityQueue<Node> f = classes.get(c);
        if (f.isEmpty()) continue;
        any = true;
        restrict = c / no;
        Node node = f.poll();
        Node better = climb(node, serial);
        if (better != null) {
          f.add(better);
        } else {                                     // the class's local optimum: the class is done
          f.clear();
          frontier.add(node);
        }
      }
    }
    restrict = -1;
    climbAll(frontier, optima, serial);              // every move, narrow pairs: from the class optima and the starts
    wide = true;                                     // then wide pairs, from the best optima
    frontier.addAll(optima);
    climbAll(frontier, optima, serial);
    Node best = optima.isEmpty() ? null : optima.get(0);
    long lastGain = visited;
    for (int jumps = 0; best != null && visited < budget && visited - lastGain < STALL && jumps < JUMPS; jumps++) {
      Node node = kick(optima.get(jumps % optima.size()), rnd, serial);
      if (node == null) break;
      for (Node next = node; next != null; next = climb(next, serial)) node = next;
      optimum(optima, node);
      prove(arrangementOf(node.point()));
      if (better(node.point(), best.point())) {
        best = node;
        lastGain = visited;
        jumps = 0;
      }
    }
    budget = total;
    sweep();
    return result(System.nanoTime() - t0);
  }

  /** Climbs from every node of the frontier, best first, recording the local optima (and proving their arrangements). */
  private void climbAll(java.util.PriorityQueue<Node> frontier, List<Node> optima, long[] serial) {
    while (!frontier.isEmpty() && visited < budget) {
      Node node = frontier.poll();
      Node better = climb(node, serial);
      if (better != null) {
        frontier.add(better);
      } else {
        optimum(optima, node);
        prove(arrangementOf(node.point()));
      }
    }
  }

  /** Every tile the buffer holds that no index can grow by one candidate and still fit, in enumeration order. */
  private List<int[]> maximalTiles() {
    List<int[]> out = new ArrayList<>();
    int n = space.tiles().length;
    int z = 0;                                       // the index with the most candidates: searched, not enumerated
    for (int d = 1; d < n; d++) if (space.tiles()[d].length > space.tiles()[z].length) z = d;
    int[] pick = new int[n];
    int[] tile = new int[n];
    while (true) {
      int top = space.tiles()[z].length - 1;
      pick[z] = top;
      while (pick[z] >= 0 && !fitsNow(pick, tile)) pick[z]--;
      if (pick[z] >= 0) {
        boolean maximal = true;
        for (int d = 0; d < n && maximal; d++) {
          if (d == z || pick[d] + 1 >= space.tiles()[d].length) continue;
          pick[d]++;
          if (fitsNow(pick, tile)) maximal = false;
          pick[d]--;
        }
        if (maximal) out.add(pick.clone());
      }
      pick[z] = 0;
      int d = n - 1;
      while (d >= 0 && (d == z || ++pick[d] == space.tiles()[d].length)) { if (d != z) pick[d] = 0; d--; }
      if (d < 0) break;
    }
    return out;
  }

  /** A capacity check without the memo (for the enumeration of maximal tiles). */
  private boolean fitsNow(int[] pick, int[] tile) {
    checks++;
    for (int d = 0; d < pick.length; d++) tile[d] = space.tiles()[d][pick[d]];
    return model.slotsFit(tile);
  }

  private boolean allowed(int a) {
    return restrict < 0 || space.arrangements().get(a).dataflow() == space.dataflows().get(restrict);
  }

  private void prove(int a) {
    proven.remove((Integer) a);
    proven.add(0, a);
    if (proven.size() > PROVEN) proven.remove(PROVEN);
  }

  /** Adds a local optimum to the best KEPT distinct ones (best first). */
  private void optimum(List<Node> optima, Node node) {
    for (Node o : optima) if (o.order() == node.order() && java.util.Arrays.equals(o.pick(), node.pick())) return;
    int at = 0;
    while (at < optima.size() && !better(node.point(), optima.get(at).point())) at++;
    optima.add(at, node);
    if (optima.size() > KEPT) optima.remove(KEPT);
  }

  /**
   * A random jump from a local optimum: up to KICKED indices moved by up to three candidates either way
   * and, one time in four, another order; a feasible one, or null after 32 tries.
   */
  private Node kick(Node from, SplittableRandom rnd, long[] serial) {
    int n = from.pick().length;
    for (int tries = 0; tries < 32 && visited < budget; tries++) {
      int[] pick = from.pick().clone();
      for (int k = 0; k < KICKED; k++) {
        int d = rnd.nextInt(n);
        pick[d] = Math.max(0, Math.min(space.tiles()[d].length - 1, pick[d] + rnd.nextInt(9) - 4));
      }
      int order = rnd.nextInt(4) == 0 ? rnd.nextInt(space.orders().size()) : from.order();
      if (java.util.Arrays.equals(pick, from.pick()) && order == from.order()) continue;
      Point p = value(pick, order, arrangementOf(from.point()));
      if (p != null) return new Node(pick, order, p, serial[0]++);
    }
    return null;
  }

  /** The first neighbour of {@code node} better than it (moves in order, then other orders), or null; memo. */
  private Node climb(Node node, long[] serial) {
    Key key = new Key(node.pick(), node.order(), -2 - arrangementOf(node.point()) * 16 - (restrict + 1) - (wide ? 8 : 0));
    if (climbed.containsKey(key)) return climbed.get(key);
    Node next = firstBetter(node, serial);
    if (visited < budget) climbed.put(key, next);   // a climb the budget cut short is not the node's answer
    return next;
  }

  private Node firstBetter(Node node, long[] serial) {
    Point from = node.point();
    int carry = arrangementOf(node.point());
    int[] pick = node.pick().clone();
    for (int[] move : moves(node.pick())) {
      if (visited >= budget) return null;
      for (int k = 0; k < move.length; k += 2) pick[move[k]] += move[k + 1];
      Point p = value(pick, node.order(), carry);
      if (better(p, from)) return new Node(pick, node.order(), p, serial[0]++);
      for (int k = 0; k < move.length; k += 2) pick[move[k]] -= move[k + 1];
    }
    for (int o = 0; o < space.orders().size() && visited < budget && restrict < 0; o++) {
      Point p = value(node.pick(), o, carry);
      if (better(p, from)) return new Node(node.pick(), o, p, serial[0]++);
    }
    for (int a = 0; a < space.arrangements().size() && visited < budget; a++) {
      if (!allowed(a)) continue;
      Point p = eval(node.pick(), a, node.order(), true);
      if (better(p, from)) return new Node(node.pick(), node.order(), p, serial[0]++);
    }
    return null;
  }

  /**
   * The moves from a tile (pairs of index, candidate step): each index one and two candidates either way,
   * then each pair one up and the other one or two down, or two up and one down; only those within range.
   */
  private List<int[]> moves(int[] pick) {
    List<int[]> out = new ArrayList<>();
    int n = pick.length;
    for (int step : new int[] {1, -1, 2, -2}) {
      for (int d = 0; d < n; d++) if (inRange(d, pick[d] + step)) out.add(new int[] {d, step});
    }
    int[][] pairs = wide ? new int[][] {{1, -1}, {1, -2}, {2, -1}, {1, 1}, {-1, -1}, {2, -2}, {1, -3}, {3, -1}, {3, -3}, {2, -3}, {3, -2}}
        : new int[][] {{1, -1}, {1, 1}, {-1, -1}};
    for (int[] pr : pairs) {
      for (int up = 0; up < n; up++) {
        if (!inRange(up, pick[up] + pr[0])) continue;
        for (int down = 0; down < n; down++) {
          if (down == up || (pr[0] == pr[1] && down < up)) continue;
          if (inRange(down, pick[down] + pr[1])) out.add(new int[] {up, pr[0], down, pr[1]});
        }
      }
    }
    return out;
  }

  private boolean inRange(int d, int c) { return c >= 0 && c < space.tiles()[d].length; }

  /**
   * The tile's best point under this order among each dataflow's arrangements with the fewest folds, the
   * carried one, the proven ones and the best point's (only the class's dataflow in a class climb; memo),
   * or null when the tile does not fit.
   */
  private Point value(int[] pick, int order, int carry) {
    int code = Integer.MIN_VALUE / 2 + carry * 8 + restrict + 1;
    Point memo = seen.get(new Key(pick, order, code));
    if (memo != null || seen.containsKey(new Key(pick, order, code))) return memo;
    Key key = new Key(pick.clone(), order, code);
    Point best = null;
    if (fits(pick)) {
      int[] tile = tiles(pick);
      Key at = new Key(pick, -1, -1);
      int[][] lists = shortlists.get(at);
      if (lists == null) {
        lists = new int[byDataflow.size()][];
        for (int i = 0; i < lists.length; i++) lists[i] = fewestFolds(byDataflow.get(i), tile);
        shortlists.put(new Key(pick.clone(), -1, -1), lists);
      }
      for (int li = 0; li < lists.length; li++) {
        if (restrict >= 0 && li != restrict) continue;
        for (int a : lists[li]) {
          Point p = eval(pick, a, order, true);
          if (better(p, best)) best = p;
        }
      }
      if (carry >= 0 && allowed(carry)) {
        Point p = eval(pick, carry, order, true);
        if (better(p, best)) best = p;
      }
      for (int a : proven) {
        if (!allowed(a)) continue;
        Point p = eval(pick, a, order, true);
        if (better(p, best)) best = p;
      }
      if (!valid.isEmpty() && allowed(arrangementOf(valid.get(0)))) {
        Point p = eval(pick, arrangementOf(valid.get(0)), order, true);
        if (better(p, best)) best = p;
      }
    }
    seen.put(key, best);
    return best;
  }

  /**
   * Of these arrangements, the {@code shortlist} needing the fewest array folds for this tile (fewest first, ties in
   * the space's order).
   */
  private int[] fewestFolds(int[] arrangements, int[] tile) {
    if (arrangements.length <= shortlist) return arrangements;
    double[] folds = new double[arrangements.length];
    for (int i = 0; i < arrangements.length; i++) {
      MappingSpace.Arrangement ar = space.arrangements().get(arrangements[i]);
      double f = (double) model.axisFolds(ar.rows(), tile, model.target().rows())
          * model.axisFolds(ar.cols(), tile, model.target().cols());
      for (int d = 0; d < tile.length; d++) {
        if (((ar.rows() | ar.cols()) >> d & 1) == 0) f *= space.space().ranges()[d];
      }
      folds[i] = f;
    }
    int[] out = new int[shortlist];
    boolean[] taken = new boolean[arrangements.length];
    for (int k = 0; k < shortlist; k++) {            // the k-th fewest, ties to the first
      int pickI = -1;
      for (int i = 0; i < arrangements.length; i++) {
        if (!taken[i] && (pickI < 0 || folds[i] < folds[pickI])) pickI = i;
      }
      taken[pickI] = true;
      out[k] = arrangements[pickI];
    }
    return out;
  }

  /** With the rest of the budget: every arrangement and order of the tiles found, best tile first. */
  private void sweep() {
    List<java.util.Map.Entry<Key, Point>> ranked = new ArrayList<>(tileBest.entrySet());
    ranked.sort(java.util.Map.Entry.comparingByValue(ranking));
    for (var e : ranked) {
      if (visited >= budget) break;
      int[] pick = e.getKey().pick();
      for (int a = 0; a < space.arrangements().size() && visited < budget; a++) {
        for (int o = 0; o < space.orders().size() && visited < budget; o++) eval(pick, a, o, true);
      }
    }
  }

  private boolean fits(int[] pick) {
    Key key = new Key(pick.clone(), -1, -1);
    Boolean f = fits.get(key);
    if (f == null) {
      checks++;
      f = model.slotsFit(tiles(pick));
      fits.put(key, f);
    }
    return f;
  }

  /** A memo key: tile candidates, order (-1: any) and arrangement (-1: the tile's best by folds). */
  private record Key(int[] pick, int order, int arrangement) {
    @Override public boolean equals(Object o) {
      return o instanceof Key k && k.order == order && k.arrangement == arrangement && java.util.Arrays.equals(k.pick, pick);
    }

    @Override public int hashCode() { return (java.util.Arrays.hashCode(pick) * 31 + order) * 31 + arrangement; }
  }

  /** Every point of the space. */
  public Result exhaustive() {
    long t0 = System.nanoTime();
    started = lastReport = t0;
    budget = Long.MAX_VALUE;
    int n = space.tiles().length;
    int[] pick = new int[n];
    while (true) {
      for (int a = 0; a < space.arrangements().size(); a++) {
        for (int o = 0; o < space.orders().size(); o++) eval(pick, a, o, false);
      }
      int d = n - 1;
      while (d >= 0 && ++pick[d] == space.tiles()[d].length) pick[d--] = 0;
      if (d < 0) break;
    }
    return result(System.nanoTime() - t0);
  }

  /**
   * Grows the tile while the buffer holds it: policy 0 each index in turn as far as it goes, innermost
   * first; 1 the same outermost first; 2 every index one candidate at a time, round-robin (balanced); 3 the
   * reduction indices first (innermost first), then the others.
   */
  private void grow(int[] pick, int policy) {
    int n = space.tiles().length;
    if (policy == 2) {
      boolean grew = true;
      while (grew) {
        grew = false;
        for (int d = n - 1; d >= 0; d--) {
          if (pick[d] + 1 >= space.tiles()[d].length) continue;
          pick[d]++;
          if (fits(pick)) grew = true; else pick[d]--;
        }
      }
      return;
    }
    List<Integer> turn = new ArrayList<>();
    for (int i = 0; i < n; i++) turn.add(policy == 1 ? i : n - 1 - i);
    if (policy == 3) turn.sort(java.util.Comparator.comparing((Integer d) -> !space.space().reduced(d)));
    for (int d : turn) {
      while (pick[d] + 1 < space.tiles()[d].length) {
        pick[d]++;
        if (!fits(pick)) { pick[d]--; break; }
      }
    }
  }

  /**
   * The roofline-best axis fill for an arrangement: its row indices, then its column indices, doubled in
   * turn (smallest first) until their product fills the axis {@code folds} times, then the indices on
   * neither axis grown, reduction first (growing the axis indices too would make every fill the whole layer
   * wherever the buffer holds it).
   */
  private int[] filled(MappingSpace.Arrangement a, int folds) {
    int[] pick = new int[space.tiles().length];
    int[][] axes = {{a.rows(), model.target().rows()}, {a.cols(), model.target().cols()}};
    for (int[] axis : axes) {
      while (true) {
        long product = 1;
        int next = -1;
        for (int d = 0; d < pick.length; d++) {
          if ((axis[0] >> d & 1) == 0) continue;
          product *= space.tiles()[d][pick[d]];
          if (pick[d] + 1 < space.tiles()[d].length
              && (next < 0 || space.tiles()[d][pick[d]] < space.tiles()[next][pick[next]])) next = d;
        }
        if (next < 0 || product >= (long) folds * axis[1]) break;
        pick[next]++;
        if (!fits(pick)) { pick[next]--; break; }
      }
    }
    int onAxes = a.rows() | a.cols();
    List<Integer> turn = new ArrayList<>();            // the rest, reduction indices first, innermost first
    for (int d = pick.length - 1; d >= 0; d--) if ((onAxes >> d & 1) == 0) turn.add(d);
    turn.sort(java.util.Comparator.comparing((Integer d) -> !space.space().reduced(d)));
    for (int d : turn) {
      while (pick[d] + 1 < space.tiles()[d].length) {
        pick[d]++;
        if (!fits(pick)) { pick[d]--; break; }
      }
    }
    return pick;
  }

  private boolean randomStart(int[] pick, SplittableRandom rnd) {
    for (int tries = 0; tries < 64; tries++) {
      for (int d = 0; d < pick.length; d++) pick[d] = rnd.nextInt(space.tiles()[d].length);
      if (fits(pick)) return true;
    }
    return false;
  }

  private Point eval(int[] pick, int arrangement, int o, boolean memo) {
    Key key = memo ? new Key(pick.clone(), o, arrangement) : null;
    if (memo && seen.containsKey(key)) return seen.get(key);
    if ((++visited & 4095) == 0) tick();
    int[] tile = tiles(pick);
    MappingSpace.Arrangement a = space.arrangements().get(arrangement);
    int[] spread = model.spreads(a.dataflow(), a.rows(), a.cols(), a.split(), tile, space.spread());
    Cost c = model.evaluate(a.dataflow(), a.rows(), a.cols(), tile, space.orders().get(o), spread);
    Point p = c.feasible()
        ? new Point(a.dataflow(), a.rows(), a.cols(), a.split(), tile, spread, space.orders().get(o), c, c.score(objective))
        : null;
    if (p != null) keep(p);
    if (p != null) tileBest.merge(new Key(pick.clone(), -1, -1), p, (q, r) -> better(r, q) ? r : q);
    if (memo) seen.put(key, p);
    return p;
  }

  private void tick() {
    long now = System.nanoTime();
    if (now - lastReport < 1_000_000_000L) return;
    lastReport = now;
    String best = valid.isEmpty() ? "none valid yet" : String.format("best %s %.4g", objective, valid.get(0).score());
    progress.accept(String.format("%d mappings visited, %d valid, %s (%.1f s)", visited, validCount, best,
        (now - started) / 1e9));
  }

  /**
   * Keeps the best few points only (the exhaustive search visits millions), one per arrangement and score:
   * of two with the same, the one that ranks first (the lower energy under cycles), else the first found.
   */
  private void keep(Point p) {
    validCount++;
    for (int i = 0; i < valid.size(); i++) {
      Point q = valid.get(i);
      if (q.score() == p.score() && q.dataflow() == p.dataflow() && q.rows() == p.rows() && q.cols() == p.cols()
          && q.split() == p.split()) {
        if (!better(p, q)) return;
        valid.remove(i);
        break;
      }
    }
    if (valid.size() == 8 && !better(p, valid.get(7))) return;
    int at = 0;
    while (at < valid.size() && !better(p, valid.get(at))) at++;
    valid.add(at, p);
    if (valid.size() > 8) valid.remove(8);
  }

  private int[] tiles(int[] pick) {
    int[] t = new int[pick.length];
    for (int d = 0; d < t.length; d++) t[d] = space.tiles()[d][pick[d]];
    return t;
  }

  private Result result(long nanos) {
    Point best = valid.isEmpty() ? null : valid.get(0);
    List<Point> next = new ArrayList<>();
    for (Point p : valid) {
      if (next.size() == 4) break;
      if (p != best) next.add(p);
    }
    return new Result(best, next, visited, validCount, checks, nanos);
  }
}
