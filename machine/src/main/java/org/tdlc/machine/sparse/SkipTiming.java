// How zero skipping shortens a MAC tile on the PE array, shared by the simulator's timing and the compiler's
// cost model: the array issues only the effectual points, so a tile of `steps` folds over `points` MACs of
// which `skipped` are skipped takes ceil(steps * (points - skipped) / points) folds.
package org.tdlc.machine.sparse;

public final class SkipTiming {
  private SkipTiming() {}

  public static long steps(long steps, long points, long skipped) {
    if (points <= 0 || skipped <= 0) return steps;
    long issued = points - skipped;
    return (long) Math.ceil(steps * (double) issued / points);
  }
}
