// The sliding window of Conv, MaxPool and AveragePool as tdl takes it: kernel, stride and one pad per axis
// (tdl pads both sides of an axis alike), from ONNX's kernel_shape, strides, pads (begin and end per axis),
// dilations and auto_pad. What tdl cannot express (dilation, uneven padding, ceil_mode that changes the
// output size) is an error at the node.
package org.tdlc.interop.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.Arrays;

record Window(int kh, int kw, int sh, int sw, int ph, int pw, int p, int q) {
  static Window of(OnnxImporter im, NodeProto n, int h, int w, int kh, int kw) {
    int[] k = NodeRules.intsAttr(n, "kernel_shape", new int[] {kh, kw});
    if (k.length != 2) throw im.error(n, "kernel_shape " + Arrays.toString(k) + ": tdlc's windows are 2-D");
    if (k[0] != kh || k[1] != kw) {
      throw im.error(n, "kernel_shape " + Arrays.toString(k) + " disagrees with the weight's " + kh + "x" + kw);
    }
    int[] s = NodeRules.intsAttr(n, "strides", new int[] {1, 1});
    int[] d = NodeRules.intsAttr(n, "dilations", new int[] {1, 1});
    if (s.length != 2 || s[0] < 1 || s[1] < 1) throw im.error(n, "strides " + Arrays.toString(s) + " are not two positive steps");
    if (d.length != 2 || d[0] != 1 || d[1] != 1) {
      throw im.error(n, "dilations " + Arrays.toString(d) + ": tdlc has no dilated windows");
    }
    String auto = NodeRules.stringAttr(n, "auto_pad", "NOTSET");
    int[] pads = switch (auto) {
      case "NOTSET" -> NodeRules.intsAttr(n, "pads", new int[] {0, 0, 0, 0});
      case "VALID" -> new int[] {0, 0, 0, 0};
      case "SAME_UPPER", "SAME_LOWER" -> {
        int th = Math.max(0, (ceilDiv(h, s[0]) - 1) * s[0] + kh - h), tw = Math.max(0, (ceilDiv(w, s[1]) - 1) * s[1] + kw - w);
        int lh = auto.equals("SAME_UPPER") ? th / 2 : th - th / 2, lw = auto.equals("SAME_UPPER") ? tw / 2 : tw - tw / 2;
        yield new int[] {lh, lw, th - lh, tw - lw};
      }
      default -> throw im.error(n, "auto_pad '" + auto + "' is not an ONNX padding mode");
    };
    if (pads.length != 4) throw im.error(n, "pads " + Arrays.toString(pads) + ": expected 4 entries for a 2-D window");
    if (pads[0] != pads[2] || pads[1] != pads[3]) {
      throw im.error(n, "pads " + Arrays.toString(pads) + " pad the two sides of an axis differently; tdlc pads them alike");
    }
    int ph = pads[0], pw = pads[1];
    int spanH = h + 2 * ph - kh, spanW = w + 2 * pw - kw;
    if (spanH < 0 || spanW < 0) {
      throw im.error(n, "the " + kh + "x" + kw + " window is larger than the padded " + (h + 2 * ph) + "x" + (w + 2 * pw) + " input");
    }
    if (NodeRules.attr(n, "ceil_mode", 0) == 1 && (spanH % s[0] != 0 || spanW % s[1] != 0)) {
      throw im.error(n, "ceil_mode 1 adds a partial window here; tdlc's windows round the output size down");
    }
    return new Window(kh, kw, s[0], s[1], ph, pw, spanH / s[0] + 1, spanW / s[1] + 1);
  }

  private static int ceilDiv(int a, int b) { return (a + b - 1) / b; }

  String stride() { return NodeRules.arg("stride", sh, sw, 1); }

  String pad() { return NodeRules.arg("pad", ph, pw, 0); }
}
