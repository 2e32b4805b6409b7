// Lowers a model (after canonicalize and fuse-epilogue, or without them) to a micro-op program, following
// each op's `mapping` attribute where the mapping passes set one, else a simple fixed mapping: DRAM laid out by
// DramPlan, every op tiled by TileEmitter into the global buffer (softmax, layernorm, gather and concat by
// VectorKernels), one CONFIG barrier and one Layer record per op that emits instructions, HALT at the end.
package org.tdlc.backend.lower;

import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.ProgramInfo;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.interp.WeightLoader;
import org.tdlc.ir.ops.OpTypeException;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.machine.MachineConfig;

public final class Lowering {
  private final WeightLoader weights;
  private java.util.Map<String, Long> compressedBytes = java.util.Map.of();
  private java.util.Map<String, java.util.Map<String, String>> layerFormats = java.util.Map.of();
  private java.util.Map<String, LayerSchedule.Cost> vectorCosts = java.util.Map.of();

  /** Weight files are read relative to the .tdl that declares them, else the working directory. */
  public Lowering() { this(new WeightLoader()); }

  public Lowering(WeightLoader weights) { this.weights = weights; }

  /** Whether the backend lowers graph ops named {@code opName}; every declared op must (OpCompletenessTest). */
  public static boolean lowers(String opName) { return OpSpecs.LOWERED.contains(opName); }

  /** The program computing {@code model} on {@code machine}; throws LoweringException if it cannot. */
  public Program lower(Model model, MachineConfig machine) {
    if (machine.levels().size() < 2) {
      throw new IllegalArgumentException("machine " + machine.target() + " has no global buffer level");
    }
    Dataflow dataflow = dataflow(machine);
    DramPlan dram = DramPlan.of(model, weights);
    java.util.Map<String, java.util.Map<String, String>> formats = new java.util.LinkedHashMap<>();
    OpSpecs specs = new OpSpecs(dram);
    ProgramBuilder out = new ProgramBuilder();
    for (int i = 0; i < model.ops().size(); i++) {
      Operation op = model.ops().get(i);
      String name = model.layerName(i);
      if (VectorKernels.handles(op)) {
        formats.put(name, weightFormats(op));
        out.beginLayer(name, op.shortName(), dataflow);
        VectorKernels.emit(out, op, name, dram, machine.global());
        out.endLayer();
        continue;
      }
      TiledOp t;
      try {
        t = specs.of(op, name);
      } catch (DictAttr.AttributeException | OpTypeException e) {
        throw new LoweringException(op.location(), op.name() + ": " + e.getMessage());
      }
      if (t != null) formats.put(name, weightFormats(op));
      MappedTiles mapped = MappedTiles.of(op, t, machine);
      if (t != null) emit(out, mapped == null ? dataflow : mapped.dataflow(), t, machine, mapped);
    }
    for (DramPlan.Copy c : dram.copies()) {
      var type = c.source().type();
      emit(out, dataflow, OpSpecs.copy(c.name(), c.source().definingOp().location(), type.element(),
          type.shape().elementCount(), c.from(), c.to()), machine, null);
    }
    if (out.size() == 0) out.beginLayer("config", "config", dataflow);
    Program program = out.finish(machine, dram.dataSegment(), dram.dramSize(), dram.symbols());
    java.util.Map<String, Long> bytes = new java.util.LinkedHashMap<>();
    java.util.List<Long> perLayer = out.layerCompressedBytes();
    for (int i = 0; i < perLayer.size(); i++) bytes.merge(program.layers().get(i).name(), perLayer.get(i), Long::sum);
    compressedBytes = java.util.Collections.unmodifiableMap(bytes);
    layerFormats = java.util.Collections.unmodifiableMap(formats);
    vectorCosts = LayerSchedule.of(program, out.waits());
    // the pipeline is the caller's to record (withPipeline): the lowering does not know which passes ran
    return program.withInfo(new ProgramInfo(model.name(), "", formats));
  }

  /**
   * Per layer of the last program lowered that only moves data and runs the vector unit (no MAC): its cost,
   * predicted from the instructions emitted (LayerSchedule), by layer name.
   */
  public java.util.Map<String, LayerSchedule.Cost> vectorCosts() { return vectorCosts; }

  /** Per layer of the last program lowered: the storage format of each weight it reads, by weight name. */
  public java.util.Map<String, java.util.Map<String, String>> formats() { return layerFormats; }

  private static java.util.Map<String, String> weightFormats(Operation op) {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    for (org.tdlc.ir.Value v : op.operands()) {
      Operation def = v.definingOp();
      if (def == null || !def.is(org.tdlc.ir.ops.Ops.WEIGHT)) continue;
      var f = v.type().format();
      m.put(def.attributes().has("name") ? def.attributes().getString("name") : v.nameHint(),
          f == null ? "dense" : f.keyword());
    }
    return m;
  }

  /**
   * Per layer of the last program lowered: the bytes of the compressed weight blocks its loads read, as the
   * compiler encoded them (the simulator's compressed_bytes must equal these exactly).
   */
  public java.util.Map<String, Long> compressedBytes() { return compressedBytes; }

  /** The first dataflow the array runs in Dataflow's order (ws, os, rs, is); ws for an array that names none. */
  static Dataflow dataflow(MachineConfig machine) {
    for (Dataflow d : Dataflow.values()) {
      if (machine.dataflows().contains(d)) return d;
    }
    return Dataflow.WS;
  }

  private static void emit(ProgramBuilder out, Dataflow dataflow, TiledOp t, MachineConfig machine,
                           MappedTiles mapped) {
    out.beginLayer(t.layerName(), t.opName(), dataflow);
    TileEmitter.emit(out, dataflow, machine.hardwareDecode() ? t : t.staged(), machine.global(), mapped);
    out.endLayer();
  }
}
