// How a float ONNX model becomes tdl's integers, stated once (docs/interop.md quotes these rules). Every scale
// is a power of two, 2^-e, so that requant's shift changes a tensor's scale exactly and the two operands of a
// residual add can be brought to one scale: a weight tensor's exponent is the largest that keeps its largest
// magnitude within 127, and an activation's is the largest that keeps its estimated standard deviation within
// 32 (a quarter of the i8 range, so four standard deviations fit before requant saturates).
package org.tdlc.interop.onnx;

final class Quantization {
  /** The i8 bound of a quantized weight (symmetric: -127..127, so negating never overflows). */
  static final int WEIGHT_MAX = 127;
  /** An activation's estimated standard deviation is scaled to at most this many i8 steps. */
  static final double ACTIVATION_SIGMA = 32;
  /** requant's shift is 0..31. */
  static final int MAX_SHIFT = 31;

  private Quantization() {}

  /** The exponent e of a weight tensor's scale 2^-e: the largest e with max|w| * 2^e <= 127 (0 for all zeros). */
  static int weightExponent(float[] w) {
    double max = 0;
    for (float v : w) max = Math.max(max, Math.abs(v));
    if (max == 0) return 0;
    int e = (int) Math.floor(Math.log(WEIGHT_MAX / max) / Math.log(2));
    while (Math.scalb(max, e) > WEIGHT_MAX) e--;        // log's rounding, never trusted at an exact power of two
    while (Math.scalb(max, e + 1) <= WEIGHT_MAX) e++;
    return e;
  }

  /** w * 2^e rounded to nearest (ties away from zero), clamped to -127..127. */
  static int weight(float w, int e) {
    return (int) Math.max(-WEIGHT_MAX, Math.min(WEIGHT_MAX, round(Math.scalb((double) w, e))));
  }

  /** A bias in accumulator units: b * 2^(exponent of the accumulator), rounded like a weight, clamped to i32. */
  static int bias(float b, int accExponent) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, round(Math.scalb((double) b, accExponent))));
  }

  /** A float input value at scale 2^-e: rounded like a weight, clamped to -128..127. */
  static int activation(double x, int e) {
    return (int) Math.max(-128, Math.min(127, round(Math.scalb(x, e))));
  }

  /** The exponent of an activation whose estimated mean square is {@code meanSquare}: the largest g with sigma * 2^g <= 32. */
  static int activationExponent(double meanSquare) {
    double sigma = Math.sqrt(meanSquare);
    if (!(sigma > 0) || Double.isInfinite(sigma)) return 0;
    int g = (int) Math.floor(Math.log(ACTIVATION_SIGMA / sigma) / Math.log(2));
    while (Math.scalb(sigma, g) > ACTIVATION_SIGMA) g--;
    while (Math.scalb(sigma, g + 1) <= ACTIVATION_SIGMA) g++;
    return g;
  }

  /** requant's shift from an accumulator at exponent {@code acc} to an activation wanted at exponent {@code wanted}: acc - wanted, within 0..31. */
  static int shift(int acc, int wanted) {
    return Math.max(0, Math.min(MAX_SHIFT, acc - wanted));
  }

  /** x rounded to nearest, ties away from zero (the importer's one rounding rule). */
  static long round(double x) {
    return (long) Math.copySign(Math.floor(Math.abs(x) + 0.5), x);
  }
}
