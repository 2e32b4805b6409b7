// The duration of every micro-op, stated once: the simulator charges these to the instructions it executes,
// the compiler's exact predictor (TileTimeline) to the instructions the lowering will emit, and the closed-form
// cost model to its aggregate counts. A duration depends only on the instruction's shape and the machine,
// never on data values (zero skipping enters as a count of skipped points).
package org.tdlc.machine;

import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.FoldSchedule;
import org.tdlc.machine.sparse.DecodeCost;
import org.tdlc.machine.sparse.SkipTiming;
import org.tdlc.machine.sparse.SparseCodec;

/**
 * <ul>
 * <li>LOAD/STORE: dmaLatency (DRAM's latency and the global buffer's) + transfer, where transfer = max(ceil(dramBytes / dram bandwidth),
 *     ceil(bufBytes / global bandwidth)), each at the bandwidth of the direction the DMA uses there (a LOAD
 *     reads DRAM and writes the buffer, a STORE reads the buffer and writes DRAM), a bandwidth of 0 costing
 *     nothing. dramBytes counts in-range elements only (padding is not read from DRAM), bufBytes every buffer
 *     point; for STORE both are all points. On a shared DRAM port a transfer may also wait for the port
 *     (DramArbiter), so a load's and a store's never overlap.
 * <li>compressed LOAD (hardware decoder): dmaLatency + max(transfer of the block, DecodeCost.hardware).
 * <li>CONVERT (software conversion, compute queue): max(DecodeCost.software(block), buffer port time of
 *     reading the block and writing the tile (port)): the conversion loop, which can go no faster than the
 *     buffer port that reads the staged block and writes the dense tile.
 * <li>MAC: F folds (F = ceil(E_rows / rows) * ceil(E_cols / cols), where an axis' extent E is the product of
 *     the extents of the indices on it, flattened im2col-style, 1 for an axis with none) of T streaming
 *     steps each (the product of the other indices' extents), S = F * T steps in all,
 *     shrunk to ceil(S * (p - s) / p) when s of its p points are skipped on zeros (SkipTiming). Each fold
 *     needs its stationary block (ws, is, rs: loaded a row per cycle, L = rows cycles, the first before any
 *     streaming) or drains its output block (os: L = rows cycles, the first fold's nothing to wait for); a
 *     network that loads_stationary moves the block instead, L = ceil(PEs x element bytes / its bandwidth).
 *     The array fills and drains in K = rows + cols - 2 cycles (the skew of the last PE). By the target's
 *     fold schedule (FoldSchedule): sequential, every fold pays its load and the skew:
 *     F * (L0 + K) + S, with L0 = L for ws, is, rs and 0 for os (SCALE-Sim's T + R + C - 2 per os fold and
 *     2R + C + T - 2 per ws or is fold); overlapped with double-buffered stationary registers, the next
 *     block loads while a fold streams: max(L0 + S, L0 + (F - 1) * L + ceil(S / F)) + K; overlapped with
 *     single-buffered ones, each later fold waits for its block: L0 + S + (F - 1) * L + K. The network's
 *     latency and every on-chip level's between the buffer and the PEs (arrayLatency) add to that once. And never faster than the global buffer's port, nor the network, moves
 *     what the MAC reads and writes there (the operands and partial sums ArrayTraffic counts): the port's
 *     time for them (port(), each direction at its bandwidth) and ceil(bytes / network.bandwidth). A per-PE
 *     level with a bandwidth stretches the streaming: S becomes the cycles its port takes for S MACs' accesses
 *     there, when that is more (streamSteps). Where the network has clusters, the array's part is never less
 *     than their start-ups: U x (ceil(V / network.bandwidth) + I), a cluster taking in its V bytes before
 *     each of the U iterations of I steps its PEs keep their operands across (startUp, ArrayTraffic.Counts).
 * <li>ALU: ceil(points / lanes) + pipeline, the target's vector unit (VectorUnit; undeclared, it is as wide as
 *     the array's columns with a pipeline of 2 cycles), + the global buffer's latency.
 * <li>CONVERT: + the global buffer's latency.
 * <li>CONFIG: 1. HALT: 0.
 * </ul>
 */
public final class Timing {
  public static final long CONFIG = 1;
  public static final long HALT = 0;

  private Timing() {}

  /** Which way a DMA moves its bytes: a LOAD reads DRAM and writes the global buffer, a STORE the reverse. */
  public enum Dma { LOAD, STORE }

