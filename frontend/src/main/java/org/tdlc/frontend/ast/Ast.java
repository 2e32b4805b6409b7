// The immutable syntax tree of a .tdl file: what the user wrote, with a location on every node,
// before any name is resolved or any shape inferred. AstBuilder makes it from ANTLR's parse tree.
package org.tdlc.frontend.ast;

import java.util.List;
import org.tdlc.ir.Location;

public final class Ast {
  private Ast() {}

  public record SourceFile(String path, List<Import> imports, List<ModelDecl> models, List<TargetDecl> targets) {}

  public record Import(String path, Location loc) {}

  public record Ident(String name, Location loc) {}

  // ---- models ----

  public record ModelDecl(Ident name, List<Stmt> stmts, Location loc) {}

  public sealed interface Stmt permits InputStmt, WeightStmt, TensorStmt, AssignStmt, EinsumStmt, OutputStmt {
    Location loc();
  }

  public record TypeExpr(Ident element, List<IntLit> dims, Location loc) {}

  public record InputStmt(Ident name, TypeExpr type, Location loc) implements Stmt {}

  /** init is null when the weight has no init clause. */
  public record WeightStmt(Ident name, TypeExpr type, InitClause init, List<Property> properties, Location loc)
      implements Stmt {}

  public record InitClause(Ident kind, List<Arg> args, Location loc) {}

  /** density 0.25 or format csr: the value is a literal or a bare word. */
  public record Property(Ident key, Expr value, Location loc) {}

  public record TensorStmt(Ident name, TypeExpr type, Location loc) implements Stmt {}

  public record AssignStmt(List<Annotation> annotations, Ident name, Expr value, Location loc) implements Stmt {}

  public record EinsumStmt(List<Annotation> annotations, Ident name, List<Affine> subscripts, boolean accumulate,
                           List<Access> factors, Location loc) implements Stmt {}

  public record OutputStmt(List<Ident> names, Location loc) implements Stmt {}

  public record Annotation(Ident name, List<Arg> args, Location loc) {}

  /** A call argument; name is null for a positional one. */
  public record Arg(Ident name, Expr value, Location loc) {}

  // ---- expressions ----

  public sealed interface Expr permits Call, ListExpr, DictExpr, NameRef, IntLit, FloatLit, StringLit {
    Location loc();
  }

  public record Call(Ident callee, List<Arg> args, Location loc) implements Expr {}

  public record ListExpr(List<Expr> elements, Location loc) implements Expr {}

  public record DictExpr(List<DictEntry> entries, Location loc) implements Expr {}

  public record DictEntry(Ident key, Expr value) {}

  public record NameRef(Ident name) implements Expr {
    public Location loc() { return name.loc(); }
  }

  public record IntLit(long value, Location loc) implements Expr {}

  public record FloatLit(double value, Location loc) implements Expr {}

  public record StringLit(String value, Location loc) implements Expr {}

  // ---- einsum ----

  public record Access(Ident tensor, List<Affine> subscripts, Location loc) {}

  /** A sum of terms; each term is coeff * index, or a constant when index is null. */
  public record Affine(List<Term> terms, Location loc) {}

  public record Term(long coeff, Ident index, Location loc) {}

  // ---- targets (validated later, by the target model) ----

  public record TargetDecl(Ident name, List<TargetEntry> entries, Location loc) {}

  /** key words... ; or key words... { entries }: block is null for a simple entry. */
  public record TargetEntry(Ident key, List<Word> words, List<TargetEntry> block, Location loc) {}

  public record Word(String text, Location loc) {}
}
