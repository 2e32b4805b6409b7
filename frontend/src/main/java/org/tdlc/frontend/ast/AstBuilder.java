// Builds the immutable AST from ANTLR's parse tree. The visitor follows the grammar's labelled
// alternatives one to one; the only checks here are lexical (integer literals that overflow).
package org.tdlc.frontend.ast;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.tdlc.frontend.ast.Ast.*;
import org.tdlc.grammar.TdlParser;
import org.tdlc.ir.Location;
import org.tdlc.ir.diag.DiagnosticEngine;

public final class AstBuilder {
  private final String file;
  private final DiagnosticEngine diags;

  public AstBuilder(String file, DiagnosticEngine diags) {
    this.file = file;
    this.diags = diags;
  }

  public SourceFile build(TdlParser.FileContext tree) {
    List<Import> imports = new ArrayList<>();
    List<ModelDecl> models = new ArrayList<>();
    List<TargetDecl> targets = new ArrayList<>();
    for (TdlParser.ItemContext item : tree.item()) {
      if (item instanceof TdlParser.ImportItemContext c) {
        imports.add(new Import(unquote(c.STRING().getText()), at(c.STRING())));
      } else if (item instanceof TdlParser.ModelItemContext c) {
        models.add(new ModelDecl(ident(c.ID()), c.modelStmt().stream().map(this::stmt).toList(), at(c)));
      } else if (item instanceof TdlParser.TargetItemContext c) {
        targets.add(new TargetDecl(ident(c.ID()), c.targetEntry().stream().map(this::entry).toList(), at(c)));
      }
    }
    return new SourceFile(file, imports, models, targets);
  }

  // ---- statements ----

  private Stmt stmt(TdlParser.ModelStmtContext s) {
    if (s instanceof TdlParser.InputStmtContext c) return new InputStmt(ident(c.ID()), type(c.tensorType()), at(c));
    if (s instanceof TdlParser.WeightStmtContext c) {
      InitClause init = null;
      List<Property> props = new ArrayList<>();
      for (TdlParser.WeightClauseContext wc : c.weightClause()) {
        if (wc instanceof TdlParser.InitClauseContext ic) {
          if (init != null) diags.error(at(ic), "weight " + c.ID().getText() + " has more than one init clause");
          init = new InitClause(ident(ic.ID()), args(ic.argList()), at(ic));
        } else if (wc instanceof TdlParser.PropertyClauseContext pc) {
          Expr value = pc.literal() != null ? literal(pc.literal()) : new NameRef(ident(pc.ID(1)));
          props.add(new Property(ident(pc.ID(0)), value, at(pc)));
        }
      }
      return new WeightStmt(ident(c.ID()), type(c.tensorType()), init, props, at(c));
    }
    if (s instanceof TdlParser.TensorStmtContext c) return new TensorStmt(ident(c.ID()), type(c.tensorType()), at(c));
    if (s instanceof TdlParser.AssignStmtContext c) {
      return new AssignStmt(annotations(c.annotation()), ident(c.ID()), expr(c.expr()), at(c.ID()));
    }
    if (s instanceof TdlParser.EinsumStmtContext c) {
      return new EinsumStmt(annotations(c.annotation()), ident(c.ID()), affines(c.affineList()),
          c.assignOp() instanceof TdlParser.AccumulateOpContext,
          c.product().access().stream().map(a -> new Access(ident(a.ID()), affines(a.affineList()), at(a))).toList(),
          at(c.ID()));
    }
    TdlParser.OutputStmtContext c = (TdlParser.OutputStmtContext) s;
    return new OutputStmt(c.ID().stream().map(this::ident).toList(), at(c));
  }

  private TypeExpr type(TdlParser.TensorTypeContext c) {
    return new TypeExpr(ident(c.ID()), c.INT().stream().map(t -> new IntLit(parseInt(t.getSymbol(), false), at(t)))
        .toList(), at(c));
  }

  private List<Annotation> annotations(List<TdlParser.AnnotationContext> list) {
    return list.stream().map(a -> new Annotation(ident(a.ID()), args(a.argList()), at(a))).toList();
  }

  private List<Arg> args(TdlParser.ArgListContext c) {
    if (c == null) return List.of();
    List<Arg> out = new ArrayList<>();
    for (TdlParser.ArgContext a : c.arg()) {
      if (a instanceof TdlParser.NamedArgContext n) out.add(new Arg(ident(n.ID()), expr(n.expr()), at(n)));
      else out.add(new Arg(null, expr(((TdlParser.PositionalArgContext) a).expr()), at(a)));
    }
    return out;
  }

  // ---- expressions ----

