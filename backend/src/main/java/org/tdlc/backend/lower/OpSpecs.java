// Restates each graph op as a TiledOp: conv2d as an einsum over (n, g, k, c, p, q, r, s) with the group as
// an index and padding as subscripts that leave the tensor; matmul over (b,) m, n, k; einsum as written;
// pools (global ones included) as window reductions (ALU MAX or SUM); the elementwise ops as tile-wise ALU ops
// (a broadcast operand read through a subscript fixed at 0); transpose, slice, upsample and copies as COPY
// through affine subscripts. softmax, layernorm, gather and concat are VectorKernels', not tiled.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.lower.TiledOp.Body;
import org.tdlc.backend.lower.TiledOp.Operand;
import org.tdlc.backend.lower.TiledOp.Post;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.ops.Epilogue;
import org.tdlc.ir.ops.IterationSpace;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class OpSpecs {
  private final DramPlan dram;

  OpSpecs(DramPlan dram) { this.dram = dram; }

  /** The graph ops {@link #of} handles (sources and outputs by emitting nothing): what Lowering.lowers answers. */
  static final java.util.Set<String> LOWERED = java.util.Set.of(Ops.INPUT, Ops.WEIGHT, Ops.OUTPUT, Ops.CONV2D,
      Ops.MATMUL, Ops.EINSUM, Ops.MAXPOOL, Ops.AVGPOOL, Ops.GLOBALAVGPOOL, Ops.ADD, Ops.SUB, Ops.MUL, Ops.MAX, Ops.MIN,
      Ops.RELU, Ops.CLIP, Ops.REQUANT, Ops.SIGMOID, Ops.TANH, Ops.GELU, Ops.TRANSPOSE, Ops.RESHAPE, Ops.FLATTEN,
      Ops.SLICE, Ops.UPSAMPLE, Ops.SOFTMAX, Ops.LAYERNORM, Ops.GATHER, Ops.CONCAT);

  /** The TiledOp of a graph op, or null for ops that emit nothing (sources, outputs, aliasing reshapes). */
  TiledOp of(Operation op, String layer) {
    String kind = op.name();
    if (op.is(Ops.INPUT) || op.is(Ops.WEIGHT) || op.is(Ops.OUTPUT) || DramPlan.aliases(op)) return null;
    if (op.is(Ops.CONV2D)) return conv(op, layer);
    if (op.is(Ops.MATMUL)) return matmul(op, layer);
    if (op.is(Ops.EINSUM)) return einsum(op, layer);
    if (op.is(Ops.MAXPOOL) || op.is(Ops.AVGPOOL) || op.is(Ops.GLOBALAVGPOOL)) return pool(op, layer);
    if (op.is(Ops.ADD)) return elementwise(op, layer, new Body(AluOp.ADD, resultType(op), null, 0));
    if (op.is(Ops.SUB)) return elementwise(op, layer, new Body(AluOp.SUB, resultType(op), null, 0));
    if (op.is(Ops.MUL)) return elementwise(op, layer, new Body(AluOp.MUL, resultType(op), null, 0));
    if (op.is(Ops.MAX)) return elementwise(op, layer, new Body(AluOp.MAXIMUM, resultType(op), null, 0));
    if (op.is(Ops.MIN)) return elementwise(op, layer, new Body(AluOp.MINIMUM, resultType(op), null, 0));
    if (op.is(Ops.RELU)) return elementwise(op, layer, new Body(AluOp.RELU, resultType(op), null, 0));
    if (op.is(Ops.REQUANT)) {
      return elementwise(op, layer, new Body(AluOp.REQUANT, resultType(op), null, (int) op.attributes().getInt("shift")));
    }
    if (op.is(Ops.CLIP)) {
      DictAttr at = op.attributes();
      return elementwise(op, layer, new Body(AluOp.MAXI, resultType(op), null, (int) at.getInt("min")),
          List.of(new TiledOp.AluStep(AluOp.MINI, (int) at.getInt("max"))));
    }
    if (op.is(Ops.SIGMOID)) return elementwise(op, layer, new Body(AluOp.SIGMOID, ElementType.I8, null, frac(op)));
    if (op.is(Ops.TANH)) return elementwise(op, layer, new Body(AluOp.TANH, ElementType.I8, null, frac(op)));
    if (op.is(Ops.GELU)) return elementwise(op, layer, new Body(AluOp.IGELU, ElementType.I32, null, frac(op)));
    if (op.is(Ops.SLICE)) return slice(op, layer);
    if (op.is(Ops.UPSAMPLE)) return upsample(op, layer);
    if (op.is(Ops.TRANSPOSE)) return transpose(op, layer);
    throw new LoweringException(op.location(), "the backend cannot lower " + kind);
  }

  /** A copy of {@code count} elements of {@code type} from one DRAM address to another, as a 1-D tile op. */
  static TiledOp copy(String layer, org.tdlc.ir.Location loc, ElementType type, int count, long from, long to) {
    List<AffineExpr> id = identity(1);
    Operand x = new Operand(layer, type, new int[] {count}, from, id, 0);
    return new TiledOp(layer, "copy", loc, List.of("i"), new int[] {count}, List.of(x), id,
        new Body(AluOp.COPY, type, null, 0), List.of(), null, type, new int[] {count}, to);
  }

  private TiledOp conv(Operation op, String layer) {
    IterationSpace space = IterationSpace.groupedConv2d(op);
    return contraction(op, layer, space.dims(), space.ranges(),
        List.of(operand(op.operand(0), space.input(0), 0), operand(op.operand(1), space.input(1), 0)), space.result());
  }

  private TiledOp matmul(Operation op, String layer) {
    IterationSpace space = IterationSpace.of(op).orElseThrow();
    return contraction(op, layer, space.dims(), space.ranges(),
        List.of(operand(op.operand(0), space.input(0), 0), operand(op.operand(1), space.input(1), 0)), space.result());
  }

  private TiledOp einsum(Operation op, String layer) {
    IterationSpace space = IterationSpace.of(op).orElseThrow();
    List<Operand> in = new ArrayList<>();
    for (int i = 0; i < op.operands().size(); i++) in.add(operand(op.operand(i), space.input(i), 0));
    List<AffineExpr> yMap = space.result();
    if (in.size() == 2) return contraction(op, layer, space.dims(), space.ranges(), in, yMap);
    return tiled(op, layer, space.dims(), space.ranges(), in, yMap, new Body(AluOp.SUM, ElementType.I32, 0, 0),
        List.of(), null);
  }

  /**
   * MAC into i32 accumulators, then the op's fused epilogue (its residual is operand 2, read through the
   * result's subscripts, a dimension it broadcasts at subscript 0).
   */
  private TiledOp contraction(Operation op, String layer, List<String> dims, int[] ranges, List<Operand> in,
                              List<AffineExpr> yMap) {
    List<Post> posts = new ArrayList<>();
    for (Epilogue.Step st : Epilogue.of(op.attributes()).steps()) {
      if (st instanceof Epilogue.Add) posts.add(new TiledOp.AddResidual());
      else if (st instanceof Epilogue.Relu) posts.add(new TiledOp.Relu());
      else if (st instanceof Epilogue.Requant rq) posts.add(new TiledOp.Requant(rq.shift(), rq.to()));
    }
    Operand residual = null;
    if (op.operands().size() > 2) {
      Value r = op.operand(2);
      List<AffineExpr> rMap = new ArrayList<>();
      for (AffineExpr bm : broadcastMap(r.type(), op.result().type())) {   // over the result's dimensions
        int d = bm.coeffs().indexOf(1);
        rMap.add(d < 0 ? e(dims.size(), 0) : yMap.get(d));
      }
      residual = operand(r, rMap, 0);
    }
    return tiled(op, layer, dims, ranges, in, yMap, Body.mac(), posts, residual);
  }

  private TiledOp pool(Operation op, String layer) {
    TensorType x = op.operand(0).type();
    boolean max = op.is(Ops.MAXPOOL);
    DictAttr at = op.attributes();
    int[] kernel = op.is(Ops.GLOBALAVGPOOL) ? new int[] {x.dim(2), x.dim(3)} : pair(at, "kernel", new int[] {1, 1});
    int[] stride = op.is(Ops.GLOBALAVGPOOL) ? kernel : pair(at, "stride", kernel);
    int[] pad = max ? pair(at, "pad", new int[] {0, 0}) : new int[2];
    TensorType y = op.result().type();
    // indices n=0 c=1 p=2 q=3 r=4 s=5
    List<AffineExpr> xMap = List.of(e(6, 0, 0, 1), e(6, 0, 1, 1), e(6, -pad[0], 2, stride[0], 4, 1),
        e(6, -pad[1], 3, stride[1], 5, 1));
    List<AffineExpr> yMap = List.of(e(6, 0, 0, 1), e(6, 0, 1, 1), e(6, 0, 2, 1), e(6, 0, 3, 1));
    int[] ranges = {x.dim(0), x.dim(1), y.dim(2), y.dim(3), kernel[0], kernel[1]};
    List<String> dims = List.of("n", "c", "p", "q", "r", "s");
    ElementType t = x.element();
    if (max) {
      return tiled(op, layer, dims, ranges, List.of(operand(op.operand(0), xMap, t.min())), yMap,
          new Body(AluOp.MAX, t, t.min(), 0), List.of(), null);
    }
    long count = (long) kernel[0] * kernel[1];
    List<Post> post = List.of(new TiledOp.AvgDiv((int) count));
    if (count * -(long) t.min() > Integer.MAX_VALUE) {   // window sums may leave i32: sum halves apart
      if (count > WideAverage.MAX_COUNT) {
        throw new LoweringException(op.location(), "avgpool " + layer + ": a " + kernel[0] + "x" + kernel[1]
            + " window of " + t + " values is too large to average exactly with i32 arithmetic (at most "
            + WideAverage.MAX_COUNT + " elements)");
      }
      post = List.of(new TiledOp.WideAvgDiv((int) count));
    }
    return tiled(op, layer, dims, ranges, List.of(operand(op.operand(0), xMap, 0)), yMap,
        new Body(AluOp.SUM, ElementType.I32, 0, 0), post, null);
  }

  private TiledOp elementwise(Operation op, String layer, Body body) { return elementwise(op, layer, body, List.of()); }

  /** One index per result dimension; an operand that broadcasts reads its repeated dimensions at subscript 0. */
  private TiledOp elementwise(Operation op, String layer, Body body, List<Post> posts) {
    TensorType y = op.result().type();
    int rank = y.rank();
    List<Operand> in = new ArrayList<>();
    for (Value v : op.operands()) in.add(operand(v, broadcastMap(v.type(), y), 0));
    return tiled(op, layer, indexNames(rank), y.shape().dims(), in, identity(rank), body, posts, null);
  }

  /** x's subscripts over the result's indices (NumPy alignment on the last dimension; an extent-1 dimension: 0). */
  private static List<AffineExpr> broadcastMap(TensorType x, TensorType y) {
    int rank = y.rank(), off = rank - x.rank();
    List<AffineExpr> map = new ArrayList<>();
    for (int k = 0; k < x.rank(); k++) {
      int d = k + off;
      map.add(x.dim(k) == 1 && y.dim(d) != 1 ? e(rank, 0) : e(rank, 0, d, 1));
    }
    return map;
  }

  /** y[i...] = x[start + step * i...]. */
  private TiledOp slice(Operation op, String layer) {
    TensorType y = op.result().type();
    int rank = y.rank();
    int[] start = op.attributes().getInts("start");
    int[] step = op.attributes().has("step") ? op.attributes().getInts("step") : ones(rank);
    List<AffineExpr> xMap = new ArrayList<>();
    for (int d = 0; d < rank; d++) xMap.add(e(rank, start[d], d, step[d]));
    return tiled(op, layer, indexNames(rank), y.shape().dims(), List.of(operand(op.operand(0), xMap, 0)),
        identity(rank), new Body(AluOp.COPY, y.element(), null, 0), List.of(), null);
  }

  /**
   * Nearest upsampling over (n, c, h, i, w, j), i and j the repeats of each element: x[n, c, h, w] is written
   * to y[n, c, scaleH * h + i, scaleW * w + j], so the copy reads each element once per repeat.
   */
  private TiledOp upsample(Operation op, String layer) {
    TensorType x = op.operand(0).type(), y = op.result().type();
    int[] scale = pair(op.attributes(), "scale", new int[] {1, 1});
    List<AffineExpr> xMap = List.of(e(6, 0, 0, 1), e(6, 0, 1, 1), e(6, 0, 2, 1), e(6, 0, 4, 1));
    List<AffineExpr> yMap = List.of(e(6, 0, 0, 1), e(6, 0, 1, 1), e(6, 0, 2, scale[0], 3, 1),
        e(6, 0, 4, scale[1], 5, 1));
    int[] ranges = {x.dim(0), x.dim(1), x.dim(2), scale[0], x.dim(3), scale[1]};
    return tiled(op, layer, List.of("n", "c", "h", "i", "w", "j"), ranges, List.of(operand(op.operand(0), xMap, 0)),
        yMap, new Body(AluOp.COPY, y.element(), null, 0), List.of(), null);
  }

  private static int frac(Operation op) { return (int) op.attributes().getInt("frac"); }

  private static int[] ones(int rank) {
    int[] o = new int[rank];
    java.util.Arrays.fill(o, 1);
    return o;
  }

  private TiledOp transpose(Operation op, String layer) {
    int[] perm = op.attributes().getInts("perm");
    int rank = perm.length;
    AffineExpr[] xMap = new AffineExpr[rank];
    for (int d = 0; d < rank; d++) xMap[perm[d]] = e(rank, 0, d, 1);
    Body body = new Body(AluOp.COPY, resultType(op), null, 0);
    return tiled(op, layer, indexNames(rank), op.result().type().shape().dims(),
        List.of(operand(op.operand(0), List.of(xMap), 0)), identity(rank), body, List.of(), null);
  }

  private TiledOp tiled(Operation op, String layer, List<String> dims, int[] ranges, List<Operand> in,
                        List<AffineExpr> yMap, Body body, List<Post> posts, Operand residual) {
    TensorType y = op.result().type();
    return new TiledOp(layer, op.shortName(), op.location(), dims, ranges, in,
        yMap, body, posts, residual, y.element(), y.shape().dims(), dram.address(op.result()));
  }

  private Operand operand(Value v, List<AffineExpr> map, int padValue) {
    return new Operand(v.nameHint() == null ? "?" : v.nameHint(), v.type().element(), v.type().shape().dims(),
        dram.address(v), map, padValue, dram.stored(v));
  }

  private static ElementType resultType(Operation op) { return op.result().type().element(); }

  /** sum of coefficient * index over the (index, coefficient) pairs, plus a constant, over n indices. */
  private static AffineExpr e(int n, int constant, int... pairs) {
    Integer[] c = new Integer[n];
    java.util.Arrays.fill(c, 0);
    for (int i = 0; i < pairs.length; i += 2) c[pairs[i]] += pairs[i + 1];
    return new AffineExpr(List.of(c), constant);
  }

  private static List<AffineExpr> identity(int rank) {
    List<AffineExpr> l = new ArrayList<>();
    for (int d = 0; d < rank; d++) l.add(e(rank, 0, d, 1));
    return l;
  }

  private static List<String> indexNames(int rank) {
    List<String> l = new ArrayList<>();
    for (int d = 0; d < rank; d++) l.add("d" + d);
    return l;
  }

  /** A [h, w] attribute, a single int meaning both, or the fallback when absent (as the interpreter reads it). */
  private static int[] pair(DictAttr attrs, String key, int[] fallback) {
    if (!attrs.has(key)) return fallback.clone();
    Attribute a = attrs.get(key).orElseThrow();
    if (a instanceof Attribute.IntAttr i) return new int[] {(int) i.value(), (int) i.value()};
    return attrs.getInts(key);
  }
}
