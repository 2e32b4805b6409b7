// The predicted cost of every vector layer of a lowered program, without running it: each instruction is
// charged the machine model's cycles (Timing) and bytes (a DMA's elements, an ALU op's operands by
// AluOp.readBytes), and starts, as the simulator's scheduler starts it (QueueSchedule), when its queue is free
// and every instruction it waits for (its buffer hazards and the layer's barrier, as ProgramBuilder recorded
// them) has ended, DRAM's port granted as DramArbiter says. A layer's cycles run from its CONFIG to its last instruction's end. Layers with a MAC, a conversion
// or a compressed load are not predicted here: their cost is the mapping cost model's (TileTimeline).
package org.tdlc.backend.lower;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Program;
import org.tdlc.machine.Energy;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.QueueSchedule;
import org.tdlc.machine.Timing;

public final class LayerSchedule {
  private static final int DRAM = 0, GLOBAL = 1;

  /**
   * One vector layer's prediction: its cycles, per memory level (outermost first) the bytes read and written,
   * the energy (Energy.total, so the same double as the simulator's), and how long each queue is busy.
   */
  public record Cost(long cycles, long[] read, long[] written, double energyPj, long loadBusy, long computeBusy,
                     long storeBusy) {}

  private LayerSchedule() {}

  /**
   * By layer name, the cost of every layer of {@code p} that only moves data and runs ALU ops; {@code waits}
   * gives, per instruction, the instructions it waits for. A name two layers share is left out.
   */
  static Map<String, Cost> of(Program p, List<List<Integer>> waits) {
    Map<String, Cost> out = new LinkedHashMap<>();
    Map<String, Integer> seen = new java.util.HashMap<>();
    for (Layer l : p.layers()) seen.merge(l.name(), 1, Integer::sum);
    for (Layer l : p.layers()) {
      if (seen.get(l.name()) != 1) continue;
      Cost c = layer(p, waits, l);
      if (c != null) out.put(l.name(), c);
    }
    return out;
  }

  private static Cost layer(Program p, List<List<Integer>> waits, Layer l) {
    MachineConfig m = p.machine();
    int levels = m.levels().size();
    long[] read = new long[levels], written = new long[levels];
    QueueSchedule queues = new QueueSchedule(m);
    for (int i = l.first(); i <= l.last(); i++) {
      Instruction insn = p.instructions().get(i);
      long dramBefore = read[DRAM] + written[DRAM];
      long cycles = charge(p, insn, read, written);
      if (cycles < 0) return null;
      int[] w = waits.get(i).stream().filter(x -> x >= l.first()).mapToInt(x -> x - l.first()).toArray();
      long dram = read[DRAM] + written[DRAM] - dramBefore;
      queues.add(insn.queue().ordinal(), cycles, insn instanceof Instruction.Store
          ? Timing.dramCycles(m, Timing.Dma.STORE, dram) : Timing.dramCycles(m, Timing.Dma.LOAD, dram), w, 0);
    }
    queues.run();
    long last = 0;
    for (int k = 0; k < queues.size(); k++) last = Math.max(last, queues.end(k));
    return new Cost(last, read, written, Energy.total(m, read, written, 0), queues.busy(0), queues.busy(1),
        queues.busy(2));
  }

  /** The instruction's cycles, its bytes added to read and written; -1 for one this schedule does not predict. */
  private static long charge(Program p, Instruction insn, long[] read, long[] written) {
    MachineConfig m = p.machine();
    if (insn instanceof Instruction.Config) return Timing.CONFIG;
    if (insn instanceof Instruction.Alu a) {
      Descriptor.AluDesc d = (Descriptor.AluDesc) p.descriptors().get(a.desc());
      long points = 1;
      for (var loop : d.loops()) points *= loop.extent();
      read[GLOBAL] += points * d.op().readBytes(d.dstType().bytes(), d.src1Type().bytes(), d.src2Type().bytes());
      written[GLOBAL] += points * d.dstType().bytes();
      return Timing.alu(m, points);
    }
    if (insn instanceof Instruction.Load ld) {
      Descriptor.DmaDesc d = (Descriptor.DmaDesc) p.descriptors().get(ld.desc());
      if (d.compressed()) return -1;
      long inRange = 1;
      for (Descriptor.DmaDim x : d.dims()) inRange *= x.count();
      long dram = inRange * d.type().bytes(), buf = d.points() * d.type().bytes();
      read[DRAM] += dram;
      written[GLOBAL] += buf;
      return Timing.dma(m, Timing.Dma.LOAD, dram, buf);
    }
    if (insn instanceof Instruction.Store st) {
      Descriptor.DmaDesc d = (Descriptor.DmaDesc) p.descriptors().get(st.desc());
      long bytes = d.points() * d.type().bytes();
      read[GLOBAL] += bytes;
      written[DRAM] += bytes;
      return Timing.dma(m, Timing.Dma.STORE, bytes, bytes);
    }
    return -1;   // a MAC or a conversion: the mapping cost model's to predict
  }
}
