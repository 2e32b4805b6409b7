// The layout derived from machines: address widths follow the buffer and DRAM sizes, no field straddles a
// word or overlaps another, and machines the ISA cannot address are refused with a message that says why.
package org.tdlc.backend.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdlc.machine.MachineConfig;

class IsaLayoutTest {
  @Test void widthsFollowTheMachine() {
    IsaLayout l = IsaLayout.of(SamplePrograms.machine(4096), 65536);
    assertEquals(12, l.bufAddrBits());
    assertEquals(16, l.dramAddrBits());
    assertEquals(13, IsaLayout.of(SamplePrograms.machine(4097), 65537).bufAddrBits());
    assertEquals(17, IsaLayout.of(SamplePrograms.machine(4097), 65537).dramAddrBits());
    assertEquals(1, IsaLayout.of(SamplePrograms.machine(1), 0).bufAddrBits());
    assertEquals(1, IsaLayout.of(SamplePrograms.machine(2), 1).dramAddrBits());
    assertEquals(48, IsaLayout.of(SamplePrograms.machine(1L << 31), 1L << 48).dramAddrBits());
    assertEquals(31, IsaLayout.of(SamplePrograms.machine(1L << 31), 1).bufAddrBits());
  }

  @Test void fieldsNeverStraddleOrOverlap() {
    for (long global = 1; global <= 1L << 31; global = global * 3 + 1) {
      for (long dram : new long[] {0, 1, 1000, 1L << 32, 1L << 48}) {
        IsaLayout l = IsaLayout.of(SamplePrograms.machine(global), dram);
        for (Opcode op : Opcode.values()) {
          long[] used = {IsaLayout.OPCODE.mask() | IsaLayout.DEPS.mask(), 0};
          for (IsaLayout.Field f : l.fields(op)) {
            assertTrue(f.lsb() + f.width() <= 64, f + " straddles a word");
            assertEquals(0, used[f.word()] & f.mask(), f + " overlaps another field");
            used[f.word()] |= f.mask();
          }
          for (int w = 0; w < 2; w++) assertEquals(~used[w], l.reservedMask(op, w), "reserved mask of " + op);
        }
      }
    }
  }

  @Test void unaddressableMachinesAreRefused() {
    IsaException big = assertThrows(IsaException.class, () -> IsaLayout.of(SamplePrograms.machine((1L << 31) + 1), 0));
    assertTrue(big.getMessage().contains("needs 32-bit addresses"), big.getMessage());
    IsaException dram = assertThrows(IsaException.class, () -> IsaLayout.of(SamplePrograms.machine(), (1L << 48) + 1));
    assertTrue(dram.getMessage().contains("at most 48"), dram.getMessage());
    IsaException zero = assertThrows(IsaException.class, () -> IsaLayout.of(SamplePrograms.machine(0), 16));
    assertTrue(zero.getMessage().contains("positive size"), zero.getMessage());
    MachineConfig m = SamplePrograms.machine();
    MachineConfig oneLevel = new MachineConfig(m.target(), 4, 4, m.dataflows(), 1, List.of(m.dram()), 1, 1,
        List.of(), false, false);
    IsaException levels = assertThrows(IsaException.class, () -> IsaLayout.of(oneLevel, 16));
    assertTrue(levels.getMessage().contains("global buffer"), levels.getMessage());
  }

  @Test void overflowMessageNamesFieldWidthAndValue() {
    IsaLayout l = IsaLayout.of(SamplePrograms.machine(4096), 65536);
    String msg = l.field(Opcode.MAC, "c").overflowMessage("mac", 5000);
    assertEquals("mac: c = 5000 (0x1388) does not fit its 12-bit field (0..4095): global-buffer addresses have 12"
        + " bits because the global buffer holds 4096 bytes", msg);
    assertTrue(l.describe().contains("mac"), l.describe());
  }
}
