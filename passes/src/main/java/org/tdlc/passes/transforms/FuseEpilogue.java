// fuse-epilogue: folds the elementwise tail of a conv2d or matmul (relu, requant and one add: of a residual of
// the result's own shape, or of a bias that broadcasts to it, one value per output channel or per column)
// into it as its epilogue, as accelerators apply them on the way out of the array. A producer is fused only
// when the folded op is its sole user and the add's result keeps the producer's shape; the fused op takes
// the tail's place, name and type, and its location fuses both.
package org.tdlc.passes.transforms;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Location;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.ops.Epilogue;
import org.tdlc.ir.ops.Ops;
import org.tdlc.passes.Pass;
import org.tdlc.passes.PassContext;
import org.tdlc.passes.PassInfo;
import org.tdlc.passes.Stage;

public final class FuseEpilogue implements Pass {
  public static final PassInfo INFO = PassInfo.of("fuse-epilogue",
      "Fold relu, requant and an add (a residual, or a bias that broadcasts) into the producing conv2d or matmul"
          + " as its epilogue")
      .requires(Stage.SHAPES).establishes(Stage.EPILOGUES_FUSED);

  @Override public PassInfo info() { return INFO; }

  @Override public IrModule run(IrModule module, PassContext ctx) {
    return module.mapModels(m -> fuse(m, ctx));
  }

  private static Model fuse(Model model, PassContext ctx) {
    ModelEdit edit = new ModelEdit(model);
    for (Operation op : edit.ops()) {
      Epilogue.Step step = step(op);
      if (step == null) continue;
      int arity = op.is(Ops.ADD) ? 2 : 1;
      for (int i = 0; i < arity; i++) {
        Value in = edit.current(op.operand(i));
        Operation producer = in.definingOp();
        if (!fusible(producer, step) || edit.uses(in) != 1) continue;
        if (!in.type().shape().equals(op.result().type().shape())) continue;   // the add broadcasts the producer
        List<Value> operands = new ArrayList<>(producer.operands());
        if (step instanceof Epilogue.Add) operands.add(edit.current(op.operand(1 - i)));
        Epilogue epilogue = Epilogue.of(producer.attributes()).then(step);
        Operation fused = Operation.create(producer.name(), operands, op.result().type(), op.result().nameHint(),
            producer.attributes().with("epilogue", epilogue.toAttribute()),
            Location.fuse(List.of(producer.location(), op.location())));
        edit.set(op, fused);   // the tail's place: the residual is defined by then
        edit.remove(producer);
        edit.replace(op.result(), fused.result());
        ctx.count("num-fused-" + op.shortName(), 1);
        break;
      }
    }
    return edit.commit();
  }

  private static Epilogue.Step step(Operation op) {
    if (op.is(Ops.RELU)) return new Epilogue.Relu();
    if (op.is(Ops.REQUANT)) {
      return new Epilogue.Requant((int) op.attributes().getInt("shift"), op.result().type().element());
    }
    if (op.is(Ops.ADD)) return new Epilogue.Add();
    return null;
  }

  private static boolean fusible(Operation producer, Epilogue.Step step) {
    if (!producer.is(Ops.CONV2D) && !producer.is(Ops.MATMUL)) return false;
    return !(step instanceof Epilogue.Add) || !Epilogue.of(producer.attributes()).hasAdd();
  }
}
