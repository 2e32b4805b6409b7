// Runs a compiled program on real data: bit-exact functional execution of every instruction in an order the
// dependency tokens allow, an analytic timing model (the machine module's Timing, and Scheduler) and counters per run and per
// layer. Depends only on the ISA records and tensors, so any producer of a Program can be checked with it.
package org.tdlc.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.data.Tensor;

/**
 * Semantics. DRAM is program.dramSize() bytes (paged: Dram) holding the data segment at 0 and each input at its
 * symbol's address (row-major, little-endian, elements as wide as the symbol's type); the global buffer is a
 * byte array of the machine's global level size. Instructions execute as the ISA records document, every
 * address range is checked before an instruction touches memory, and outputs are read back after HALT.
 *
 * <p>Timing (Scheduler). Per-queue timelines; an instruction starts at max(its queue's free time, the push
 * times of the tokens it pops) and lasts what the machine model's Timing says for it. Total cycles = the latest
 * end of any instruction.
 *
 * <p>Counting. Bytes per level: LOAD reads its in-range bytes from DRAM and writes every point to the global
 * buffer; STORE reads the buffer and writes DRAM. A MAC reads the distinct A and B elements it touches and
 * reads and writes its C footprint once (perfect reuse inside one instruction), and at the local level (the
 * third level, if any) each issued MAC moves what the machine model's Energy says. An ALU point reads its
 * sources (and the destination for MAX and SUM) and writes the destination. Energy is Energy.total of those
 * bytes and the issued MACs. Layers get the events of the
 * instructions in their [first, last] range; a layer's cycles run from the previous layer's finish to its
 * own (its latest end, or the previous finish if later), so they add up to the total whenever the last
 * layer holds the instruction that finishes last (HALT always ends at the total).
 */
public final class Simulator {
  private Simulator() {}

  public static SimResult run(Program program, Map<String, Tensor> inputs) {
    return run(program, inputs, Options.DEFAULT);
  }

  /**
   * Runs {@code program} with {@code inputs} (by input symbol name) until HALT. Throws SimulationException
   * on a malformed program, wrong inputs, an out-of-range address, a deadlock or unbalanced tokens.
   */
  public static SimResult run(Program program, Map<String, Tensor> inputs, Options options) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(options, "options");
    Plans plans = ProgramCheck.check(program);
    Machine machine = new Machine(program, plans);
    IoBinding.writeInputs(program, inputs, machine.dram);
    Scheduler scheduler = new Scheduler(program, machine, options.trace());
    scheduler.run();
    Occupancy occupancy = scheduler.occupancy();
    return new SimResult(IoBinding.readOutputs(program, machine.dram), total(program, scheduler, occupancy),
        layers(program, scheduler, occupancy));
  }

  private static Counters total(Program program, Scheduler s, Occupancy o) {
    Tally all = new Tally(program.machine().levels().size());
    for (Tally t : s.tallies) all.add(t);
    return Counters.of(program.machine(), all, 0, s.makespan, o);
  }

  /**
   * Layer k's cycles run from the previous layers' finish to max(that, its own last end); where they went is
   * what every queue did in that window (another layer's prefetch included: it is what the cycles cost).
   */
  private static List<LayerCounters> layers(Program program, Scheduler s, Occupancy o) {
    List<LayerCounters> out = new ArrayList<>();
    long mark = 0;
    for (int k = 0; k < program.layers().size(); k++) {
      Layer l = program.layers().get(k);
      long next = Math.max(mark, s.layerEnd[k]);
      out.add(new LayerCounters(l.name(), l.op(), l.first(), l.last(),
          Counters.of(program.machine(), s.tallies[k], mark, next, o)));
      mark = next;
    }
    return out;
  }
}
