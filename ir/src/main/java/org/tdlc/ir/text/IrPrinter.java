// Prints modules and models in the textual IR: a custom top level around ops in MLIR's generic form.
// Deterministic (sorted attributes, SSA names by ValueNames), and IrParser reads every printed module back
// to the same text, which is what makes dumps, lit tests and `tdlc opt` possible.
package org.tdlc.ir.text;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Location;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.type.TensorType;

public final class IrPrinter {

  /** What to print besides the ops themselves. */
  public record Options(boolean locations) {
    public static final Options DEFAULT = new Options(true);
  }

  private final Options options;
  private final StringBuilder out = new StringBuilder();

  private IrPrinter(Options options) { this.options = options; }

  public static String print(IrModule module) { return print(module, Options.DEFAULT); }

  public static String print(IrModule module, Options options) {
    IrPrinter p = new IrPrinter(options);
    p.module(module);
    return p.out.toString();
  }

  /** One model on its own, without the module around it; IrParser reads this form too. */
  public static String print(Model model) { return print(model, Options.DEFAULT); }

  public static String print(Model model, Options options) {
    IrPrinter p = new IrPrinter(options);
    p.model(model, "");
    return p.out.toString();
  }

  /** The type as the IR writes it; a rank-0 tensor is tensor<i8>. */
  public static String type(TensorType t) {
    if (t.rank() > 0) return t.toString();
    return "tensor<" + t.element().keyword() + (t.format() == null ? "" : ", " + t.format().keyword()) + ">";
  }

  /** loc("file":line:col), loc(unknown) or loc(fused[...]); a null location prints as unknown. */
  public static String location(Location loc) { return "loc(" + locationBody(loc) + ")"; }

  private static String locationBody(Location loc) {
    if (loc instanceof Location.FileLineCol f) return Attribute.quote(f.file()) + ":" + f.line() + ":" + f.col();
    if (loc instanceof Location.Fused f) {
      return f.parts().stream().map(IrPrinter::locationBody).collect(Collectors.joining(", ", "fused[", "]"));
    }
    return "unknown";
  }

  /** @name, quoted when the name is not an identifier. */
  static String symbol(String name) {
    return "@" + (ValueNames.isIdentifier(name) ? name : Attribute.quote(name));
  }

  private void module(IrModule module) {
    out.append("module ");
    if (!module.stages().isEmpty()) {
      DictAttr attrs = DictAttr.of(Map.of("stages", Attribute.strings(List.copyOf(module.stages()))));
      out.append("attributes ").append(attrs).append(' ');
    }
    out.append("{\n");
    for (Model m : module.models()) model(m, "  ");
    out.append("}\n");
  }

  private void model(Model model, String indent) {
    out.append(indent).append("tdl.model ").append(symbol(model.name())).append(" {\n");
    ValueNames names = ValueNames.of(model);
    for (Operation op : model.ops()) {
      out.append(indent).append("  ");
      operation(op, names);
      out.append('\n');
    }
    out.append(indent).append('}');
    if (options.locations() && model.location() != null) out.append(' ').append(location(model.location()));
    out.append('\n');
  }

  private void operation(Operation op, ValueNames names) {
    if (!op.results().isEmpty()) {
      out.append(op.results().stream().map(v -> "%" + names.name(v)).collect(Collectors.joining(", ")));
      out.append(" = ");
    }
    out.append(Attribute.quote(op.name()));
    out.append(op.operands().stream().map(v -> "%" + names.name(v)).collect(Collectors.joining(", ", "(", ")")));
    if (op.attributes() != null && !op.attributes().isEmpty()) out.append(' ').append(op.attributes());
    out.append(" : ").append(types(op.operands())).append(" -> ");
    out.append(op.results().size() == 1 ? type(op.result().type()) : types(op.results()));
    if (options.locations()) out.append(' ').append(location(op.location()));
  }

  private static String types(List<Value> values) {
    return values.stream().map(v -> type(v.type())).collect(Collectors.joining(", ", "(", ")"));
  }
}
