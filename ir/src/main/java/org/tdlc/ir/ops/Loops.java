// An op's loop space: the einsum-form statement of what it computes, for the op reference, and for ops
// that run on the PE array the rule giving their IterationSpace (the indices the mapping speaks in).
package org.tdlc.ir.ops;

import java.util.Optional;
import java.util.function.Function;
import org.tdlc.ir.Operation;

public record Loops(String form, Function<Operation, IterationSpace> space) {
  /** A loop space that is only documented: elementwise, pooling and layout ops do not run on the array. */
  static Loops documented(String form) { return new Loops(form, null); }

  /** The iteration space of {@code op}, empty for ops that do not run on the PE array. */
  public Optional<IterationSpace> of(Operation op) {
    return space == null ? Optional.empty() : Optional.of(space.apply(op));
  }

  public boolean onArray() { return space != null; }
}
