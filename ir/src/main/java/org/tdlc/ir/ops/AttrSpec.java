// One declared attribute of an op: its name, kind, default, whether a .tdl call may set it, and a doc line.
// Attributes an op does not declare (mapping, pin, format_choice: set by passes) are discardable, as in
// MLIR; the declared ones are the op's own, checked by the verifier and bound by the front end.
package org.tdlc.ir.ops;

import org.tdlc.ir.attr.Attribute;

public record AttrSpec(String name, AttrKind kind, Default fallback, boolean inSource, String doc) {

  /** What an absent attribute means. */
  public sealed interface Default {
    /** The op cannot be built without it. */
    record Required() implements Default {}

    /** Absent means this value. */
    record Value(Attribute value) implements Default {}

    /** Absent means the value of another attribute of the same op (maxpool's stride is its kernel). */
    record SameAs(String attribute) implements Default {}

    /** Absent means none (no epilogue, no pinned format); the typing rule decides what that implies. */
    record None() implements Default {}
  }

  public boolean required() { return fallback instanceof Default.Required; }

  /** The default as the op reference and call usages write it: "1", "[0, 0]", "kernel", "required", "none". */
  public String defaultText() {
    if (fallback instanceof Default.Value v) return v.value().toString();
    if (fallback instanceof Default.SameAs s) return s.attribute();
    return required() ? "required" : "none";
  }
}
