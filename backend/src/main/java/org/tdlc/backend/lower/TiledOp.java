// One graph op restated for the tiler: an iteration space with affine operand maps (conv2d, matmul, einsum,
// pools, elementwise ops and copies all fit this form), the per-step body, and the epilogue applied to each
// finished output tile. Everything the emitter needs is here, so it never looks at the graph op again.
package org.tdlc.backend.lower;

import java.util.List;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.ir.Location;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.type.ElementType;

/**
 * dims/ranges: the iteration space; an index absent from {@code outputMap} is reduced. inputs: one or two
 * operands read through boxes (their bounding boxes per tile). outputMap: the result's subscripts; each index
 * appears in at most one of them. residual: the operand of an epilogue AddResidual, read through the
 * result's subscripts (0 where it broadcasts).
 */
record TiledOp(String layerName, String opName, Location location, List<String> dims, int[] ranges,
               List<Operand> inputs, List<AffineExpr> outputMap, Body body, List<Post> epilogue, Operand residual,
               ElementType resultType, int[] resultShape, long resultAddr) {

  TiledOp {
    dims = List.copyOf(dims);
    inputs = List.copyOf(inputs);
    outputMap = List.copyOf(outputMap);
    epilogue = List.copyOf(epilogue);
  }

  /**
   * A tensor in DRAM as the tiler reads it: its (view) shape, its subscripts and the value padding reads as.
   * stored: for a weight kept compressed, its format and data (each loaded tile becomes one block), else null.
   */
  record Operand(String name, ElementType type, int[] shape, long dramAddr, List<AffineExpr> map, int padValue,
                 Stored stored) {
    Operand { map = List.copyOf(map); }

    Operand(String name, ElementType type, int[] shape, long dramAddr, List<AffineExpr> map, int padValue) {
      this(name, type, shape, dramAddr, map, padValue, null);
    }

    int[] strides() {
      int[] s = new int[shape.length];
      int acc = 1;
      for (int i = shape.length - 1; i >= 0; i--) { s[i] = acc; acc *= shape[i]; }
      return s;
    }
  }

  /**
   * A weight stored compressed: no dense copy in DRAM, one block of {@code format} per tile loaded.
   * staged: the target decodes in software, so each block is loaded raw into a staging area of the buffer
   * and a CONVERT writes the dense tile; else a LOAD decodes it on the way in.
   */
  record Stored(org.tdlc.ir.type.StorageFormat format, org.tdlc.ir.data.Tensor data, boolean staged) {
    Stored(org.tdlc.ir.type.StorageFormat format, org.tdlc.ir.data.Tensor data) { this(format, data, false); }
  }

  /** This op with every compressed input staged for software conversion. */
  TiledOp staged() {
    List<Operand> in = new java.util.ArrayList<>();
    for (Operand x : inputs) in.add(staged(x));
    return new TiledOp(layerName, opName, location, dims, ranges, in, outputMap, body, epilogue,
        residual == null ? null : staged(residual), resultType, resultShape, resultAddr);
  }

  private static Operand staged(Operand x) {
    Stored s = x.stored();
    return s == null ? x : new Operand(x.name(), x.type(), x.shape(), x.dramAddr(), x.map(), x.padValue(),
        new Stored(s.format(), s.data(), true));
  }

  /**
   * What each step computes into the accumulator tile: a MAC of inputs 0 and 1 (alu == null), or an ALU op
   * (SUM, MAX, ADD, RELU, REQUANT with imm = shift, COPY). init: the value the accumulator is filled with
   * before the first step of an output tile, or null when the body overwrites it (no reduction).
   */
  record Body(AluOp alu, ElementType accType, Integer init, int imm) {
    static Body mac() { return new Body(null, ElementType.I32, 0, 0); }
    boolean isMac() { return alu == null; }
  }

  /** A step of the epilogue applied to a finished accumulator tile. */
  sealed interface Post {}

  /** Adds the residual operand's tile; the sum wraps into the wider of both types. */
  record AddResidual() implements Post {}

  record Relu() implements Post {}

  /** requant into {@code to}, i8 or i16. */
  record Requant(int shift, ElementType to) implements Post {}

  /** One more ALU op over the tile, the element type kept (clip's upper bound: MINI). */
  record AluStep(AluOp op, int imm) implements Post {}

  /** The rounded mean of {@code count} summed elements, into the result's element type. */
  record AvgDiv(int count) implements Post {}

  /**
   * The rounded mean of {@code count} i32 elements whose sum may not fit in i32: the body summed their high
   * and low halves apart (WideAverage), and the epilogue recombines them exactly.
   */
  record WideAvgDiv(int count) implements Post {}

  /** Whether the body sums high and low halves apart for a WideAvgDiv epilogue. */
  boolean wide() { return epilogue.stream().anyMatch(p -> p instanceof WideAvgDiv); }

  /** The indices of the reduction: those absent from the output map. */
  boolean[] reduced() {
    boolean[] r = new boolean[dims.size()];
    java.util.Arrays.fill(r, true);
    for (AffineExpr e : outputMap) for (int d = 0; d < r.length; d++) if (e.uses(d)) r[d] = false;
    return r;
  }

  /**
   * The output indices in tile-layout order: for each result subscript in turn, the indices it uses, the
   * largest coefficient first (g before k in kg*g + k), so the tile is laid out like the result.
   */
  int[] outputIndices() {
    List<Integer> order = new java.util.ArrayList<>();
    for (AffineExpr e : outputMap) {
      List<Integer> used = new java.util.ArrayList<>();
      for (int d = 0; d < dims.size(); d++) if (e.uses(d)) used.add(d);
      used.sort((a, b) -> Integer.compare(Math.abs(e.coeffs().get(b)), Math.abs(e.coeffs().get(a))));
      order.addAll(used);
    }
    return order.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The element types the accumulator passes through in the epilogue, starting with the body's. */
  List<ElementType> typeChain() {
    List<ElementType> chain = new java.util.ArrayList<>(List.of(body.accType()));
    ElementType cur = body.accType();
    for (Post p : epilogue) {
      if (p instanceof AddResidual) cur = ElementType.wider(cur, residual.type());
      else if (p instanceof Requant rq) cur = rq.to();
      else if (p instanceof AvgDiv || p instanceof WideAvgDiv) cur = resultType;
      chain.add(cur);
    }
    return chain;
  }
}
