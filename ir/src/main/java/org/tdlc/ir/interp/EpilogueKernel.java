// The fused epilogue of conv2d and matmul (ops/Epilogue.java): add (of a residual or a broadcast bias), relu
// and requant applied in their stored order to the i32 accumulators, each with exactly the semantics of the
// standalone op, so fusing never changes a result.
package org.tdlc.ir.interp;

import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.ops.Epilogue;
import org.tdlc.ir.type.ElementType;

final class EpilogueKernel {
  private EpilogueKernel() {}

  /** Applies op's epilogue in place to {@code acc} (i32 accumulators) and wraps it as op's result. */
  static Tensor finish(Operation op, DictAttr attrs, int[] acc, Tensor residual) {
    Epilogue epilogue = Epilogue.of(attrs);
    ElementType current = ElementType.I32;
    for (Epilogue.Step step : epilogue.steps()) {
      if (step instanceof Epilogue.Add) {
        if (residual == null) throw new IllegalArgumentException("epilogue add needs a residual operand, got none");
        current = ElementType.wider(current, residual.element());
        ElementwiseKernel.add(acc, op.result().type().shape(), residual.sharedArray(), residual.type().shape(), current,
            acc);
      } else if (step instanceof Epilogue.Relu) {
        ElementwiseKernel.relu(acc, acc);
      } else if (step instanceof Epilogue.Requant rq) {
        ElementwiseKernel.requant(acc, rq.shift(), rq.to(), acc);
        current = rq.to();
      }
    }
    return Tensor.wrapped(op.result().type(), acc);
  }
}
