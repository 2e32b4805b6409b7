// The loop indices of an op that runs on the PE array, named as the einsum it computes:
// conv2d n, k, c, p, q, r, s; matmul m, n, k (b first when batched); an einsum its own indices.
// Mapping pins and, later, the mapping passes speak in these names.
package org.tdlc.ir.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.type.TensorType;

public record IterationSpace(List<String> dims, int[] ranges) {

  public IterationSpace { dims = List.copyOf(dims); ranges = ranges.clone(); }

  public int range(String dim) { return ranges[dims.indexOf(dim)]; }

  /** The iteration space of a conv2d, matmul or einsum; empty for every other op. */
  public static Optional<IterationSpace> of(Operation op) {
    List<TensorType> in = op.operands().stream().map(Value::type).toList();
    if (op.is(Ops.CONV2D)) {
      TensorType x = in.get(0), w = in.get(1);
      int[] stride = op.attributes().getInts("stride"), pad = op.attributes().getInts("pad");
      int p = (x.dim(2) + 2 * pad[0] - w.dim(2)) / stride[0] + 1;
      int q = (x.dim(3) + 2 * pad[1] - w.dim(3)) / stride[1] + 1;
      return Optional.of(new IterationSpace(List.of("n", "k", "c", "p", "q", "r", "s"),
          new int[] {x.dim(0), w.dim(0), w.dim(1), p, q, w.dim(2), w.dim(3)}));
    }
    if (op.is(Ops.MATMUL)) {
      TensorType a = in.get(0), b = in.get(1);
      int m = a.dim(a.rank() - 2), k = a.dim(a.rank() - 1), n = b.dim(b.rank() - 1);
      return Optional.of(a.rank() == 3
          ? new IterationSpace(List.of("b", "m", "n", "k"), new int[] {a.dim(0), m, n, k})
          : new IterationSpace(List.of("m", "n", "k"), new int[] {m, n, k}));
    }
    if (op.is(Ops.EINSUM)) {
      var maps = Einsum.maps(op.attributes());
      List<TensorType> all = new ArrayList<>(in);
      all.add(op.result().type());
      List<String> names = new ArrayList<>();
      for (int i = 0; i <= in.size(); i++) names.add(i < in.size() ? "operand " + i : "the result");
      return Optional.of(new IterationSpace(maps.get(0).dims(), Einsum.ranges(maps, all, names)));
    }
    return Optional.empty();
  }
}
