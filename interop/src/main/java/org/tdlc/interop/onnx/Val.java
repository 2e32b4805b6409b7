// An ONNX value as the importer holds it: its tdl name, shape, whether it is an i32 accumulator or an i8
// activation, its scale (real value = integer * factor * 2^-exponent; the factor is 1 but after gelu, whose
// result has the scale 0.2888 * 2^-(3 frac + 2)) and the estimated mean square of the real value, from which
// requant's shift is chosen. A value a Layer produces reads its name and exponent from the layer, which can
// still change until the value's one consumer reads them.
package org.tdlc.interop.onnx;

record Val(String tdlName, int[] shape, boolean acc, int exp, double meanSquare, Layer layer, double factor) {
  static Val of(String name, int[] shape, boolean acc, int exp, double meanSquare) {
    return new Val(name, shape, acc, exp, meanSquare, null, 1);
  }

  static Val of(Layer layer) {
    return new Val(null, layer.outShape, true, 0, layer.meanSquare(), layer, 1);
  }

  /** The same value's data under another name and shape (a reshape, transpose, requant keeps the scale). */
  Val as(String name, int[] newShape, boolean isAcc, int exponent) {
    return new Val(name, newShape, isAcc, exponent, ms(), null, factor);
  }

  /** This value with a scale factor that is not a power of two (gelu's result). */
  Val withFactor(double f) { return new Val(name(), shape, acc, exponent(), ms(), null, f); }

  /** This value read at another exponent, its real value multiplied by {@code by}: a Div or Mul by a power of two. */
  Val scaledBy(int exponent, double by) { return new Val(name(), shape, acc, exponent, ms() * by * by, null, factor); }

  String name() { return layer != null ? layer.resultName() : tdlName; }

  int exponent() { return layer != null ? layer.accExponent() : exp; }

  double ms() { return layer != null ? layer.meanSquare() : meanSquare; }

  /** The mean square of the integers' real reading without the factor, integer * 2^-exponent. */
  double unitMs() { return ms() / (factor * factor); }

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
