// How MaestroExport.plan turns several indices per array axis into MAESTRO cluster levels: the units of an axis'
// levels multiply to its PEs, the fewest folds win, MAESTRO's limits hold (at most four levels, a strided Y or X
// only at the top, a filter dimension never there), and what cannot be spread is said.
package org.tdlc.interop.maestro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.interop.maestro.MaestroExport.Level;
import org.tdlc.interop.maestro.MaestroExport.Plan;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.target.Dataflow;

class MaestroExportPlanTest {
  private static final List<String> CONV = List.of("n", "k", "c", "p", "q", "r", "s");

  private static MaestroExport.Layer conv(Dataflow df, List<String> rows, List<String> cols, int stride, int... tile) {
    Map<String, Integer> t = new LinkedHashMap<>();
    for (int i = 0; i < CONV.size(); i++) t.put(CONV.get(i), tile[i]);
    return new MaestroExport.Layer("l", MaestroExport.Kind.CONV, t, stride, stride, 0, 0,
        new Mapping(df, rows, cols, t, CONV));
  }

  private static int product(Plan p) { return p.levels().stream().mapToInt(Level::units).reduce(1, (a, b) -> a * b); }

  @Test
  void im2colRowsOnEyerissBecomeOneLevelPerIndexWithTheFewestFolds() {
    // a 3x3 layer, rows c x r x s = 64 x 3 x 3 over 12 rows, columns k over 14
    Plan p = MaestroExport.plan(conv(Dataflow.WS, List.of("c", "r", "s"), List.of("k"), 1, 1, 64, 64, 56, 56, 3, 3), 12, 14);
    assertEquals(168, product(p));
    assertEquals(new Level("k", false, 14), p.levels().get(0), "the column index heads the tree");
    // 64 x 3 x 3 = 576 positions fold 48 times over 12 rows in tdlc; c over 4 and r over 3 (s in time) fold 16 x 1 x 3
    assertEquals(List.of("c", "r"), p.spread(true));
    assertTrue(p.differences().stream().anyMatch(d -> d.startsWith("S (s) is stepped")), p.differences().toString());
    assertTrue(p.differences().stream().noneMatch(d -> d.contains("fold")), "same folds as tdlc: " + p.differences());
  }

  @Test
  void aStridedIndexHeadsTheTreeAndASecondIsSteppedWithAReason() {
    // os, rows p x q of a stride-2 layer: MAESTRO spreads a strided Y or X correctly only at its top level
    Plan p = MaestroExport.plan(conv(Dataflow.OS, List.of("p", "q"), List.of("k"), 2, 1, 64, 64, 7, 7, 3, 3), 16, 16);
    assertEquals(256, product(p));
    assertEquals(1, p.spread(true).size(), p.levels().toString());
    assertEquals(p.spread(true).get(0), p.levels().get(0).index(), "the strided index is at the top");
    assertTrue(p.differences().stream().anyMatch(d -> d.contains("is stepped in time") && d.contains("strided")),
        p.differences().toString());
  }

  @Test
  void atMostFourLevelsAndNoFilterDimensionAtTheTop() {
    // is with three indices on each axis: six would need five Cluster directives
    Plan p = MaestroExport.plan(conv(Dataflow.IS, List.of("c", "r", "s"), List.of("n", "p", "q"), 1, 2, 8, 8, 8, 8, 3, 3),
        16, 16);
    assertTrue(p.levels().size() <= MaestroExport.MAX_LEVELS, p.levels().toString());
    assertEquals(256, product(p));
    assertTrue(!List.of("r", "s").contains(p.levels().get(0).index()), p.levels().toString());
    long stepped = p.differences().stream().filter(d -> d.contains("is stepped in time")).count();
    assertEquals(6 - (p.spread(true).size() + p.spread(false).size()), stepped, p.differences().toString());
    // rows r x s alone on a 16 x 1 array: no column level to head the tree, so an idle one of one unit does
    Plan rs = MaestroExport.plan(conv(Dataflow.RS, List.of("r", "s"), List.of(), 1, 1, 8, 8, 8, 8, 3, 3), 16, 1);
    assertEquals(new Level(null, false, 1), rs.levels().get(0));
    assertEquals(List.of("r", "s"), rs.spread(true));
    assertEquals(16, product(rs));
  }
}
