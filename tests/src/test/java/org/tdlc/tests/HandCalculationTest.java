// One small layer costed by hand and checked exactly: y = matmul(a: i8[2,4], w: i8[4,3]) on `tiny`
// (2x2 PEs, DRAM 4 B/cycle with 10 cycles latency, global buffer 8 B/cycle). The program the lowering
// emits (tdlc compile --emit asm) and the cost of each instruction under the rules of docs/machine.md:
//
//   0 config              compute  0..1    pushes c2l at 1
//   1 load a (8 B)        load     1..13   waits c2l@1; 10 + max(8/4, 8/8) = 12; dram read 8, global write 8
//   2 load w (12 B)       load    13..26   10 + max(12/4, ceil(12/8)) = 13;     dram read 12, global write 12
//   3 mac init            compute 26..39   waits l2c@26; ws, rows = k (4), cols = n (3), other loop m (2):
//                                          F = ceil(4/2) * ceil(3/2) = 4 folds, S = 4 * 2 = 8 steps;
//                                          the array: max(2 + 8, 2 + 3 x 2 + 8/4) + (2 + 2 - 2) = 12 cycles;
//                                          what it moves (ArrayTraffic): A streams, 4 rows x 2 column folds
//                                          x 2 steps = 16 B; B stays, 12 B; partial sums leave per row fold
//                                          (2) x 3 columns x 2 steps = 12 x 4 = 48 B written, 12 - 6 (the
//                                          first of each of the 6 accumulators) = 6 x 4 = 24 B read back;
//                                          100 B through the 8 B/cycle port: 13 cycles; 24 MACs;
//                                          local read 24 x (1 + 1 + 4) = 144, local write 24 x 4 = 96
//   4 store y (24 B)      store   39..55   waits c2s@39; 10 + max(24/4, 24/8) = 16; global read 24, dram write 24
//   5 halt                         55      waits s2c@55
//
// Totals: 55 cycles; DRAM 20 read + 24 written = 44 B x 100 pJ = 4400 pJ; global 16 + 12 + 24 + 24 = 76 read
// + 8 + 12 + 48 = 68 written = 144 B x 2 pJ = 288 pJ; local 144 + 96 = 240 B x 0.5 pJ = 120 pJ; MACs 24 x
// 0.25 pJ = 6 pJ; energy 4814 pJ; utilization 24 / (4 PEs x 55 cycles) = 6/55. Where the 55 cycles went: the
// compute queue works 0..1 and 26..39 (14 cycles); only transfers run 1..26 and 39..55 (41); nothing is idle.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HandCalculationTest {
  static final String FILE = "tests/src/test/resources/e2e/hand_matmul.tdl";

  @Test
  void cyclesBytesAndEnergyAreExactlyTheHandCalculation() {
    Tdlc.Result r = Tdlc.run("run", FILE, "--target", "tiny", "--json");
    assertEquals(0, r.code(), r.toString());
    String total = r.out().substring(r.out().indexOf("\"total\""));
    assertTrue(total.contains("\"macs\": 24, \"macs_skipped\": 0, \"cycles\": 55, \"elapsed_cycles\": "
        + "{\"computing\": 14, \"transfer_only\": 41, \"idle\": 0}, \"energy_pj\": 4814.0, "
        + "\"utilization\": " + 24.0 / (4 * 55)), total);
    assertTrue(total.contains("\"bytes\": {\"dram\": {\"read\": 20, \"write\": 24}, \"global\": {\"read\": 76, "
        + "\"write\": 68}, \"local\": {\"read\": 144, \"write\": 96}}"), total);
    assertTrue(total.contains("\"energy_pj_by_level\": {\"dram\": 4400.0, \"global\": 288.0, \"local\": 120.0, "
        + "\"mac\": 6.0}"), total);
    assertTrue(r.out().contains("\"verified\": true"), r.out());
  }

  @Test
  void theProgramIsTheOneCostedAbove() {
    Tdlc.Result r = Tdlc.run("compile", FILE, "--target", "tiny", "--emit", "asm");
    assertEquals(0, r.code(), r.toString());
    String text = r.out().substring(r.out().indexOf(".text"));
    String[] ops = text.lines().filter(l -> !l.startsWith(";") && !l.startsWith(".") && !l.isBlank())
        .map(l -> l.split("\\s+")[0]).takeWhile(op -> !op.matches("[0-9a-f]{8}")).toArray(String[]::new);
    assertEquals("config load load mac store halt", String.join(" ", ops), text);
  }
}
