// The header of a .npy file: a Python dict literal such as {'descr': '<i4', 'fortran_order': False,
// 'shape': (2, 3), }. This parses just that subset of Python literals, and reports anything else as a
// NpyException rather than failing some other way, whatever bytes it is given.
package org.tdlc.ir.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class NpyHeader {
  private final String text;
  private final String file;
  private int pos;

  private NpyHeader(String text, String file) {
    this.text = text;
    this.file = file;
  }

  /** The dict's entries: values are String, Boolean, or long[] for a tuple. */
  static Map<String, Object> parse(String text, String file) {
    NpyHeader p = new NpyHeader(text, file);
    Map<String, Object> dict = p.dict();
    p.skipSpace();
    if (p.pos != text.length()) throw p.error("unexpected text after the header dictionary");
    return dict;
  }

  private Map<String, Object> dict() {
    expect('{');
    Map<String, Object> entries = new LinkedHashMap<>();
    while (!peekIs('}')) {
      String key = string();
      expect(':');
      if (entries.put(key, value()) != null) throw error("key '" + key + "' appears twice");
      if (!peekIs('}')) expect(',');
    }
    expect('}');
    return entries;
  }

  private Object value() {
    skipSpace();
    if (pos >= text.length()) throw error("header ends where a value should be");
    char c = text.charAt(pos);
    if (c == '\'' || c == '"') return string();
    if (c == '(') return tuple();
    if (text.startsWith("True", pos)) { pos += 4; return Boolean.TRUE; }
    if (text.startsWith("False", pos)) { pos += 5; return Boolean.FALSE; }
    throw error("unexpected value starting with '" + printable(c) + "'");
  }

  private long[] tuple() {
    expect('(');
    List<Long> items = new ArrayList<>();
    while (!peekIs(')')) {
      items.add(integer());
      if (!peekIs(')')) expect(',');
    }
    expect(')');
    return items.stream().mapToLong(Long::longValue).toArray();
  }

  private long integer() {
    skipSpace();
    int start = pos;
    long v = 0;
    while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
      v = v * 10 + (text.charAt(pos++) - '0');
      if (v > Integer.MAX_VALUE) throw error("dimension " + text.substring(start, pos) + "... is too large");
    }
    if (pos == start) {
      throw error("expected a dimension (a non-negative integer) but "
          + (pos < text.length() ? "found '" + printable(text.charAt(pos)) + "'" : "the header ends"));
    }
    if (pos < text.length() && text.charAt(pos) == 'L') pos++;   // Python 2 long literals: (3L,)
    return v;
  }

  private String string() {
    skipSpace();
    if (pos >= text.length()) throw error("header ends where a string should be");
    char quote = text.charAt(pos);
    if (quote != '\'' && quote != '"') throw error("expected a quoted string, got '" + printable(quote) + "'");
    int end = text.indexOf(quote, pos + 1);
    if (end < 0) throw error("unterminated string");
    String s = text.substring(pos + 1, end);
    pos = end + 1;
    return s;
  }

  private boolean peekIs(char c) {
    skipSpace();
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peekIs(c)) {
      throw error("expected '" + c + "' but " + (pos < text.length()
          ? "found '" + printable(text.charAt(pos)) + "'" : "the header ends"));
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\n'
        || text.charAt(pos) == '\t' || text.charAt(pos) == '\r')) {
      pos++;
    }
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }

  private NpyException error(String what) {
    return new NpyException(file + ": bad header at character " + pos + ": " + what);
  }
}