  /**
   * The cycles bytes take through DRAM and the global buffer's port, whichever is slower, each at the
   * bandwidth of the direction {@code way} uses there.
   */
  public static long transfer(MachineConfig m, Dma way, long dramBytes, long bufBytes) {
    return Math.max(dramCycles(m, way, dramBytes), cycles(bufBytes, m.global().bandwidth(way == Dma.LOAD)));
  }

  /** The cycles DRAM's port needs to move a DMA's DRAM bytes, at the bandwidth of the way it goes. */
  public static long dramCycles(MachineConfig m, Dma way, long dramBytes) {
    return cycles(dramBytes, m.dram().bandwidth(way == Dma.STORE));
  }

  /** A LOAD or STORE of plain elements, on an idle DRAM port (DramArbiter adds any wait for it). */
  public static long dma(MachineConfig m, Dma way, long dramBytes, long bufBytes) {
    return dmaLatency(m) + transfer(m, way, dramBytes, bufBytes);
  }

  /** The fixed cycles of every LOAD and STORE before its bytes flow: DRAM's latency and the global buffer's. */
  public static long dmaLatency(MachineConfig m) { return m.dmaLatency() + m.global().latency(); }

  /**
   * The fixed cycles a MAC adds once for the path from the global buffer to the PEs: the network's latency and
   * that of every on-chip level the operands cross (the global buffer, the shared levels, the per-PE levels).
   */
  public static long arrayLatency(MachineConfig m) {
    long sum = m.network().latency();
    for (int i = 1; i < m.levels().size(); i++) sum += m.levels().get(i).latency();
    return sum;
  }

  /** A LOAD that the hardware decoder decodes while the block streams in. */
  public static long compressedDma(MachineConfig m, long blockBytes, long bufBytes, SparseCodec.Size block) {
    return dmaLatency(m) + decodedTransfer(m, blockBytes, bufBytes, block);
  }

  /** The transfer of a block through the hardware decoder, which decodes while it streams (no latency). */
  public static long decodedTransfer(MachineConfig m, long blockBytes, long bufBytes, SparseCodec.Size block) {
    return Math.max(transfer(m, Dma.LOAD, blockBytes, bufBytes), DecodeCost.hardware(block));
  }

  /**
   * The closed-form estimate of {@code count} plain DMAs that move these bytes in all: each pays the latency,
   * the bytes flow at the slower port's rate.
   */
  public static long dmas(MachineConfig m, Dma way, long count, long dramBytes, long bufBytes) {
    return count * dmaLatency(m) + transfer(m, way, dramBytes, bufBytes);
  }

  /** The closed-form estimate of {@code count} hardware-decoded loads of blocks like {@code perBlock}. */
  public static long decodedDmas(MachineConfig m, long count, long blockBytes, long bufBytes, SparseCodec.Size perBlock) {
    return count * dmaLatency(m) + Math.max(transfer(m, Dma.LOAD, blockBytes, bufBytes),
        count * DecodeCost.hardware(perBlock));
  }

  /**
   * The closed-form estimate of a layer's DRAM bound: its LOADs keep the load queue busy {@code loadCycles} and
   * read {@code loadBytes} from DRAM, its STOREs keep the store queue busy {@code storeCycles} and write
   * {@code storeBytes} (cycles from dmas). On a shared port (DramArbiter) a queue also waits while the port
   * moves the other's bytes; on a split port the queues do not meet.
   */
  public static long dramBound(MachineConfig m, long loadCycles, long loadBytes, long storeCycles, long storeBytes) {
    if (!m.dramPort().shared()) return Math.max(loadCycles, storeCycles);
    return Math.max(loadCycles + dramCycles(m, Dma.STORE, storeBytes), storeCycles + dramCycles(m, Dma.LOAD, loadBytes));
  }

  /**
   * The cycles a level's port takes to read {@code readBytes} and write {@code writtenBytes}, each at its
   * direction's bandwidth (0: not a limit): one after the other on a shared port, at once on a split one
   * (the slower direction's cycles).
   */
  public static long port(MemoryLevel level, long readBytes, long writtenBytes) {
    if (level.bandwidth() <= 0) return 0;
    if (!level.port().shared()) {
      return Math.max(cycles(readBytes, level.bandwidth()), cycles(writtenBytes, level.writeBandwidth()));
    }
    if (level.bandwidth() == level.writeBandwidth()) return cycles(readBytes + writtenBytes, level.bandwidth());
    return (long) Math.ceil(readBytes / level.bandwidth() + writtenBytes / level.writeBandwidth());
  }

