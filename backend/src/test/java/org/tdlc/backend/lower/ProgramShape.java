// A minimal structural verifier for lowered programs, independent of the simulator: one HALT at the end,
// the right descriptor kind per instruction, legal and balanced token bits (replayed in stream order, so a
// pop never precedes its push), every buffer and DRAM byte touched inside its memory, layers in range.
// Also runs the ISA's ProgramVerifier. Ordering of conflicting accesses is RaceCheck's job.
package org.tdlc.backend.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.tdlc.backend.isa.Deps;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Descriptor.AluDesc;
import org.tdlc.backend.isa.Descriptor.DmaDesc;
import org.tdlc.backend.isa.Descriptor.DmaDim;
import org.tdlc.backend.isa.Descriptor.MacDesc;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.ProgramStructure;
import org.tdlc.backend.isa.ProgramVerifier;
import org.tdlc.backend.isa.Queue;
import org.tdlc.backend.isa.Symbol;

public final class ProgramShape {
  private ProgramShape() {}

  public static void check(Program p) {
    assertEquals(List.of(), ProgramVerifier.verify(p), "the ISA's ProgramVerifier finds no problem");
    List<Instruction> in = p.instructions();
    assertTrue(in.get(in.size() - 1) instanceof Instruction.Halt, "ends with halt");
    assertTrue(in.get(0) instanceof Instruction.Config, "starts with config");
    int[] tokens = new int[4];   // l2c, c2l, c2s, s2c
    long global = p.machine().global().sizeBytes();
    for (int i = 0; i < in.size(); i++) {
      Instruction x = in.get(i);
      String at = "instruction " + i + " " + x;
      if (x instanceof Instruction.Halt) assertEquals(in.size() - 1, i, "one halt, at the end");
      tokens(x.queue(), x.deps(), tokens, at);
      if (x instanceof Instruction.Load l) {
        desc(p, l.desc(), DmaDesc.class, at);
      } else if (x instanceof Instruction.Store s) {
        DmaDesc d = (DmaDesc) desc(p, s.desc(), DmaDesc.class, at);
        for (DmaDim dim : d.dims()) assertEquals(0, dim.padBefore() + dim.padAfter(), at + ": store pads");
      } else if (x instanceof Instruction.Mac m) {
        MacDesc d = (MacDesc) desc(p, m.desc(), MacDesc.class, at);
        assertTrue(d.loops().size() <= Descriptor.MAX_LOOPS, at);
        assertTrue((d.rowLoops() | d.colLoops()) >>> d.loops().size() == 0, at);
        assertEquals(0, d.rowLoops() & d.colLoops(), at);
      } else if (x instanceof Instruction.Convert c) {
        DmaDesc d = (DmaDesc) desc(p, c.desc(), DmaDesc.class, at);
        assertTrue(d.compressed() && !p.machine().hardwareDecode(), at + ": converts a compressed block in software");
        assertTrue(i > 0 && in.get(i - 1) instanceof Instruction.Load, at + ": right after its staging load");
      } else if (x instanceof Instruction.Alu a) {
        AluDesc d = (AluDesc) desc(p, a.desc(), AluDesc.class, at);
        assertTrue(d.loops().size() <= Descriptor.MAX_LOOPS, at);
      }
      int named = ProgramStructure.descriptorIndex(x);
      if (named >= 0 && p.descriptors().get(named) instanceof DmaDesc d) {
        assertTrue(d.dims().size() <= Descriptor.MAX_DMA_DIMS, at + ": dma dims");
        for (DmaDim dim : d.dims()) assertTrue(dim.count() >= 1, at + ": count " + dim);
      }
      for (Footprints.Access acc : Footprints.of(p, x)) {
        long limit = acc.dram() ? p.dramSize() : global;
        assertTrue(acc.lo() >= 0 && acc.hi() <= limit, at + ": touches " + (acc.dram() ? "DRAM" : "buffer")
            + " bytes [" + acc.lo() + ", " + acc.hi() + ") outside [0, " + limit + ")");
      }
    }
    assertArrayEquals0(tokens);
    assertTrue(p.dataSegment().length <= p.dramSize());
    for (Symbol s : p.symbols()) {
      assertTrue(s.dramAddr() >= p.dataSegment().length && s.dramAddr() + s.elementCount() * s.type().bytes()
          <= p.dramSize(), "symbol " + s.name() + " inside DRAM, after the data segment");
    }
    int next = 0;
    for (Layer l : p.layers()) {
      assertTrue(l.first() >= next && l.last() >= l.first() && l.last() < in.size() - 1, "layer " + l);
      next = l.last() + 1;
    }
  }

  private static void assertArrayEquals0(int[] tokens) {
    for (int t : tokens) assertEquals(0, t, "every token popped by halt");
  }

  private static Descriptor desc(Program p, int i, Class<?> kind, String at) {
    assertTrue(i >= 0 && i < p.descriptors().size(), at + ": descriptor index");
    assertTrue(kind.isInstance(p.descriptors().get(i)), at + ": descriptor kind");
    return p.descriptors().get(i);
  }

  private static void tokens(Queue q, Deps d, int[] t, String at) {
    switch (q) {
      case LOAD -> {
        assertTrue(!d.popPrev() && !d.pushPrev(), at + ": load has no prev");
        if (d.popNext()) pop(t, 1, at);
        if (d.pushNext()) t[0]++;
      }
      case COMPUTE -> {
        if (d.popPrev()) pop(t, 0, at);
        if (d.popNext()) pop(t, 3, at);
        if (d.pushPrev()) t[1]++;
        if (d.pushNext()) t[2]++;
      }
      case STORE -> {
        assertTrue(!d.popNext() && !d.pushNext(), at + ": store has no next");
        if (d.popPrev()) pop(t, 2, at);
        if (d.pushPrev()) t[3]++;
      }
    }
  }

  private static void pop(int[] t, int f, String at) {
    if (t[f] == 0) fail(at + ": pops a token no earlier instruction pushed");
    t[f]--;
  }
}
