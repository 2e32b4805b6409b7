// canonicalize: removes operations whose results nobody uses (weights included; inputs stay, they are the
// model's interface) and folds the no-ops a model can spell: relu of relu, a reshape to the same shape,
// reshape of reshape, the identity transpose.
package org.tdlc.passes.transforms;

import java.util.Arrays;
import java.util.List;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.ops.Ops;
import org.tdlc.passes.Pass;
import org.tdlc.passes.PassContext;
import org.tdlc.passes.PassInfo;
import org.tdlc.passes.Stage;

public final class Canonicalize implements Pass {
  public static final PassInfo INFO = PassInfo.of("canonicalize",
      "Remove dead operations and fold no-ops (relu of relu, identity reshape and transpose)").requires(Stage.SHAPES);

  @Override public PassInfo info() { return INFO; }

  @Override public IrModule run(IrModule module, PassContext ctx) {
    return module.mapModels(m -> canonicalize(m, ctx));
  }

  private static Model canonicalize(Model model, PassContext ctx) {
    ModelEdit edit = new ModelEdit(model);
    for (Operation op : edit.ops()) {
      Value folded = fold(op, edit);
      if (folded != null) {
        edit.replace(op.result(), folded);
        ctx.count("num-folded", 1);
      }
    }
    boolean changed = true;
    while (changed) {                       // erasing an op can make its operands' producers dead
      changed = false;
      List<Operation> ops = edit.ops();
      for (int i = ops.size() - 1; i >= 0; i--) {
        Operation op = ops.get(i);
        if (op.is(Ops.OUTPUT) || op.is(Ops.INPUT) || op.results().isEmpty() || edit.uses(op.result()) > 0) continue;
        edit.erase(op);
        ctx.count("num-dead", 1);
        changed = true;
      }
    }
    return edit.commit();
  }

  /** The value an op is equivalent to, or null when it does real work. */
  private static Value fold(Operation op, ModelEdit edit) {
    if (op.operands().isEmpty()) return null;
    Value in = edit.current(op.operand(0));
    Operation producer = in.definingOp();
    if (op.is(Ops.RELU) && producer.is(Ops.RELU)) return in;
    if (op.is(Ops.RESHAPE) && in.type().sameValues(op.result().type())) return in;
    if (op.is(Ops.FLATTEN) && in.type().sameValues(op.result().type())) return in;
    if (op.is(Ops.RESHAPE) && producer.is(Ops.RESHAPE)
        && edit.current(producer.operand(0)).type().sameValues(op.result().type())) {
      return edit.current(producer.operand(0));
    }
    if (op.is(Ops.TRANSPOSE)) {
      int[] perm = op.attributes().getInts("perm");
      int[] identity = new int[perm.length];
      Arrays.setAll(identity, i -> i);
      if (Arrays.equals(perm, identity)) return in;
    }
    return null;
  }
}
