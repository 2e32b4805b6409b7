// Runs a compiled program on real data: bit-exact functional execution of every instruction in an order the
// dependency tokens allow, an analytic timing model (TimingModel, Scheduler) and counters per run and per
// layer. Depends only on the ISA records and tensors, so any producer of a Program can be checked with it.
package org.tdlc.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.data.Tensor;

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
    return new SimResult(IoBinding.readOutputs(program, machine.dram), total(program, scheduler),
        layers(program, scheduler));
  }

  private static Counters total(Program program, Scheduler s) {
    Tally all = new Tally(program.machine().levels().size());
    for (Tally t : s.tallies) all.add(t);
    return Counters.of(program.machine(), all, s.makespan);
  }

  /** Layer k's cycles run from the previous layers' finish to max(that, its own last end). */
  private static List<LayerCounters> layers(Program program, Scheduler s) {
    List<LayerCounters> out = new ArrayList<>();
    long mark = 0;
    for (int k = 0; k < program.layers().size(); k++) {
      Layer l = program.layers().get(k);
      long next = Math.max(mark, s.layerEnd[k]);
      out.add(new LayerCounters(l.name(), l.op(), l.first(), l.last(),
          Counters.of(program.machine(), s.tallies[k], next - mark)));
      mark = next;
    }
    return out;
  }
}
