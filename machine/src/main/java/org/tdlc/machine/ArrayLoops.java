// The loops a MAC runs on the array, stated once: one per index, except that an index on an axis whose
// mapping spreads only part of its tile there (Timeloop's C4 on the rows with C16 below it) becomes two, the
// part the PEs walk in time outside the part the axis spreads. The lowering emits these loops in a MAC's
// descriptor; the exact predictor and the closed-form cost model hand them to ArrayTraffic and Timing as
// the simulator does the descriptor's.
package org.tdlc.machine;

/**
 * {@code extents}, {@code strides[x][l]} (per operand, per loop), the loops on the rows and columns (bit
 * masks over the loops) of a MAC whose per-index spread has been applied, and per loop the index it runs.
 */
public record ArrayLoops(int[] extents, long[][] strides, int rowMask, int colMask, int[] index) {
  /** The most loops a MAC's nest holds (the descriptor's bound). */
  public static final int MAX_LOOPS = 8;

  /**
   * The loops of a tile of {@code extents} per index whose operands walk {@code strides[x][d]}, indices
   * {@code rowDims} and {@code colDims} (masks) on the axes, {@code spread[d]} the part of index d's tile its
   * axis spreads (null, 0 or at least the extent: all of it). An index on an axis with a spread below its
   * extent that divides it becomes two loops, extent / spread outside (in the PEs' time, element strides
   * times spread) and spread inside (on the axis); one it does not divide (a remainder tile) stays whole on
   * the axis, and so do all when their loops would take the nest past MAX_LOOPS loops of extent above 1.
   */
  public static ArrayLoops of(int[] extents, long[][] strides, int rowDims, int colDims, int[] spread) {
    int n = extents.length, splits = 0, moving = 0;
    boolean[] split = new boolean[n];
    for (int d = 0; d < n; d++) {
      split[d] = spread != null && ((rowDims | colDims) >> d & 1) != 0 && spread[d] > 0 && spread[d] < extents[d]
          && extents[d] % spread[d] == 0;
      if (split[d]) splits++;
      if (extents[d] > 1) moving++;
    }
    // a split that would take the nest past its bound is not made: the axis spreads the whole tile
    if (splits == 0 || moving + splits > MAX_LOOPS) {
      int[] index = new int[n];
      for (int d = 0; d < n; d++) index[d] = d;
      return new ArrayLoops(extents, strides, rowDims, colDims, index);
    }
    int[] ext = new int[n + splits], index = new int[n + splits];
    long[][] str = new long[strides.length][n + splits];
    int rows = 0, cols = 0;
    for (int d = 0, l = 0; d < n; d++, l++) {
      index[l] = d;
      if (split[d]) {
        ext[l] = extents[d] / spread[d];
        for (int x = 0; x < strides.length; x++) str[x][l] = strides[x][d] * spread[d];
        l++;
        index[l] = d;
      }
      ext[l] = split[d] ? spread[d] : extents[d];
      for (int x = 0; x < strides.length; x++) str[x][l] = strides[x][d];
      if ((rowDims >> d & 1) != 0) rows |= 1 << l;
      if ((colDims >> d & 1) != 0) cols |= 1 << l;
    }
    return new ArrayLoops(ext, str, rows, cols, index);
  }

  /** The counts ArrayTraffic gives these loops. */
  public ArrayTraffic.Counts traffic(MachineConfig m, org.tdlc.ir.target.Dataflow df, long outputs, boolean starts,
                                     int aBytes, int bBytes) {
    return ArrayTraffic.of(m, df, extents, rowMask, colMask, strides, outputs, starts, aBytes, bBytes);
  }

  /** As above, the PEs walking and keeping as {@code byIndex} pins (a walk stated by index: walk). */
  public ArrayTraffic.Counts traffic(MachineConfig m, org.tdlc.ir.target.Dataflow df, long outputs, boolean starts,
                                     int aBytes, int bBytes, PeWalk byIndex) {
    return ArrayTraffic.of(m, df, extents, rowMask, colMask, strides, outputs, starts, aBytes, bBytes, walk(byIndex));
  }

  /** What the rule chose for these loops (ArrayTraffic.choice). */
  public ArrayTraffic.Choice choice(MachineConfig m, org.tdlc.ir.target.Dataflow df, long outputs, boolean starts,
                                    int aBytes, int bBytes) {
    return ArrayTraffic.choice(m, df, extents, rowMask, colMask, strides, outputs, starts, aBytes, bBytes);
  }

  /** A walk stated by index (a mapping's) on these loops (PeWalk.onLoops). */
  public PeWalk walk(PeWalk byIndex) {
    if (byIndex.isRule()) return PeWalk.RULE;
    int[][] of = new int[index.length][];
    for (int l = 0; l < index.length; l++) of[l] = new int[] {index[l]};
    return byIndex.onLoops(of);
  }

  /**
   * The bytes each per-PE level needs to keep what {@code byIndex} pins it to keep on these loops
   * (ArrayTraffic.keptBytes).
   */
  public long[] keptBytes(MachineConfig m, org.tdlc.ir.target.Dataflow df, int aBytes, int bBytes, PeWalk byIndex) {
    return ArrayTraffic.keptBytes(m, df, extents, rowMask, colMask, strides, aBytes, bBytes, walk(byIndex));
  }

  /** Folds of the array (Timing.spatialFolds) over these loops. */
  public long spatialFolds(MachineConfig m) { return Timing.spatialFolds(m, extents, rowMask, colMask); }

  /** Streaming steps (Timing.folds) over these loops. */
  public long folds(MachineConfig m) { return Timing.folds(m, extents, rowMask, colMask); }
}
