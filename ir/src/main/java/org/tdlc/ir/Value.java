// An SSA value: the result of exactly one operation. The name hint is cosmetic (the printer uses it
// when it is unique, so dumps read like the source), never semantic.
package org.tdlc.ir;

import org.tdlc.ir.type.TensorType;

public final class Value {
  private final TensorType type;
  private final String nameHint;
  private Operation definingOp;   // set once, by the Operation that creates this value

  Value(TensorType type, String nameHint) {
    this.type = type;
    this.nameHint = nameHint;
  }

  public TensorType type() { return type; }
  public String nameHint() { return nameHint; }
  public Operation definingOp() { return definingOp; }

  void define(Operation op) {
    if (definingOp != null) throw new IllegalStateException("value already defined");
    definingOp = op;
  }

  @Override public String toString() { return "%" + (nameHint == null ? "?" : nameHint) + " : " + type; }
}
