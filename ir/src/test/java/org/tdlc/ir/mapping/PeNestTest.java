package org.tdlc.ir.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeNestTest {
  private static final int ALL = Mapping.Pe.WHOLE;
  // loops k (4), p (10), r (3), walked in that order, all in time
  private static final int[] EXTENTS = {4, 10, 3};
  private static final int[] WALK = {0, 1, 2};

  /** The parts the PEs walk more than once, as "loop x extent" outermost first: "p10" for p's part of 10. */
  private static List<String> walked(int[][] keep, int[][] order) {
    return PeNest.of(EXTENTS, WALK, 7, keep, order).stream().filter(p -> p.extent() > 1)
        .map(p -> "kpr".charAt(p.loop()) + String.valueOf(p.extent())).toList();
  }

  @Test void aLevelWalksItsOwnPartsInTheWalksOrderUnlessItHasAnOrderOfItsOwn() {
    // level 0 keeps k, p and r, level 1 (inside it) r: level 0's own parts are k and p, level 1's r
    int[][] keep = {{ALL, ALL, ALL}, {0, 0, ALL}};
    assertEquals(List.of("k4", "p10", "r3"), walked(keep, null));
    // level 0's order puts p outside k; level 1's r stays innermost
    assertEquals(List.of("p10", "k4", "r3"), walked(keep, new int[][] {{1, 0, -1}, null}));
    // an order naming only k walks k innermost of level 0's parts, p (left out) outside it
    assertEquals(List.of("p10", "k4", "r3"), walked(keep, new int[][] {{0, -1, -1}, null}));
    // level 1 owns only r: an order there moves nothing of level 0's
    assertEquals(List.of("k4", "p10", "r3"), walked(keep, new int[][] {null, {-1, 0, 1}}));
  }

  @Test void levelsThatKeepTheSamePartsWalkThemInTheOrderOneOfThemHas() {
    int[][] keep = {{ALL, ALL, 0}, {ALL, ALL, 0}};
    assertEquals(List.of("r3", "k4", "p10"), walked(keep, null));
    assertEquals(List.of("r3", "p10", "k4"), walked(keep, new int[][] {{1, 0, -1}, null}));
    assertEquals(List.of("r3", "p10", "k4"), walked(keep, new int[][] {null, {1, 0, -1}}));
  }

  @Test void aLoopCutBetweenLevelsIsOrderedPartByPartInEachLevel() {
    // level 0 keeps all of k and p, level 1 keeps 5 of p and all of k: p splits into 2 x 5, level 0 owns p2,
    // level 1 owns k4 and p5 and orders p outside k
    int[][] keep = {{ALL, ALL, 0}, {ALL, 5, 0}};
    assertEquals(List.of("r3", "p2", "k4", "p5"), walked(keep, null));
    assertEquals(List.of("r3", "p2", "p5", "k4"), walked(keep, new int[][] {null, {1, 0, -1}}));
  }
}
