// The one JSON string escaper of the CLI; output objects are assembled by the commands themselves.
package org.tdlc.cli;

final class Json {
  private Json() {}

  static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c)); else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }
}
