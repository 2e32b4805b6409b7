// An ONNX value as the importer holds it: its tdl name, shape, whether it is an i32 accumulator or an i8
// activation, the exponent of its power-of-two scale (real value = integer * 2^-exponent) and the estimated
// mean square of the real value, from which requant's shift is chosen. A value a Layer produces reads its
// name and exponent from the layer, which can still change until the value's one consumer reads them.
package org.tdlc.interop.onnx;

record Val(String tdlName, int[] shape, boolean acc, int exp, double meanSquare, Layer layer) {
  static Val of(String name, int[] shape, boolean acc, int exp, double meanSquare) {
    return new Val(name, shape, acc, exp, meanSquare, null);
  }

  static Val of(Layer layer) {
    return new Val(null, layer.outShape, true, 0, layer.meanSquare(), layer);
  }

  String name() { return layer != null ? layer.resultName() : tdlName; }

  int exponent() { return layer != null ? layer.accExponent() : exp; }

  double ms() { return layer != null ? layer.meanSquare() : meanSquare; }

  int rank() { return shape.length; }

  long elements() {
    long n = 1;
    for (int d : shape) n *= d;
    return n;
  }

  String type() {
    StringBuilder b = new StringBuilder(acc ? "i32[" : "i8[");
    for (int i = 0; i < shape.length; i++) b.append(i == 0 ? "" : ", ").append(shape[i]);
    return b.append(']').toString();
  }
}
