// Builds attributes from their parse trees: numbers, strings, arrays, dictionaries and affine maps.
// Whatever the grammar accepts but the IR cannot hold (a duplicate key, an integer beyond 64 bits,
// an unknown dimension in an affine map) is a MalformedIrException at the offending token.
package org.tdlc.ir.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.antlr.v4.runtime.Token;
import org.tdlc.grammar.TirBaseVisitor;
import org.tdlc.grammar.TirParser;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.attr.AffineMap;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;

final class AttributeReader extends TirBaseVisitor<Attribute> {

  @Override public Attribute visitIntAttribute(TirParser.IntAttributeContext ctx) {
    return new Attribute.IntAttr(Literals.longValue(ctx.start, ctx.MINUS() != null, ctx.INT().getText()));
  }

  @Override public Attribute visitFloatAttribute(TirParser.FloatAttributeContext ctx) {
    double v = Double.parseDouble((ctx.MINUS() != null ? "-" : "") + ctx.FLOAT().getText());
    if (Double.isInfinite(v)) throw new MalformedIrException(ctx.start, "float " + ctx.getText() + " is out of range");
    return new Attribute.FloatAttr(v);
  }

  @Override public Attribute visitSpecialFloatAttribute(TirParser.SpecialFloatAttributeContext ctx) {
    double v = ctx.getText().endsWith("NaN") ? Double.NaN : Double.POSITIVE_INFINITY;
    return new Attribute.FloatAttr(ctx.MINUS() != null ? -v : v);
  }

  @Override public Attribute visitStringAttribute(TirParser.StringAttributeContext ctx) {
    return new Attribute.StringAttr(Literals.unquote(ctx.STRING().getText()));
  }

  @Override public Attribute visitBoolAttribute(TirParser.BoolAttributeContext ctx) {
    return new Attribute.BoolAttr(ctx.getText().equals("true"));
  }

  @Override public Attribute visitArrayAttribute(TirParser.ArrayAttributeContext ctx) {
    List<Attribute> elements = new ArrayList<>();
    for (TirParser.AttributeContext a : ctx.attribute()) elements.add(visit(a));
    return new Attribute.ArrayAttr(elements);
  }

  @Override public Attribute visitDictAttribute(TirParser.DictAttributeContext ctx) {
    return dictionary(ctx.dictionary());
  }

  @Override public Attribute visitAffineMapAttribute(TirParser.AffineMapAttributeContext ctx) {
    return affineMap(ctx.affineMap());
  }

  DictAttr dictionary(TirParser.DictionaryContext ctx) {
    TreeMap<String, Attribute> entries = new TreeMap<>();
    for (TirParser.DictEntryContext e : ctx.dictEntry()) {
      String key = key(e.dictKey());
      if (entries.containsKey(key)) {
        throw new MalformedIrException(e.dictKey().start, "attribute '" + key + "' appears twice in one dictionary");
      }
      entries.put(key, visit(e.attribute()));
    }
    return new DictAttr(entries);
  }

  private static String key(TirParser.DictKeyContext ctx) {
    if (ctx instanceof TirParser.QuotedKeyContext q) return Literals.unquote(q.STRING().getText());
    return ctx.getText();
  }

  AffineMap affineMap(TirParser.AffineMapContext ctx) {
    List<String> dims = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (TirParser.BareIdContext d : ctx.bareId()) {
      if (index.putIfAbsent(d.getText(), dims.size()) != null) {
        throw new MalformedIrException(d.start, "dimension '" + d.getText() + "' appears twice in an affine map");
      }
      dims.add(d.getText());
    }
    List<AffineExpr> results = new ArrayList<>();
    for (TirParser.AffineExprContext e : ctx.affineExpr()) results.add(new LinearForm(dims, index).read(e));
    return new AffineMap(dims, results);
  }

  /** Accumulates sum(coeff * dim) + constant in long, then checks that it fits the int fields of AffineExpr. */
  private static final class LinearForm {
    private final List<String> dims;
    private final Map<String, Integer> index;
    private final long[] coeffs;
    private long constant;

    LinearForm(List<String> dims, Map<String, Integer> index) {
      this.dims = dims;
      this.index = index;
      this.coeffs = new long[dims.size()];
    }

    AffineExpr read(TirParser.AffineExprContext ctx) {
      term(ctx.affineTerm(), ctx.MINUS() != null);
      for (TirParser.AffineAddendContext a : ctx.affineAddend()) term(a.affineTerm(), a.MINUS() != null);
      List<Integer> cs = new ArrayList<>();
      for (long c : coeffs) {
        if (Math.abs(c) > Integer.MAX_VALUE) throw tooLarge(ctx.start, "coefficient " + c);
        cs.add((int) c);
      }
      if (constant < Integer.MIN_VALUE || constant > Integer.MAX_VALUE) throw tooLarge(ctx.start, "constant " + constant);
      return new AffineExpr(cs, (int) constant);
    }

    private void term(TirParser.AffineTermContext t, boolean negative) {
      long sign = negative ? -1 : 1;
      if (t instanceof TirParser.ScaledDimTermContext s) {
        add(s.bareId(), sign * number(s.INT().getSymbol()));
      } else if (t instanceof TirParser.DimScaledTermContext s) {
        add(s.bareId(), sign * number(s.INT().getSymbol()));
      } else if (t instanceof TirParser.DimTermContext s) {
        add(s.bareId(), sign);
      } else if (t instanceof TirParser.ConstantTermContext s) {
        constant += sign * number(s.INT().getSymbol());
        if (Math.abs(constant) > Integer.MAX_VALUE + 1L) throw tooLarge(t.start, "constant " + constant);
      }
    }

    private void add(TirParser.BareIdContext dim, long coeff) {
      Integer d = index.get(dim.getText());
      if (d == null) {
        throw new MalformedIrException(dim.start, "unknown dimension '" + dim.getText() + "' in affine map over ("
            + String.join(", ", dims) + ")");
      }
      coeffs[d] += coeff;
      if (Math.abs(coeffs[d]) > Integer.MAX_VALUE) throw tooLarge(dim.start, "coefficient of " + dim.getText());
    }

    /** Terms are bounded by 2^31 so that the sums above cannot overflow a long. */
    private static long number(Token t) {
      long v = Literals.longValue(t, false, t.getText());
      if (v > Integer.MAX_VALUE + 1L) throw tooLarge(t, "term " + v);
      return v;
    }

    private static MalformedIrException tooLarge(Token at, String what) {
      return new MalformedIrException(at, "affine " + what + " does not fit in 32 bits");
    }
  }
}
