// One memory level of the machine, outermost (DRAM) first. The second level is the global buffer that
// instructions address; the per-PE levels (perPe), innermost, hold operands inside the array.
package org.tdlc.machine;

import org.tdlc.ir.target.Operand;
import org.tdlc.ir.target.Port;

/**
 * sizeBytes: capacity (0 for DRAM, which is sized by the program); per PE when perPe. bandwidth: bytes per
 * cycle read out of the level (0 = not a limit); writeBandwidth: bytes per cycle written into it.
 * energyPjPerByte: energy of one byte read or written at this level. holds: the operands a per-PE level keeps,
 * or a shared level between the global buffer and the PEs stages (Energy.staged), as an Operand mask (bit
 * ArrayTraffic.A, B, C); every level holds all three unless it says otherwise.
 * latency: the cycles an on-chip level adds before a transfer through it delivers its first byte (Timing);
 * DRAM's is MachineConfig.dmaLatency, so its level here says 0. port: whether reads and writes share one
 * port (Timing.port; DramArbiter for DRAM), Port.DEFAULT when null.
 */
public record MemoryLevel(String name, long sizeBytes, boolean perPe, double bandwidth, double energyPjPerByte,
                          boolean doubleBuffer, double writeBandwidth, int holds, int latency, Port port) {
  public MemoryLevel {
    if (latency < 0) throw new IllegalArgumentException(name + ": negative latency " + latency);
    if (port == null) port = Port.DEFAULT;
  }

  /** A level of the default port (shared). */
  public MemoryLevel(String name, long sizeBytes, boolean perPe, double bandwidth, double energyPjPerByte,
                     boolean doubleBuffer, double writeBandwidth, int holds, int latency) {
    this(name, sizeBytes, perPe, bandwidth, energyPjPerByte, doubleBuffer, writeBandwidth, holds, latency, null);
  }

  /** A level without a latency of its own. */
  public MemoryLevel(String name, long sizeBytes, boolean perPe, double bandwidth, double energyPjPerByte,
                     boolean doubleBuffer, double writeBandwidth, int holds) {
    this(name, sizeBytes, perPe, bandwidth, energyPjPerByte, doubleBuffer, writeBandwidth, holds, 0);
  }

  /** A level that holds every operand. */
  public MemoryLevel(String name, long sizeBytes, boolean perPe, double bandwidth, double energyPjPerByte,
                     boolean doubleBuffer, double writeBandwidth) {
    this(name, sizeBytes, perPe, bandwidth, energyPjPerByte, doubleBuffer, writeBandwidth, Operand.ALL);
  }

  /** A level that reads and writes at the same bandwidth. */
  public MemoryLevel(String name, long sizeBytes, boolean perPe, double bandwidth, double energyPjPerByte,
                     boolean doubleBuffer) {
    this(name, sizeBytes, perPe, bandwidth, energyPjPerByte, doubleBuffer, bandwidth, Operand.ALL);
  }

  /** This level with another port. */
  public MemoryLevel withPort(Port p) {
    return new MemoryLevel(name, sizeBytes, perPe, bandwidth, energyPjPerByte, doubleBuffer, writeBandwidth, holds, latency, p);
  }

  /** Whether this level keeps operand {@code x} (ArrayTraffic.A, B or C). */
  public boolean holds(int x) { return (holds >> x & 1) != 0; }

  /**
   * Whether this level, per PE, keeps operand {@code x} when the dataflow keeps x stationary: it is a
   * scratchpad that names x (holds it, and not every operand, as Eyeriss's filter scratchpad), so x takes its
   * room and is refilled when it does not fit (ArrayTraffic). A level that holds every operand leaves the
   * stationary operand to the dataflow's registers.
   */
  public boolean keepsStationary(int x) { return perPe && holds(x) && holds != Operand.ALL; }

  /**
   * The bytes a per-PE level keeps operands in across steps (ArrayTraffic): its size, or half of it when it
   * is double-buffered, the other half filling with the next elements while these are used.
   */
  public long keepBytes() { return doubleBuffer ? sizeBytes / 2 : sizeBytes; }

  /** Bytes per cycle read out of this level (bandwidth); 0 = not a limit. */
  public double readBandwidth() { return bandwidth; }

  /** The bandwidth of reads ({@code write} false) or writes into this level. */
  public double bandwidth(boolean write) { return write ? writeBandwidth : bandwidth; }
}
