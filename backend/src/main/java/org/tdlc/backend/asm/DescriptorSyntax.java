// One line of the .descriptors section, after its "dN:" label, printed and parsed:
//   mac a=i8 b=i8 row=1,2 col=none loops=[(16: dst=64 src1=0 src2=1), ...] [walk=[1,0,2] keep=[[0,16,all],[]] bypass=2 order=[[-1,0,1],[]]]
//   alu requant dst=i8 src1=i32 src2=i32 imm=10 loops=[...]
//   dma i8 pad=0 dims=[(count=16 dram=784 buf=900 pad=1,1), ...]
package org.tdlc.backend.asm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Loop;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.machine.PeWalk;

final class DescriptorSyntax {
  private DescriptorSyntax() {}

  static String print(Descriptor d) {
    StringBuilder b = new StringBuilder();
    if (d instanceof Descriptor.MacDesc m) {
      b.append(m.init() ? "mac init a=" : "mac a=").append(m.a()).append(" b=").append(m.b()).append(" row=").append(loopRefs(m.rowLoops()))
          .append(" col=").append(loopRefs(m.colLoops())).append(" loops=");
      loops(b, m.loops());
      if (!m.pe().isRule()) {
        // a pinned PE walk: ranks per loop, kept loops per per-PE level (masks, -1 as many as fit), bypass bits
        if (m.pe().rank() != null) b.append(" walk=").append(ints(m.pe().rank()));
        if (m.pe().keep() != null) {
          b.append(" keep=[");
          for (int j = 0; j < m.pe().keep().length; j++) {
            int[] row = m.pe().keep()[j];
            String parts = row == null ? "[]" : ints(row).replace(String.valueOf(PeWalk.WHOLE), "all");
            b.append(j == 0 ? "" : ",").append(parts);
          }
          b.append(']');
        }
        if (m.pe().bypass() != 0) b.append(" bypass=").append(m.pe().bypass());
        if (m.pe().order() != null) {
          // per per-PE level, each loop's place in its order (-1: the walk's)
          b.append(" order=[");
          for (int j = 0; j < m.pe().order().length; j++) {
            int[] row = m.pe().order()[j];
            b.append(j == 0 ? "" : ",").append(row == null ? "[]" : ints(row));
          }
          b.append(']');
        }
      }
    } else if (d instanceof Descriptor.AluDesc a) {
      b.append("alu ").append(a.op().mnemonic()).append(" dst=").append(a.dstType()).append(" src1=")
          .append(a.src1Type()).append(" src2=").append(a.src2Type()).append(" imm=").append(a.imm())
          .append(" loops=");
      loops(b, a.loops());
    } else if (d instanceof Descriptor.DmaDesc m) {
      b.append("dma ").append(m.type()).append(m.compressed() ? " " + m.format().keyword() + " rows=" + m.rows() : "")
          .append(" pad=").append(m.padValue()).append(" dims=[");
      for (int i = 0; i < m.dims().size(); i++) {
        Descriptor.DmaDim x = m.dims().get(i);
        if (i > 0) b.append(", ");
        b.append("(count=").append(x.count()).append(" dram=").append(x.dramStride()).append(" buf=")
            .append(x.bufStride()).append(" pad=").append(x.padBefore()).append(',').append(x.padAfter()).append(')');
      }
      b.append(']');
    }
    return b.toString();
  }

