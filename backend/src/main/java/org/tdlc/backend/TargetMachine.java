// The one bridge from the compiler's view of an accelerator (ir.target.Target, validated from .tdl) to
// the ISA's self-contained MachineConfig, which programs carry so the simulator needs nothing else.
package org.tdlc.backend;

import org.tdlc.ir.target.Dataflow;
import org.tdlc.backend.isa.MachineConfig;
import org.tdlc.backend.isa.MemoryLevel;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.type.StorageFormat;

public final class TargetMachine {
  private TargetMachine() {}

  public static MachineConfig of(Target t) {
    return new MachineConfig(t.name(), t.rows(), t.cols(), t.dataflows(), t.frequencyMhz(),
        t.levels().stream().map(l -> new MemoryLevel(l.name(), l.sizeBytes(), l.perPe(), l.bandwidth(),
            l.energyPjPerByte(), l.doubleBuffer())).toList(),
        t.macEnergyPj(), t.dram().latencyCycles(), t.formats().stream().map(StorageFormat::keyword).toList(),
        t.sparse().hardwareDecode(), t.sparse().skipZeros());
  }
}
