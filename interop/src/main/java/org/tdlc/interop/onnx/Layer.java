// A conv2d or matmul whose weights are ONNX constants, held in float until the model is written: a following
// BatchNormalization folds into its weights and bias, and a residual add may coarsen its weight scale so that
// both operands of the add share one exponent. Written as the weight's declaration (i8, quantized by
// Quantization's rules), the op, and, when the bias is not zero, an i32 bias of one value per output channel
// added to the accumulators (add broadcasts it).
package org.tdlc.interop.onnx;

import java.util.Arrays;

final class Layer {
  final String name;
  final String op;            // conv2d or matmul
  final String input;         // the i8 operand's tdl name
  final String attributes;    // ", stride = 2, pad = 3" and the like, after the operands
  final int[] weightShape;    // conv2d: [K, C/groups, R, S]; matmul: [K, N]
  final int[] outShape;
  final int channelAxis;      // the output axis the bias runs along
  final int inExponent;
  final double inMeanSquare;
  final int reduction;        // the products summed into one output: C/groups * R * S, or K
  float[] weights;
  float[] bias;               // one per output channel
  int weightExponent;

  Layer(String name, String op, String input, String attributes, float[] weights, int[] weightShape, float[] bias,
      int[] outShape, int channelAxis, int inExponent, double inMeanSquare, int reduction) {
    this.name = name;
    this.op = op;
    this.input = input;
    this.attributes = attributes;
    this.weights = weights;
    this.weightShape = weightShape;
    this.bias = bias;
    this.outShape = outShape;
    this.channelAxis = channelAxis;
    this.inExponent = inExponent;
    this.inMeanSquare = inMeanSquare;
    this.reduction = reduction;
    this.weightExponent = Quantization.weightExponent(weights);
  }

  int channels() { return outShape[channelAxis]; }

  int accExponent() { return inExponent + weightExponent; }

  boolean hasBias() {
    for (float b : bias) if (b != 0) return true;
    return false;
  }

  String weightName() { return name + "_w"; }

  String biasName() { return name + "_bias"; }

  /** The value the rest of the graph reads: the op, or the bias add after it. */
  String resultName() { return hasBias() ? name + "_b" : name; }

  /** The float output's estimated mean square: reduction * E[x^2] * E[w^2] + E[b^2] (independent zero-mean terms). */
  double meanSquare() {
    double w2 = 0, b2 = 0;
    for (float w : weights) w2 += (double) w * w;
    for (float b : bias) b2 += (double) b * b;
    return reduction * inMeanSquare * w2 / weights.length + b2 / bias.length;
  }

  /** Multiplies output channel k's weights and bias by scale[k] and then adds shift[k] to its bias (batch norm). */
  void fold(double[] scale, double[] shift) {
    int perChannel = op.equals("conv2d") ? weights.length / channels() : 1;
    for (int i = 0; i < weights.length; i++) {
      int k = op.equals("conv2d") ? i / perChannel : i % channels();
      weights[i] = (float) (weights[i] * scale[k]);
    }
    for (int k = 0; k < bias.length; k++) bias[k] = (float) (bias[k] * scale[k] + shift[k]);
    weightExponent = Quantization.weightExponent(weights);
  }

  /** The quantized weights, [K, C/groups, R, S] or [K, N], row-major. */
  int[] quantizedWeights() {
    int[] q = new int[weights.length];
    for (int i = 0; i < q.length; i++) q[i] = Quantization.weight(weights[i], weightExponent);
    return q;
  }

  /** The bias in accumulator units, one per output channel, of the shape {@link #biasShape} gives. */
  int[] quantizedBias() {
    int[] perChannel = new int[bias.length];
    for (int k = 0; k < bias.length; k++) perChannel[k] = Quantization.bias(bias[k], accExponent());
    return perChannel;
  }

  /**
   * The shape of a bias of one value per output channel, which add broadcasts along the output's channel
   * axis and fuse-epilogue folds into the layer: [1, K, 1, 1] for a conv2d's [N, K, P, Q], [N] for a matmul's
   * [..., M, N].
   */
  static int[] biasShape(int[] outShape, int channelAxis) {
    return channelShape(outShape[channelAxis], channelAxis, outShape.length);
  }

  /**
   * The shape of k values, one per channel along {@code axis} of a rank-{@code rank} value, that add, mul,
   * max and min broadcast: 1 on every other axis ([1, K, 1, 1]), or [K] when the channels are the last axis.
   */
  static int[] channelShape(int k, int axis, int rank) {
    if (axis == rank - 1) return new int[] {k};
    int[] shape = new int[rank];
    Arrays.fill(shape, 1);
    shape[axis] = k;
    return shape;
  }
}
