// Static checks of a program before it runs, so execution never meets a malformed record: memory sizes,
// descriptors (loop counts, PE mapping, immediates, pads), each instruction's descriptor kind, legal token
// bits for its queue, supported dataflows, one HALT at the end, symbols and layers inside their ranges.
// Address ranges depend on base addresses and are checked per instruction when it executes.
package org.tdlc.sim;

import java.util.List;
import java.util.Locale;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Descriptor.AluDesc;
import org.tdlc.backend.isa.Descriptor.DmaDesc;
import org.tdlc.backend.isa.Descriptor.MacDesc;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.IsaLayout;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.Queue;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.target.MemoryLevel;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.Shape;
import org.tdlc.machine.ArrayAxes;
import org.tdlc.machine.MachineConfig;

final class ProgramCheck {
  /** The largest global buffer the simulator holds (in one Java array). */
  static final long MAX_MEMORY = MemoryLevel.MAX_BYTES;
  /** The largest DRAM: what the ISA's DRAM address fields reach (the simulator's DRAM is paged, see Dram). */
  static final long MAX_DRAM = 1L << IsaLayout.MAX_DRAM_BITS;

  private ProgramCheck() {}

  static Plans check(Program p) {
    checkMachine(p);
    Plans plans = new Plans(p.descriptors().size());
    for (int d = 0; d < p.descriptors().size(); d++) plan(p.descriptors().get(d), d, plans);
    checkInstructions(p, plans);
    checkSymbols(p);
    checkLayers(p);
    return plans;
  }

  private static void checkMachine(Program p) {
    MachineConfig m = p.machine();
    if (m.levels().size() < 2) {
      throw new SimulationException("machine '" + m.target() + "' needs at least DRAM and a global buffer, has "
          + m.levels().size() + " memory levels");
    }
    if (m.rows() < 1 || m.cols() < 1) {
      throw new SimulationException("machine '" + m.target() + "' has a " + m.rows() + "x" + m.cols() + " PE array");
    }
    long global = m.global().sizeBytes();
    if (global < 0 || global > MAX_MEMORY) {
      throw new SimulationException("global buffer of " + global + " bytes is outside [0, " + MAX_MEMORY + "]");
    }
    if (p.dramSize() < p.dataSegment().length || p.dramSize() > MAX_DRAM) {
      throw new SimulationException("DRAM size " + p.dramSize() + " must hold the " + p.dataSegment().length
          + "-byte data segment and be at most " + MAX_DRAM + " bytes");
    }
  }

  private static void plan(Descriptor desc, int d, Plans plans) {
    try {
      if (desc instanceof MacDesc m) {
        checkLoops(m.loops().size());
        int n = m.loops().size();
        if (!ArrayAxes.within(m.rowLoops(), n) || !ArrayAxes.within(m.colLoops(), n)) {
          throw new IllegalArgumentException("row loops " + Integer.toBinaryString(m.rowLoops()) + " / col loops "
              + Integer.toBinaryString(m.colLoops()) + " (bit masks) must name only its " + n + " loops");
        }
        if ((m.rowLoops() & m.colLoops()) != 0) {
          throw new IllegalArgumentException("loops " + Integer.toBinaryString(m.rowLoops() & m.colLoops())
              + " (bit mask) are mapped on both rows and columns");
        }
        String walk = m.pe().problem(n);
        if (walk != null) throw new IllegalArgumentException(walk);
        plans.nest[d] = new NestPlan(m.loops(), ElementType.I32.bytes(), m.a().bytes(), m.b().bytes());
      } else if (desc instanceof AluDesc a) {
        checkLoops(a.loops().size());
        if (a.op() == AluOp.REQUANT && (a.imm() < 0 || a.imm() > Ops.REQUANT_MAX_SHIFT)) {
          throw new IllegalArgumentException("requant shift " + a.imm() + " is outside 0.." + Ops.REQUANT_MAX_SHIFT);
        }
        if (a.op() == AluOp.AVGDIV && a.imm() < 1) {
          throw new IllegalArgumentException("avgdiv divisor " + a.imm() + " must be positive");
        }
        String bad = a.op().problem(a.imm(), a.src1Type());
        if (bad != null) throw new IllegalArgumentException(bad);
        plans.nest[d] = new NestPlan(a.loops(), a.dstType().bytes(), a.src1Type().bytes(), a.src2Type().bytes());
      } else if (desc instanceof DmaDesc dma) {
        if (dma.dims().size() > Descriptor.MAX_DMA_DIMS) {
          throw new IllegalArgumentException(dma.dims().size() + " dimensions, at most "
              + Descriptor.MAX_DMA_DIMS + " allowed");
        }
        plans.dma[d] = new DmaPlan(dma);
      }
    } catch (IllegalArgumentException e) {
      throw new SimulationException("descriptor " + d + ": " + e.getMessage());
    }
  }