  /** The array's compute bound: cycles for this many MACs with every PE busy every cycle. */
  public static double computeBound(MachineConfig m, double macs) { return macs / Math.max(1, m.peCount()); }

  /** A CONVERT of a staged block into a dense tile of {@code tileBytes}. */
  public static long convert(MachineConfig m, SparseCodec.Size block, long blockBytes, long tileBytes) {
    return m.global().latency() + Math.max(DecodeCost.software(block), port(m.global(), blockBytes, tileBytes));
  }

  /** The folds of an axis whose indices' extents multiply to {@code extent}, over {@code pes} PEs. */
  public static long folds(long extent, int pes) { return ceilDiv(extent, pes); }

  /**
   * The extent of an axis: the product of the extents of the loops in {@code mask} (bit l: loop l), which
   * the axis holds flattened, im2col-style (c, r, s of 3, 7, 7 are one axis of 147 positions).
   */
  public static long axisExtent(int[] extents, int mask) {
    long e = 1;
    for (int l = 0; l < extents.length; l++) if ((mask >> l & 1) != 0) e *= extents[l];
    return e;
  }

  /**
   * The streaming steps of a MAC over these loop extents, the loops of {@code rowMask} and {@code colMask}
   * spread over the array's rows and columns: the spatial folds times the other loops' extents.
   */
  public static long folds(MachineConfig m, int[] extents, int rowMask, int colMask) {
    long steps = spatialFolds(m, extents, rowMask, colMask);
    for (int l = 0; l < extents.length; l++) if (((rowMask | colMask) >> l & 1) == 0) steps *= extents[l];
    return steps;
  }

  /**
   * The spatial folds of a MAC over these loop extents: the passes of the array, ceil(rows extent / rows)
   * * ceil(cols extent / cols), each axis extent the product of its loops' extents (axisExtent).
   */
  public static long spatialFolds(MachineConfig m, int[] extents, int rowMask, int colMask) {
    return folds(axisExtent(extents, rowMask), m.rows()) * folds(axisExtent(extents, colMask), m.cols());
  }

  /**
   * A MAC under dataflow {@code df} of {@code points} points in {@code spatialFolds} folds and {@code steps}
   * streaming steps in all (folds(...)), {@code skipped} of the points skipped on zeros, reading
   * {@code readBytes} and writing {@code writtenBytes} in the global buffer, its operands {@code aBytes} and
   * {@code bBytes} wide. Never faster than the global buffer's port, the network, or the port of a shared
   * level between them, which stages every one of those bytes (Energy.staged: written into it and read out of
   * it); and a streaming step never faster than a per-PE level's port moves one MAC's accesses (streamSteps).
   */
  public static long mac(MachineConfig m, Dataflow df, long spatialFolds, long steps, long points, long skipped,
                         long readBytes, long writtenBytes, int aBytes, int bBytes) {
    return mac(m, df, spatialFolds, steps, points, skipped, readBytes, writtenBytes, aBytes, bBytes, PeWalk.RULE);
  }

  /** As above, the per-PE levels serving what {@code pe} does not bypass there (streamSteps). */
  public static long mac(MachineConfig m, Dataflow df, long spatialFolds, long steps, long points, long skipped,
                         long readBytes, long writtenBytes, int aBytes, int bBytes, PeWalk pe) {
    return mac(m, df, spatialFolds, steps, points, skipped, readBytes, writtenBytes, aBytes, bBytes, pe, 0, null);
  }

  /**
   * As above, and never faster than the network's clusters start ({@code startUp} cycles, startUp): the array's
   * time is the longer of its folds' and its clusters' start-ups, the latencies added to either. {@code staged}:
   * the bytes per operand (Energy.operandBytes), of which a shared level's port moves those it holds; null:
   * every shared level moves all of {@code readBytes} and {@code writtenBytes}.
   */
  public static long mac(MachineConfig m, Dataflow df, long spatialFolds, long steps, long points, long skipped,
                         long readBytes, long writtenBytes, int aBytes, int bBytes, PeWalk pe, long startUp,
                         long[] staged) {
    long feed = Math.max(port(m.global(), readBytes, writtenBytes),
        cycles(readBytes + writtenBytes, m.network().bandwidth()));
    for (int i = 2; i < m.firstPerPe(); i++) {
      long b = staged == null ? readBytes + writtenBytes : Energy.stagedBytes(m.levels().get(i), staged);
      feed = Math.max(feed, port(m.levels().get(i), b, b));
    }
    long s = streamSteps(m, skipped > 0 && points > 0 ? SkipTiming.steps(steps, points, skipped) : steps, aBytes, bBytes,
        pe);
    return Math.max(Math.max(array(m, df, spatialFolds, s, aBytes, bBytes), startUp) + arrayLatency(m), feed);
  }

