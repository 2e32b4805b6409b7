// ONNX's requantization, round half to even and saturate to i8, written with tdl's clip, add, sub, mul and
// requant (whose own rounding is half up), so that the simulator runs it and run verifies it like any other
// model; docs/interop.md shows the five statements and why they round as ONNX does.
package org.tdlc.interop.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.Arrays;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class RoundHalfEven {
  /** The largest right shift requantize takes: -129 * 2^s and 127 * 2^s + 2^s stay inside i32. */
  static final int MAX_SHIFT = 23;

  private RoundHalfEven() {}

  /**
   * round_half_even(v * 2^-s) saturated to i8, s per tensor or one per channel along {@code axis}; returns the
   * name of the i8 result. requant rounds halves up: (c + 2^(s-1) - 1 + p) >> s, p the parity of floor(c / 2^s),
   * rounds them to even, and p = floor(c / 2^s) - 2 floor(c / 2^(s+1)), two requants of c less half a step.
   * Clipping c to [-128 * 2^s, 127 * 2^s] first keeps those floors inside i8 and changes no saturated result.
   */
  static String requantize(OnnxImporter im, NodeProto n, Val v, int[] s, int axis) {
    String hint = im.nameFor(n) + "_q";
    int min = Arrays.stream(s).min().getAsInt(), max = Arrays.stream(s).max().getAsInt();
    if (max > MAX_SHIFT || min < -MAX_SHIFT) {
      throw im.error(n, "the requantization scale is 2^" + -(Math.abs(max) > Math.abs(min) ? max : min)
          + " (x_scale * w_scale / y_scale); tdlc imports 2^-" + MAX_SHIFT + " to 2^" + MAX_SHIFT);
    }
    if (min == max && max <= 0) {
      if (max == 0 && !v.acc()) return v.name();
      String c = v.name();
      if (max < 0) {            // a scale above 1: saturate first, so that the product cannot wrap
        int up = 1 << -max;
        c = im.statement(hint + "_up", "mul(clip(" + v.name() + ", min = " + Math.floorDiv(-128 + up - 1, up)
            + ", max = " + Math.floorDiv(127, up) + "), " + im.scalar(up) + ")");
      }
      return im.statement(hint, "requant(" + c + ", shift = 0)");
    }
    if (min < 0) throw im.error(n, "per-channel scales both above and below 1 (2^" + -min + " and 2^" + -max + ")");
    String c;
    if (min == max) {
      c = v.acc() ? im.statement(hint + "_clip", "clip(" + v.name() + ", min = " + (-128L << max) + ", max = "
          + (127L << max) + ")") : v.name();
    } else {
      // one shift per channel: clip each channel, then bring it to the largest shift by 2^(max - s[k])
      int[] lo = new int[s.length], hi = new int[s.length], up = new int[s.length];
      for (int k = 0; k < s.length; k++) {
        lo[k] = -128 << s[k];
        hi[k] = 127 << s[k];
        up[k] = 1 << (max - s[k]);
      }
      TensorType type = channelType(s.length, axis, v.rank());
      String l = im.param(hint + "_lo", type, lo, "-128 * 2^s per channel");
      String h = im.param(hint + "_hi", type, hi, "127 * 2^s per channel");
      String u = im.param(hint + "_up", type, up, "2^(" + max + " - s) per channel");
      c = im.statement(hint + "_clip", "mul(min(max(" + v.name() + ", " + l + "), " + h + "), " + u + ")");
    }
    String f = im.statement(hint + "_floor", "requant(add(" + c + ", " + im.scalar(-(1 << (max - 1))) + "), shift = " + max + ")");
    String half = im.statement(hint + "_half", "requant(add(" + c + ", " + im.scalar(-(1 << max)) + "), shift = " + (max + 1) + ")");
    String odd = im.statement(hint + "_odd", "sub(" + f + ", mul(" + half + ", " + im.scalar(2) + "))");
    return im.statement(hint, "requant(add(" + c + ", sub(" + odd + ", " + im.scalar(1) + ")), shift = " + max + ")");
  }

  /** One i32 value per channel along {@code axis} of a rank-{@code rank} result (Layer.channelShape). */
  private static TensorType channelType(int k, int axis, int rank) {
    return TensorType.of(ElementType.I32, Layer.channelShape(k, axis, rank));
  }
}
