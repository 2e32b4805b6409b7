// Decoding of literal tokens of the IR text: quoted strings with their escapes, and integers that
// must fit the field they go into. Out-of-range numbers are reported, never wrapped.
package org.tdlc.ir.text;

import org.antlr.v4.runtime.Token;

final class Literals {
  private Literals() {}

  /** The value of a string token "..." (the lexer has already checked the escapes). */
  static String unquote(String literal) {
    StringBuilder b = new StringBuilder();
    int end = literal.length() - 1;
    for (int i = 1; i < end; i++) {
      char c = literal.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = literal.charAt(++i);
      switch (e) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'u' -> {
          b.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> b.append(e);
      }
    }
    return b.toString();
  }

  /** The symbol's name: @name or @"any name". */
  static String symbol(Token t) {
    String body = t.getText().substring(1);
    return body.startsWith("\"") ? unquote(body) : body;
  }

  /** A signed decimal as a long, or an error naming the literal. */
  static long longValue(Token at, boolean negative, String digits) {
    try {
      return Long.parseLong((negative ? "-" : "") + digits);
    } catch (NumberFormatException e) {
      throw new MalformedIrException(at, "integer " + (negative ? "-" : "") + digits + " does not fit in 64 bits");
    }
  }

  /** An unsigned decimal that must fit in an int, such as a line number or a dimension. */
  static int intValue(Token at, String digits, String what) {
    long v;
    try {
      v = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      v = Long.MAX_VALUE;
    }
    if (v > Integer.MAX_VALUE) {
      throw new MalformedIrException(at, what + " " + digits + " is larger than " + Integer.MAX_VALUE);
    }
    return (int) v;
  }

  static int intValue(Token at, String what) { return intValue(at, at.getText(), what); }
}
