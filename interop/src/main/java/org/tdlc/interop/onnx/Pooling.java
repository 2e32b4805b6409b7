// MaxPool, AveragePool and GlobalAveragePool as tdl's maxpool and avgpool, on i8 activations (an accumulator
// is requantized first). Pooling keeps the scale: the max and the rounded mean of values at 2^-e are at 2^-e.
package org.tdlc.interop.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;

final class Pooling {
  private Pooling() {}

  static void maxPool(OnnxImporter im, NodeProto n) {
    Val x = image(im, n);
    int[] k = kernel(im, n);
    Window win = Window.of(im, n, x.shape()[2], x.shape()[3], k[0], k[1]);
    if (win.ph() >= k[0] || win.pw() >= k[1]) throw im.error(n, "padding as large as the window; tdlc's maxpool pads less than the kernel");
    String name = im.statement(im.nameFor(n), "maxpool(" + x.name() + ", kernel = " + kernelArg(k) + strideArg(win, k) + win.pad() + ")");
    im.define(n, Val.of(name, new int[] {x.shape()[0], x.shape()[1], win.p(), win.q()}, false, x.exponent(), x.ms()));
  }

  static void averagePool(OnnxImporter im, NodeProto n) {
    Val x = image(im, n);
    int[] k = kernel(im, n);
    Window win = Window.of(im, n, x.shape()[2], x.shape()[3], k[0], k[1]);
    if (win.ph() != 0 || win.pw() != 0) throw im.error(n, "padding: tdlc's avgpool has none");
    if (k[0] == 1 && k[1] == 1 && win.sh() == 1 && win.sw() == 1) {   // e.g. an adaptive pool to the size it has
      im.define(n, x);
      return;
    }
    String name = im.statement(im.nameFor(n), "avgpool(" + x.name() + ", kernel = " + kernelArg(k) + strideArg(win, k) + ")");
    im.define(n, Val.of(name, new int[] {x.shape()[0], x.shape()[1], win.p(), win.q()}, false, x.exponent(), x.ms()));
  }

  static void globalAveragePool(OnnxImporter im, NodeProto n) {
    Val x = image(im, n);
    int[] k = {x.shape()[2], x.shape()[3]};
    String name = im.statement(im.nameFor(n), "avgpool(" + x.name() + ", kernel = " + kernelArg(k) + ")");
    im.define(n, Val.of(name, new int[] {x.shape()[0], x.shape()[1], 1, 1}, false, x.exponent(), x.ms()));
  }

  private static Val image(OnnxImporter im, NodeProto n) {
    Val x = im.i8(im.in(n, 0));
    if (x.rank() != 4) throw im.error(n, "input of rank " + x.rank() + "; tdlc pools [N, C, H, W]");
    return x;
  }

  private static int[] kernel(OnnxImporter im, NodeProto n) {
    int[] k = NodeRules.intsAttr(n, "kernel_shape", null);
    if (k == null || k.length != 2) throw im.error(n, "needs a 2-D kernel_shape");
    return k;
  }

  private static String kernelArg(int[] k) { return k[0] == k[1] ? String.valueOf(k[0]) : "[" + k[0] + ", " + k[1] + "]"; }

  /** tdl's pools default the stride to the kernel, ONNX's to 1: written whenever it is not the kernel. */
  private static String strideArg(Window w, int[] k) {
    if (w.sh() == k[0] && w.sw() == k[1]) return "";
    return ", stride = " + (w.sh() == w.sw() ? String.valueOf(w.sh()) : "[" + w.sh() + ", " + w.sw() + "]");
  }
}
