// The kinds of value an op attribute takes, as the .tdl front end binds them, the verifier checks them and
// the op reference documents them. One description per kind, used by all three.
package org.tdlc.ir.ops;

import org.tdlc.ir.attr.AffineMap;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;

public enum AttrKind {
  INT("int", "an integer"),
  /** Stored as [h, w]; a single integer means both, and the op's declaration reads it as [v, v]. */
  PAIR("int | [h, w]", "an integer or [h, w]"),
  INTS("[int, ...]", "an array of integers"),
  FLOAT("float", "a number"),
  STRING("string", "a string"),
  STRINGS("[string, ...]", "an array of strings"),
  AFFINE_MAPS("[affine_map, ...]", "an array of affine maps"),
  EPILOGUE("[{op = ...}, ...]", "an array of epilogue steps");

  /** How the op reference writes the kind. */
  public final String syntax;
  /** How messages name the kind: "attribute 'shape' must be an array of integers". */
  public final String description;

  AttrKind(String syntax, String description) {
    this.syntax = syntax;
    this.description = description;
  }

  /** Whether {@code a} is a value of this kind (ranges such as stride >= 1 are the typing rule's to check). */
  public boolean accepts(Attribute a) {
    return switch (this) {
      case INT -> a instanceof Attribute.IntAttr;
      case PAIR -> isInt(a) || a instanceof Attribute.ArrayAttr arr && arr.elements().size() == 2 && allInts(arr);
      case INTS -> a instanceof Attribute.ArrayAttr arr && allInts(arr);
      case FLOAT -> a instanceof Attribute.FloatAttr || a instanceof Attribute.IntAttr;
      case STRING -> a instanceof Attribute.StringAttr;
      case STRINGS -> a instanceof Attribute.ArrayAttr arr
          && arr.elements().stream().allMatch(e -> e instanceof Attribute.StringAttr);
      case AFFINE_MAPS -> a instanceof Attribute.ArrayAttr arr
          && arr.elements().stream().allMatch(e -> e instanceof AffineMap);
      case EPILOGUE -> a instanceof Attribute.ArrayAttr arr
          && arr.elements().stream().allMatch(e -> e instanceof DictAttr);
    };
  }

  /** The stored form: a PAIR written as one integer becomes [v, v]; every other value is kept. */
  Attribute normalize(Attribute a) {
    if (this == PAIR && a instanceof Attribute.IntAttr i) return Attribute.ints((int) i.value(), (int) i.value());
    return a;
  }

  private static boolean isInt(Attribute a) {
    return a instanceof Attribute.IntAttr i && i.value() == (int) i.value();
  }

  private static boolean allInts(Attribute.ArrayAttr arr) {
    return arr.elements().stream().allMatch(AttrKind::isInt);
  }
}
