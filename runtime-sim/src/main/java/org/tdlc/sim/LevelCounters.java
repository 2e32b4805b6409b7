// Traffic and energy of one memory level, named as in the machine configuration (dram, global, ...):
// energyPj = (bytesRead + bytesWritten) * the level's energy per byte.
package org.tdlc.sim;

public record LevelCounters(String name, long bytesRead, long bytesWritten, double energyPj) {}
