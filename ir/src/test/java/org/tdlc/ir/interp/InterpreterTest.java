// The interpreter end to end: a small perceptron with generated weights against hand-composed kernels,
// outputs by name in output order, the observer, --seed inputs, and the messages for bad inputs.
package org.tdlc.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tdlc.ir.interp.TestModels.attrs;
import static org.tdlc.ir.type.ElementType.I16;
import static org.tdlc.ir.type.ElementType.I32;
import static org.tdlc.ir.type.ElementType.I8;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.Model;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.data.TensorInit;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

class InterpreterTest {
  private static final TensorType X = TensorType.of(I8, 2, 8);
  private static final TensorType W1 = TensorType.of(I8, 8, 16);
  private static final TensorType W2 = TensorType.of(I8, 16, 4);

  /** quickstart.tdl in miniature: y = matmul(requant(relu(matmul(x, w1)), 4), w2), also exporting h. */
  private static Model mlp() {
    TestModels.Builder b = new TestModels.Builder("mlp");
    Value x = b.input("x", X);
    Value w1 = b.weight("w1", W1, "init", "random", "seed", 1);
    Value w2 = b.weight("w2", W2, "init", "random", "seed", 2, "density", 0.25);
    Value h = b.op(Ops.MATMUL, DictAttr.EMPTY, x, w1);
    Value a = b.op(Ops.REQUANT, attrs("shift", 4), b.op(Ops.RELU, DictAttr.EMPTY, h));
    Value y = b.op(Ops.MATMUL, DictAttr.EMPTY, a, w2);
    return b.output(List.of("y", "h"), List.of(y, h));
  }

  @Test void runsAModelWithGeneratedWeights() {
    Tensor x = TensorInit.random(X, 77);
    Map<String, Tensor> out = new Interpreter().run(mlp(), Map.of("x", x));
    assertEquals(List.of("y", "h"), new ArrayList<>(out.keySet()));

    Tensor w1 = TensorInit.random(W1, 1), w2 = TensorInit.random(W2, 2, 0.25);
    int[] h = ReferenceOps.matmul(x, w1);
    assertArrayEquals(h, out.get("h").toArray());
    int[] a = new int[h.length];
    for (int i = 0; i < h.length; i++) a[i] = I8.saturate(IntegerFunctions.roundingShift(Math.max(h[i], 0), 4));
    int[] y = ReferenceOps.matmul(Tensor.of(TensorType.of(I8, 2, 16), a), w2);
    assertEquals(Tensor.of(TensorType.of(I32, 2, 4), y), out.get("y"));
  }

  @Test void observerSeesEveryComputedOpInOrderButTheWeights() {
    List<String> seen = new ArrayList<>();
    new Interpreter().run(mlp(), Map.of("x", TensorInit.random(X, 1)), (op, t) -> seen.add(op.name()));
    assertEquals(List.of(Ops.INPUT, Ops.MATMUL, Ops.RELU, Ops.REQUANT, Ops.MATMUL), seen);
  }

  @Test void seededInputsAreDeterministicPerName() {
    Map<String, Tensor> in = Interpreter.randomInputs(mlp(), 5);
    assertEquals(TensorInit.randomInput(X, "x", 5), in.get("x"));
    assertEquals(new Interpreter().run(mlp(), in), new Interpreter().run(mlp(), Interpreter.randomInputs(mlp(), 5)));
    assertNotEquals(in.get("x"), Interpreter.randomInputs(mlp(), 6).get("x"));
  }

  @Test void missingInputNamesTheDeclaration() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Interpreter().run(mlp(), Map.of()));
    assertEquals("model mlp: missing input 'x' (i8[2, 8]); the model's inputs are x : i8[2, 8]", e.getMessage());
  }

  @Test void mistypedInputNamesBothTypes() {
    Tensor wrongShape = TensorInit.random(TensorType.of(I8, 8, 2), 1);
    var e = assertThrows(InterpreterException.class, () -> new Interpreter().run(mlp(), Map.of("x", wrongShape)));
    assertEquals("model mlp: input 'x' is i8[8, 2] but the model declares i8[2, 8]", e.getMessage());
    Tensor wrongType = TensorInit.random(TensorType.of(I16, 2, 8), 1);
    e = assertThrows(InterpreterException.class, () -> new Interpreter().run(mlp(), Map.of("x", wrongType)));
    assertEquals("model mlp: input 'x' is i16[2, 8] but the model declares i8[2, 8]", e.getMessage());
  }

  @Test void unknownInputIsAnError() {
    Map<String, Tensor> in = Map.of("x", TensorInit.random(X, 1), "z", TensorInit.random(X, 2));
    var e = assertThrows(InterpreterException.class, () -> new Interpreter().run(mlp(), in));
    assertEquals("model mlp has no input 'z'; its inputs are x : i8[2, 8]", e.getMessage());
  }

  @Test void sameValueUsedTwiceAndAsOutput() {
    TestModels.Builder b = new TestModels.Builder("twice");
    Value x = b.input("x", TensorType.of(I8, 3));
    Value s = b.op(Ops.ADD, DictAttr.EMPTY, x, x);
    Model m = b.output(List.of("s", "x"), List.of(s, x));
    Tensor in = Tensor.of(TensorType.of(I8, 3), 100, -1, 5);
    Map<String, Tensor> out = new Interpreter().run(m, Map.of("x", in));
    assertArrayEquals(new int[] {-56, -2, 10}, out.get("s").toArray());
    assertEquals(in, out.get("x"));
  }

  @Test void weightsComeFromTheLoader() {
    WeightLoader loader = new WeightLoader();
    Interpreter interp = new Interpreter(loader);
    assertSame(loader, interp.weights());
    Map<String, Tensor> w = loader.loadAll(mlp());
    assertEquals(List.of("w1", "w2"), new ArrayList<>(w.keySet()));
    assertEquals(TensorInit.random(W2, 2, 0.25), w.get("w2"));
  }
}
