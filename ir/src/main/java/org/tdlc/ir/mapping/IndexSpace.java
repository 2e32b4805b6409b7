// The loop indices a mapping names for one op, with their ranges and which are summed: the op's
// IterationSpace, except that a grouped conv2d is mapped in the lowering's space n g k c p q r s (k and c
// within a group). The mapping's reader, the verifier and the mapping passes all check names against it.
package org.tdlc.ir.mapping;

import java.util.List;
import java.util.Optional;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.ops.IterationSpace;
import org.tdlc.ir.ops.OpDef;
import org.tdlc.ir.ops.Ops;

public record IndexSpace(List<String> dims, int[] ranges, boolean[] reduced) {

  public IndexSpace {
    dims = List.copyOf(dims);
    ranges = ranges.clone();
    reduced = reduced.clone();
  }

  public boolean has(String dim) { return dims.contains(dim); }

  public int range(String dim) { return ranges[dims.indexOf(dim)]; }

  public boolean reduced(String dim) { return reduced[dims.indexOf(dim)]; }

  /** The space of an op that runs on the PE array (conv2d, matmul, einsum); empty for every other op. */
  public static Optional<IndexSpace> of(Operation op) {
    Optional<IterationSpace> it = IterationSpace.of(op);
    if (it.isEmpty()) return Optional.empty();
    boolean grouped = op.is(Ops.CONV2D) && OpDef.attributesOf(op).getInt("groups") != 1;
    IterationSpace s = grouped ? IterationSpace.groupedConv2d(op) : it.get();
    boolean[] summed = new boolean[s.dims().size()];
    for (int d = 0; d < summed.length; d++) {
      summed[d] = true;
      for (AffineExpr e : s.result()) if (e.uses(d)) summed[d] = false;
    }
    return Optional.of(new IndexSpace(s.dims(), s.ranges(), summed));
  }
}
