// Writes docs/ops.md, the op reference, from the op declarations (OpDef), as MLIR generates its dialect
// docs from ODS: per op its .tdl call, IR form, attributes with kinds and defaults, result rule, loop space
// and doc line. GeneratedDocsTest fails when the checked-in page differs; -Dtdlc.updateDocs=true rewrites it.
package org.tdlc.ir.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

public final class OpDocs {
  private OpDocs() {}

  /** Where the page lives, relative to the repository root. */
  public static final String PATH = "docs/ops.md";

  /** The whole page. */
  public static String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# Operations\n\n")
        .append("<!-- Generated from the op declarations in ir/src/main/java/org/tdlc/ir/ops by org.tdlc.ir.ops.OpDocs;"
            + " do not edit.\n     Regenerate: mvn -B verify -pl tests -am -Dtest=GeneratedDocsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dtdlc.updateDocs=true -->\n\n")
        .append("Every operation of the graph IR, as `.tdl` calls it and as the textual IR prints it. Element types are")
        .append(" i8, i16 and i32; acc(i8) = acc(i16) = i32, and i32 arithmetic wraps like Java `int`. In the loop")
        .append(" spaces, indices absent from the left-hand side are summed. An attribute marked \"no\" under .tdl is")
        .append(" set by the language's own syntax or by a pass, never as a call argument; attributes an op does not")
        .append(" declare (a pass's `mapping`, say) may be added to any op.\n");
    for (OpDef.Family f : OpDef.Family.values()) {
      List<OpDef> ops = Ops.all().stream().filter(d -> d.family() == f).toList();
      if (ops.isEmpty()) continue;
      b.append("\n## ").append(f.title).append("\n\n").append(capitalized(f.summary)).append(".\n");
      for (OpDef d : ops) op(b, d);
    }
    return b.toString();
  }

  private static void op(StringBuilder b, OpDef d) {
    b.append("\n### ").append(d.shortName()).append("\n\n").append(capitalized(d.doc())).append(".\n\n");
    if (d.callee() != null) b.append("- .tdl: `").append(call(d)).append("`\n");
    b.append("- IR: `").append(d.name()).append('(')
        .append(d.operands().stream().map(OperandSpec::signatureText).collect(Collectors.joining(", ")))
        .append(")`\n");
    b.append("- result: ").append(d.result().text()).append('\n');
    if (!d.loops().form().isEmpty()) {
      b.append("- loops: `").append(d.loops().form()).append('`')
          .append(d.loops().onArray() ? " (runs on the PE array; `@map` pins these indices)" : "").append('\n');
    }
    if (!d.attributes().isEmpty()) {
      b.append("\n| attribute | kind | default | .tdl | meaning |\n|---|---|---|---|---|\n");
      for (AttrSpec a : d.attributes()) {
        b.append("| `").append(a.name()).append("` | `").append(a.kind().syntax.replace("|", "\\|")).append("` | ")
            .append(a.fallback() instanceof AttrSpec.Default.Value ? "`" + a.defaultText() + "`" : a.defaultText())
            .append(" | ").append(a.inSource() ? "yes" : "no").append(" | ").append(a.doc().replace("|", "\\|"))
            .append(" |\n");
      }
    }
    if (!d.details().isEmpty()) b.append('\n').append(d.details().strip()).append('\n');
  }

  /** conv2d(x, w, stride=[1, 1], pad=[0, 0], groups=1): what a .tdl call may pass, with the defaults. */
  static String call(OpDef d) {
    List<String> params = new ArrayList<>();
    for (OperandSpec o : d.operands()) {
      if (o.arity() == OperandSpec.Arity.ONE) params.add(o.name());
      else if (o.arity() == OperandSpec.Arity.VARIADIC) params.add(o.name() + "...");
    }
    for (AttrSpec a : d.attributes()) {
      if (a.inSource()) params.add(a.required() ? a.name() : a.name() + "=" + a.defaultText());
    }
    return d.callee() + "(" + String.join(", ", params) + ")";
  }

  private static String capitalized(String s) { return Character.toUpperCase(s.charAt(0)) + s.substring(1); }
}
