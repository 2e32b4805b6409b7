// The ops real networks need, in the interpreter, on examples worked out by hand (and by the formulas of
// docs/ops.md in tests/numpy/vector_ops_check.py): broadcasting, clip, the layout ops, gather's wrap-around,
// and the integer-only softmax, layernorm and gelu row by row.
package org.tdlc.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tdlc.ir.interp.TestModels.attrs;
import static org.tdlc.ir.interp.TestModels.tensor;
import static org.tdlc.ir.type.ElementType.I16;
import static org.tdlc.ir.type.ElementType.I32;
import static org.tdlc.ir.type.ElementType.I8;

import org.junit.jupiter.api.Test;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

class VectorOpsKernelTest {
  private static Tensor eval(String op, DictAttr attrs, Tensor... in) { return TestModels.eval(op, attrs, in); }

  @Test void aBiasBroadcastsOverEveryRow() {
    Tensor y = eval(Ops.ADD, DictAttr.EMPTY, tensor(I32, new int[] {2, 3}, 1, 2, 3, 4, 5, 6),
        tensor(I32, new int[] {3}, 10, 20, 30));
    assertEquals(TensorType.of(I32, 2, 3), y.type());
    assertArrayEquals(new int[] {11, 22, 33, 14, 25, 36}, y.toArray());
    // both sides repeat: [2, 1] - [1, 3] is [2, 3]
    Tensor d = eval(Ops.SUB, DictAttr.EMPTY, tensor(I16, new int[] {2, 1}, 100, 200),
        tensor(I8, new int[] {1, 3}, 1, 2, 3));
    assertEquals(TensorType.of(I16, 2, 3), d.type());
    assertArrayEquals(new int[] {99, 98, 97, 199, 198, 197}, d.toArray());
  }

  @Test void mulIsI32AndMaxMinKeepTheWiderType() {
    Tensor m = eval(Ops.MUL, DictAttr.EMPTY, tensor(I8, new int[] {2}, 127, -128), tensor(I8, new int[] {1}, -128));
    assertEquals(TensorType.of(I32, 2), m.type());
    assertArrayEquals(new int[] {-16256, 16384}, m.toArray());
    assertArrayEquals(new int[] {5, 7}, eval(Ops.MAX, DictAttr.EMPTY, tensor(I8, new int[] {2}, 5, -9),
        tensor(I16, new int[] {2}, 3, 7)).toArray());
    assertArrayEquals(new int[] {3, -9}, eval(Ops.MIN, DictAttr.EMPTY, tensor(I8, new int[] {2}, 5, -9),
        tensor(I16, new int[] {2}, 3, 7)).toArray());
  }

  @Test void clipClampsIntoItsBounds() {
    assertArrayEquals(new int[] {0, 0, 50, 96, 96}, eval(Ops.CLIP, attrs("min", 0, "max", 96),
        tensor(I8, new int[] {5}, -128, 0, 50, 96, 127)).toArray());
  }

  @Test void concatSliceAndUpsampleMoveElementsOnly() {
    Tensor a = tensor(I8, new int[] {2, 2}, 1, 2, 3, 4), b = tensor(I8, new int[] {2, 1}, 5, 6);
    assertArrayEquals(new int[] {1, 2, 5, 3, 4, 6}, eval(Ops.CONCAT, attrs("axis", -1), a, b).toArray());
    assertArrayEquals(new int[] {1, 2, 3, 4, 1, 2, 3, 4}, eval(Ops.CONCAT, attrs("axis", 0), a, a).toArray());
    Tensor x = tensor(I16, new int[] {3, 4}, 0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23);
    Tensor s = eval(Ops.SLICE, attrs("start", new int[] {0, 1}, "end", new int[] {3, 4}, "step", new int[] {2, 2}), x);
    assertEquals(TensorType.of(I16, 2, 2), s.type());
    assertArrayEquals(new int[] {1, 3, 21, 23}, s.toArray());
    Tensor u = eval(Ops.UPSAMPLE, attrs("scale", new int[] {2, 1}), tensor(I8, new int[] {1, 1, 2, 2}, 1, 2, 3, 4));
    assertArrayEquals(new int[] {1, 2, 1, 2, 3, 4, 3, 4}, u.toArray());
  }

