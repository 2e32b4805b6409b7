// MAESTRO's tokenizer, with positions: its files are split on the characters " ,->():\t;" (so punctuation is
// mostly cosmetic: `TemporalMap(64,64) C;` is the tokens TemporalMap 64 64 C), `//` starts a comment to the end
// of the line, and here `{` and `}` are tokens of their own even when written against a word. Each token keeps
// its line and column so that every error points at it.
package org.tdlc.interop.maestro;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.interop.SourceFile;
import org.tdlc.ir.diag.CompileException;

final class Tokens {
  record Token(String text, int line, int col) {}

  private static final String SEPARATORS = " ,->():\t;\r";
  private final SourceFile file;
  private final List<Token> tokens = new ArrayList<>();
  private int next;

  Tokens(SourceFile file) {
    this.file = file;
    for (int i = 0; i < file.lines().size(); i++) {
      String line = file.lines().get(i);
      int comment = line.indexOf("//");
      if (comment >= 0) line = line.substring(0, comment);
      int start = -1;
      for (int c = 0; c <= line.length(); c++) {
        char ch = c < line.length() ? line.charAt(c) : ' ';
        boolean brace = ch == '{' || ch == '}';
        if (SEPARATORS.indexOf(ch) >= 0 || brace) {
          if (start >= 0) tokens.add(new Token(line.substring(start, c), i + 1, start + 1));
          start = -1;
          if (brace) tokens.add(new Token(String.valueOf(ch), i + 1, c + 1));
        } else if (start < 0) {
          start = c;
        }
      }
    }
  }

  boolean atEnd() { return next >= tokens.size(); }

  Token peek() { return atEnd() ? null : tokens.get(next); }

  /** The next token; the end of the file is an error saying what was expected. */
  Token take(String expected) {
    if (atEnd()) {
      int line = Math.max(1, file.lines().size());
      throw file.error(line, file.lines().isEmpty() ? 1 : file.lines().get(line - 1).length() + 1,
          "the file ends where " + expected + " was expected");
    }
    return tokens.get(next++);
  }

  /** The next token, which must be {@code text}. */
  Token expect(String text) {
    Token t = take("'" + text + "'");
    if (!t.text().equals(text)) throw error(t, "expected '" + text + "', got '" + t.text() + "'");
    return t;
  }

  boolean accept(String text) {
    if (!atEnd() && peek().text().equals(text)) {
      next++;
      return true;
    }
    return false;
  }

  CompileException error(Token t, String message) { return file.error(t.line(), t.col(), message); }

  SourceFile file() { return file; }
}