  private Expr expr(TdlParser.ExprContext e) {
    if (e instanceof TdlParser.CallExprContext c) return new Call(ident(c.ID()), args(c.argList()), at(c.ID()));
    if (e instanceof TdlParser.ListExprContext c) return new ListExpr(c.expr().stream().map(this::expr).toList(), at(c));
    if (e instanceof TdlParser.DictExprContext c) {
      return new DictExpr(c.dictEntry().stream().map(d -> new DictEntry(ident(d.ID()), expr(d.expr()))).toList(), at(c));
    }
    if (e instanceof TdlParser.NameExprContext c) return new NameRef(ident(c.ID()));
    return literal(((TdlParser.LiteralExprContext) e).literal());
  }

  private Expr literal(TdlParser.LiteralContext l) {
    boolean negative = l.getChild(0) instanceof TerminalNode t && t.getText().equals("-");
    if (l instanceof TdlParser.IntLiteralContext c) return new IntLit(parseInt(c.INT().getSymbol(), negative), at(c));
    if (l instanceof TdlParser.FloatLiteralContext c) {
      double v = Double.parseDouble(c.FLOAT().getText());
      if (Double.isInfinite(v)) diags.error(at(c), "number " + c.FLOAT().getText() + " is too large");
      return new FloatLit(negative ? -v : v, at(c));
    }
    TdlParser.StringLiteralContext c = (TdlParser.StringLiteralContext) l;
    return new StringLit(unquote(c.STRING().getText()), at(c));
  }

  private long parseInt(Token t, boolean negative) {
    try {
      long v = Long.parseLong(t.getText());
      return negative ? -v : v;
    } catch (NumberFormatException e) {
      diags.error(at(t), "integer " + abbreviate(t.getText()) + " is too large");
      return 0;
    }
  }

  // ---- einsum subscripts ----

  private List<Affine> affines(TdlParser.AffineListContext c) {
    return c.affine().stream().map(this::affine).toList();
  }

  private Affine affine(TdlParser.AffineContext c) {
    List<Term> terms = new ArrayList<>();
    int sign = 1;
    for (ParseTree child : c.children) {
      if (child instanceof TerminalNode t) {
        sign = t.getText().equals("-") ? -1 : 1;
      } else if (child instanceof TdlParser.TermContext term) {
        terms.add(term(term, sign));
        sign = 1;
      }
    }
    return new Affine(terms, at(c));
  }

  private Term term(TdlParser.TermContext t, int sign) {
    if (t instanceof TdlParser.ScaledIndexContext c) {
      return new Term(sign * parseInt(c.INT().getSymbol(), false), ident(c.ID()), at(c));
    }
    if (t instanceof TdlParser.IndexScaledContext c) {
      return new Term(sign * parseInt(c.INT().getSymbol(), false), ident(c.ID()), at(c));
    }
    if (t instanceof TdlParser.PlainIndexContext c) return new Term(sign, ident(c.ID()), at(c));
    TdlParser.ConstantTermContext c = (TdlParser.ConstantTermContext) t;
    return new Term(sign * parseInt(c.INT().getSymbol(), false), null, at(c));
  }

  // ---- targets ----

  private TargetEntry entry(TdlParser.TargetEntryContext e) {
    if (e instanceof TdlParser.BlockEntryContext c) {
      return new TargetEntry(ident(c.ID()), words(c.targetWord()), c.targetEntry().stream().map(this::entry).toList(),
          at(c));
    }
    TdlParser.SimpleEntryContext c = (TdlParser.SimpleEntryContext) e;
    return new TargetEntry(ident(c.ID()), words(c.targetWord()), null, at(c));
  }

  private List<Word> words(List<TdlParser.TargetWordContext> ws) {
    return ws.stream().map(w -> new Word(w.getText(), at(w))).toList();
  }

  // ---- helpers ----

  private Ident ident(TerminalNode n) { return new Ident(n.getText(), at(n)); }

  private Location at(ParserRuleContext c) { return at(c.getStart()); }

  private Location at(TerminalNode n) { return at(n.getSymbol()); }

  private Location at(Token t) { return Location.of(file, t.getLine(), t.getCharPositionInLine() + 1); }

  private static String abbreviate(String s) { return s.length() > 24 ? s.substring(0, 20) + "..." : s; }

  /** The value of a string literal: quotes removed, backslash escapes resolved. */
  static String unquote(String lit) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < lit.length() - 1; i++) {
      char c = lit.charAt(i);
      if (c == '\\' && i + 1 < lit.length() - 1) {
        char n = lit.charAt(++i);
        b.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> n;
        });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
