// How the PE array runs the folds of a MAC, as a target declares it. A fold is one pass of the array over a
// tile when an index is longer than its axis: the array holds one block of the stationary operand (weights
// for ws, inputs for is, a filter row for rs) or accumulates one block of outputs (os) while the other
// operands stream through. Between folds the stationary block is replaced (loaded a row per cycle) or the
// output block drained (a row per cycle). The rules that turn these choices into cycles live in the
// machine model's Timing.
package org.tdlc.ir.target;

/**
 * sequential: every fold fills and drains the array before the next starts, as SCALE-Sim assumes;
 * otherwise (overlapped) the folds stream back to back and the array fills and drains once per MAC.
 * doubleBuffered: the PEs hold two stationary (or output) blocks, so the next fold's block loads (or the
 * last one drains) while the current fold streams; otherwise the array waits for it.
 */
public record FoldSchedule(boolean sequential, boolean doubleBuffered) {
  /** Overlapped folds with double-buffered stationary registers: what systolic arrays like Gemmini's do. */
  public static final FoldSchedule DEFAULT = new FoldSchedule(false, true);

  public static final String OVERLAPPED = "overlapped";
  public static final String SEQUENTIAL = "sequential";
  public static final String DOUBLE_BUFFER = "double_buffer";
  public static final String SINGLE_BUFFER = "single_buffer";

  public String foldsKeyword() { return sequential ? SEQUENTIAL : OVERLAPPED; }

  public String stationaryKeyword() { return doubleBuffered ? DOUBLE_BUFFER : SINGLE_BUFFER; }
}
