// The target as cost and execution see it: the array, the memory levels with their capacities, bandwidths
// and energies, the formats the hardware decodes. Built once from the compiler's validated Target (of), and
// carried inside every program so the simulator needs nothing else; the compiler's cost model reads the same
// record, so both apply the rules of Timing, Energy and BufferLayout to the same numbers.
package org.tdlc.machine;

import java.util.List;
import java.util.Set;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.FoldSchedule;
import org.tdlc.ir.target.Network;
import org.tdlc.ir.target.Port;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.target.VectorUnit;
import org.tdlc.ir.type.StorageFormat;

/**
 * levels: outermost first; levels.get(0) is DRAM, levels.get(1) the global buffer the instructions
 * address, the innermost ones (those per PE) the PEs' own memories, each holding some of the operands;
 * shared levels between the global buffer and the PEs stage what the array moves (Energy.staged).
 * dmaLatency: fixed cycles of every LOAD and STORE before its bytes flow. formats: storage formats the target stores tensors in. folds: how the array
 * runs a MAC's folds (Timing.mac). vector: the vector unit that runs ALU ops (Timing.alu); a machine built
 * without one gets VectorUnit.defaultFor(cols), as wide as the array's columns. network: what carries
 * operands into the array and partial sums out (ArrayTraffic, Timing.mac). Each level says whether its reads
 * and writes share one port (MemoryLevel.port); DRAM's is dramPort().
 */
public record MachineConfig(String target, int rows, int cols, Set<Dataflow> dataflows, double frequencyMhz,
                            List<MemoryLevel> levels, double macEnergyPj, int dmaLatency, List<String> formats,
                            boolean hardwareDecode, boolean skipZeros, FoldSchedule folds, VectorUnit vector,
                            Network network) {
  public MachineConfig {
    dataflows = Set.copyOf(dataflows);
    levels = List.copyOf(levels);
    formats = List.copyOf(formats);
    if (folds == null) folds = FoldSchedule.DEFAULT;
    if (vector == null) vector = VectorUnit.defaultFor(cols);
    if (network == null) network = Network.DEFAULT;
  }

  /** A machine whose network adds nothing. */
  public MachineConfig(String target, int rows, int cols, Set<Dataflow> dataflows, double frequencyMhz,
                       List<MemoryLevel> levels, double macEnergyPj, int dmaLatency, List<String> formats,
                       boolean hardwareDecode, boolean skipZeros, FoldSchedule folds, VectorUnit vector) {
    this(target, rows, cols, dataflows, frequencyMhz, levels, macEnergyPj, dmaLatency, formats, hardwareDecode,
        skipZeros, folds, vector, null);
  }

  /** A machine with the default vector unit (as wide as the array's columns). */
  public MachineConfig(String target, int rows, int cols, Set<Dataflow> dataflows, double frequencyMhz,
                       List<MemoryLevel> levels, double macEnergyPj, int dmaLatency, List<String> formats,
                       boolean hardwareDecode, boolean skipZeros, FoldSchedule folds) {
    this(target, rows, cols, dataflows, frequencyMhz, levels, macEnergyPj, dmaLatency, formats, hardwareDecode,
        skipZeros, folds, null, null);
  }

  /** A machine whose array runs its folds as most do (FoldSchedule.DEFAULT). */
  public MachineConfig(String target, int rows, int cols, Set<Dataflow> dataflows, double frequencyMhz,
                       List<MemoryLevel> levels, double macEnergyPj, int dmaLatency, List<String> formats,
                       boolean hardwareDecode, boolean skipZeros) {
    this(target, rows, cols, dataflows, frequencyMhz, levels, macEnergyPj, dmaLatency, formats, hardwareDecode,
        skipZeros, FoldSchedule.DEFAULT);
  }

  /** The one bridge from the compiler's view of an accelerator (validated from .tdl) to the machine model. */
  public static MachineConfig of(Target t) {
    return new MachineConfig(t.name(), t.rows(), t.cols(), t.dataflows(), t.frequencyMhz(),
        t.levels().stream().map(l -> new MemoryLevel(l.name(), l.sizeBytes(), l.perPe(), l.bandwidth(),
            l.energyPjPerByte(), l.doubleBuffer(), l.writeBandwidth(), l.holds(),
            l == t.levels().get(0) ? 0 : l.latencyCycles(), l.port())).toList(),
        t.macEnergyPj(), t.dram().latencyCycles(), t.formats().stream().map(StorageFormat::keyword).toList(),
        t.sparse().hardwareDecode(), t.sparse().skipZeros(), t.folds(), t.vector(), t.network());
  }

  public MemoryLevel dram() { return levels.get(0); }
  /** Whether LOADs and STOREs share DRAM's one port (DramArbiter): its level's port. */
  public Port dramPort() { return dram().port(); }
  public MemoryLevel global() { return levels.get(1); }
  /** The index in levels of the first per-PE level (they are the innermost), or levels.size() when none is. */
  public int firstPerPe() {
    int i = levels.size();
    while (i > 2 && levels.get(i - 1).perPe()) i--;
    return i;
  }
  public int peCount() { return rows * cols; }

  /** Whether a per-PE level keeps the operand {@code df} keeps stationary (MemoryLevel.keepsStationary). */
  public boolean keepsStationary(Dataflow df) {
    int x = ArrayAxes.stationary(df);
    for (MemoryLevel l : levels) if (l.keepsStationary(x)) return true;
    return false;
  }
}
