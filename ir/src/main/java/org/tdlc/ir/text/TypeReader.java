// Builds tensor types and source locations from their parse trees: tensor<4x256xi8, csr>,
// loc("f.tdl":3:7), loc(unknown), loc(fused[...]). Unknown element types or formats, zero or
// oversized dimensions and numbers beyond an int are MalformedIrExceptions at the token.
package org.tdlc.ir.text;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.tdlc.grammar.TirBaseVisitor;
import org.tdlc.grammar.TirParser;
import org.tdlc.ir.Location;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.Shape;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.ir.type.TensorType;

final class TypeReader {
  private TypeReader() {}

  static TensorType tensorType(TirParser.TensorTypeContext ctx) {
    TirParser.ShapeAndElementContext se = ctx.shapeAndElement();
    Token at = se.start;
    String text = se.getText();
    List<Integer> dims = new ArrayList<>();
    int pos = 0;
    if (se instanceof TirParser.RankedShapeContext) {
      for (int x = text.indexOf('x'); x > pos && isDigits(text, pos, x); x = text.indexOf('x', pos)) {
        dims.add(Literals.intValue(at, text.substring(pos, x), "dimension"));
        pos = x + 1;
      }
    }
    String elementName = text.substring(pos);
    ElementType element = ElementType.parse(elementName).orElseThrow(() -> new MalformedIrException(at,
        "unknown element type '" + elementName + "' (expected i8, i16 or i32)"));
    Shape shape;
    try {
      shape = Shape.of(dims);
    } catch (IllegalArgumentException e) {
      throw new MalformedIrException(at, "bad tensor shape: " + e.getMessage());
    }
    StorageFormat format = null;
    if (ctx.bareId() != null) {
      String f = ctx.bareId().getText();
      format = StorageFormat.parse(f).orElseThrow(() -> new MalformedIrException(ctx.bareId().start,
          "unknown storage format '" + f + "' (expected one of " + StorageFormat.allKeywords() + ")"));
    }
    return new TensorType(element, shape, format);
  }

  private static boolean isDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) if (!Character.isDigit(s.charAt(i))) return false;
    return true;
  }

  static Location location(TirParser.LocationContext ctx) { return LOCATIONS.visit(ctx.locationBody()); }

  private static final TirBaseVisitor<Location> LOCATIONS = new TirBaseVisitor<>() {
    @Override public Location visitFileLineColLocation(TirParser.FileLineColLocationContext ctx) {
      return Location.of(Literals.unquote(ctx.STRING().getText()),
          Literals.intValue(ctx.INT(0).getSymbol(), "line"), Literals.intValue(ctx.INT(1).getSymbol(), "column"));
    }

    @Override public Location visitUnknownLocation(TirParser.UnknownLocationContext ctx) { return Location.UNKNOWN; }

    @Override public Location visitFusedLocation(TirParser.FusedLocationContext ctx) {
      List<Location> parts = new ArrayList<>();
      for (TirParser.LocationBodyContext b : ctx.locationBody()) parts.add(visit(b));
      return new Location.Fused(parts);
    }
  };
}
