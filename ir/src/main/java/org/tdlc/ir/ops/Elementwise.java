// Typing rules of the elementwise ops: add, relu, requant.
package org.tdlc.ir.ops;

import java.util.List;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class Elementwise {
  private Elementwise() {}

  static TensorType addType(TensorType a, TensorType b) {
    if (!a.shape().equals(b.shape())) {
      throw new OpTypeException("add: operands must have the same shape, got " + a.toSourceString()
          + " and " + b.toSourceString());
    }
    return TensorType.of(ElementType.wider(a.element(), b.element()), a.shape());
  }

  static int checkShift(long shift) {
    if (shift < 0 || shift > 31) throw new OpTypeException("requant: shift must be in 0..31, got " + shift);
    return (int) shift;
  }

  static final OpDef ADD = new BaseOpDef("tdl.add", "elementwise sum; the result has the wider element type") {
    public TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
      OpChecks.arity("add", in, 2, 2);
      return addType(in.get(0), in.get(1));
    }
  };

  static final OpDef RELU = new BaseOpDef("tdl.relu", "max(x, 0), elementwise") {
    public TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
      OpChecks.arity("relu", in, 1, 1);
      return TensorType.of(in.get(0).element(), in.get(0).shape());
    }
  };

  static final OpDef REQUANT = new BaseOpDef("tdl.requant",
      "clamp((x + (1 << (shift-1))) >> shift, -128, 127) into i8") {
    public TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
      OpChecks.arity("requant", in, 1, 1);
      checkShift(attrs.getInt("shift"));
      return TensorType.of(ElementType.I8, in.get(0).shape());
    }
  };
}
