// Fused epilogues: a conv2d or matmul carrying add/relu/requant must compute exactly what the same
// ops compute unfused, in the stored order, with the add's operand as the op's third operand.
package org.tdlc.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tdlc.ir.interp.TestModels.attrs;
import static org.tdlc.ir.interp.TestModels.tensor;
import static org.tdlc.ir.type.ElementType.I32;
import static org.tdlc.ir.type.ElementType.I8;

import org.junit.jupiter.api.Test;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.data.TensorInit;
import org.tdlc.ir.ops.Epilogue;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

class EpilogueTest {
  private static DictAttr with(DictAttr attrs, Epilogue e) { return attrs.with("epilogue", e.toAttribute()); }

  @Test void convWithAddReluRequantEqualsTheUnfusedChain() {
    Tensor x = TensorInit.random(TensorType.of(I8, 1, 8, 6, 6), 1);
    Tensor w = TensorInit.random(TensorType.of(I8, 8, 8, 3, 3), 2, 0.5);
    Tensor res = TensorInit.random(TensorType.of(I8, 1, 8, 6, 6), 3);
    DictAttr conv = ConvKernelTest.conv(1, 1, 1, 1, 1);
    Epilogue e = Epilogue.NONE.then(new Epilogue.Add()).then(new Epilogue.Relu()).then(new Epilogue.Requant(6));
    Tensor fused = TestModels.eval(Ops.CONV2D, with(conv, e), x, w, res);
    assertEquals(TensorType.of(I8, 1, 8, 6, 6), fused.type());
    Tensor c = TestModels.eval(Ops.CONV2D, conv, x, w);
    Tensor s = TestModels.eval(Ops.ADD, DictAttr.EMPTY, c, res);
    Tensor r = TestModels.eval(Ops.RELU, DictAttr.EMPTY, s);
    assertEquals(TestModels.eval(Ops.REQUANT, attrs("shift", 6), r), fused);
  }

  @Test void matmulWithReluRequantEqualsTheUnfusedChain() {
    Tensor a = TensorInit.random(TensorType.of(I8, 4, 32), 4);
    Tensor b = TensorInit.random(TensorType.of(I8, 32, 8), 5);
    Epilogue e = Epilogue.NONE.then(new Epilogue.Relu()).then(new Epilogue.Requant(5));
    Tensor fused = TestModels.eval(Ops.MATMUL, with(DictAttr.EMPTY, e), a, b);
    Tensor m = TestModels.eval(Ops.MATMUL, DictAttr.EMPTY, a, b);
    Tensor unfused = TestModels.eval(Ops.REQUANT, attrs("shift", 5), TestModels.eval(Ops.RELU, DictAttr.EMPTY, m));
    assertEquals(unfused, fused);
  }

  @Test void stepsApplyInTheirStoredOrder() {
    Tensor a = tensor(I8, new int[] {1, 1}, 100);
    Tensor b = tensor(I8, new int[] {1, 1}, 3);        // a x b = 300
    Tensor res = tensor(I8, new int[] {1, 1}, 100);
    // requant(300, 1) = 127 (clamped), then + 100 wraps in i8 to -29, then relu gives 0
    Epilogue late = Epilogue.NONE.then(new Epilogue.Requant(1)).then(new Epilogue.Add()).then(new Epilogue.Relu());
    Tensor y = TestModels.eval(Ops.MATMUL, with(DictAttr.EMPTY, late), a, b, res);
    assertEquals(TensorType.of(I8, 1, 1), y.type());
    assertArrayEquals(new int[] {0}, y.toArray());
    // add first: 300 + 100 = 400 in i32, relu keeps it, requant(400, 1) = 127
    Epilogue early = Epilogue.NONE.then(new Epilogue.Add()).then(new Epilogue.Relu()).then(new Epilogue.Requant(1));
    assertArrayEquals(new int[] {127}, TestModels.eval(Ops.MATMUL, with(DictAttr.EMPTY, early), a, b, res).toArray());
  }

  @Test void addWithoutRequantStaysI32AndWraps() {
    Tensor a = tensor(I32, new int[] {1, 1}, Integer.MAX_VALUE);
    Tensor b = tensor(I32, new int[] {1, 1}, 1);
    Tensor res = tensor(I8, new int[] {1, 1}, 1);
    Tensor y = TestModels.eval(Ops.MATMUL, with(DictAttr.EMPTY, Epilogue.NONE.then(new Epilogue.Add())), a, b, res);
    assertEquals(TensorType.of(I32, 1, 1), y.type());
    assertArrayEquals(new int[] {Integer.MIN_VALUE}, y.toArray());
  }

  @Test void aSixteenBitRequantStepGivesAnI16ResultAndKeepsItsWidthInTheAttribute() {
    Tensor a = tensor(I32, new int[] {1, 2}, 1 << 20, 300);
    Tensor b = tensor(I32, new int[] {2, 1}, 1, 1);           // a x b = 2^20 + 300
    Epilogue e = Epilogue.NONE.then(new Epilogue.Requant(4, org.tdlc.ir.type.ElementType.I16));
    Tensor y = TestModels.eval(Ops.MATMUL, with(DictAttr.EMPTY, e), a, b);
    assertEquals(TensorType.of(org.tdlc.ir.type.ElementType.I16, 1, 1), y.type());
    assertArrayEquals(new int[] {32767}, y.toArray());          // (2^20 + 308) >> 4 = 65555, saturated
    assertEquals(e, Epilogue.of(DictAttr.of(java.util.Map.of("epilogue", e.toAttribute()))));
    assertEquals(Epilogue.NONE.then(new Epilogue.Requant(4)),
        Epilogue.of(DictAttr.of(java.util.Map.of("epilogue", Epilogue.NONE.then(new Epilogue.Requant(4)).toAttribute()))));
  }
}
