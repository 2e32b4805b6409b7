// A compiled program: what a .tdlx file holds. The data segment is copied to DRAM address 0 before the
// program runs (weights, in their storage format); inputs are written at their symbols' addresses and
// outputs read back from theirs. dramSize bounds every DRAM address.
package org.tdlc.backend.isa;

import java.util.List;
import org.tdlc.machine.MachineConfig;

public record Program(MachineConfig machine, List<Instruction> instructions, List<Descriptor> descriptors,
                      byte[] dataSegment, long dramSize, List<Symbol> symbols, List<Layer> layers) {
  public Program {
    instructions = List.copyOf(instructions);
    descriptors = List.copyOf(descriptors);
    symbols = List.copyOf(symbols);
    layers = List.copyOf(layers);
  }
}
