// Lines of the .symbols, .layers and .data sections, printed and parsed:
//   input x i8 [1, 3, 32, 32] dram=0x00001000          (symbols: kind name type shape address)
//   conv1 op=conv2d first=0 last=14                    (layers: instruction range, inclusive)
//   conv1 w1 csr                                       (formats: layer, weight, its storage format)
//   00010203 04050607 ...                              (data: 32 bytes per line, hex)
package org.tdlc.backend.asm;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.StorageFormat;

final class TableSyntax {
  static final int DATA_BYTES_PER_LINE = 32;

  private TableSyntax() {}

  static String symbol(Symbol s) {
    return InstructionSyntax.padRight(s.kind().name().toLowerCase(java.util.Locale.ROOT), 6) + " "
        + Strings.name(s.name()) + " " + s.type() + " ["
        + String.join(", ", s.shape().stream().map(String::valueOf).toList()) + "] dram="
        + InstructionSyntax.hex(s.dramAddr(), 8);
  }

  static Symbol parseSymbol(TokenCursor c) {
    AsmLexer.Token kindTok = c.atom("input or output");
    Symbol.Kind kind = switch (kindTok.text()) {
      case "input" -> Symbol.Kind.INPUT;
      case "output" -> Symbol.Kind.OUTPUT;
      default -> throw c.error(kindTok, "expected input or output, found " + kindTok.shown());
    };
    String name = c.name("the symbol's name");
    ElementType type = c.type("the symbol's element type");
    List<Integer> shape = c.list("the shape", k -> k.integer("a dimension", Integer.MIN_VALUE, Integer.MAX_VALUE));
    Map<String, Function<TokenCursor, Object>> p = new LinkedHashMap<>();
    p.put("dram", k -> k.integer("dram", Long.MIN_VALUE, Long.MAX_VALUE));
    TokenCursor.Pairs v = c.keyValues("a symbol", p);
    c.expectEnd();
    return new Symbol(name, kind, type, shape, v.longValue("dram"));
  }

  static String layer(Layer l) {
    return Strings.name(l.name()) + " op=" + Strings.name(l.op()) + " first=" + l.first() + " last=" + l.last();
  }

  static Layer parseLayer(TokenCursor c) {
    String name = c.name("the layer's name");
    Map<String, Function<TokenCursor, Object>> p = new LinkedHashMap<>();
    p.put("op", k -> k.name("the layer's op"));
    p.put("first", k -> k.integer("first", Integer.MIN_VALUE, Integer.MAX_VALUE));
    p.put("last", k -> k.integer("last", Integer.MIN_VALUE, Integer.MAX_VALUE));
    TokenCursor.Pairs v = c.keyValues("a layer", p);
    c.expectEnd();
    return new Layer(name, (String) v.get("op"), v.integer("first"), v.integer("last"));
  }

  static String format(String layer, String weight, String format) {
    return Strings.name(layer) + " " + Strings.name(weight) + " " + format;
  }

  /** A .formats line into {@code formats}: a known format, each weight of a layer once. */
  static void parseFormat(TokenCursor c, Map<String, Map<String, String>> formats) {
    String layer = c.name("the layer's name");
    String weight = c.name("the weight's name");
    AsmLexer.Token f = c.atom("a storage format");
    if (StorageFormat.parse(f.text()).isEmpty()) {
      throw c.error(f, "unknown storage format " + f.shown());
    }
    c.expectEnd();
    if (formats.computeIfAbsent(layer, k -> new LinkedHashMap<>()).putIfAbsent(weight, f.text()) != null) {
      throw c.error(f, "weight " + weight + " of layer " + layer + " already has a format");
    }
  }

  static void data(StringBuilder b, byte[] data) {
    for (int at = 0; at < data.length; at += DATA_BYTES_PER_LINE) {
      int end = Math.min(data.length, at + DATA_BYTES_PER_LINE);
      for (int i = at; i < end; i++) {
        if (i > at && (i - at) % 4 == 0) b.append(' ');
        b.append(Character.forDigit((data[i] >> 4) & 0xF, 16)).append(Character.forDigit(data[i] & 0xF, 16));
      }
      b.append('\n');
    }
  }

  /** Appends the bytes of one data line (groups of hex digit pairs) to {@code out}. */
  static void parseData(TokenCursor c, ByteArrayOutputStream out) {
    while (!c.atEnd()) {
      AsmLexer.Token t = c.atom("hex bytes");
      String s = t.text();
      if (!AsmLexer.isHex(s)) throw c.error(t, "expected hex bytes in .data, found " + t.shown());
      if (s.length() % 2 != 0) throw c.error(t, "odd number of hex digits (" + s.length() + ") in .data");
      for (int i = 0; i < s.length(); i += 2) out.write(Integer.parseInt(s.substring(i, i + 2), 16));
    }
  }
}
