// The reference interpreter: runs a model op by op on real tensors. Its kernels, named by each op's
// declaration (ir/ops/OpDef), are the definition of every op's semantics (DESIGN.md section 2); the
// simulator's outputs are compared with these bit for bit.
// Intermediate tensors are dropped after their last use so whole networks fit in memory.
package org.tdlc.ir.interp;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.data.TensorInit;
import org.tdlc.ir.ops.OpDef;
import org.tdlc.ir.ops.OpTypeException;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

public final class Interpreter {

  /** Sees every op's result as it is computed (a weight's is not shown): for per-layer comparisons, timing or dumps. */
  @FunctionalInterface
  public interface Observer {
    void computed(Operation op, Tensor result);
  }

  private final WeightLoader weights;

  /** An interpreter reading weight files relative to their .tdl file, else the working directory. */
  public Interpreter() { this(new WeightLoader()); }

  public Interpreter(WeightLoader weights) { this.weights = weights; }

  public WeightLoader weights() { return weights; }

  /** Runs the model on inputs given by input name; returns the outputs by output name, in output order. */
  public Map<String, Tensor> run(Model model, Map<String, Tensor> inputs) { return run(model, inputs, null); }

  /** As {@link #run(Model, Map)}, showing every op's result to {@code observer} (which may be null). */
  public Map<String, Tensor> run(Model model, Map<String, Tensor> inputs, Observer observer) {
    checkInputs(model, inputs);
    Map<Operation, Integer> lastUse = lastUses(model);
    Map<Value, Tensor> live = new IdentityHashMap<>();
    Map<String, Tensor> outputs = new LinkedHashMap<>();
    List<Operation> ops = model.ops();
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      if (op.is(Ops.WEIGHT)) continue;   // loaded where read: a model's weights are never all alive at once
      List<Tensor> args = operands(op, live);
      if (op.is(Ops.OUTPUT)) {
        List<String> names = op.attributes().getStrings("names");
        for (int j = 0; j < names.size(); j++) outputs.put(names.get(j), args.get(j));
        continue;
      }
      Tensor result = evaluate(op, args, inputs);
      live.put(op.result(), result);
      if (observer != null) observer.computed(op, result);
      for (Value v : op.operands()) if (lastUse.get(v.definingOp()) == i) live.remove(v);
    }
    return outputs;
  }

  /** The inputs of {@code --seed seed}: each input from TensorInit.randomInput under its name. */
  public static Map<String, Tensor> randomInputs(Model model, long seed) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Operation op : model.ops(Ops.INPUT)) {
      String name = op.attributes().getString("name");
      out.put(name, TensorInit.randomInput(op.result().type(), name, seed));
    }
    return out;
  }

  private List<Tensor> operands(Operation op, Map<Value, Tensor> live) {
    return op.operands().stream().map(v -> {
      Tensor t = v.definingOp().is(Ops.WEIGHT) ? weights.load(v.definingOp()) : live.get(v);
      if (t == null) throw new IllegalStateException(op.name() + " reads " + v + " before it is computed");
      return t;
    }).toList();
  }

  private Tensor evaluate(Operation op, List<Tensor> args, Map<String, Tensor> inputs) {
    if (op.is(Ops.INPUT)) return inputs.get(op.attributes().getString("name")).withType(op.result().type());
    OpDef def = Ops.lookup(op.name()).orElse(null);
    if (def == null || def.kernel() == null) {
      throw new InterpreterException(op.location(), "the interpreter has no kernel for " + op.name());
    }
    Tensor result;
    try {
      result = def.kernel().apply(op, def.withDefaults(op.attributes() == null ? DictAttr.EMPTY : op.attributes()), args);
    } catch (DictAttr.AttributeException | OpTypeException | IllegalArgumentException e) {
      if (e instanceof InterpreterException) throw e;
      throw new InterpreterException(op.location(), op.name() + ": " + e.getMessage());
    }
    TensorType declared = op.result().type();
    if (!result.type().sameValues(declared)) {
      throw new IllegalStateException(op.name() + " computed " + result.type().toSourceString()
          + " but declares " + declared.toSourceString());
    }
    return result;
  }

  /** Missing, unknown or mistyped inputs, reported with the model's declaration. */
  private static void checkInputs(Model model, Map<String, Tensor> inputs) {
    Map<String, Operation> declared = new LinkedHashMap<>();
    for (Operation op : model.ops(Ops.INPUT)) declared.put(op.attributes().getString("name"), op);
    String list = declared.isEmpty() ? "none" : declared.values().stream()
        .map(o -> o.attributes().getString("name") + " : " + o.result().type().toSourceString())
        .collect(Collectors.joining(", "));
    for (Map.Entry<String, Operation> e : declared.entrySet()) {
      Tensor given = inputs.get(e.getKey());
      TensorType want = e.getValue().result().type();
      if (given == null) {
        throw new InterpreterException(e.getValue().location(), "model " + model.name() + ": missing input '"
            + e.getKey() + "' (" + want.toSourceString() + "); the model's inputs are " + list);
      }
      if (!given.type().sameValues(want)) {
        throw new InterpreterException(e.getValue().location(), "model " + model.name() + ": input '" + e.getKey()
            + "' is " + given.type().toSourceString() + " but the model declares " + want.toSourceString());
      }
    }
    for (String name : new TreeSet<>(inputs.keySet())) {
      if (!declared.containsKey(name)) {
        throw new InterpreterException(model.location(), "model " + model.name() + " has no input '" + name
            + "'; its inputs are " + list);
      }
    }
  }

  /** For each defining op, the index of the last op reading its result (its own index if none does). */
  private static Map<Operation, Integer> lastUses(Model model) {
    Map<Operation, Integer> last = new IdentityHashMap<>();
    List<Operation> ops = model.ops();
    for (int i = 0; i < ops.size(); i++) {
      last.put(ops.get(i), i);
      for (Value v : ops.get(i).operands()) last.put(v.definingOp(), i);
    }
    return last;
  }
}
