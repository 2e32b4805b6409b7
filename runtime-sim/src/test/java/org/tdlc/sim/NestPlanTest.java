// Footprints and spans of loop nests: the distinct elements an operand touches decide what a MAC is charged
// at the global buffer, so they are checked on disjoint, reduced, overlapping (sliding window) and
// negative-stride nests against a brute-force count.
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tdlc.sim.TestPrograms.loop;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.Loop;

class NestPlanTest {
  @Test
  void matmulOperandsTouchTheirMatrices() {
    // m=2 (C 4, A 3), n=4 (C 1, B 1), k=3 (A 1, B 4)
    NestPlan p = new NestPlan(List.of(loop(2, 4, 3, 0), loop(4, 1, 0, 1), loop(3, 0, 1, 4)), 4, 1, 1);
    assertEquals(24, p.points);
    assertEquals(8, p.footprint(NestPlan.DST));
    assertEquals(6, p.footprint(NestPlan.SRC1));
    assertEquals(12, p.footprint(NestPlan.SRC2));
    assertEquals(0, p.lowByte[NestPlan.DST]);
    assertEquals(32, p.endByte[NestPlan.DST]);
  }

  @Test
  void slidingWindowsCountEachInputOnce() {
    // 3x3 windows over a 6x6 input: oy (6), ox (1), ky (6), kx (1)
    NestPlan p = new NestPlan(List.of(loop(4, 4, 6, 0), loop(4, 1, 1, 0), loop(3, 0, 6, 3), loop(3, 0, 1, 1)), 4, 1, 1);
    assertEquals(36, p.footprint(NestPlan.SRC1));
    assertEquals(9, p.footprint(NestPlan.SRC2));
    assertEquals(16, p.footprint(NestPlan.DST));
  }

  @Test
  void negativeStridesSpanBackwards() {
    NestPlan p = new NestPlan(List.of(loop(5, -2, 1, 0)), 2, 1, 1);
    assertEquals(-16, p.lowByte[NestPlan.DST]);
    assertEquals(2, p.endByte[NestPlan.DST]);
    assertEquals(5, p.footprint(NestPlan.DST));
  }

  @Test
  void extentOneLoopsIgnoreTheirStrides() {
    NestPlan p = new NestPlan(List.of(loop(1, 1_000_000_000, -7, 3), loop(2, 1, 1, 1)), 4, 4, 4);
    assertEquals(0, p.lowByte[NestPlan.SRC1]);
    assertEquals(8, p.endByte[NestPlan.SRC1]);
  }

  @Test
  void randomFootprintsMatchBruteForce() {
    Random r = new Random(7);
    for (int n = 0; n < 500; n++) {
      Loop[] loops = new Loop[1 + r.nextInt(4)];
      for (int i = 0; i < loops.length; i++) loops[i] = loop(1 + r.nextInt(5), r.nextInt(13) - 6, 0, 0);
      NestPlan p = new NestPlan(List.of(loops), 1, 1, 1);
      Set<Long> seen = new HashSet<>();
      for (int[] idx : RandomNestTest.points(List.of(loops))) {
        long a = 0;
        for (int l = 0; l < loops.length; l++) a += (long) idx[l] * loops[l].dst();
        seen.add(a);
      }
      assertEquals(seen.size(), p.footprint(NestPlan.DST), "case " + n + ": " + List.of(loops));
    }
  }
}
