// The SSA names of one model's values, as the textual IR and the DOT export show them: %<hint> when the
// hint is an identifier not yet taken in the model, %N otherwise. One class, so dumps and graphs agree.
package org.tdlc.ir.text;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;

public final class ValueNames {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.$]*");

  private final Map<Value, String> names = new IdentityHashMap<>();
  private final Set<String> used = new HashSet<>();
  private int next;

  private ValueNames() {}

  /** Names every value of the model in order of appearance in its text: each op's results, then its operands. */
  public static ValueNames of(Model model) {
    ValueNames n = new ValueNames();
    for (Operation op : model.ops()) {
      for (Value v : op.results()) n.name(v);
      for (Value v : op.operands()) n.name(v);
    }
    return n;
  }

  /** True when a name hint can be printed as it is: %x, %conv.1, %_t$2. */
  public static boolean isIdentifier(String hint) { return hint != null && IDENTIFIER.matcher(hint).matches(); }

  /** The name without the %; a value not seen yet (one defined outside the model) is named now. */
  public String name(Value v) {
    String existing = names.get(v);
    if (existing != null) return existing;
    String hint = v.nameHint();
    String chosen;
    if (isIdentifier(hint) && !used.contains(hint)) {
      chosen = hint;
    } else {
      while (used.contains(Integer.toString(next))) next++;
      chosen = Integer.toString(next++);
    }
    used.add(chosen);
    names.put(v, chosen);
    return chosen;
  }
}
