// The call signatures of the built-in operations as .tdl writes them, read from the op declarations
// (ir/ops/OpDef): the op's operands, then the attributes a call may set, in order, with their kinds and
// defaults. Two spellings have no op of their own: dwconv2d is conv2d's signature without groups, and
// relu6 is clip's without min (CallLowering sets it to 0).
package org.tdlc.frontend.sema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tdlc.ir.ops.AttrSpec;
import org.tdlc.ir.ops.OpDef;
import org.tdlc.ir.ops.OperandSpec;
import org.tdlc.ir.ops.Ops;

final class Signatures {
  private Signatures() {}

  /**
   * A parameter: a tensor operand ({@code attr} null; {@code variadic}: every positional argument, at least
   * one, as concat's) or an attribute the call may set.
   */
  record Param(String name, AttrSpec attr, boolean variadic) {
    Param(String name, AttrSpec attr) { this(name, attr, false); }
    boolean tensor() { return attr == null; }
    boolean required() { return tensor() || attr.required(); }
  }

  record Signature(String callee, String opName, List<Param> params) {
    Param param(String name) {
      return params.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    String usage() {
      List<String> shown = new ArrayList<>();
      for (Param p : params) {
        shown.add(p.variadic() ? p.name() + "..." : p.required() ? p.name() : p.name() + "=" + p.attr().defaultText());
      }
      return callee + "(" + String.join(", ", shown) + ")";
    }
  }

  static final Map<String, Signature> BY_CALLEE;

  static {
    Map<String, Signature> m = new TreeMap<>();
    for (OpDef d : Ops.all()) if (d.callee() != null) m.put(d.callee(), of(d.callee(), d, ""));
    m.put("dwconv2d", of("dwconv2d", Ops.lookup(Ops.CONV2D).orElseThrow(), "groups"));
    m.put("relu6", of("relu6", Ops.lookup(Ops.CLIP).orElseThrow(), "min"));
    BY_CALLEE = Collections.unmodifiableMap(m);
  }

  private static Signature of(String callee, OpDef d, String without) {
    List<Param> params = new ArrayList<>();
    for (OperandSpec o : d.operands()) {
      if (o.arity() == OperandSpec.Arity.ONE) params.add(new Param(o.name(), null));
      else if (o.arity() == OperandSpec.Arity.VARIADIC) params.add(new Param(o.name(), null, true));
    }
    for (AttrSpec a : d.attributes()) if (a.inSource() && !a.name().equals(without)) params.add(new Param(a.name(), a));
    return new Signature(callee, d.name(), params);
  }
}
