// The ops that read each value of a model, found in one pass over its ops, so that a question about a
// value's readers (is a weight read through a reshape? how many MACs read it?) costs no scan of the model:
// asked once per value, a scan each time made compiling a 10,000-layer model quadratic.
package org.tdlc.ir;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

public final class Users {
  private final Map<Value, List<Operation>> users = new IdentityHashMap<>();

  private Users(Model model) {
    for (Operation op : model.ops()) {
      for (Value v : op.operands()) {
        List<Operation> readers = users.computeIfAbsent(v, k -> new ArrayList<>(1));
        if (readers.isEmpty() || readers.get(readers.size() - 1) != op) readers.add(op);
      }
    }
  }

  public static Users of(Model model) { return new Users(model); }

  /** The ops that read {@code v}, in model order, each once. */
  public List<Operation> of(Value v) { return users.getOrDefault(v, List.of()); }
}
