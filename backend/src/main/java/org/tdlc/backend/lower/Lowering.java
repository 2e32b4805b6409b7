// Lowers a model (after canonicalize and fuse-epilogue, or without them) to a micro-op program, following
// each op's `mapping` attribute where the mapping passes set one, else a simple fixed mapping: DRAM laid out by DramPlan, every op tiled by TileEmitter into the global buffer,
// one CONFIG barrier and one Layer record per op that emits instructions, HALT at the end.
package org.tdlc.backend.lower;

import org.tdlc.ir.target.Dataflow;
import org.tdlc.backend.isa.MachineConfig;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.interp.WeightLoader;
import org.tdlc.ir.ops.OpTypeException;

public final class Lowering {
  private final WeightLoader weights;

  /** Weight files are read relative to the .tdl that declares them, else the working directory. */
  public Lowering() { this(new WeightLoader()); }

  public Lowering(WeightLoader weights) { this.weights = weights; }

  /** The program computing {@code model} on {@code machine}; throws LoweringException if it cannot. */
  public Program lower(Model model, MachineConfig machine) {
    if (machine.levels().size() < 2) {
      throw new IllegalArgumentException("machine " + machine.target() + " has no global buffer level");
    }
    Dataflow dataflow = dataflow(machine);
    DramPlan dram = DramPlan.of(model, weights);
    OpSpecs specs = new OpSpecs(dram);
    ProgramBuilder out = new ProgramBuilder();
    for (int i = 0; i < model.ops().size(); i++) {
      Operation op = model.ops().get(i);
      String name = op.results().isEmpty() || op.result().nameHint() == null
          ? op.name().substring(op.name().indexOf('.') + 1) + i : op.result().nameHint();
      TiledOp t;
      try {
        t = specs.of(op, name);
      } catch (DictAttr.AttributeException | OpTypeException e) {
        throw new LoweringException(op.location(), op.name() + ": " + e.getMessage());
      }
      MappedTiles mapped = MappedTiles.of(op, t);
      if (t != null) emit(out, mapped == null ? dataflow : mapped.dataflow(), t, machine, mapped);
    }
    for (DramPlan.Copy c : dram.copies()) {
      var type = c.source().type();
      emit(out, dataflow, OpSpecs.copy(c.name(), c.source().definingOp().location(), type.element(),
          type.shape().elementCount(), c.from(), c.to()), machine, null);
    }
    if (out.size() == 0) out.beginLayer("config", "config", dataflow);
    return out.finish(machine, dram.dataSegment(), dram.dramSize(), dram.symbols());
  }

  /** ws if the array runs it, else os, else rs; ws for an array that names none. */
  static Dataflow dataflow(MachineConfig machine) {
    for (Dataflow d : new Dataflow[] {Dataflow.WS, Dataflow.OS, Dataflow.RS}) {
      if (machine.dataflows().contains(d)) return d;
    }
    return Dataflow.WS;
  }

  private static void emit(ProgramBuilder out, Dataflow dataflow, TiledOp t, MachineConfig machine,
                           MappedTiles mapped) {
    out.beginLayer(t.layerName(), t.opName(), dataflow);
    TileEmitter.emit(out, dataflow, t, machine.global(), mapped);
    out.endLayer();
  }
}
