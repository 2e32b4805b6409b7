// The loop indices of an op that runs on the PE array, named as the einsum it computes:
// conv2d n, k, c, p, q, r, s; matmul m, n, k (b first when batched); an einsum its own indices.
// Mapping pins and the mapping passes speak in these names. Each array op's declaration names its rule here.
package org.tdlc.ir.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.attr.AffineMap;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.type.TensorType;

/**
 * dims and ranges: the loop indices and their extents; maps: per operand (inputs in order, then the result)
 * its subscripts as affine expressions over the indices (2*p + r - 1 for a strided, padded window). This is
 * the one statement of an array op's access pattern: the mapping passes' cost model and the lowering both
 * take it from here.
 */
public record IterationSpace(List<String> dims, int[] ranges, List<List<AffineExpr>> maps) {

  public IterationSpace {
    dims = List.copyOf(dims);
    ranges = ranges.clone();
    maps = maps.stream().map(List::copyOf).toList();
  }

  public int range(String dim) { return ranges[dims.indexOf(dim)]; }

  /** The subscripts of input {@code i}. */
  public List<AffineExpr> input(int i) { return maps.get(i); }

  /** The subscripts of the result. */
  public List<AffineExpr> result() { return maps.get(maps.size() - 1); }

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
    // n=0 k=1 c=2 p=3 q=4 r=5 s=6
    int n = 7;
    return new IterationSpace(List.of("n", "k", "c", "p", "q", "r", "s"),
        new int[] {x.dim(0), w.dim(0), w.dim(1), p, q, w.dim(2), w.dim(3)},
        List.of(List.of(e(n, 0, 0, 1), e(n, 0, 2, 1), e(n, -pad[0], 3, stride[0], 5, 1), e(n, -pad[1], 4, stride[1], 6, 1)),
            List.of(e(n, 0, 1, 1), e(n, 0, 2, 1), e(n, 0, 5, 1), e(n, 0, 6, 1)),
            List.of(e(n, 0, 0, 1), e(n, 0, 1, 1), e(n, 0, 3, 1), e(n, 0, 4, 1))));
  }

  /**
   * A conv2d with its group as an index of its own: n, g, k, c, p, q, r, s, where k and c count within a
   * group (the space the lowering tiles every convolution in; g has range 1 when groups = 1).
   */
  public static IterationSpace groupedConv2d(Operation op) {
    IterationSpace own = conv2d(op);
    DictAttr attrs = OpDef.attributesOf(op);
    int[] stride = attrs.getInts("stride"), pad = attrs.getInts("pad");
    int groups = (int) attrs.getInt("groups");
    int[] r = own.ranges();
    int kg = r[1] / groups, cg = r[2];
    // n=0 g=1 k=2 c=3 p=4 q=5 r=6 s=7
    int n = 8;
    return new IterationSpace(List.of("n", "g", "k", "c", "p", "q", "r", "s"),
        new int[] {r[0], groups, kg, cg, r[3], r[4], r[5], r[6]},
        List.of(List.of(e(n, 0, 0, 1), e(n, 0, 1, cg, 3, 1), e(n, -pad[0], 4, stride[0], 6, 1),
                e(n, -pad[1], 5, stride[1], 7, 1)),
            List.of(e(n, 0, 1, kg, 2, 1), e(n, 0, 3, 1), e(n, 0, 6, 1), e(n, 0, 7, 1)),
            List.of(e(n, 0, 0, 1), e(n, 0, 1, kg, 2, 1), e(n, 0, 4, 1), e(n, 0, 5, 1))));
  }

  static IterationSpace matmul(Operation op) {
    TensorType a = op.operand(0).type(), b = op.operand(1).type();
    int m = a.dim(a.rank() - 2), k = a.dim(a.rank() - 1), nn = b.dim(b.rank() - 1);
    boolean batched = a.rank() == 3;
    int n = batched ? 4 : 3, mi = n - 3, ni = n - 2, ki = n - 1;
    List<AffineExpr> am = new ArrayList<>(), bm = new ArrayList<>(), ym = new ArrayList<>();
    if (batched) {
      am.add(e(n, 0, 0, 1));
      ym.add(e(n, 0, 0, 1));
      if (b.rank() == 3) bm.add(e(n, 0, 0, 1));
    }
    am.addAll(List.of(e(n, 0, mi, 1), e(n, 0, ki, 1)));
    bm.addAll(List.of(e(n, 0, ki, 1), e(n, 0, ni, 1)));
    ym.addAll(List.of(e(n, 0, mi, 1), e(n, 0, ni, 1)));
    return batched
        ? new IterationSpace(List.of("b", "m", "n", "k"), new int[] {a.dim(0), m, nn, k}, List.of(am, bm, ym))
        : new IterationSpace(List.of("m", "n", "k"), new int[] {m, nn, k}, List.of(am, bm, ym));
  }

  static IterationSpace einsum(Operation op) {
    var maps = Einsum.maps(op.attributes());
    List<TensorType> in = op.operands().stream().map(Value::type).toList();
    return new IterationSpace(maps.get(0).dims(),
        Einsum.ranges(maps, Einsum.withResult(in, op.result().type()), Einsum.names(in.size())),
        maps.stream().map(AffineMap::results).toList());
  }

  /** sum of coefficient x index over the (index, coefficient) pairs, plus the constant, over n indices. */
  public static AffineExpr e(int n, int constant, int... pairs) {
    Integer[] c = new Integer[n];
    java.util.Arrays.fill(c, 0);
    for (int i = 0; i < pairs.length; i += 2) c[pairs[i]] += pairs[i + 1];
    return new AffineExpr(List.of(c), constant);
  }
}
