// The simulator's counters for a whole run or one layer: cycles, busy cycles per unit, instructions per
// opcode, MACs issued and skipped, ALU ops, bytes and energy per memory level, utilization. Deterministic,
// and printable as JSON with a stable key order for the CLI and tests that compare text.
package org.tdlc.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tdlc.backend.isa.Opcode;
import org.tdlc.backend.isa.Queue;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.machine.Energy;
import org.tdlc.machine.MachineConfig;

/**
 * macs counts every point of every MAC nest; macsSkipped those with a zero operand that arrived through a
 * compressed load, when the machine skips zeros (they still compute the same values; see MetadataRanges). Issued MACs (macs - macsSkipped) drive macEnergyPj
 * (issued * machine.macEnergyPj) and utilization (issued / (PEs * cycles), 0 when cycles is 0).
 * energyPj = the levels' energies + macEnergyPj. compressedBytes: bytes of the compressed blocks decoded, by
 * compressed loads or by convert (within the DRAM level's read bytes); decodeCycles: the hardware decoder's
 * cycles (within the load queue's busy cycles); convertCycles: the cycles of convert instructions, the
 * software conversion (within the compute queue's busy cycles). Where the elapsed cycles went, whatever layer's
 * instructions ran in them (they add up to cycles): computingCycles, the compute queue busy (the PE array, on
 * operands in the global buffer); transferOnlyCycles, only DMA transfers between DRAM and the global buffer
 * running; idleCycles, neither (see Occupancy). Busy cycles per queue overlap and do not add up.
 */
public record Counters(long cycles, long loadBusyCycles, long computeBusyCycles, long storeBusyCycles,
                       long computingCycles, long transferOnlyCycles,
                       Map<Opcode, Long> instructions, long macs, long macsSkipped, long aluOps,
                       List<LevelCounters> levels, double macEnergyPj, double energyPj, double utilization,
                       long compressedBytes, long decodeCycles, long convertCycles) {
  public Counters {
    EnumMap<Opcode, Long> m = new EnumMap<>(Opcode.class);
    for (Opcode o : Opcode.values()) m.put(o, instructions.getOrDefault(o, 0L));
    instructions = Collections.unmodifiableMap(m);
    levels = List.copyOf(levels);
  }

  /** The counters of tally t over the cycles [from, to) of a run with that occupancy. */
  static Counters of(MachineConfig machine, Tally t, long from, long to, Occupancy occupancy) {
    long cycles = to - from;
    Map<Opcode, Long> counts = new EnumMap<>(Opcode.class);
    for (Opcode o : Opcode.values()) counts.put(o, t.instructions[o.ordinal()]);
    List<LevelCounters> levels = new ArrayList<>();
    for (int i = 0; i < machine.levels().size(); i++) {
      double e = Energy.level(machine.levels().get(i), t.read[i], t.written[i]);
      levels.add(new LevelCounters(machine.levels().get(i).name(), t.read[i], t.written[i], e));
    }
    long issued = t.macs - t.macsSkipped;
    double macEnergy = Energy.macs(machine, issued);
    double energy = Energy.total(machine, t.read, t.written, issued);
    double utilization = cycles == 0 ? 0 : issued / ((double) machine.peCount() * cycles);
    return new Counters(cycles, t.busy[Queue.LOAD.ordinal()], t.busy[Queue.COMPUTE.ordinal()],
        t.busy[Queue.STORE.ordinal()], occupancy.computing(from, to), occupancy.transferOnly(from, to), counts, t.macs, t.macsSkipped, t.aluOps, levels, macEnergy,
        energy, utilization, t.compressedBytes, t.decodeCycles, t.convertCycles);
  }

  public long instructions(Opcode op) { return instructions.get(op); }

  public long macsIssued() { return macs - macsSkipped; }

  /** Elapsed cycles in which no queue ran (waiting on tokens between them). */
  public long idleCycles() { return cycles - computingCycles - transferOnlyCycles; }

  /** The level of that name; IllegalArgumentException when the machine has none. */
  public LevelCounters level(String name) {
    for (LevelCounters l : levels) if (l.name().equals(name)) return l;
    throw new IllegalArgumentException("no memory level named '" + name + "'");
  }

  /** One JSON object, keys in a fixed order. */
  public String toJson() {
    StringBuilder b = new StringBuilder("{\"cycles\":").append(cycles)
        .append(",\"busy_cycles\":{\"load\":").append(loadBusyCycles).append(",\"compute\":")
        .append(computeBusyCycles).append(",\"store\":").append(storeBusyCycles)
        .append("},\"elapsed_cycles\":{\"computing\":").append(computingCycles).append(",\"transfer_only\":")
        .append(transferOnlyCycles).append(",\"idle\":").append(idleCycles()).append("},\"instructions\":{");
    String sep = "";
    for (Map.Entry<Opcode, Long> e : instructions.entrySet()) {
      b.append(sep).append('"').append(e.getKey().mnemonic()).append("\":").append(e.getValue());
      sep = ",";
    }
    b.append("},\"macs\":").append(macs).append(",\"macs_skipped\":").append(macsSkipped)
        .append(",\"alu_ops\":").append(aluOps).append(",\"compressed_bytes\":").append(compressedBytes)
        .append(",\"decode_cycles\":").append(decodeCycles).append(",\"convert_cycles\":").append(convertCycles)
        .append(",\"levels\":{");
    sep = "";
    for (LevelCounters l : levels) {
      b.append(sep).append(Attribute.quote(l.name())).append(":{\"read_bytes\":").append(l.bytesRead())
          .append(",\"written_bytes\":").append(l.bytesWritten()).append(",\"energy_pj\":").append(l.energyPj())
          .append('}');
      sep = ",";
    }
    return b.append("},\"mac_energy_pj\":").append(macEnergyPj).append(",\"energy_pj\":").append(energyPj)
        .append(",\"utilization\":").append(utilization).append('}').toString();
  }
}
