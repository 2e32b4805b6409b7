// The vector unit a target declares (`vector { lanes N; pipeline P cycles; }`): the ALU that runs every
// elementwise, pooling, normalization and data-movement micro-op in the global buffer. Its width is its own,
// not the PE array's: an ALU op over n points takes ceil(n / lanes) + pipeline cycles (the machine model's
// Timing.alu). A target that does not declare one gets today's rule: as many lanes as the array has columns.
package org.tdlc.ir.target;

/** lanes: points the unit computes per cycle (at least 1); pipeline: the cycles every ALU op adds. */
public record VectorUnit(int lanes, int pipeline) {
  /** The pipeline of an undeclared vector unit, and of one that declares only its lanes. */
  public static final int DEFAULT_PIPELINE = 2;
  /** The most lanes a target may declare (a lane per element of a 1 GiB buffer is far beyond any design). */
  public static final int MAX_LANES = 1 << 20;
  /** The longest pipeline a target may declare. */
  public static final int MAX_PIPELINE = 1 << 20;

  public VectorUnit {
    if (lanes < 1 || lanes > MAX_LANES) throw new IllegalArgumentException("vector lanes " + lanes);
    if (pipeline < 0 || pipeline > MAX_PIPELINE) throw new IllegalArgumentException("vector pipeline " + pipeline);
  }

  /** The unit of a target that declares none: as wide as the array's {@code cols} columns, 2 pipeline cycles. */
  public static VectorUnit defaultFor(int cols) { return new VectorUnit(Math.max(1, cols), DEFAULT_PIPELINE); }

  /** Whether this is the unit an array of {@code cols} columns gets without a declaration (printed only if not). */
  public boolean isDefaultFor(int cols) { return lanes == Math.max(1, cols) && pipeline == DEFAULT_PIPELINE; }
}
