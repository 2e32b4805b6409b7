// How names and strings appear in assembly: bare when they look like a name, quoted with escapes otherwise,
// so that any Java string (control characters and lone surrogates included) prints and parses back unchanged.
package org.tdlc.backend.asm;

final class Strings {
  private Strings() {}

  /** A bare name starts with a letter or '_' and continues with atom characters. */
  static boolean isBareName(String s) {
    if (s.isEmpty()) return false;
    char c = s.charAt(0);
    if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_')) return false;
    for (int i = 1; i < s.length(); i++) if (!AsmLexer.isAtomChar(s.charAt(i))) return false;
    return true;
  }

  static String name(String s) { return isBareName(s) ? s : quote(s); }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1));
          boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
          if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !pairedHigh && !pairedLow) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  static String describeChar(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
