// The byte ranges an instruction reads and writes in the global buffer and in DRAM, from its descriptor:
// bounding ranges, which are exact for the lowering's contiguous regions. Shared by the structural check
// and the race detector.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Descriptor.AluDesc;
import org.tdlc.backend.isa.Descriptor.DmaDesc;
import org.tdlc.backend.isa.Descriptor.DmaDim;
import org.tdlc.backend.isa.Descriptor.MacDesc;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Loop;
import org.tdlc.backend.isa.Program;

final class Footprints {
  private Footprints() {}

  /** One access: [lo, hi) bytes of DRAM or of the global buffer. */
  record Access(boolean dram, boolean write, long lo, long hi) {}

  static List<Access> of(Program p, Instruction x) {
    List<Access> out = new ArrayList<>();
    if (x instanceof Instruction.Load l) {
      DmaDesc d = (DmaDesc) p.descriptors().get(l.desc());
      out.add(buf(d, l.bufAddr(), true));
      out.add(dram(d, l.dramAddr(), false));
    } else if (x instanceof Instruction.Store s) {
      DmaDesc d = (DmaDesc) p.descriptors().get(s.desc());
      out.add(buf(d, s.bufAddr(), false));
      out.add(dram(d, s.dramAddr(), true));
    } else if (x instanceof Instruction.Mac m) {
      MacDesc d = (MacDesc) p.descriptors().get(m.desc());
      out.add(nest(d.loops(), 1, m.a(), d.a().bytes(), false));
      out.add(nest(d.loops(), 2, m.b(), d.b().bytes(), false));
      out.add(nest(d.loops(), 0, m.c(), 4, false));
      out.add(nest(d.loops(), 0, m.c(), 4, true));
    } else if (x instanceof Instruction.Convert c) {
      // reads the staged block, writes the tile as a load of its descriptor would
      out.add(new Access(false, false, c.src(), (long) c.src() + c.bytes()));
      out.add(buf((DmaDesc) p.descriptors().get(c.desc()), c.dst(), true));
    } else if (x instanceof Instruction.Alu a) {
      AluDesc d = (AluDesc) p.descriptors().get(a.desc());
      if (d.op() != AluOp.FILL) out.add(nest(d.loops(), 1, a.src1(), d.src1Type().bytes(), false));
      if (d.op() == AluOp.ADD) out.add(nest(d.loops(), 2, a.src2(), d.src2Type().bytes(), false));
      if (d.op() == AluOp.MAX || d.op() == AluOp.SUM) out.add(nest(d.loops(), 0, a.dst(), d.dstType().bytes(), false));
      out.add(nest(d.loops(), 0, a.dst(), d.dstType().bytes(), true));
    }
    return out;
  }

  static Access buf(DmaDesc d, long base, boolean write) {
    int size = d.type().bytes();
    long lo = base, hi = base;
    for (DmaDim dim : d.dims()) {
      long span = (long) (dim.padBefore() + dim.count() + dim.padAfter() - 1) * dim.bufStride() * size;
      if (span < 0) lo += span; else hi += span;
    }
    return new Access(false, write, lo, hi + size);
  }

  static Access dram(DmaDesc d, long base, boolean write) {
    int size = d.type().bytes();
    long lo = base, hi = base;
    for (DmaDim dim : d.dims()) {
      long span = (long) (dim.count() - 1) * dim.dramStride() * size;
      if (span < 0) lo += span; else hi += span;
    }
    return new Access(true, write, lo, hi + size);
  }

  static Access nest(List<Loop> loops, int operand, long base, int size, boolean write) {
    long lo = base, hi = base;
    for (Loop l : loops) {
      int s = operand == 0 ? l.dst() : operand == 1 ? l.src1() : l.src2();
      long span = (long) (l.extent() - 1) * s * size;
      if (span < 0) lo += span; else hi += span;
    }
    return new Access(false, write, lo, hi + size);
  }
}
