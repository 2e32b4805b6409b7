// One memory level of the machine, outermost (DRAM) first. The second level is the global buffer that
// instructions address; a third, per-PE level (perPe) holds operands inside the array.
package org.tdlc.machine;

/**
 * sizeBytes: capacity (0 for DRAM, which is sized by the program); per PE when perPe. bandwidth: bytes per
 * cycle (0 = not a limit). energyPjPerByte: energy of one byte read or written at this level.
 */
public record MemoryLevel(String name, long sizeBytes, boolean perPe, double bandwidth, double energyPjPerByte,
                          boolean doubleBuffer) {}
