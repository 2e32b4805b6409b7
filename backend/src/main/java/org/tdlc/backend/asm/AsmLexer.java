// Splits one line of assembly into tokens with their 1-based columns. Assembly is line-oriented, so a bad
// line is reported and the next one read afresh. Atoms are runs of [A-Za-z0-9_.-] (mnemonics, numbers,
// names, hex data, directives); strings are double-quoted with \" \\ \n \r \t \\uXXXX; ';' or '//' starts a comment.
package org.tdlc.backend.asm;

import java.util.ArrayList;
import java.util.List;

final class AsmLexer {
  enum Kind { ATOM, STRING, PUNCT }

  /** A token from column {@code col} up to (excluding) column {@code end}; a STRING's text is its decoded value. */
  record Token(Kind kind, String text, int col, int end) {
    boolean is(char punct) { return kind == Kind.PUNCT && text.charAt(0) == punct; }

    String shown() { return kind == Kind.STRING ? Strings.quote(text) : "'" + text + "'"; }
  }

  private static final String PUNCTUATION = "=,()[]:";

  private AsmLexer() {}

  static boolean isAtomChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
  }

  static List<Token> tokenize(String line) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        i++;
      } else if (c == ';' || c == '/' && i + 1 < n && line.charAt(i + 1) == '/') {
        break;
      } else if (isAtomChar(c)) {
        int start = i;
        while (i < n && isAtomChar(line.charAt(i))) i++;
        out.add(new Token(Kind.ATOM, line.substring(start, i), start + 1, i + 1));
      } else if (PUNCTUATION.indexOf(c) >= 0) {
        out.add(new Token(Kind.PUNCT, String.valueOf(c), i + 1, i + 2));
        i++;
      } else if (c == '"') {
        int start = i;
        StringBuilder value = new StringBuilder();
        i = string(line, i + 1, value);
        out.add(new Token(Kind.STRING, value.toString(), start + 1, i + 1));
      } else {
        throw new AsmSyntaxError(i + 1, "unexpected character " + Strings.describeChar(c));
      }
    }
    return out;
  }

  /** Reads a string body from {@code i} (after the opening quote); returns the index after the closing one. */
  private static int string(String line, int i, StringBuilder value) {
    int start = i - 1;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') return i + 1;
      if (c != '\\') {
        value.append(c);
        i++;
        continue;
      }
      if (i + 1 >= line.length()) break;
      char e = line.charAt(i + 1);
      switch (e) {
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case '"', '\\' -> value.append(e);
        case 'u' -> {
          if (i + 6 > line.length() || !isHex(line.substring(i + 2, i + 6))) {
            throw new AsmSyntaxError(i + 1, "\\u must be followed by four hex digits");
          }
          value.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
          i += 4;
        }
        default -> throw new AsmSyntaxError(i + 1, "unknown escape \\" + e + " in string");
      }
      i += 2;
    }
    throw new AsmSyntaxError(start + 1, "unterminated string");
  }

  static boolean isHex(String s) {
    if (s.isEmpty()) return false;
    for (int k = 0; k < s.length(); k++) if ("0123456789abcdefABCDEF".indexOf(s.charAt(k)) < 0) return false;
    return true;
  }
}
