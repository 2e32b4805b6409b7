// DRAM's port, as the target declares it (DramPort): the one rule for when a LOAD's or a STORE's bytes may
// flow through DRAM. The simulator's Scheduler and the compiler's exact predictors (through QueueSchedule)
// ask it for every DMA's end, in the order the DMAs start; the closed-form cost model estimates it
// (Timing.dramBound).
package org.tdlc.machine;

/**
 * A DMA of Timing.dma's duration dmaLatency + transfer, starting at cycle s (when its queue and its tokens
 * let it). Split port: reads and writes each have their own, and a queue's DMAs run in order, so nothing
 * waits: it ends at s + dmaLatency + transfer. Shared port: the request goes out at s and its latency runs
 * at once, but its transfer (everything after the latency) starts only when the port is free, at
 * max(s + dmaLatency, the end of the port's previous transfer), and holds the port until it ends; the port
 * serves DMAs in the order they start, a LOAD before a STORE that starts in the same cycle. So a load's and a
 * store's DRAM transfers never overlap in time, and DRAM never moves more than its bandwidth.
 */
public final class DramArbiter {
  private final boolean shared;
  private final long latency;
  private long free;

  public DramArbiter(MachineConfig m) {
    this.shared = m.dramPort().shared();
    this.latency = m.dmaLatency();
  }

  /**
   * The cycles DRAM's port needs at the least to read {@code read} and write {@code written} bytes: on a shared
   * port the two add up, on a split one each has its own; 0 when DRAM's bandwidth is not a limit. No run
   * is shorter, so a run's DRAM traffic never takes more than 100% of this.
   */
  public static double busy(MachineConfig m, long read, long written) {
    MemoryLevel dram = m.dram();
    if (dram.bandwidth() <= 0) return 0;
    double r = read / dram.bandwidth(), w = written / dram.writeBandwidth();
    return m.dramPort().shared() ? r + w : Math.max(r, w);
  }

  /** The end of a DMA that starts at {@code start} and takes {@code duration} cycles on an idle port. */
  public long end(long start, long duration) {
    if (!shared) return start + duration;
    long begin = Math.max(start + Math.min(latency, duration), free);
    free = begin + Math.max(0, duration - latency);
    return free;
  }
}
