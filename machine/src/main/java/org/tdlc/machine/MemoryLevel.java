// One memory level of the machine, outermost (DRAM) first. The second level is the global buffer that
// instructions address; a third, per-PE level (perPe) holds operands inside the array.
package org.tdlc.machine;

/**
 * sizeBytes: capacity (0 for DRAM, which is sized by the program); per PE when perPe. bandwidth: bytes per
 * cycle read out of the level (0 = not a limit); writeBandwidth: bytes per cycle written into it.
 * energyPjPerByte: energy of one byte read or written at this level.
 */
public record MemoryLevel(String name, long sizeBytes, boolean perPe, double bandwidth, double energyPjPerByte,
                          boolean doubleBuffer, double writeBandwidth) {
  /** A level that reads and writes at the same bandwidth. */
  public MemoryLevel(String name, long sizeBytes, boolean perPe, double bandwidth, double energyPjPerByte,
                     boolean doubleBuffer) {
    this(name, sizeBytes, perPe, bandwidth, energyPjPerByte, doubleBuffer, bandwidth);
  }

  /** Bytes per cycle read out of this level (bandwidth); 0 = not a limit. */
  public double readBandwidth() { return bandwidth; }

  /** The bandwidth of reads ({@code write} false) or writes into this level. */
  public double bandwidth(boolean write) { return write ? writeBandwidth : bandwidth; }
}
