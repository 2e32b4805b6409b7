// The loop indices a mapping names for one op, with their ranges and which are summed: the op's
// IterationSpace, except that a grouped conv2d is mapped in the lowering's space n g k c p q r s (k and c
// within a group). The mapping's reader, the verifier and the mapping passes all check names against it.
package org.tdlc.ir.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.attr.AffineMap;
import org.tdlc.ir.ops.Einsum;
import org.tdlc.ir.ops.IterationSpace;
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
    List<String> dims = it.get().dims();
    int[] r = it.get().ranges();
    if (op.is(Ops.CONV2D)) {
      long groups = op.attributes().has("groups") ? op.attributes().getInt("groups") : 1;
      if (groups == 1) return Optional.of(new IndexSpace(dims, r, flags(dims, "c", "r", "s")));
      List<String> grouped = List.of("n", "g", "k", "c", "p", "q", "r", "s");
      return Optional.of(new IndexSpace(grouped, new int[] {r[0], (int) groups, r[1] / (int) groups, r[2], r[3], r[4],
          r[5], r[6]}, flags(grouped, "c", "r", "s")));
    }
    if (op.is(Ops.MATMUL)) return Optional.of(new IndexSpace(dims, r, flags(dims, "k")));
    List<AffineMap> maps = Einsum.maps(op.attributes());
    AffineMap result = maps.get(maps.size() - 1);
    boolean[] summed = new boolean[dims.size()];
    for (int d = 0; d < summed.length; d++) {
      summed[d] = true;
      for (AffineExpr e : result.results()) if (e.uses(d)) summed[d] = false;
    }
    return Optional.of(new IndexSpace(dims, r, summed));
  }

  private static boolean[] flags(List<String> dims, String... names) {
    boolean[] f = new boolean[dims.size()];
    List<String> set = new ArrayList<>(List.of(names));
    for (int d = 0; d < f.length; d++) f[d] = set.contains(dims.get(d));
    return f;
  }
}
