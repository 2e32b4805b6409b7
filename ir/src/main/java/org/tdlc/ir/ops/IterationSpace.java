// The loop indices of an op that runs on the PE array, named as the einsum it computes:
// conv2d n, k, c, p, q, r, s; matmul m, n, k (b first when batched); an einsum its own indices.
// Mapping pins and the mapping passes speak in these names. Each array op's declaration names its rule here.
package org.tdlc.ir.ops;

import java.util.List;
import java.util.Optional;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.type.TensorType;

public record IterationSpace(List<String> dims, int[] ranges) {

  public IterationSpace { dims = List.copyOf(dims); ranges = ranges.clone(); }

  public int range(String dim) { return ranges[dims.indexOf(dim)]; }

  /** The iteration space of an op its declaration puts on the PE array (conv2d, matmul, einsum); else empty. */
  public static Optional<IterationSpace> of(Operation op) {
    return Ops.lookup(op.name()).flatMap(d -> d.loops().of(op));
  }

  static IterationSpace conv2d(Operation op) {
    TensorType x = op.operand(0).type(), w = op.operand(1).type();
    DictAttr attrs = OpDef.attributesOf(op);
    int[] stride = attrs.getInts("stride"), pad = attrs.getInts("pad");
    int p = (x.dim(2) + 2 * pad[0] - w.dim(2)) / stride[0] + 1;
    int q = (x.dim(3) + 2 * pad[1] - w.dim(3)) / stride[1] + 1;
    return new IterationSpace(List.of("n", "k", "c", "p", "q", "r", "s"),
        new int[] {x.dim(0), w.dim(0), w.dim(1), p, q, w.dim(2), w.dim(3)});
  }

  static IterationSpace matmul(Operation op) {
    TensorType a = op.operand(0).type(), b = op.operand(1).type();
    int m = a.dim(a.rank() - 2), k = a.dim(a.rank() - 1), n = b.dim(b.rank() - 1);
    return a.rank() == 3
        ? new IterationSpace(List.of("b", "m", "n", "k"), new int[] {a.dim(0), m, n, k})
        : new IterationSpace(List.of("m", "n", "k"), new int[] {m, n, k});
  }

  static IterationSpace einsum(Operation op) {
    var maps = Einsum.maps(op.attributes());
    List<TensorType> in = op.operands().stream().map(Value::type).toList();
    return new IterationSpace(maps.get(0).dims(),
        Einsum.ranges(maps, Einsum.withResult(in, op.result().type()), Einsum.names(in.size())));
  }
}
