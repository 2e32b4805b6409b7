// DRAM's port, as the target declares it (Port): the one rule for when a LOAD's or a STORE's bytes may
// flow through DRAM. The simulator's Scheduler and the compiler's exact predictors (through QueueSchedule)
// ask it for every DMA's end, in the order the DMAs start; the closed-form cost model estimates it
// (Timing.dramBound).
package org.tdlc.machine;

/**
 * A DMA of Timing.dma's duration dmaLatency + transfer (Timing.dmaLatency: DRAM's and the buffer's), starting at cycle s (when its queue and its tokens
 * let it), whose DRAM bytes take D = Timing.dramCycles of its transfer on DRAM's port. Split port: reads and
 * writes each have their own, and a queue's DMAs run in order, so nothing waits: it ends at
 * s + dmaLatency + transfer. Shared port: the request goes out at s and its latency runs at once, but its
 * transfer starts only when the port is free, at g = max(s + dmaLatency, the port's next free cycle), and ends
 * at g + transfer; the port is busy [g, g + D) (a transfer that the buffer's side makes longer than D leaves
 * the port to the next one once DRAM has moved its bytes). The port serves DMAs in the order they start, a
 * LOAD before a STORE that starts in the same cycle. So DRAM moves one transfer's bytes at a time, at its
 * bandwidth, and never more than that bandwidth in all.
 */
public final class DramArbiter {
  private final boolean shared;
  private final long latency;
  private long free;

  public DramArbiter(MachineConfig m) {
    this.shared = m.dramPort().shared();
    this.latency = Timing.dmaLatency(m);
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

  /**
   * The end of a DMA that starts at {@code start} and takes {@code duration} cycles on an idle port,
   * {@code dramCycles} of them moving its DRAM bytes (Timing.dramCycles).
   */
  public long end(long start, long duration, long dramCycles) {
    if (!shared) return start + duration;
    long wait = Math.min(latency, duration);
    long begin = Math.max(start + wait, free);
    free = begin + Math.min(dramCycles, duration - wait);
    return begin + duration - wait;
  }
}