  private static void checkLoops(int n) {
    if (n > Descriptor.MAX_LOOPS) {
      throw new IllegalArgumentException(n + " loops, at most " + Descriptor.MAX_LOOPS + " allowed");
    }
  }

  private static void checkInstructions(Program p, Plans plans) {
    List<Instruction> insns = p.instructions();
    if (insns.isEmpty() || !(insns.get(insns.size() - 1) instanceof Instruction.Halt)) {
      throw new SimulationException("the program must end with halt");
    }
    for (int i = 0; i < insns.size(); i++) {
      Instruction insn = insns.get(i);
      String bad = problem(p, insn, plans, i == insns.size() - 1);
      if (bad != null) throw new SimulationException(i, AsmText.named(p, i) + ": " + bad);
    }
  }

  /** What is wrong with one instruction, or null. */
  private static String problem(Program p, Instruction insn, Plans plans, boolean last) {
    Queue q = insn.queue();
    if (insn.deps().popPrev() && TokenFifos.popPrev(q) == TokenFifos.NONE
        || insn.deps().pushPrev() && TokenFifos.pushPrev(q) == TokenFifos.NONE) {
      return "a " + queueName(q) + "-queue instruction has no previous queue to exchange tokens with";
    }
    if (insn.deps().popNext() && TokenFifos.popNext(q) == TokenFifos.NONE
        || insn.deps().pushNext() && TokenFifos.pushNext(q) == TokenFifos.NONE) {
      return "a " + queueName(q) + "-queue instruction has no next queue to exchange tokens with";
    }
    if (insn instanceof Instruction.Halt) return last ? null : "halt before the end of the program";
    if (insn instanceof Instruction.Config c) {
      return p.machine().dataflows().contains(c.dataflow()) ? null
          : "dataflow " + c.dataflow().keyword() + " is not supported by " + p.machine().target();
    }
    if (insn instanceof Instruction.Mac m) return descriptorKind(p, m.desc(), MacDesc.class);
    if (insn instanceof Instruction.Alu a) return descriptorKind(p, a.desc(), AluDesc.class);
    if (insn instanceof Instruction.Load l) {
      String kind = descriptorKind(p, l.desc(), DmaDesc.class);
      if (kind != null || p.machine().hardwareDecode() || !plans.dma[l.desc()].compressed()) return kind;
      return p.machine().target() + " decodes in software: a compressed load needs a hardware decoder (stage the"
          + " block with a dense load and convert it)";
    }
    if (insn instanceof Instruction.Convert c) {
      String kind = descriptorKind(p, c.desc(), DmaDesc.class);
      if (kind != null) return kind;
      if (!plans.dma[c.desc()].compressed()) return "descriptor " + c.desc() + " is dense; convert needs a compressed format";
      return c.bytes() < 1 ? "bytes = " + c.bytes() + ", a block has at least one byte" : null;
    }
    Instruction.Store s = (Instruction.Store) insn;
    String kind = descriptorKind(p, s.desc(), DmaDesc.class);
    if (kind != null) return kind;
    return plans.dma[s.desc()].padded ? "store descriptor d" + s.desc() + " has padding; stores cannot pad" : null;
  }

  private static String queueName(Queue q) { return q.name().toLowerCase(Locale.ROOT); }

  private static String descriptorKind(Program p, int desc, Class<? extends Descriptor> kind) {
    if (desc < 0 || desc >= p.descriptors().size()) {
      return "descriptor " + desc + " does not exist (the table has " + p.descriptors().size() + ")";
    }
    Descriptor d = p.descriptors().get(desc);
    return kind.isInstance(d) ? null
        : "descriptor " + desc + " is a " + d.getClass().getSimpleName() + ", expected a " + kind.getSimpleName();
  }

  private static void checkSymbols(Program p) {
    for (Symbol s : p.symbols()) {
      try {
        Shape.of(s.shape());
      } catch (IllegalArgumentException e) {
        throw new SimulationException(kindName(s) + " '" + s.name() + "': " + e.getMessage());
      }
      long bytes = s.elementCount() * s.type().bytes();
      if (s.dramAddr() < 0 || s.dramAddr() + bytes > p.dramSize()) {
        throw new SimulationException(kindName(s) + " '" + s.name() + "' at DRAM bytes ["
            + s.dramAddr() + ", " + (s.dramAddr() + bytes) + ") is outside [0, " + p.dramSize() + ")");
      }
    }
  }

  private static String kindName(Symbol s) { return s.kind().name().toLowerCase(Locale.ROOT); }

  private static void checkLayers(Program p) {
    int n = p.instructions().size();
    for (Layer l : p.layers()) {
      if (l.first() < 0 || l.last() >= n || l.last() < l.first() - 1) {
        throw new SimulationException("layer '" + l.name() + "' covers instructions [" + l.first() + ", " + l.last()
            + "], outside the program's [0, " + (n - 1) + "]");
      }
    }
  }
}
