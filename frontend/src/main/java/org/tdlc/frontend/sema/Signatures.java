// The call signatures of the built-in operations, as written in .tdl: parameter names in positional
// order, what kind of value each takes, and its default. Binding a call's arguments to these is the
// front end's job; the typing rules in ir/ops check the values.
package org.tdlc.frontend.sema;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tdlc.ir.ops.Ops;

final class Signatures {
  private Signatures() {}

  enum Kind {
    TENSOR("a tensor"), INT("an integer"), PAIR("an integer or [h, w]"), INT_LIST("a list of integers");

    final String description;

    Kind(String description) { this.description = description; }
  }

  /** A parameter; defaultValue is an int, an int[] pair, the name of another parameter, or null if required. */
  record Param(String name, Kind kind, Object defaultValue) {
    boolean required() { return defaultValue == null; }
  }

  record Signature(String callee, String opName, List<Param> params) {
    Param param(String name) {
      return params.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    String usage() {
      StringBuilder b = new StringBuilder(callee).append('(');
      for (int i = 0; i < params.size(); i++) {
        Param p = params.get(i);
        if (i > 0) b.append(", ");
        b.append(p.name());
        if (!p.required() && p.kind() != Kind.TENSOR) {
          b.append('=').append(p.defaultValue() instanceof int[] a ? Integer.toString(a[0]) : p.defaultValue());
        }
      }
      return b.append(')').toString();
    }
  }

  private static Param tensor(String name) { return new Param(name, Kind.TENSOR, null); }
  private static Param pair(String name, Object dflt) { return new Param(name, Kind.PAIR, dflt); }

  static final Map<String, Signature> BY_CALLEE = new TreeMap<>();

  static {
    add("conv2d", Ops.CONV2D, tensor("x"), tensor("w"), pair("stride", new int[] {1, 1}), pair("pad", new int[] {0, 0}),
        new Param("groups", Kind.INT, 1));
    add("dwconv2d", Ops.CONV2D, tensor("x"), tensor("w"), pair("stride", new int[] {1, 1}), pair("pad", new int[] {0, 0}));
    add("matmul", Ops.MATMUL, tensor("a"), tensor("b"));
    add("add", Ops.ADD, tensor("a"), tensor("b"));
    add("relu", Ops.RELU, tensor("x"));
    add("requant", Ops.REQUANT, tensor("x"), new Param("shift", Kind.INT, null));
    add("maxpool", Ops.MAXPOOL, tensor("x"), pair("kernel", null), pair("stride", "kernel"), pair("pad", new int[] {0, 0}));
    add("avgpool", Ops.AVGPOOL, tensor("x"), pair("kernel", null), pair("stride", "kernel"));
    add("flatten", Ops.FLATTEN, tensor("x"));
    add("reshape", Ops.RESHAPE, tensor("x"), new Param("shape", Kind.INT_LIST, null));
    add("transpose", Ops.TRANSPOSE, tensor("x"), new Param("perm", Kind.INT_LIST, null));
  }

  private static void add(String callee, String opName, Param... params) {
    BY_CALLEE.put(callee, new Signature(callee, opName, List.of(params)));
  }
}