  /**
   * The cycles the network's clusters take to start (Network.cluster; 0 without clusters): at each of a
   * MAC's start-ups (ArrayTraffic.Counts) a cluster takes in its bytes over its own link at the network's
   * bandwidth, and only then do its PEs take the iteration's steps; nothing of one start-up overlaps the
   * next (MAESTRO's Init case, charged at every step of the level above).
   */
  public static long startUp(MachineConfig m, ArrayTraffic.Counts c) {
    if (c.startUps() == 0) return 0;
    return c.startUps() * (cycles(c.startUpBytes(), m.network().bandwidth()) + c.startUpSteps());
  }

  /**
   * The cycles {@code steps} streaming steps take: one each, unless a per-PE level's port is slower. In a step
   * every PE issues one MAC, which reads the operands each per-PE level holds there and writes its partial sum
   * where the outputs are held (Energy.perMacRead, perMacWritten); a level of bandwidth R read and W write per
   * PE moves that in port(level, steps x read, steps x written) cycles (0 bandwidth: not a limit).
   */
  public static long streamSteps(MachineConfig m, long steps, int aBytes, int bBytes) {
    return streamSteps(m, steps, aBytes, bBytes, PeWalk.RULE);
  }

  /** As above, each level serving what {@code pe} does not bypass there (PeWalk.serves). */
  public static long streamSteps(MachineConfig m, long steps, int aBytes, int bBytes, PeWalk pe) {
    long s = steps;
    for (int i = m.firstPerPe(); i < m.levels().size(); i++) {
      MemoryLevel l = m.levels().get(i);
      if (l.bandwidth() > 0) {
        int served = pe.serves(m, i);
        s = Math.max(s, port(l, steps * Energy.perMacRead(served, aBytes, bBytes), steps * Energy.perMacWritten(served)));
      }
    }
    return s;
  }

  /** The array's part of a MAC: its folds under the target's fold schedule, {@code s} cycles of streaming. */
  private static long array(MachineConfig m, Dataflow df, long spatialFolds, long s, int aBytes, int bBytes) {
    long f = Math.max(1, spatialFolds);
    long load = stationaryLoad(m, df, aBytes, bBytes);
    long first = df == Dataflow.OS ? 0 : load;
    FoldSchedule fs = m.folds();
    if (fs.sequential()) return f * (first + fillAndDrain(m)) + s;
    long streaming = fs.doubleBuffered() ? Math.max(first + s, first + (f - 1) * load + ceilDiv(s, f))
        : first + s + (f - 1) * load;
    return streaming + fillAndDrain(m);
  }

  /**
   * The cycles to load a stationary block into the array, or drain an output block: a row per cycle, or, when
   * the network loads it (loads_stationary), the block's bytes at the network's bandwidth: a PE's element each
   * (weights B under ws and rs, inputs A under is, an i32 output under os), multicast or not.
   */
  public static long stationaryLoad(MachineConfig m, Dataflow df, int aBytes, int bBytes) {
    if (!m.network().loadsStationary()) return m.rows();
    int width = switch (ArrayAxes.stationary(df)) {
      case ArrayTraffic.A -> aBytes;
      case ArrayTraffic.B -> bBytes;
      default -> Energy.PSUM_BYTES;
    };
    return Math.max(1, cycles((long) m.peCount() * width, m.network().bandwidth()));
  }

  /** The array's fill and drain: the skew until the last PE starts, and until its result leaves. */
  public static long fillAndDrain(MachineConfig m) { return m.rows() + m.cols() - 2; }

  /** An ALU (vector) op over {@code points} elements: its lanes, its pipeline, the global buffer's latency. */
  public static long alu(MachineConfig m, long points) {
    return ceilDiv(points, m.vector().lanes()) + m.vector().pipeline() + m.global().latency();
  }

  private static long cycles(long bytes, double bandwidth) {
    return bandwidth <= 0 ? 0 : (long) Math.ceil(bytes / bandwidth);
  }

  private static long ceilDiv(long a, long b) { return (a + b - 1) / b; }
}
