// The one declaration of an op kind, in the manner of MLIR's ODS: name, the .tdl spelling, operands,
// attributes with kinds and defaults, result-type rule, loop space, doc line and reference-interpreter kernel.
// The front end's call signatures, the verifier's attribute checks, the interpreter's dispatch, the
// iteration space the mappers use and docs/ops.md (OpDocs) are all read from it; OpDefTest checks that
// every op has every part it needs.
package org.tdlc.ir.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.interp.OpKernel;
import org.tdlc.ir.type.TensorType;

public record OpDef(String name, Family family, String callee, List<OperandSpec> operands,
                    List<AttrSpec> attributes, ResultRule result, Loops loops, String doc, OpKernel kernel,
                    String details) {

  /** Where an op runs; the op reference groups ops by it. */
  public enum Family {
    BOUNDARY("Model boundary", "bound to the model's inputs, weights and outputs, not computed"),
    ARRAY("PE-array ops", "contractions, mapped onto the PE array"),
    VECTOR("Vector ops", "elementwise, pooling and normalization ops, lowered to the vector unit (the ALU)"),
    LAYOUT("Layout ops", "data movement: elements copied, reordered or picked, never computed; lowered to the ALU's"
        + " copies where they cannot alias");

    public final String title;
    public final String summary;

    Family(String title, String summary) {
      this.title = title;
      this.summary = summary;
    }
  }

  /** The result type for these operands and (defaulted) attributes; throws OpTypeException naming the values. */
  @FunctionalInterface
  public interface TypeRule {
    TensorType infer(List<TensorType> operands, DictAttr attrs, TensorType declared);
  }

  /**
   * How the result type comes about: INFERRED by the rule, DECLARED in the source (inputs, weights, einsum
   * results; the rule checks the operands against it) or NONE (tdl.output). {@code text} documents it.
   */
  public record ResultRule(Mode mode, String text, TypeRule rule) {
    public enum Mode { INFERRED, DECLARED, NONE }
  }

  public OpDef {
    operands = List.copyOf(operands);
    attributes = List.copyOf(attributes);
  }

  public String summary() { return doc; }

  /** The name without its dialect: "conv2d" for tdl.conv2d; messages start with it. */
  public String shortName() { return org.tdlc.ir.Operation.shortName(name); }

  public boolean declaresResult() { return result.mode() == ResultRule.Mode.DECLARED; }

  public boolean hasResult() { return result.mode() != ResultRule.Mode.NONE; }

  public Optional<AttrSpec> attribute(String attr) {
    return attributes.stream().filter(a -> a.name().equals(attr)).findFirst();
  }

  /**
   * Types an op of this kind: operand count, declared attributes, then the result rule on the attributes
   * with their defaults. Throws OpTypeException with a message that names the actual values.
   */
  public TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
    checkArity(in.size());
    List<String> problems = attributeProblems(attrs);
    if (!problems.isEmpty()) throw new OpTypeException(problems.get(0));
    return result.rule().infer(in, withDefaults(attrs), declared);
  }

  /** Each declared attribute that is missing though required, or of the wrong kind; empty when all are fine. */
  public List<String> attributeProblems(DictAttr attrs) {
    List<String> out = new ArrayList<>();
    for (AttrSpec a : attributes) {
      Optional<Attribute> v = attrs.get(a.name());
      if (v.isEmpty()) {
        if (a.required()) out.add("missing attribute '" + a.name() + "'");
      } else if (!a.kind().accepts(v.get())) {
        out.add("attribute '" + a.name() + "' must be " + a.kind().description + ", got " + v.get());
      }
    }
    return out;
  }

  /** The attributes with every declared default filled in and pairs stored as [h, w]: what rules and kernels read. */
  public DictAttr withDefaults(DictAttr attrs) {
    DictAttr out = attrs;
    for (AttrSpec a : attributes) {
      Optional<Attribute> v = attrs.get(a.name());
      if (v.isPresent()) out = out.with(a.name(), a.kind().normalize(v.get()));
      else if (a.fallback() instanceof AttrSpec.Default.Value d) out = out.with(a.name(), a.kind().normalize(d.value()));
    }
    for (AttrSpec a : attributes) {
      if (!attrs.has(a.name()) && a.fallback() instanceof AttrSpec.Default.SameAs s) {
        Optional<Attribute> other = out.get(s.attribute());
        if (other.isPresent()) out = out.with(a.name(), other.get());
      }
    }
    return out;
  }

  /** {@code op}'s attributes with their defaults, as {@link #withDefaults} gives them. */
  public static DictAttr attributesOf(Operation op) {
    DictAttr attrs = op.attributes() == null ? DictAttr.EMPTY : op.attributes();
    return Ops.lookup(op.name()).map(d -> d.withDefaults(attrs)).orElse(attrs);
  }

  private void checkArity(int n) {
    int min = 0, max = 0;
    for (OperandSpec o : operands) {
      switch (o.arity()) {
        case ONE -> { min++; max++; }
        case OPTIONAL -> max++;
        case VARIADIC -> { return; }
      }
    }
    OpChecks.arity(shortName(), n, min, max);
  }

  static Builder op(Family family, String name) { return new Builder(family, name); }

  /** Reads as the declaration: op(...).callee(...).operands(...).attr(...).result(...).loops(...).doc(...). */
  static final class Builder {
    private final Family family;
    private final String name;
    private String callee;
    private final List<OperandSpec> operands = new ArrayList<>();
    private final List<AttrSpec> attributes = new ArrayList<>();
    private ResultRule result;
    private Loops loops;
    private String doc;
    private OpKernel kernel;
    private String details = "";

    private Builder(Family family, String name) {
      this.family = family;
      this.name = name;
    }

    /** The function name a .tdl call uses; ops without one are not called by name. */
    Builder callee(String c) { callee = c; return this; }

    Builder operands(String... names) {
      for (String n : names) operands.add(new OperandSpec(n, OperandSpec.Arity.ONE));
      return this;
    }

    Builder operand(String n, OperandSpec.Arity arity) { operands.add(new OperandSpec(n, arity)); return this; }

    /** An attribute a .tdl call may set. */
    Builder attr(String n, AttrKind kind, AttrSpec.Default fallback, String attrDoc) {
      attributes.add(new AttrSpec(n, kind, fallback, true, attrDoc));
      return this;
    }

    /** An attribute set by the front end's own syntax or by a pass, never as a call argument. */
    Builder internal(String n, AttrKind kind, AttrSpec.Default fallback, String attrDoc) {
      attributes.add(new AttrSpec(n, kind, fallback, false, attrDoc));
      return this;
    }

    Builder result(String text, TypeRule rule) { return result(ResultRule.Mode.INFERRED, text, rule); }

    Builder result(ResultRule.Mode mode, String text, TypeRule rule) {
      result = new ResultRule(mode, text, rule);
      return this;
    }

    Builder loops(String form) { loops = Loops.documented(form); return this; }

    Builder loops(String form, Function<Operation, IterationSpace> space) {
      loops = new Loops(form, space);
      return this;
    }

    Builder doc(String d) { doc = d; return this; }

    Builder kernel(OpKernel k) { kernel = k; return this; }

    /** Markdown after the op's attribute table: the exact integer rules, constants and tables. */
    Builder details(String markdown) { details = markdown; return this; }

    OpDef build() {
      Objects.requireNonNull(result, () -> name + " declares no result rule");
      Objects.requireNonNull(doc, () -> name + " has no doc line");
      return new OpDef(name, family, callee, operands, attributes, result, loops == null ? Loops.documented("") : loops,
          doc, kernel, details);
    }
  }

  static AttrSpec.Default required() { return new AttrSpec.Default.Required(); }
  static AttrSpec.Default none() { return new AttrSpec.Default.None(); }
  static AttrSpec.Default sameAs(String other) { return new AttrSpec.Default.SameAs(other); }
  static AttrSpec.Default value(int v) { return new AttrSpec.Default.Value(Attribute.of(v)); }
  static AttrSpec.Default pair(int v) { return new AttrSpec.Default.Value(Attribute.ints(v, v)); }
}
