// The plots' value axes: a log axis spans the whole decades around its values (DRAM's 44.9 MB and the
// per-PE level's 11 GB on one chart), a linear one ends at a round step above its maximum, and a percentage
// axis at 100.
package org.tdlc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartAxisTest {
  @Test
  void aLogAxisSpansTheDecadesAroundItsValues() {
    ChartAxis a = ChartAxis.log(44.9e6, 11e9, 0);
    assertEquals(List.of(1e7, 1e8, 1e9, 1e10, 1e11), a.ticks());
    assertEquals(List.of("10M", "100M", "1G", "10G", "100G"), a.ticks().stream().map(ChartAxis::label).toList());
    assertEquals(0.25, a.fraction(1e8), 1e-12);
    assertEquals(0, a.fraction(0), "nothing sits at the bottom");
  }

  @Test
  void aShortLogAxisAlsoMarksTwoAndFiveTimesEachDecade() {
    ChartAxis a = ChartAxis.log(0.3, 7);
    assertEquals(List.of(0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0), a.ticks());
    assertEquals(List.of("0.1", "0.2", "0.5", "1", "2", "5", "10"), a.ticks().stream().map(ChartAxis::label).toList());
  }

  @Test
  void aLinearAxisEndsAtARoundStep() {
    assertEquals(List.of(0.0, 200_000.0, 400_000.0, 600_000.0, 800_000.0), ChartAxis.linear(611_613).ticks());
    assertEquals(List.of(0.0, 5.0, 10.0, 15.0), ChartAxis.linear(12.01).ticks());
    assertEquals(List.of(0.0, 2.5, 5.0, 7.5, 10.0), ChartAxis.linear(9.1).ticks());
    assertEquals(List.of(0.0, 25.0, 50.0, 75.0, 100.0), ChartAxis.percent().ticks());
    assertEquals(0.56, ChartAxis.percent().fraction(56), 1e-12);
  }
}
