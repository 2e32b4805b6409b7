// One FileCheck pattern compiled to a Java regex: literal text (horizontal whitespace runs match any run),
// {{regex}}, captures [[V:regex]] and uses [[V]]. Uses are substituted when the pattern is matched, so a
// variable captured by an earlier directive is visible to every later one, as in LLVM's FileCheck.
package org.tdlc.tests.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class CheckPattern {
  private final String text;

  /** A piece of the pattern: literal text, a raw regex, a capture definition or a variable use. */
  private record Piece(String literal, String regex, String defines, String uses) {}

  private final List<Piece> pieces;

  private CheckPattern(String text, List<Piece> pieces) {
    this.text = text;
    this.pieces = pieces;
  }

  String text() { return text; }

  /** Parses {@code text}; a malformed {{ or [[ is an error naming the pattern. */
  static CheckPattern parse(String text) {
    List<Piece> pieces = new ArrayList<>();
    int i = 0;
    StringBuilder literal = new StringBuilder();
    while (i < text.length()) {
      if (text.startsWith("{{", i)) {
        int end = text.indexOf("}}", i + 2);
        if (end < 0) throw new IllegalArgumentException("unterminated {{ in pattern: " + text);
        flush(literal, pieces);
        pieces.add(new Piece(null, text.substring(i + 2, end), null, null));
        i = end + 2;
      } else if (text.startsWith("[[", i)) {
        int end = text.indexOf("]]", i + 2);
        if (end < 0) throw new IllegalArgumentException("unterminated [[ in pattern: " + text);
        flush(literal, pieces);
        String body = text.substring(i + 2, end);
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw new IllegalArgumentException("bad variable name '" + name + "' in pattern: " + text);
        }
        pieces.add(colon < 0 ? new Piece(null, null, null, name) : new Piece(null, body.substring(colon + 1), name, null));
        i = end + 2;
      } else {
        literal.append(text.charAt(i++));
      }
    }
    flush(literal, pieces);
    return new CheckPattern(text, pieces);
  }

  private static void flush(StringBuilder literal, List<Piece> pieces) {
    if (literal.length() > 0) pieces.add(new Piece(literal.toString(), null, null, null));
    literal.setLength(0);
  }

  /** The regex for the current variable values; throws if a used variable is undefined. */
  Pattern compile(Map<String, String> vars) {
    StringBuilder re = new StringBuilder();
    List<String> local = new ArrayList<>();
    for (Piece p : pieces) {
      if (p.literal() != null) {
        appendLiteral(re, p.literal());
      } else if (p.regex() != null && p.defines() == null) {
        re.append("(?:").append(p.regex()).append(')');
      } else if (p.defines() != null) {
        re.append("(?<v").append(local.size()).append('>').append(p.regex()).append(')');
        local.add(p.defines());
      } else if (local.contains(p.uses())) {
        re.append("\\k<v").append(local.lastIndexOf(p.uses())).append('>');
      } else {
        String value = vars.get(p.uses());
        if (value == null) throw new IllegalArgumentException("undefined variable [[" + p.uses() + "]]");
        re.append(Pattern.quote(value));
      }
    }
    return Pattern.compile(re.toString(), Pattern.MULTILINE);
  }

  /** Quotes {@code literal}, letting each run of spaces and tabs match any such run. */
  private static void appendLiteral(StringBuilder re, String literal) {
    Matcher m = Pattern.compile("[ \\t]+").matcher(literal);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) re.append(Pattern.quote(literal.substring(at, m.start())));
      re.append("[ \\t]+");
      at = m.end();
    }
    if (at < literal.length()) re.append(Pattern.quote(literal.substring(at)));
  }

  /** Records the captures of a successful match in {@code vars}. */
  void capture(Matcher m, Map<String, String> vars) {
    int k = 0;
    for (Piece p : pieces) {
      if (p.defines() == null) continue;
      String value = m.group("v" + k++);
      vars.put(p.defines(), value == null ? "" : value);
    }
  }

  @Override public String toString() { return text; }
}
