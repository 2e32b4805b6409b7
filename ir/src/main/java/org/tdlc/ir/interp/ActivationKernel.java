// sigmoid and tanh (a 256-entry table per frac, indexed by the i8 input) and gelu (I-BERT's i-GELU), each
// element on its own; IntegerFunctions holds the tables and the arithmetic, shared with the vector unit.
package org.tdlc.ir.interp;

import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.TensorType;

public final class ActivationKernel {
  private ActivationKernel() {}

  public static final OpKernel SIGMOID = (op, attrs, in) ->
      lookup(op.result().type(), in.get(0), IntegerFunctions.sigmoidTable((int) attrs.getInt("frac")));

  public static final OpKernel TANH = (op, attrs, in) ->
      lookup(op.result().type(), in.get(0), IntegerFunctions.tanhTable((int) attrs.getInt("frac")));

  public static final OpKernel GELU = (op, attrs, in) -> {
    IntegerFunctions.GeluConstants k = IntegerFunctions.gelu((int) attrs.getInt("frac"));
    int[] x = in.get(0).sharedArray(), y = new int[x.length];
    for (int i = 0; i < y.length; i++) y[i] = IntegerFunctions.gelu(k, x[i]);
    return Tensor.wrapped(op.result().type(), y);
  };

  private static Tensor lookup(TensorType type, Tensor x, int[] table) {
    int[] v = x.sharedArray(), y = new int[v.length];
    for (int i = 0; i < y.length; i++) y[i] = table[v[i] + 128];
    return Tensor.adopt(type, y);
  }
}
