// The target model on its own: the canonical text (exact), numbers and sizes as targets write them,
// and the invariants a Target refuses to be built without (the front end reports them to users first).
package org.tdlc.ir.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.Location;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.StorageFormat;

class TargetTest {
  static final MemoryLevel DRAM = new MemoryLevel("dram", 0, false, 16, 100, false, 64);
  static final MemoryLevel GLOBAL = new MemoryLevel("global", 256 * 1024, false, 64, 2.5, true, 0);
  static final MemoryLevel LOCAL = new MemoryLevel("local", 64, true, 0, 0.15, false, 0);

  static Target target(Set<Dataflow> flows, boolean flexible, List<MemoryLevel> levels) {
    return new Target("t", 16, 8, flows, flexible, 1500, ElementType.I8, ElementType.I32, levels, 0.25,
        new SparseSupport(List.of(StorageFormat.CSR, StorageFormat.DENSE), true, true), FoldSchedule.DEFAULT,
        Location.of("t.tdl", 1, 1));
  }

  @Test
  void canonicalText() {
    assertEquals("""
        target t {
          pe_array 16 x 8;
          dataflows ws, rs;
          folds overlapped;
          stationary double_buffer;
          frequency 1500 MHz;
          datatype i8 accumulate i32;
          memory dram   { bandwidth 16 B/cycle; energy 100 pJ/B; latency 64 cycles; port shared; }
          memory global { size 256 KiB; bandwidth 64 B/cycle; energy 2.5 pJ/B; double_buffer; }
          memory local  { size 64 B per pe; energy 0.15 pJ/B; }
          mac { energy 0.25 pJ; }
          sparse { formats dense, csr; decode hardware; skip zeros; }
        }
        """, target(EnumSet.of(Dataflow.RS, Dataflow.WS), false, List.of(DRAM, GLOBAL, LOCAL)).toTdl());
    Target flexible = target(EnumSet.allOf(Dataflow.class), true, List.of(DRAM, GLOBAL));
    assertEquals("  dataflows flexible;", flexible.toTdl().lines().toList().get(2));
    assertEquals(flexible.fingerprint(), flexible.withLoc(Location.UNKNOWN).fingerprint(), "loc is not hardware");
  }

  @Test
  void numbersAndSizes() {
    assertEquals("16", Quantities.number(16.0));
    assertEquals("2.5", Quantities.number(2.5));
    assertEquals("0.00015", Quantities.number(1.5e-4));
    assertEquals("0.1", Quantities.number(0.1));
    assertEquals("512 B", Quantities.bytes(512));
    assertEquals("1536 B", Quantities.bytes(1536));
    assertEquals("108 KiB", Quantities.bytes(108 * 1024));
    assertEquals("24 MiB", Quantities.bytes(24L << 20));
    assertEquals("2 GiB", Quantities.bytes(2L << 30));
    assertEquals("unbounded", DRAM.sizeText());
    assertEquals("64 B per pe", LOCAL.sizeText());
    assertEquals(64 * 256, LOCAL.totalBytes(256));
  }

  @Test
  void invariants() {
    Set<Dataflow> ws = EnumSet.of(Dataflow.WS);
    assertThrows(IllegalArgumentException.class, () -> target(ws, false, List.of(DRAM)));
    assertThrows(IllegalArgumentException.class, () -> target(ws, false, List.of(GLOBAL, LOCAL)));
    assertThrows(IllegalArgumentException.class, () -> target(ws, false, List.of(DRAM, LOCAL)));
    assertThrows(IllegalArgumentException.class, () -> target(ws, false, List.of(DRAM, GLOBAL, LOCAL, GLOBAL)));
    assertThrows(IllegalArgumentException.class, () -> target(ws, true, List.of(DRAM, GLOBAL)));
    assertThrows(IllegalArgumentException.class, () -> target(Set.of(), false, List.of(DRAM, GLOBAL)));
    assertThrows(IllegalArgumentException.class, () -> new SparseSupport(List.of(StorageFormat.CSR), false, false));
    assertThrows(IllegalArgumentException.class, () -> new MemoryLevel("x", -1, false, 0, 0, false, 0));
    Target t = target(ws, false, List.of(DRAM, GLOBAL, LOCAL));
    assertEquals(128, t.peCount());
    assertEquals(List.of(LOCAL), t.perPeLevels());
    MemoryLevel in = new MemoryLevel("in", 12, true, 0, 1, false, 0, 0, Operand.INPUTS.bit());
    MemoryLevel psum = new MemoryLevel("psum", 24, true, 0, 1, false, 0, 0, Operand.OUTPUTS.bit());
    assertEquals(36, target(ws, false, List.of(DRAM, GLOBAL, in, psum)).perPeBytes());
    assertThrows(IllegalArgumentException.class, () -> target(ws, false, List.of(DRAM, GLOBAL, in, LOCAL)),
        "two per-PE levels hold the inputs");
    assertThrows(IllegalArgumentException.class, () -> target(ws, false, List.of(DRAM, GLOBAL, in, GLOBAL)),
        "a per-PE level before a shared one");
    // a shared level inside the global buffer may stage a part of the operands; the global buffer holds all
    MemoryLevel row = new MemoryLevel("row", 64, false, 0, 1, false, 0, 0, Operand.WEIGHTS.bit());
    assertEquals(Operand.WEIGHTS.bit(), target(ws, false, List.of(DRAM, GLOBAL, row, LOCAL)).levels().get(2).holds());
    assertThrows(IllegalArgumentException.class, () -> target(ws, false, List.of(DRAM, row, LOCAL)),
        "the global buffer holds every operand");
    assertEquals(GLOBAL, t.level("global").orElseThrow());
    assertEquals(List.of(StorageFormat.DENSE, StorageFormat.CSR), t.formats());
  }
}