  @Test void gatherWrapsIndicesModuloTheRows() {
    Tensor table = tensor(I8, new int[] {3, 2}, 0, 1, 10, 11, 20, 21);
    Tensor y = eval(Ops.GATHER, DictAttr.EMPTY, table, tensor(I32, new int[] {2, 2}, 2, -1, 4, 0));
    assertEquals(TensorType.of(I8, 2, 2, 2), y.type());
    assertArrayEquals(new int[] {20, 21, 20, 21, 10, 11, 0, 1}, y.toArray());
  }

  @Test void globalAveragePoolRoundsLikeAvgpool() {
    Tensor y = eval(Ops.GLOBALAVGPOOL, DictAttr.EMPTY, tensor(I8, new int[] {1, 2, 1, 3}, 1, 2, 2, -1, -1, -2));
    assertEquals(TensorType.of(I8, 1, 2, 1, 1), y.type());
    assertArrayEquals(new int[] {2, -1}, y.toArray());   // floorDiv(5 + 1, 3), floorDiv(-4 + 1, 3)
  }

  @Test void softmaxByIBertsExp() {
    // frac 4: equal scores share 2^31 / 1372 evenly, floored: 63 each (of 128)
    Tensor y = eval(Ops.SOFTMAX, attrs("frac", 4), tensor(I8, new int[] {4, 2}, 0, 0, 16, 0, 100, -100, 7, 7));
    assertEquals(TensorType.of(I8, 4, 2), y.type());
    assertArrayEquals(new int[] {63, 63, 93, 34, 127, 0, 63, 63}, y.toArray());
    assertArrayEquals(new int[] {32, 19, 51, 24}, eval(Ops.SOFTMAX, attrs("frac", 4),
        tensor(I32, new int[] {4}, 5, -3, 12, 0)).toArray());
  }

  @Test void layernormNormalizesThenScalesAndShifts() {
    // mean (20 + 2) / 4 = 5, d = [5, -25, 25, -5], V = 1300, sigma = 36, f = 2^31 / 36, n = d f / 2^15
    Tensor y = eval(Ops.LAYERNORM, attrs("frac", 16), tensor(I8, new int[] {1, 4}, 10, -20, 30, 0),
        tensor(I8, new int[] {4}, 1, 2, 3, 4), tensor(I32, new int[] {4}, 0, 100, -100, 7));
    assertEquals(TensorType.of(I32, 1, 4), y.type());
    assertArrayEquals(new int[] {9102, -90924, 136433, -36405}, y.toArray());
    // a constant row has sigma 0, treated as 1: n = 0, y = beta
    assertArrayEquals(new int[] {5, 5}, eval(Ops.LAYERNORM, DictAttr.EMPTY, tensor(I16, new int[] {2}, 3, 3),
        tensor(I8, new int[] {2}, 9, 9), tensor(I32, new int[] {2}, 5, 5)).toArray());
  }

  @Test void geluElementwise() {
    Tensor y = eval(Ops.GELU, attrs("frac", 4), tensor(I8, new int[] {4}, 0, 16, -16, 3));
    assertEquals(TensorType.of(I32, 4), y.type());
    assertArrayEquals(new int[] {0, 46736, -10000, 6306}, y.toArray());
  }

  @Test void sigmoidAndTanhLookUpTheirTables() {
    assertArrayEquals(new int[] {0, 64, 127}, eval(Ops.SIGMOID, DictAttr.EMPTY,
        tensor(I8, new int[] {3}, -128, 0, 127)).toArray());
    assertArrayEquals(new int[] {-97, 0, 97}, eval(Ops.TANH, DictAttr.EMPTY,
        tensor(I8, new int[] {3}, -16, 0, 16)).toArray());
  }
}
