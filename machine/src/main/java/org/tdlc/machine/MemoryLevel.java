// One memory level of the machine, outermost (DRAM) first. The second level is the global buffer that
// instructions address; the per-PE levels (perPe), innermost, hold operands inside the array.
package org.tdlc.machine;

import org.tdlc.ir.target.Operand;

/**
 * sizeBytes: capacity (0 for DRAM, which is sized by the program); per PE when perPe. bandwidth: bytes per
 * cycle read out of the level (0 = not a limit); writeBandwidth: bytes per cycle written into it.
 * energyPjPerByte: energy of one byte read or written at this level. holds: the operands a per-PE level keeps,
 * as an Operand mask (bit ArrayTraffic.A, B, C); every level holds all three unless it says otherwise.
 */
public record MemoryLevel(String name, long sizeBytes, boolean perPe, double bandwidth, double energyPjPerByte,
                          boolean doubleBuffer, double writeBandwidth, int holds) {
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

  /** Whether this level keeps operand {@code x} (ArrayTraffic.A, B or C). */
  public boolean holds(int x) { return (holds >> x & 1) != 0; }

  /**
   * Whether this level, per PE, keeps operand {@code x} when the dataflow keeps x stationary: it is a
   * scratchpad that names x (holds it, and not every operand, as Eyeriss's filter scratchpad), so x takes its
   * room and is refilled when it does not fit (ArrayTraffic). A level that holds every operand leaves the
   * stationary operand to the dataflow's registers.
   */
  public boolean keepsStationary(int x) { return perPe && holds(x) && holds != Operand.ALL; }

  /** Bytes per cycle read out of this level (bandwidth); 0 = not a limit. */
  public double readBandwidth() { return bandwidth; }

  /** The bandwidth of reads ({@code write} false) or writes into this level. */
  public double bandwidth(boolean write) { return write ? writeBandwidth : bandwidth; }
}
