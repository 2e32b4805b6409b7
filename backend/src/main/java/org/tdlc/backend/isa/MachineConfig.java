// What the simulator needs to know of the target, carried inside every program so that runtime-sim
// depends on nothing but the ISA. Its fingerprint identifies the target a program was compiled for.
package org.tdlc.backend.isa;

import org.tdlc.ir.target.Dataflow;
import java.util.List;
import java.util.Set;

/**
 * levels: outermost first; levels.get(0) is DRAM, levels.get(1) the global buffer the instructions
 * address, levels.get(2) (if present) the per-PE local memory. dmaLatency: fixed cycles of every LOAD and
 * STORE before its bytes flow. formats: storage formats the hardware decodes (issue 5 uses them).
 */
public record MachineConfig(String target, int rows, int cols, Set<Dataflow> dataflows, double frequencyMhz,
                            List<MemoryLevel> levels, double macEnergyPj, int dmaLatency, List<String> formats,
                            boolean hardwareDecode, boolean skipZeros) {
  public MachineConfig {
    dataflows = Set.copyOf(dataflows);
    levels = List.copyOf(levels);
    formats = List.copyOf(formats);
  }

  public MemoryLevel dram() { return levels.get(0); }
  public MemoryLevel global() { return levels.get(1); }
  public int peCount() { return rows * cols; }
}
