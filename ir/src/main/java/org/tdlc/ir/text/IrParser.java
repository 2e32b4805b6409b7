// Reads the textual IR back into an IrModule. Every problem, syntactic (from ANTLR) or semantic (an
// undefined %value, an unknown op, a type that disagrees with its definition), is collected as a
// diagnostic at the IR text's file:line:col and thrown together as one CompileException; the op's own
// loc(...) is kept as its source location. No other exception escapes, whatever the input.
package org.tdlc.ir.text;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.tdlc.grammar.TirLexer;
import org.tdlc.grammar.TirParser;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Location;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.DiagnosticEngine;

public final class IrParser {
  /** Deeper nesting of [ and { than this is refused up front, so no input can exhaust the stack. */
  static final int MAX_NESTING = 256;

  private IrParser() {}

  /** Parses a module (or bare tdl.model blocks, read as a module without stages). */
  public static IrModule parse(String text, String fileName) {
    String file = fileName == null ? "<ir>" : fileName;
    DiagnosticEngine diagnostics = new DiagnosticEngine();
    SyntaxErrors listener = new SyntaxErrors(file, diagnostics);

    TirLexer lexer = new TirLexer(CharStreams.fromString(text, file));
    lexer.removeErrorListeners();
    lexer.addErrorListener(listener);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    checkNesting(tokens, file, diagnostics);
    diagnostics.throwIfErrors();

    TirParser parser = new TirParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
    TirParser.IrFileContext tree = parser.irFile();
    diagnostics.throwIfErrors();

    IrModule module = new ModuleBuilder(file, diagnostics).build(tree);
    diagnostics.throwIfErrors();
    return module;
  }

  private static void checkNesting(CommonTokenStream tokens, String file, DiagnosticEngine diagnostics) {
    int depth = 0;
    for (Token t : tokens.getTokens()) {
      String s = t.getText();
      if (s.equals("[") || s.equals("{")) depth++;
      else if ((s.equals("]") || s.equals("}")) && depth > 0) depth--;
      if (depth > MAX_NESTING) {
        diagnostics.error(Location.of(file, t.getLine(), t.getCharPositionInLine() + 1),
            "brackets nested deeper than " + MAX_NESTING + " levels");
        return;
      }
    }
  }

  /** ANTLR's lexer and parser errors, as diagnostics in the one engine. */
  private static final class SyntaxErrors extends BaseErrorListener {
    private final String file;
    private final DiagnosticEngine diagnostics;

    SyntaxErrors(String file, DiagnosticEngine diagnostics) {
      this.file = file;
      this.diagnostics = diagnostics;
    }

    @Override public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                                      int charPositionInLine, String msg, RecognitionException e) {
      diagnostics.error(Location.of(file, line, charPositionInLine + 1), msg);
    }
  }
}
