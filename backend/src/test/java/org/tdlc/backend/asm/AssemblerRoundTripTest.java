// Assembly round trips: a full program prints, parses back to an equal program, and prints to the same text;
// awkward names, empty sections and extreme values survive too.
package org.tdlc.backend.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.Dataflow;
import org.tdlc.backend.isa.MachineConfig;
import org.tdlc.backend.isa.MemoryLevel;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.ProgramEquality;
import org.tdlc.backend.isa.SamplePrograms;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.type.ElementType;

class AssemblerRoundTripTest {
  static void roundTrip(Program p) {
    String text = Disassembler.print(p);
    Program back = Assembler.parse(text, "rt.tasm");
    assertNull(ProgramEquality.firstDifference(p, back), text);
    assertEquals(text, Disassembler.print(back));
  }

  @Test void denseLayerRoundTrips() {
    roundTrip(SamplePrograms.dense());
  }

  @Test void awkwardNamesAndValues() {
    MachineConfig m = new MachineConfig("odd target \"q\"\n;//", -3, 0, Set.of(), Double.NaN,
        List.of(new MemoryLevel("d r\u00e9m", 0, false, -0.0, 1.0E-300, false),
            new MemoryLevel("\uD800", 1, true, Double.POSITIVE_INFINITY, Double.MAX_VALUE, true)),
        Double.NEGATIVE_INFINITY, Integer.MIN_VALUE, List.of("", "a b", "\t"), true, false);
    roundTrip(new Program(m, List.of(), List.of(), new byte[] {1, 2, 3}, 0x30, List.of(
        new Symbol("input.1", Symbol.Kind.INPUT, ElementType.I16, List.of(), 0),
        new Symbol("\\", Symbol.Kind.OUTPUT, ElementType.I32, List.of(2, 3), 8)),
        List.of()));
  }

  @Test void emptyProgram() {
    roundTrip(new Program(SamplePrograms.machine(), List.of(), List.of(), new byte[0], 0, List.of(), List.of()));
  }
}
