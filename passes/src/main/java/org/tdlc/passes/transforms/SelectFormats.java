// select-formats: stores each weight in the format among its target's that minimizes FormatCosts on its
// actual data (dense where sparsity does not pay), or in the format its `format` pin names. The choice goes
// into the weight's type (tensor<...xi8, csr>) and, with the runner-up and both costs, into a `format_choice`
// attribute that pass dumps and `tdlc explain` show. A weight read through a reshape or as an output stays dense.
package org.tdlc.passes.transforms;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.interp.InterpreterException;
import org.tdlc.ir.interp.WeightLoader;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.ir.type.TensorType;
import org.tdlc.passes.Pass;
import org.tdlc.passes.PassContext;
import org.tdlc.passes.PassInfo;
import org.tdlc.passes.mapping.LoopSpace;

public final class SelectFormats implements Pass {
  public static final PassInfo INFO = PassInfo.of("select-formats",
      "Store each weight in the target's format with the least estimated cycles on its data (pins honoured)")
      .requires("shapes").establishes("formats-selected");

  private final WeightLoader weights = new WeightLoader();

  @Override public PassInfo info() { return INFO; }

  @Override public IrModule run(IrModule module, PassContext ctx) {
    if (ctx.target().isEmpty()) return module;
    Target target = ctx.target().get();
    return module.mapModels(m -> select(m, target, ctx));
  }

  private Model select(Model model, Target target, PassContext ctx) {
    ModelEdit edit = new ModelEdit(model);
    for (Operation w : List.copyOf(edit.ops)) {
      if (!w.is(Ops.WEIGHT)) continue;
      TensorType type = w.result().type();
      StorageFormat pin = w.attributes().get("format")
          .map(a -> StorageFormat.parse(((Attribute.StringAttr) a).value()).orElse(null)).orElse(null);
      DictAttr choice;
      StorageFormat chosen;
      if (!directlyTiled(model, w.result())) {
        chosen = StorageFormat.DENSE;
        choice = DictAttr.EMPTY.with("chosen", Attribute.of("dense"))
            .with("reason", Attribute.of("read through a reshape or as an output"));
      } else {
        Tensor data;
        try {
          data = weights.load(w);
        } catch (InterpreterException e) {
          continue;   // the lowering reports an unreadable weight file where it is declared
        }
        List<FormatCosts.Estimate> ranked = FormatCosts.rank(target, data.sharedArray(), type.shape().dims(),
            type.element().bytes() * 8, layer(model, w.result()));
        FormatCosts.Estimate best = ranked.get(0);
        FormatCosts.Estimate other = ranked.size() > 1 ? ranked.get(1) : best;
        long nnz = 0;
        for (int v : data.sharedArray()) if (v != 0) nnz++;
        if (pin != null) {
          FormatCosts.Estimate pinned = ranked.stream().filter(e -> e.format() == pin).findFirst()
              .orElse(FormatCosts.estimate(target, pin, data.sharedArray(), type.shape().dims(),
                  type.element().bytes() * 8, layer(model, w.result())));
          chosen = pin;
          FormatCosts.Estimate alt = best.format() == pin ? other : best;
          choice = describe(pinned, alt, "best_other").with("pinned", new Attribute.BoolAttr(true));
        } else {
          chosen = best.format();
          choice = describe(best, other, "runner_up");
        }
        choice = choice.with("density", Attribute.of(data.elementCount() == 0 ? 0.0
            : Math.round(1e4 * nnz / (double) data.elementCount()) / 1e4));
      }
      ctx.count("num-" + chosen.keyword(), 1);
      TensorType typed = new TensorType(type.element(), type.shape(), chosen);
      Operation rebuilt = w.rebuild(w.operands(), w.attributes().with("format_choice", choice), typed, w.location());
      edit.ops.set(edit.ops.indexOf(w), rebuilt);
      edit.replace(w.result(), rebuilt.result());
    }
    return edit.commit();
  }

  private static DictAttr describe(FormatCosts.Estimate chosen, FormatCosts.Estimate other, String otherKey) {
    Map<String, Attribute> m = new TreeMap<>();
    m.put("chosen", Attribute.of(chosen.format().keyword()));
    m.put("cycles", Attribute.of(Math.round(chosen.cycles())));
    m.put("bytes", Attribute.of(chosen.bytes()));
    m.put(otherKey, Attribute.of(other.format().keyword()));
    m.put(otherKey + "_cycles", Attribute.of(Math.round(other.cycles())));
    m.put(otherKey + "_bytes", Attribute.of(other.bytes()));
    return DictAttr.of(m);
  }

  /** The MACs of every op reading the weight, and the bytes of their other operands and results. */
  private static FormatCosts.Layer layer(Model model, Value w) {
    long macs = 0;
    long other = 0;
    for (Operation op : model.ops()) {
      if (!op.operands().contains(w)) continue;
      macs += LoopSpace.of(op).map(LoopSpace::macs).orElse(0L);
      for (Value v : op.operands()) if (v != w) other += bytes(v.type());
      for (Value v : op.results()) other += bytes(v.type());
    }
    return new FormatCosts.Layer(macs, other);
  }

  private static long bytes(TensorType t) { return (long) t.shape().elementCount() * t.element().bytes(); }

  /** Whether every reader tiles the weight itself (the lowering keeps it dense otherwise). */
  static boolean directlyTiled(Model model, Value w) {
    for (Operation op : model.ops()) {
      if (!op.operands().contains(w)) continue;
      if (op.is(Ops.RESHAPE) || op.is(Ops.FLATTEN) || op.is(Ops.OUTPUT)) return false;
    }
    return true;
  }
}
