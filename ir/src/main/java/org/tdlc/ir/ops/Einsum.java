// The einsum op: y[out] += prod A_i[map_i], every index not on the left summed. Index ranges come
// from the shapes: an index takes the extent of any dimension it subscripts alone; every subscript,
// affine ones such as 2*p + r included, must stay inside its dimension.
package org.tdlc.ir.ops;

import static org.tdlc.ir.ops.OpDef.required;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.attr.AffineMap;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.interp.EinsumKernel;
import org.tdlc.ir.ops.OpDef.Family;
import org.tdlc.ir.ops.OpDef.ResultRule.Mode;
import org.tdlc.ir.ops.OperandSpec.Arity;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

public final class Einsum {
  private Einsum() {}

  /** The maps attribute: one map per operand, then the result's. */
  public static List<AffineMap> maps(DictAttr attrs) {
    return attrs.getArray("maps").stream().map(a -> {
      if (a instanceof AffineMap m) return m;
      throw new OpTypeException("einsum: maps must hold affine maps, got " + a);
    }).toList();
  }

  /**
   * Infers the range of every index and checks every subscript against its dimension.
   * {@code names} labels the tensors in messages: one per map (operands, then the result).
   */
  public static int[] ranges(List<AffineMap> maps, List<TensorType> types, List<String> names) {
    List<String> dims = maps.get(0).dims();
    for (int t = 0; t < maps.size(); t++) {
      if (!maps.get(t).dims().equals(dims)) throw new OpTypeException("einsum: all maps must share one index list");
      if (maps.get(t).rank() != types.get(t).rank()) {
        throw new OpTypeException("einsum: " + names.get(t) + " is " + types.get(t).toSourceString() + " (rank "
            + types.get(t).rank() + ") but is subscripted with " + maps.get(t).rank() + " indices");
      }
    }
    // As in NumPy: an index of the result that no operand uses would only broadcast, and is usually a typo.
    for (int d = 0; d < dims.size(); d++) {
      boolean used = false;
      for (int t = 0; t < maps.size() - 1; t++) for (AffineExpr e : maps.get(t).results()) used |= e.uses(d);
      if (!used && maps.size() > 1) {
        throw new OpTypeException("einsum: output index " + dims.get(d) + " appears in no operand");
      }
    }
    int[] ranges = new int[dims.size()];
    String[] from = new String[dims.size()];
    for (int t = 0; t < maps.size(); t++) {
      for (int pos = 0; pos < maps.get(t).rank(); pos++) {
        int d = maps.get(t).results().get(pos).plainDim();
        if (d < 0) continue;
        int extent = types.get(t).dim(pos);
        String here = names.get(t) + " dimension " + pos;
        if (from[d] == null) {
          ranges[d] = extent;
          from[d] = here;
        } else if (ranges[d] != extent) {
          throw new OpTypeException("einsum: index " + dims.get(d) + " ranges over " + ranges[d] + " in " + from[d]
              + " but over " + extent + " in " + here);
        }
      }
    }
    for (int d = 0; d < dims.size(); d++) {
      if (from[d] == null) {
        throw new OpTypeException("einsum: cannot infer the range of index " + dims.get(d)
            + ": it never subscripts a dimension alone");
      }
    }
    for (int t = 0; t < maps.size(); t++) {
      AffineMap m = maps.get(t);
      for (int pos = 0; pos < m.rank(); pos++) {
        AffineExpr e = m.results().get(pos);
        long[] b = e.bounds(ranges);
        int extent = types.get(t).dim(pos);
        if (b[0] < 0 || b[1] >= extent) {
          throw new OpTypeException("einsum: subscript " + e.toString(dims) + " of " + names.get(t) + " dimension "
              + pos + " spans " + b[0] + ".." + b[1] + ", outside 0.." + (extent - 1));
        }
      }
    }
    return ranges;
  }

  /** Indices that do not appear in the result and are therefore summed. */
  public static boolean[] reduced(AffineMap output) {
    boolean[] r = new boolean[output.dims().size()];
    java.util.Arrays.fill(r, true);
    for (AffineExpr e : output.results()) for (int d = 0; d < r.length; d++) if (e.uses(d)) r[d] = false;
    return r;
  }

  static final OpDef DEF = OpDef.op(Family.ARRAY, Ops.EINSUM)
      .operands("a").operand("b", Arity.OPTIONAL)
      .internal("maps", AttrKind.AFFINE_MAPS, required(), "one affine map per operand, then the result's")
      .result(Mode.DECLARED, "as declared by `tensor NAME : TYPE;`, which must be i32; index ranges from the shapes",
          Einsum::infer)
      .loops("y[out] += a[map_a] * b[map_b] (or += a[map_a]), indices absent from out summed; written in .tdl as"
          + " y[i, j] += a[i, k] * b[k, j]", IterationSpace::einsum)
      .doc("sum of products at affine subscripts; `=` instead of `+=` allows no summed index")
      .kernel(EinsumKernel.EINSUM)
      .build();

  private static TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
    List<AffineMap> maps = maps(attrs);
    if (maps.size() != in.size() + 1) {
      throw new OpTypeException("einsum: " + in.size() + " operands need " + (in.size() + 1) + " maps, got "
          + maps.size());
    }
    AffineMap out = maps.get(maps.size() - 1);
    boolean[] seen = new boolean[out.dims().size()];
    for (AffineExpr e : out.results()) {
      int d = e.plainDim();
      if (d < 0 || seen[d]) {
        throw new OpTypeException("einsum: result subscripts must be distinct plain indices, got "
            + e.toString(out.dims()));
      }
      seen[d] = true;
    }
    if (declared.element() != ElementType.I32) {
      throw new OpTypeException("einsum: sums of products accumulate in i32, but the result is declared "
          + declared.toSourceString() + "; declare it i32 and requant it if needed");
    }
    ranges(maps, withResult(in, declared), names(in.size()));
    return declared;
  }

  /** The operand types followed by the result's: the order of the maps. */
  static List<TensorType> withResult(List<TensorType> in, TensorType result) {
    List<TensorType> all = new ArrayList<>(in);
    all.add(result);
    return all;
  }

  /** How messages name the tensors of an einsum with {@code operands} operands: operand 0, ..., the result. */
  static List<String> names(int operands) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < operands; i++) names.add("operand " + i);
    names.add("the result");
    return names;
  }

  public static Attribute mapsAttribute(List<AffineMap> maps) { return new Attribute.ArrayAttr(List.copyOf(maps)); }
}
