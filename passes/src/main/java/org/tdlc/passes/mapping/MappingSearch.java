// The mapper's search over a MappingSpace under the cost model, and the exhaustive search it is measured
// against. Both return the best mapping, the runners-up and how many mappings were visited and valid.
package org.tdlc.passes.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tdlc.ir.target.Dataflow;

/**
 * The pruned search: descent from several starts over the tiles, the loop order and the arrangement (the
 * dataflow with the index sets on the array's rows and columns). Start 0 is the largest tile that fits
 * (grow every index in turn while the buffer holds it); the others are seeded random feasible tiles. Each
 * start first takes the best arrangement and order for its tile. From there, each round tries:
 * <ol>
 * <li>single moves: for every index in turn, each candidate extent with the rest fixed (skipping extents
 *     above one already found too big, as footprints only grow with extents);
 * <li>pair moves: for every two indices, one up and the other down by one or two candidates at once,
 *     which is what a full buffer needs to trade one index's tile for another's (on a 1024^3 GEMM, m up
 *     to fill the array's rows while k goes down to keep the tile in the buffer), where no single move
 *     can improve;
 * <li>every arrangement and order with the tile fixed;
 * </ol>
 * keeping any improvement, and stops when a round improves nothing. Candidates seen before are not
 * re-evaluated. Deterministic for a seed; {@code budget} caps evaluations.
 */
public final class MappingSearch {
  /** One evaluated point. */
  public record Point(Dataflow dataflow, int rows, int cols, int[] tile, int[] order, Cost cost, double score) {}

  public record Result(Point best, List<Point> runnersUp, long visited, long valid, long nanos) {}

  private final CostModel model;
  private final MappingSpace space;
  private final Objective objective;
  private final java.util.Map<String, Point> seen = new java.util.HashMap<>();
  private final List<Point> valid = new ArrayList<>();
  private long visited;
  private long validCount;
  private long budget;
  private long started;
  private long lastReport;
  private java.util.function.Consumer<String> progress = line -> {};

  /** Where a progress line goes once a search has run for more than a second (then every second). */
  public MappingSearch onProgress(java.util.function.Consumer<String> sink) {
    this.progress = sink;
    return this;
  }

  /** The largest tile that fits: every index grown in turn, innermost first, while the buffer holds it. */
  public int[] largestTile() {
    int[] pick = new int[space.tiles().length];
    grow(pick);
    return tiles(pick);
  }

  public MappingSearch(CostModel model, MappingSpace space, Objective objective) {
    this.model = model;
    this.space = space;
    this.objective = objective;
  }

  /** The pruned search. */
  public Result search(long seed, int starts, long budgetEvaluations) {
    long t0 = System.nanoTime();
    started = lastReport = t0;
    budget = budgetEvaluations;
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = space.tiles().length;
    for (int s = 0; s < starts && visited < budget; s++) {
      int[] pick = new int[n];
      if (s == 0) grow(pick); else randomStart(pick, rnd);
      int[] how = bestArrangement(pick, 0, 0, Double.MAX_VALUE);
      descend(pick, how[0], how[1]);
    }
    return result(System.nanoTime() - t0);
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

  private void grow(int[] pick) {
    for (int d = space.tiles().length - 1; d >= 0; d--) {
      while (pick[d] + 1 < space.tiles()[d].length) {
        pick[d]++;
        if (!model.slotsFit(tiles(pick))) { pick[d]--; break; }
      }
    }
  }

  private void randomStart(int[] pick, SplittableRandom rnd) {
    for (int tries = 0; tries < 64; tries++) {
      for (int d = 0; d < pick.length; d++) pick[d] = rnd.nextInt(space.tiles()[d].length);
      if (model.slotsFit(tiles(pick))) return;
    }
    java.util.Arrays.fill(pick, 0);
  }

  private void descend(int[] pick, int arrangement, int order) {
    Point cur = eval(pick, arrangement, order, true);
    double best = cur == null ? Double.MAX_VALUE : cur.score();
    boolean improved = true;
    while (improved && visited < budget) {
      improved = false;
      for (int d = 0; d < pick.length; d++) {
        int keep = pick[d];
        for (int c = 0; c < space.tiles()[d].length; c++) {
          if (c == keep) continue;
          pick[d] = c;
          Point p = eval(pick, arrangement, order, true);
          if (p == null && c > keep) break;        // larger extents only need more buffer
          if (p != null && p.score() < best) { best = p.score(); keep = c; improved = true; }
        }
        pick[d] = keep;
      }
      for (int up = 0; up < pick.length; up++) {
        for (int down = 0; down < pick.length; down++) {
          if (up == down) continue;
          for (int step = 1; step <= 2; step++) {
            if (pick[up] + step >= space.tiles()[up].length || pick[down] - step < 0) break;
            pick[up] += step;
            pick[down] -= step;
            Point p = eval(pick, arrangement, order, true);
            if (p != null && p.score() < best) {
              best = p.score();
              improved = true;
              break;
            }
            pick[up] -= step;
            pick[down] += step;
          }
        }
      }
      int[] how = bestArrangement(pick, arrangement, order, best);
      if (how[0] != arrangement || how[1] != order) {
        arrangement = how[0];
        order = how[1];
        best = eval(pick, arrangement, order, true).score();
        improved = true;
      }
    }
  }

  /** {arrangement, order} of the best point with this tile, or the given ones when none beats {@code best}. */
  private int[] bestArrangement(int[] pick, int arrangement, int order, double best) {
    int[] how = {arrangement, order};
    for (int a = 0; a < space.arrangements().size(); a++) {
      for (int o = 0; o < space.orders().size(); o++) {
        Point p = eval(pick, a, o, true);
        if (p != null && p.score() < best) {
          best = p.score();
          how = new int[] {a, o};
        }
      }
    }
    return how;
  }

  private Point eval(int[] pick, int arrangement, int o, boolean memo) {
    String key = memo ? java.util.Arrays.toString(pick) + arrangement + "/" + o : null;
    if (memo && seen.containsKey(key)) return seen.get(key);
    if ((++visited & 4095) == 0) tick();
    int[] tile = tiles(pick);
    MappingSpace.Arrangement a = space.arrangements().get(arrangement);
    Cost c = model.evaluate(a.dataflow(), a.rows(), a.cols(), tile, space.orders().get(o));
    Point p = c.feasible()
        ? new Point(a.dataflow(), a.rows(), a.cols(), tile, space.orders().get(o), c, c.score(objective)) : null;
    if (p != null) keep(p);
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

  /** Keeps the best few distinct-cost points only: the exhaustive search visits millions. */
  private void keep(Point p) {
    validCount++;
    for (Point q : valid) {
      if (q.score() == p.score() && q.dataflow() == p.dataflow() && q.rows() == p.rows() && q.cols() == p.cols()) return;
    }
    if (valid.size() == 8 && p.score() >= valid.get(7).score()) return;
    int at = 0;
    while (at < valid.size() && valid.get(at).score() <= p.score()) at++;
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
    return new Result(best, next, visited, validCount, nanos);
  }
}
