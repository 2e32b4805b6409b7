// Compile-time constants attached to operations: the MLIR attribute kinds tdl needs, immutable,
// each printing itself in the textual IR so that printing and parsing back is the identity.
package org.tdlc.ir.attr;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

public sealed interface Attribute
    permits Attribute.IntAttr, Attribute.FloatAttr, Attribute.StringAttr, Attribute.BoolAttr,
            Attribute.ArrayAttr, DictAttr, AffineMap {

  record IntAttr(long value) implements Attribute {
    @Override public String toString() { return Long.toString(value); }
  }

  record FloatAttr(double value) implements Attribute {
    @Override public String toString() {
      String s = Double.toString(value);       // always has '.' or 'E', so it never reads back as an int
      return s.contains("E") && !s.contains(".") ? s.replace("E", ".0E") : s;
    }
  }

  record StringAttr(String value) implements Attribute {
    @Override public String toString() { return quote(value); }
  }

  record BoolAttr(boolean value) implements Attribute {
    @Override public String toString() { return Boolean.toString(value); }
  }

  record ArrayAttr(List<Attribute> elements) implements Attribute {
    public ArrayAttr { elements = List.copyOf(elements); }
    @Override public String toString() {
      return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
  }

  static IntAttr of(long v) { return new IntAttr(v); }
  static StringAttr of(String v) { return new StringAttr(v); }
  static FloatAttr of(double v) { return new FloatAttr(v); }

  static ArrayAttr ints(int... values) {
    List<Attribute> l = new ArrayList<>();
    for (int v : values) l.add(new IntAttr(v));
    return new ArrayAttr(l);
  }

  static ArrayAttr strings(List<String> values) {
    return new ArrayAttr(values.stream().<Attribute>map(StringAttr::new).toList());
  }

  /** A string literal with the escapes the IR lexer reads back; they are exactly JSON's, so --json output uses it too. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c)); else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }
}
