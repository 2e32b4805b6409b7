// Turns .tdl text into an ANTLR parse tree, reporting every lexical and syntax error as a located
// diagnostic. Malformed tokens (bad characters, unterminated strings and comments) are reported once
// and removed before parsing, so one stray byte does not also produce a cascade of syntax errors. A leading
// byte order mark is skipped; a missing ';' is reported where its statement ends; brackets nested deeper
// than Nesting.MAX_DEPTH are one located error instead of a stack overflow.
package org.tdlc.frontend.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.tdlc.grammar.TdlLexer;
import org.tdlc.grammar.TdlParser;
import org.tdlc.ir.Location;
import org.tdlc.ir.diag.DiagnosticEngine;

public final class SourceParser {
  /** A UTF-8 byte order mark, which some editors write at the start of a file; it is not text. */
  private static final String BOM = "\uFEFF";
  private static final int SEMICOLON = tokenType("';'");
  private final String file;
  private final DiagnosticEngine diags;

  public SourceParser(String file, DiagnosticEngine diags) {
    this.file = file;
    this.diags = diags;
  }

  /** The parse tree, or null when the text has lexical or syntax errors (all of them reported). */
  public TdlParser.FileContext parse(String text) {
    if (text.startsWith(BOM)) text = text.substring(1);
    TdlLexer lexer = new TdlLexer(CharStreams.fromString(text, file));
    lexer.removeErrorListeners();
    List<Token> good = new ArrayList<>();
    int before = diags.errorCount();
    int lastBadLine = -1;
    Token t;
    while ((t = lexer.nextToken()).getType() != Token.EOF) {
      switch (t.getType()) {
        case TdlLexer.UNTERMINATED_COMMENT -> diags.error(at(t), "unterminated /* comment");
        case TdlLexer.UNTERMINATED_STRING -> diags.error(at(t), "unterminated string literal");
        case TdlLexer.BAD_CHAR -> {
          if (t.getLine() != lastBadLine) diags.error(at(t), "unexpected character " + describe(t.getText()));
          lastBadLine = t.getLine();   // one report per line: binary garbage stays readable
        }
        default -> good.add(t);
      }
    }
    good.add(t);
    if (diags.errorCount() > before || !shallowEnough(good)) return null;

    TdlParser parser = new TdlParser(new CommonTokenStream(new ListTokenSource(good, file)));
    parser.removeErrorListeners();
    parser.addErrorListener(new BaseErrorListener() {
      @Override public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int col, String msg,
                                        RecognitionException e) {
        Token previous = offending instanceof Token o && o.getTokenIndex() > 0
            ? ((Parser) r).getInputStream().get(o.getTokenIndex() - 1) : null;
        if (previous != null && previous.getLine() < line && expectsSemicolon((Parser) r)) {
          // A statement without its ';' ends where its last token does, not at the next line's first token.
          diags.error(Location.of(file, previous.getLine(), previous.getCharPositionInLine()
              + previous.getText().length() + 1), "expected ';' at the end of the statement");
          return;
        }
        diags.error(Location.of(file, line, col + 1), tidy(msg));
      }
    });
    TdlParser.FileContext tree = parser.file();
    return diags.errorCount() > before ? null : tree;
  }

  private static boolean expectsSemicolon(Parser p) {
    try {
      return p.getExpectedTokens().contains(SEMICOLON);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** False, after reporting, when brackets nest deeper than {@link Nesting#MAX_DEPTH}. */
  private boolean shallowEnough(List<Token> tokens) {
    int depth = 0;
    for (Token t : tokens) {
      switch (t.getText()) {
        case "(", "[", "{" -> {
          if (++depth > Nesting.MAX_DEPTH) {
            diags.error(at(t), "nesting deeper than " + Nesting.MAX_DEPTH + " levels of (), [] and {}");
            return false;
          }
        }
        case ")", "]", "}" -> depth = Math.max(0, depth - 1);
        default -> { }
      }
    }
    return true;
  }

  private Location at(Token t) { return Location.of(file, t.getLine(), t.getCharPositionInLine() + 1); }

  private static String describe(String s) {
    int c = s.codePointAt(0);
    if (c >= 0x20 && c < 0x7f) return "'" + s + "'";
    return String.format("U+%04X", c);
  }

  private static int tokenType(String literal) {
    for (int i = 0; i <= TdlLexer.VOCABULARY.getMaxTokenType(); i++) {
      if (literal.equals(TdlLexer.VOCABULARY.getLiteralName(i))) return i;
    }
    throw new IllegalStateException("no token " + literal + " in the grammar");
  }

  /** ANTLR's messages, in the vocabulary of a user: "end of file" rather than <EOF>. */
  static String tidy(String msg) {
    return msg.replaceFirst("^missing (.*) at (.*)$", "expected $1 before $2")
        .replace("<EOF>", "end of file")
        .replace("extraneous input", "unexpected")
        .replace("mismatched input", "unexpected")
        .replace("no viable alternative at input", "cannot parse");
  }
}
