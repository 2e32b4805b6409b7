// A model being rewritten: its ops in order, the use count of every value, and the values that replaced
// others. Ops are immutable, so an op whose operand was replaced is rebuilt on commit. Replacing or
// removing an op takes constant time (each op knows its slot), so a pass over a 10,000-layer model stays
// linear.
package org.tdlc.passes.transforms;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;

final class ModelEdit {
  /** The ops in order; a removed op leaves null in its slot. */
  private final List<Operation> slots;
  private final Map<Operation, Integer> slotOf = new IdentityHashMap<>();
  private final Map<Value, Integer> uses = new IdentityHashMap<>();
  private final Map<Value, Value> replacements = new IdentityHashMap<>();
  private final Model model;

  ModelEdit(Model model) {
    this.model = model;
    this.slots = new ArrayList<>(model.ops());
    for (int i = 0; i < slots.size(); i++) slotOf.put(slots.get(i), i);
    for (Operation op : slots) for (Value v : op.operands()) uses.merge(v, 1, Integer::sum);
  }

  /** The ops now in the model, in order (a copy: editing does not change it). */
  List<Operation> ops() { return slots.stream().filter(Objects::nonNull).toList(); }

  /** How many ops read a value; a value that was replaced has none left. */
  int uses(Value v) { return replacements.containsKey(v) ? 0 : uses.getOrDefault(v, 0); }

  /** What a value stands for now, following replacements. */
  Value current(Value v) {
    Value r = v;
    while (replacements.containsKey(r)) r = replacements.get(r);
    return r;
  }

  /** Every use of {@code old} now reads {@code by}. */
  void replace(Value old, Value by) {
    uses.merge(by, uses.getOrDefault(old, 0), Integer::sum);
    uses.remove(old);
    replacements.put(old, by);
  }

  /** Puts {@code by} in the place of {@code op} (use counts and replacements are the caller's). */
  void set(Operation op, Operation by) {
    int slot = slotOf.remove(op);
    slots.set(slot, by);
    slotOf.put(by, slot);
  }

  /** Takes an op out of the model (use counts and replacements are the caller's). */
  void remove(Operation op) { slots.set(slotOf.remove(op), null); }

  /** Removes an op; its operands lose one use each. */
  void erase(Operation op) {
    remove(op);
    for (Value v : op.operands()) uses.merge(current(v), -1, Integer::sum);
  }

  /** The model with every operand remapped through the replacements, in the current op order. */
  Model commit() {
    Map<Value, Value> rebuilt = new IdentityHashMap<>();
    List<Operation> out = new ArrayList<>();
    for (Operation op : ops()) {
      List<Value> operands = op.operands().stream().map(v -> {
        Value c = current(v);
        return rebuilt.getOrDefault(c, c);
      }).toList();
      Operation n = operands.equals(op.operands()) ? op
          : op.rebuild(operands, op.attributes(), null, op.location());
      for (int i = 0; i < op.results().size(); i++) {
        if (n != op) rebuilt.put(op.results().get(i), n.results().get(i));
      }
      out.add(n);
    }
    return model.withOps(out);
  }
}
