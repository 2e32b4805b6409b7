// DMA shapes against brute force: every buffer point of a transfer must read the DRAM element (or padding)
// the box says, across merged dimensions, padded dimensions and transfers split beyond four dimensions.
package org.tdlc.backend.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Descriptor.DmaDim;
import org.tdlc.backend.lower.TileGeometry.Box;
import org.tdlc.backend.lower.TiledOp.Operand;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.type.ElementType;

class DmaShapesTest {
  /** An operand subscripted by index d at position d. */
  private static Operand identity(int... shape) {
    List<AffineExpr> map = new ArrayList<>();
    for (int pos = 0; pos < shape.length; pos++) {
      List<Integer> c = new ArrayList<>();
      for (int d = 0; d < shape.length; d++) c.add(d == pos ? 1 : 0);
      map.add(new AffineExpr(c, 0));
    }
    return new Operand("x", ElementType.I8, shape, 0, map, 0);
  }

  /** buffer offset -> DRAM element offset (or -1 for padding), by walking the parts. */
  private static Map<Long, Long> walk(List<DmaShapes.Part> parts) {
    Map<Long, Long> m = new TreeMap<>();
    for (DmaShapes.Part p : parts) {
      List<DmaDim> dims = p.dims();
      assertTrue(dims.size() <= Descriptor.MAX_DMA_DIMS, dims.toString());
      int[] idx = new int[dims.size()];
      while (true) {
        long buf = p.bufOffset(), dram = p.dramOffset();
        boolean pad = false;
        for (int d = 0; d < dims.size(); d++) {
          DmaDim dim = dims.get(d);
          int j = idx[d] - dim.padBefore();
          pad |= j < 0 || j >= dim.count();
          buf += (long) idx[d] * dim.bufStride();
          dram += (long) j * dim.dramStride();
        }
        assertEquals(null, m.put(buf, pad ? -1 : dram), "buffer offset written twice: " + buf);
        int d = dims.size() - 1;
        while (d >= 0 && ++idx[d] == dims.get(d).padBefore() + dims.get(d).count() + dims.get(d).padAfter()) idx[d--] = 0;
        if (d < 0) break;
      }
    }
    return m;
  }

  /** The same mapping computed point by point from the box. */
  private static Map<Long, Long> expected(Operand x, Box box) {
    Map<Long, Long> m = new TreeMap<>();
    int rank = box.lo().length;
    int[] strides = x.strides(), idx = new int[rank];
    while (true) {
      long buf = 0, dram = 0;
      boolean pad = false;
      for (int pos = 0; pos < rank; pos++) {
        int coord = box.lo()[pos] + idx[pos];
        pad |= coord < 0 || coord >= x.shape()[pos];
        buf += (long) idx[pos] * box.bufStrides()[pos];
        dram += (long) coord * strides[pos];
      }
      m.put(buf, pad ? -1 : dram);
      int pos = rank - 1;
      while (pos >= 0 && ++idx[pos] == box.extent()[pos]) idx[pos--] = 0;
      if (pos < 0) return m;
    }
  }

  @Test
  void sixPartialDimensionsSplitIntoTransfersOfFour() {
    Operand x = identity(5, 5, 5, 5, 5, 5);
    Box box = TileGeometry.box(x, new int[] {0, 1, 0, 1, 0, 1}, new int[] {2, 3, 2, 3, 2, 3});
    List<DmaShapes.Part> parts = DmaShapes.boxLoad(x, box);
    assertEquals(2 * 3, parts.size());   // the two outer dimensions enumerated
    assertEquals(expected(x, box), walk(parts));
  }

  @Test
  void fullInnerDimensionsMerge() {
    Operand x = identity(4, 3, 5, 7);
    Box box = TileGeometry.box(x, new int[] {1, 1, 0, 0}, new int[] {2, 2, 5, 7});
    List<DmaShapes.Part> parts = DmaShapes.boxLoad(x, box);
    assertEquals(1, parts.size());
    assertEquals(2, parts.get(0).dims().size());
    assertEquals(expected(x, box), walk(parts));
  }

  @Test
  void boxesLeavingTheTensorArePadded() {
    // x[c, 2*p + r - 1] for p in [0, 4), r in [0, 3): subscripts -1 .. 7 over a dimension of 7
    List<AffineExpr> map = List.of(new AffineExpr(List.of(1, 0, 0), 0), new AffineExpr(List.of(0, 2, 1), -1));
    Operand x = new Operand("x", ElementType.I8, new int[] {3, 7}, 0, map, -128);
    Box box = TileGeometry.box(x, new int[] {0, 0, 0}, new int[] {3, 4, 3});
    assertEquals(List.of(0, -1), List.of(box.lo()[0], box.lo()[1]));
    assertEquals(List.of(3, 9), List.of(box.extent()[0], box.extent()[1]));
    List<DmaShapes.Part> parts = DmaShapes.boxLoad(x, box);
    assertEquals(new DmaDim(7, 1, 1, 1, 1), parts.get(0).dims().get(1));
    assertEquals(expected(x, box), walk(parts));
    // index strides: c moves a box row (9), p two columns, r one column
    assertEquals(List.of(9, 2, 1), List.of(box.indexStrides()[0], box.indexStrides()[1], box.indexStrides()[2]));
  }
}
