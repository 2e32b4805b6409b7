// An attribute dictionary, sorted by key so that printing is deterministic.
package org.tdlc.ir.attr;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

public record DictAttr(SortedMap<String, Attribute> entries) implements Attribute {
  public static final DictAttr EMPTY = new DictAttr(new TreeMap<>());

  public DictAttr {
    entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
  }

  public static DictAttr of(Map<String, Attribute> entries) { return new DictAttr(new TreeMap<>(entries)); }

  public boolean isEmpty() { return entries.isEmpty(); }
  public boolean has(String key) { return entries.containsKey(key); }
  public Optional<Attribute> get(String key) { return Optional.ofNullable(entries.get(key)); }

  public DictAttr with(String key, Attribute value) {
    TreeMap<String, Attribute> m = new TreeMap<>(entries);
    m.put(key, value);
    return new DictAttr(m);
  }

  public DictAttr without(String key) {
    TreeMap<String, Attribute> m = new TreeMap<>(entries);
    m.remove(key);
    return new DictAttr(m);
  }

  // Typed accessors: a missing key or a wrong kind is an AttributeException the verifier reports.

  public long getInt(String key) {
    if (require(key) instanceof Attribute.IntAttr i) return i.value();
    throw wrongKind(key, "an integer");
  }

  public double getFloat(String key) {
    Attribute a = require(key);
    if (a instanceof Attribute.FloatAttr f) return f.value();
    if (a instanceof Attribute.IntAttr i) return i.value();
    throw wrongKind(key, "a number");
  }

  public String getString(String key) {
    if (require(key) instanceof Attribute.StringAttr s) return s.value();
    throw wrongKind(key, "a string");
  }

  public int[] getInts(String key) {
    if (require(key) instanceof Attribute.ArrayAttr arr) {
      int[] out = new int[arr.elements().size()];
      for (int i = 0; i < out.length; i++) {
        if (!(arr.elements().get(i) instanceof Attribute.IntAttr v) || v.value() != (int) v.value()) {
          throw wrongKind(key, "an array of integers");
        }
        out[i] = (int) v.value();
      }
      return out;
    }
    throw wrongKind(key, "an array of integers");
  }

  public List<String> getStrings(String key) {
    if (require(key) instanceof Attribute.ArrayAttr arr) {
      return arr.elements().stream().map(e -> {
        if (e instanceof Attribute.StringAttr s) return s.value();
        throw wrongKind(key, "an array of strings");
      }).toList();
    }
    throw wrongKind(key, "an array of strings");
  }

  public List<Attribute> getArray(String key) {
    if (require(key) instanceof Attribute.ArrayAttr arr) return arr.elements();
    throw wrongKind(key, "an array");
  }

  private Attribute require(String key) {
    Attribute a = entries.get(key);
    if (a == null) throw new AttributeException("missing attribute '" + key + "'");
    return a;
  }

  private AttributeException wrongKind(String key, String expected) {
    return new AttributeException("attribute '" + key + "' must be " + expected + ", got " + entries.get(key));
  }

  @Override public String toString() {
    return entries.entrySet().stream()
        .map(e -> key(e.getKey()) + " = " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** Keys print bare when they are identifiers, quoted otherwise, so any key reads back. */
  static String key(String k) {
    return k.matches("[A-Za-z_][A-Za-z0-9_.$]*") ? k : Attribute.quote(k);
  }

  /** Thrown for a missing or mistyped attribute; carries a message fit for a user. */
  public static final class AttributeException extends RuntimeException {
    public AttributeException(String message) { super(message); }
  }

}
