// The PE-array layers of a .tdl model (conv2d and matmul, in program order) with every shape parameter the
// import is checked on: K, C, R, S, P, Q, stride, pad and groups for a convolution, M, K, N (and the batch)
// for a matmul, and the MACs each does. Read through the front end, as every command reads a model.
package org.tdlc.tests.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tdlc.frontend.Frontend;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.ops.Ops;

record PeLayers(List<Shape> layers) {
  /** One layer's shape; a matmul is written as K = N (columns), C = K (reduction), P = M, R = S = Q = 1. */
  record Shape(String op, int k, int c, int r, int s, int p, int q, List<Integer> stride, List<Integer> pad, int groups,
      long macs) {
    @Override public String toString() {
      return op + " K=" + k + " C=" + c + " R=" + r + " S=" + s + " P=" + p + " Q=" + q + " stride=" + stride
          + " pad=" + pad + " groups=" + groups;
    }
  }

  static PeLayers of(Path tdl) {
    Frontend.Result r = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(tdl.toString());
    Model m = r.module().models().get(0);
    List<Shape> out = new ArrayList<>();
    for (Operation op : m.ops()) {
      if (op.is(Ops.CONV2D)) {
        int[] x = op.operand(0).type().shape().asList().stream().mapToInt(Integer::intValue).toArray();
        int[] w = op.operand(1).type().shape().asList().stream().mapToInt(Integer::intValue).toArray();
        int[] y = op.result().type().shape().asList().stream().mapToInt(Integer::intValue).toArray();
        int groups = (int) op.attributes().getInt("groups");
        out.add(new Shape("conv2d", w[0], x[1], w[2], w[3], y[2], y[3], list(op.attributes().getInts("stride")),
            list(op.attributes().getInts("pad")), groups, (long) y[0] * y[1] * y[2] * y[3] * w[1] * w[2] * w[3]));
      } else if (op.is(Ops.MATMUL)) {
        List<Integer> a = op.operand(0).type().shape().asList(), b = op.operand(1).type().shape().asList();
        int batch = a.size() == 3 ? a.get(0) : 1, mm = a.get(a.size() - 2), kk = a.get(a.size() - 1), nn = b.get(b.size() - 1);
        out.add(new Shape("matmul", nn, kk, 1, 1, mm, 1, List.of(1, 1), List.of(0, 0), 1, (long) batch * mm * kk * nn));
      }
    }
    return new PeLayers(out);
  }

  long macs() { return layers.stream().mapToLong(Shape::macs).sum(); }

  private static List<Integer> list(int[] v) { return Arrays.stream(v).boxed().toList(); }
}
