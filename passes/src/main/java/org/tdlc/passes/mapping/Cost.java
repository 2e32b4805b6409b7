// What the cost model predicts for one mapping: MACs, cycles and energy, bytes per memory level and
// operand, the global-buffer footprint it needs and the slots it fits with. Infeasible mappings carry
// the footprint and capacity so the error can name both.
package org.tdlc.passes.mapping;

/**
 * dramRead/dramWrite/globalRead/globalWrite are per operand: 0 and 1 the inputs, 2 the result (and the
 * residual it reads). localBytes: traffic of the per-PE level. nIn/nOut: input and accumulator slots
 * (2 = double-buffered), 0 when the tile does not fit. macsSkipped: MAC points a zero-skipping array skips
 * (a zero operand that arrived compressed; the search's closed form estimates it from densities);
 * decodeCycles/convertCycles: hardware decoding of compressed loads and their software conversion (only
 * the exact prediction counts these; the closed form leaves them 0).
 */
public record Cost(long macs, long cycles, double energyPj, long[] dramRead, long[] dramWrite, long[] globalRead,
                   long[] globalWrite, long localBytes, long computeCycles, long loadCycles, long storeCycles,
                   long footprint, long capacity, int nIn, int nOut, long macsSkipped,
                   long decodeCycles, long convertCycles) {

  public boolean feasible() { return nIn > 0; }

  public long dramBytes() { return sum(dramRead) + sum(dramWrite); }

  public long globalBytes() { return sum(globalRead) + sum(globalWrite); }

  /** Issued MACs (skipped ones excluded) per PE and cycle, as the simulator defines it. */
  public double utilization(int pes) { return cycles == 0 ? 0 : (double) (macs - macsSkipped) / ((double) pes * cycles); }

  /** The figure an objective minimizes: cycles, energy or their product (edp). */
  public double score(Objective objective) { return objective.score(cycles, energyPj); }

  static long sum(long[] a) {
    long s = 0;
    for (long x : a) s += x;
    return s;
  }
}
