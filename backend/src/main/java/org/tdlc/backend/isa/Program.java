// A compiled program: what a .tdlx file holds. The data segment is copied to DRAM address 0 before the
// program runs (weights, in their storage format); inputs are written at their symbols' addresses and
// outputs read back from theirs. dramSize bounds every DRAM address. info says which model and pipeline it
// came from and the weights' formats (ProgramInfo.NONE when unknown); it does not change what runs.
package org.tdlc.backend.isa;

import java.util.List;
import org.tdlc.machine.MachineConfig;

public record Program(MachineConfig machine, List<Instruction> instructions, List<Descriptor> descriptors,
                      byte[] dataSegment, long dramSize, List<Symbol> symbols, List<Layer> layers,
                      ProgramInfo info) {
  public Program {
    instructions = List.copyOf(instructions);
    descriptors = List.copyOf(descriptors);
    symbols = List.copyOf(symbols);
    layers = List.copyOf(layers);
    if (info == null) info = ProgramInfo.NONE;
  }

  /** A program that records nothing about its origin. */
  public Program(MachineConfig machine, List<Instruction> instructions, List<Descriptor> descriptors,
                 byte[] dataSegment, long dramSize, List<Symbol> symbols, List<Layer> layers) {
    this(machine, instructions, descriptors, dataSegment, dramSize, symbols, layers, ProgramInfo.NONE);
  }

  /** The same program recording {@code i} as its origin. */
  public Program withInfo(ProgramInfo i) {
    return new Program(machine, instructions, descriptors, dataSegment, dramSize, symbols, layers, i);
  }
}
