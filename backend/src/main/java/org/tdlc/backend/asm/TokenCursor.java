// Walks the tokens of one assembly line: expects punctuation, names, numbers in a range, key=value lists.
// Every failure is an AsmSyntaxError at the offending column (or the end of the line) that says what was
// expected and what was found, so the assembler only has to catch it once per line.
package org.tdlc.backend.asm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tdlc.ir.type.ElementType;

final class TokenCursor {
  private final List<AsmLexer.Token> tokens;
  private final int endCol;
  private int pos;

  TokenCursor(List<AsmLexer.Token> tokens) {
    this.tokens = tokens;
    this.endCol = tokens.isEmpty() ? 1 : tokens.get(tokens.size() - 1).end();
  }

  boolean atEnd() { return pos >= tokens.size(); }

  AsmLexer.Token peek() { return atEnd() ? null : tokens.get(pos); }

  /** True when the next token is the punctuation {@code c}. */
  boolean at(char c) { return !atEnd() && peek().is(c); }

  /** True when the next two tokens are {@code key =}. */
  boolean atKey() {
    return pos + 1 < tokens.size() && tokens.get(pos).kind() == AsmLexer.Kind.ATOM && tokens.get(pos + 1).is('=');
  }

  int col() { return atEnd() ? endCol : peek().col(); }

  AsmLexer.Token next(String expected) {
    if (atEnd()) throw new AsmSyntaxError(endCol, "expected " + expected + " at the end of the line");
    return tokens.get(pos++);
  }

  AsmSyntaxError error(AsmLexer.Token at, String message) { return new AsmSyntaxError(at.col(), message); }

  void expect(char c) {
    AsmLexer.Token t = next("'" + c + "'");
    if (!t.is(c)) throw error(t, "expected '" + c + "', found " + t.shown());
  }

  void expectEnd() {
    if (!atEnd()) throw error(peek(), "unexpected " + peek().shown() + " at the end of the line");
  }

  AsmLexer.Token atom(String expected) {
    AsmLexer.Token t = next(expected);
    if (t.kind() != AsmLexer.Kind.ATOM) throw error(t, "expected " + expected + ", found " + t.shown());
    return t;
  }

  /** A bare name or a quoted string. */
  String name(String what) {
    AsmLexer.Token t = next(what);
    if (t.kind() == AsmLexer.Kind.STRING) return t.text();
    if (t.kind() == AsmLexer.Kind.ATOM && Strings.isBareName(t.text())) return t.text();
    throw error(t, "expected " + what + " (a name or a quoted string), found " + t.shown());
  }

  /** A decimal or 0x-hex integer, possibly negative, in [min, max]. */
  long integer(String what, long min, long max) {
    AsmLexer.Token t = atom(what);
    Long v = parseInteger(t.text());
    if (v == null) throw error(t, "expected " + what + " (an integer), found " + t.shown());
    if (v < min || v > max) throw error(t, what + " " + t.text() + " is out of range " + min + ".." + max);
    return v;
  }

  int integer(String what, int min, int max) { return (int) integer(what, (long) min, (long) max); }

  static Long parseInteger(String s) {
    boolean negative = s.startsWith("-");
    String body = negative ? s.substring(1) : s;
    try {
      if (body.startsWith("0x") || body.startsWith("0X")) {
        String hex = body.substring(2);
        if (!AsmLexer.isHex(hex)) return null;
        long v = Long.parseUnsignedLong(hex, 16);
        if (v < 0) return null;
        return negative ? -v : v;
      }
      if (body.isEmpty() || !body.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A real number as Double.toString prints it (NaN and Infinity included). */
  double real(String what) {
    AsmLexer.Token t = atom(what);
    String s = t.text();
    if (s.matches("-?([0-9]+(\\.[0-9]+)?(E-?[0-9]+)?|Infinity)|NaN")) return Double.parseDouble(s);
    throw error(t, "expected " + what + " (a number such as 2.5 or 1.0E-3), found " + t.shown());
  }

  boolean bool(String what) {
    AsmLexer.Token t = atom(what);
    if (t.text().equals("true")) return true;
    if (t.text().equals("false")) return false;
    throw error(t, "expected " + what + " (true or false), found " + t.shown());
  }

  ElementType type(String what) {
    AsmLexer.Token t = atom(what);
    return ElementType.parse(t.text()).orElseThrow(() -> error(t, "unknown element type " + t.shown()
        + " for " + what + "; expected i8, i16 or i32"));
  }

  /** A bracketed, comma-separated list: [] or [x, y, ...]. */
  <T> List<T> list(String what, Function<TokenCursor, T> element) {
    expect('[');
    List<T> out = new ArrayList<>();
    if (at(']')) {
      pos++;
      return out;
    }
    while (true) {
      out.add(element.apply(this));
      AsmLexer.Token t = next("',' or ']' in " + what);
      if (t.is(']')) return out;
      if (!t.is(',')) throw error(t, "expected ',' or ']' in " + what + ", found " + t.shown());
    }
  }

  /** Parsed {@code key=value} pairs with the column of each value, for errors found later. */
  record Pairs(Map<String, Object> values, Map<String, Integer> cols) {
    Object get(String key) { return values.get(key); }
    int integer(String key) { return ((Number) values.get(key)).intValue(); }
    long longValue(String key) { return ((Number) values.get(key)).longValue(); }
    int col(String key) { return cols.get(key); }
  }

  /**
   * {@code key=value} pairs in any order, until the end of the line or a ')'. Every key in {@code parsers}
   * must appear exactly once; the values come back in the order of {@code parsers}.
   */
  Pairs keyValues(String owner, Map<String, Function<TokenCursor, Object>> parsers) {
    return keyValues(owner, parsers, java.util.Set.of());
  }

  /** As above, where the keys in {@code optional} may be left out (and are then absent from the pairs). */
  Pairs keyValues(String owner, Map<String, Function<TokenCursor, Object>> parsers, java.util.Set<String> optional) {
    Map<String, Object> found = new LinkedHashMap<>();
    Map<String, Integer> cols = new LinkedHashMap<>();
    while (!atEnd() && !at(')')) {
      if (!atKey()) {
        throw error(peek(), "expected one of " + keys(parsers) + " for " + owner + ", found " + peek().shown());
      }
      AsmLexer.Token key = next("a key");
      pos++;
      Function<TokenCursor, Object> parser = parsers.get(key.text());
      if (parser == null) {
        throw error(key, "unknown key '" + key.text() + "' for " + owner + "; expected " + keys(parsers));
      }
      if (found.containsKey(key.text())) throw error(key, "'" + key.text() + "' given twice");
      cols.put(key.text(), col());
      found.put(key.text(), parser.apply(this));
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String k : parsers.keySet()) {
      if (!found.containsKey(k) && optional.contains(k)) continue;
      if (!found.containsKey(k)) throw new AsmSyntaxError(col(), owner + " needs '" + k + "='");
      ordered.put(k, found.get(k));
    }
    return new Pairs(ordered, cols);
  }

  private static String keys(Map<String, ?> parsers) {
    return String.join(", ", parsers.keySet().stream().map(k -> k + "=").toList());
  }
}