  /** Integers as a comma-separated list, in brackets. */
  private static String ints(int[] values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) b.append(i == 0 ? "" : ",").append(values[i]);
    return b.append(']').toString();
  }

  /** A loop mask as its loops, comma-separated, or none. */
  private static String loopRefs(int mask) {
    if (mask == 0) return "none";
    StringBuilder b = new StringBuilder();
    for (int l = 0; l < 32; l++) if ((mask >>> l & 1) != 0) b.append(b.length() == 0 ? "" : ",").append(l);
    return b.toString();
  }

  private static void loops(StringBuilder b, List<Loop> loops) {
    b.append('[');
    for (int i = 0; i < loops.size(); i++) {
      Loop l = loops.get(i);
      if (i > 0) b.append(", ");
      b.append('(').append(l.extent()).append(": dst=").append(l.dst()).append(" src1=").append(l.src1())
          .append(" src2=").append(l.src2()).append(')');
    }
    b.append(']');
  }

  static Descriptor parse(TokenCursor c) {
    AsmLexer.Token kind = c.atom("a descriptor kind (mac, alu or dma)");
    Descriptor d = switch (kind.text()) {
      case "mac" -> mac(c);
      case "alu" -> alu(c);
      case "dma" -> dma(c);
      default -> throw c.error(kind, "unknown descriptor kind " + kind.shown() + "; expected mac, alu or dma");
    };
    c.expectEnd();
    return d;
  }

  private static Descriptor mac(TokenCursor c) {
    boolean init = !c.atEnd() && c.peek().text().equals("init") && !c.atKey();
    if (init) c.next("init");
    Map<String, Function<TokenCursor, Object>> p = new LinkedHashMap<>();
    p.put("a", k -> k.type("a"));
    p.put("b", k -> k.type("b"));
    p.put("row", k -> loopRef(k, "row"));
    p.put("col", k -> loopRef(k, "col"));
    p.put("loops", DescriptorSyntax::loops);
    p.put("walk", k -> intList(k, "walk"));
    p.put("keep", k -> k.list("keep", row -> {
      int[] parts = row.list("keep", x -> x.peek() != null && x.peek().text().equals("all") ? all(x)
          : x.integer("keep", 0, Integer.MAX_VALUE)).stream().mapToInt(Integer::intValue).toArray();
      return parts.length == 0 ? null : parts;
    }).toArray(new int[0][]));
    p.put("bypass", k -> k.integer("bypass", 0, Integer.MAX_VALUE));
    p.put("order", k -> k.list("order", row -> {
      int[] places = row.list("order", x -> x.integer("order", -1, Integer.MAX_VALUE)).stream()
          .mapToInt(Integer::intValue).toArray();
      return places.length == 0 ? null : places;
    }).toArray(new int[0][]));
    TokenCursor.Pairs v = c.keyValues("a mac descriptor", p, java.util.Set.of("walk", "keep", "bypass", "order"));
    PeWalk pe = new PeWalk((int[]) v.get("walk"), (int[][]) v.get("keep"),
        v.get("bypass") == null ? 0 : v.integer("bypass"), (int[][]) v.get("order"));
    return new Descriptor.MacDesc((ElementType) v.get("a"), (ElementType) v.get("b"), loopList(v), v.integer("row"),
        v.integer("col"), init, pe.isRule() ? PeWalk.RULE : pe);
  }

  private static Descriptor alu(TokenCursor c) {
    AsmLexer.Token opTok = c.atom("an ALU operation");
    AluOp op = null;
    for (AluOp o : AluOp.values()) if (o.mnemonic().equals(opTok.text())) op = o;
    if (op == null) {
      throw c.error(opTok, "unknown ALU operation " + opTok.shown() + "; expected one of "
          + String.join(", ", java.util.Arrays.stream(AluOp.values()).map(AluOp::mnemonic).toList()));
    }
    Map<String, Function<TokenCursor, Object>> p = new LinkedHashMap<>();
    p.put("dst", k -> k.type("dst"));
    p.put("src1", k -> k.type("src1"));
    p.put("src2", k -> k.type("src2"));
    p.put("imm", k -> k.integer("imm", Integer.MIN_VALUE, Integer.MAX_VALUE));
    p.put("loops", DescriptorSyntax::loops);
    TokenCursor.Pairs v = c.keyValues("an alu descriptor", p);
    return new Descriptor.AluDesc(op, (ElementType) v.get("dst"), (ElementType) v.get("src1"),
        (ElementType) v.get("src2"), v.integer("imm"), loopList(v));
  }

  private static Descriptor dma(TokenCursor c) {
    ElementType type = c.type("the DMA element type");
    StorageFormat format = StorageFormat.DENSE;
    if (!c.atEnd() && !c.atKey()) {
      AsmLexer.Token word = c.peek();
      format = StorageFormat.parse(word.text()).filter(f -> f != StorageFormat.DENSE).orElse(null);
      if (format == null) {
        throw new AsmSyntaxError(word.col(), "expected a storage format (" + compressedKeywords() + ") or pad= after the"
            + " DMA element type, found " + word.shown());
      }
      c.next("a storage format");
    }
    Map<String, Function<TokenCursor, Object>> p = new LinkedHashMap<>();
    if (format != StorageFormat.DENSE) p.put("rows", k -> k.integer("view rows", 1, Integer.MAX_VALUE));
    p.put("pad", k -> k.integer("pad", Integer.MIN_VALUE, Integer.MAX_VALUE));
    p.put("dims", k -> k.list("dims", DescriptorSyntax::dim));
    TokenCursor.Pairs v = c.keyValues("a dma descriptor", p);
    @SuppressWarnings("unchecked")
    List<Descriptor.DmaDim> dims = (List<Descriptor.DmaDim>) v.get("dims");
    return new Descriptor.DmaDesc(type, dims, v.integer("pad"), format,
        format == StorageFormat.DENSE ? 0 : v.integer("rows"));
  }

  private static String compressedKeywords() {
    return java.util.Arrays.stream(StorageFormat.values()).filter(f -> f != StorageFormat.DENSE)
        .map(StorageFormat::keyword).collect(java.util.stream.Collectors.joining(", "));
  }

  @SuppressWarnings("unchecked")
  private static List<Loop> loopList(TokenCursor.Pairs v) { return (List<Loop>) v.get("loops"); }

  /** none, or loop indices separated by commas, as a mask; each index names one of at most 31 loops. */
  private static Object loopRef(TokenCursor c, String what) {
    if (!c.atEnd() && c.peek().text().equals("none")) {
      c.next("none");
      return 0;
    }
    int mask = 0;
    while (true) {
      int loop = c.integer(what + " loop (a loop index, a list of them separated by commas, or none)", 0, 30);
      mask |= 1 << loop;
      if (c.atEnd() || !c.peek().text().equals(",")) return mask;
      c.expect(',');
    }
  }

  /** [2,0,1]: a PE walk's ranks. */
  private static Object intList(TokenCursor c, String what) {
    return c.list(what, k -> k.integer(what, Integer.MIN_VALUE, Integer.MAX_VALUE)).stream().mapToInt(Integer::intValue)
        .toArray();
  }

  /** A kept part that is all of its loop. */
  private static int all(TokenCursor c) {
    c.next("all");
    return PeWalk.WHOLE;
  }

  private static Object loops(TokenCursor c) {
    return c.list("loops", k -> {
      k.expect('(');
      int extent = k.integer("loop extent", 1, Integer.MAX_VALUE);
      k.expect(':');
      Map<String, Function<TokenCursor, Object>> p = new LinkedHashMap<>();
      for (String s : List.of("dst", "src1", "src2")) {
        p.put(s, x -> x.integer(s + " stride", Integer.MIN_VALUE, Integer.MAX_VALUE));
      }
      TokenCursor.Pairs v = k.keyValues("a loop", p);
      k.expect(')');
      return new Loop(extent, v.integer("dst"), v.integer("src1"), v.integer("src2"));
    });
  }

  private static Descriptor.DmaDim dim(TokenCursor c) {
    c.expect('(');
    Map<String, Function<TokenCursor, Object>> p = new LinkedHashMap<>();
    for (String s : List.of("count", "dram", "buf")) p.put(s, x -> x.integer(s, Integer.MIN_VALUE, Integer.MAX_VALUE));
    p.put("pad", x -> {
      int before = x.integer("pad before", Integer.MIN_VALUE, Integer.MAX_VALUE);
      x.expect(',');
      return new int[] {before, x.integer("pad after", Integer.MIN_VALUE, Integer.MAX_VALUE)};
    });
    TokenCursor.Pairs v = c.keyValues("a DMA dimension", p);
    c.expect(')');
    int[] pad = (int[]) v.get("pad");
    return new Descriptor.DmaDim(v.integer("count"), v.integer("dram"), v.integer("buf"), pad[0], pad[1]);
  }
}
