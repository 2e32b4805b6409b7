// Binary form of the descriptor, symbol and layer tables, written and read side by side so the two cannot
// drift. Descriptor: u8 tag (1 mac, 2 alu, 3 dma, 4 compressed dma: dma's fields then u8 format, i32 view rows),
// then its fields; loop = 4 x i32 (extent, dst, src1, src2),
// DMA dim = 5 x i32; symbol: u8 kind, u8 type, name, u32 rank, i32 dims, u64 address; layer: name, op, i32 x2.
package org.tdlc.backend.tdlx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Loop;
import org.tdlc.backend.isa.ProgramInfo;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.machine.PeWalk;

final class TdlxTables {
  private static final int TAG_MAC = 1;
  private static final int TAG_ALU = 2;
  private static final int TAG_DMA = 3;
  private static final int TAG_COMPRESSED_DMA = 4;
  private static final int TAG_MAC_INIT = 5;
  /** A MAC (6) or a MAC that starts its accumulators (7) with a pinned PE walk after its loops (version 4). */
  private static final int TAG_MAC_PE = 6;
  private static final int TAG_MAC_INIT_PE = 7;

  private TdlxTables() {}

  static byte[] writeDescriptors(List<Descriptor> descriptors) {
    ByteSink s = new ByteSink().i32(descriptors.size());
    for (Descriptor d : descriptors) {
      if (d instanceof Descriptor.MacDesc m) {
        int tag = m.pe().isRule() ? (m.init() ? TAG_MAC_INIT : TAG_MAC) : (m.init() ? TAG_MAC_INIT_PE : TAG_MAC_PE);
        s.u8(tag).u8(TdlxFormat.typeCode(m.a())).u8(TdlxFormat.typeCode(m.b())).i32(m.rowLoops()).i32(m.colLoops());
        loops(s, m.loops());
        if (!m.pe().isRule()) {
          // the walk: ranks per loop (count -1: the rule's), per per-PE level the part of each loop it keeps (count -1:
          // the rule's; levels -1: none pinned), bypass, per per-PE level its order (count -1: the walk's; levels -1:
          // none)
          ints(s, m.pe().rank());
          rows(s, m.pe().keep());
          s.i32(m.pe().bypass());
          rows(s, m.pe().order());
        }
      } else if (d instanceof Descriptor.AluDesc a) {
        s.u8(TAG_ALU).u8(TdlxFormat.aluCode(a.op())).u8(TdlxFormat.typeCode(a.dstType()))
            .u8(TdlxFormat.typeCode(a.src1Type())).u8(TdlxFormat.typeCode(a.src2Type())).i32(a.imm());
        loops(s, a.loops());
      } else if (d instanceof Descriptor.DmaDesc m) {
        s.u8(m.compressed() ? TAG_COMPRESSED_DMA : TAG_DMA).u8(TdlxFormat.typeCode(m.type())).i32(m.padValue())
            .i32(m.dims().size());
        for (Descriptor.DmaDim x : m.dims()) {
          s.i32(x.count()).i32(x.dramStride()).i32(x.bufStride()).i32(x.padBefore()).i32(x.padAfter());
        }
        if (m.compressed()) s.u8(m.format().ordinal()).i32(m.rows());
      }
    }
    return s.toByteArray();
  }

  private static void ints(ByteSink s, int[] values) {
    s.i32(values == null ? -1 : values.length);
    if (values != null) for (int v : values) s.i32(v);
  }

  private static void rows(ByteSink s, int[][] rows) {
    s.i32(rows == null ? -1 : rows.length);
    if (rows != null) for (int[] row : rows) ints(s, row);
  }

  private static int[][] rows(ByteSource in, String what, String does) {
    int levels = in.i32(what);
    if (levels < -1 || levels > 64) throw new TdlxException(what + " " + does + " in " + levels + " levels (at most 64)");
    int[][] out = levels < 0 ? null : new int[levels][];
    for (int j = 0; j < levels; j++) out[j] = ints(in, what);
    return out;
  }

  private static int[] ints(ByteSource in, String what) {
    int n = in.i32(what);
    if (n == -1) return null;
    if (n < 0 || n > 64) throw new TdlxException(what + " has a PE walk of " + n + " entries (at most 64)");
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = in.i32(what);
    return out;
  }

  private static void loops(ByteSink s, List<Loop> loops) {
    s.i32(loops.size());
    for (Loop l : loops) s.i32(l.extent()).i32(l.dst()).i32(l.src1()).i32(l.src2());
  }

  static List<Descriptor> readDescriptors(ByteSource in, int version) {
    int n = in.count("descriptors", 1);
    List<Descriptor> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String what = "descriptor d" + i;
      int tag = in.u8(what);
      switch (tag) {
        case TAG_MAC, TAG_MAC_INIT, TAG_MAC_PE, TAG_MAC_INIT_PE -> {
          ElementType a = type(in, what);
          ElementType b = type(in, what);
          int row = in.i32(what);
          int col = in.i32(what);
          if (version < TdlxFormat.MASKS_SINCE) {            // one loop index per axis, -1 for none
            row = row < 0 || row > 30 ? 0 : 1 << row;
            col = col < 0 || col > 30 ? 0 : 1 << col;
          }
          List<Loop> loops = loops(in, what);
          PeWalk pe = PeWalk.RULE;
          if (tag == TAG_MAC_PE || tag == TAG_MAC_INIT_PE) {
            int[] rank = ints(in, what);
            int[][] keep = rows(in, what, "keeps parts");
            int bypass = in.i32(what);
            int[][] order = version < TdlxFormat.ORDERS_SINCE ? null : rows(in, what, "orders loops");
            pe = new PeWalk(rank, keep, bypass, order);
          }
          out.add(new Descriptor.MacDesc(a, b, loops, row, col, tag == TAG_MAC_INIT || tag == TAG_MAC_INIT_PE, pe));
        }
        case TAG_ALU -> {
          int code = in.u8(what);
          AluOp op = TdlxFormat.aluOf(code);
          if (op == null) throw new TdlxException(what + " has an unknown ALU operation code " + code);
          ElementType dst = type(in, what);
          ElementType src1 = type(in, what);
          ElementType src2 = type(in, what);
          int imm = in.i32(what);
          out.add(new Descriptor.AluDesc(op, dst, src1, src2, imm, loops(in, what)));
        }
        case TAG_DMA, TAG_COMPRESSED_DMA -> {
          ElementType t = type(in, what);
          int pad = in.i32(what);
          int dims = in.count("dimensions of " + what, 20);
          List<Descriptor.DmaDim> list = new ArrayList<>(dims);
          for (int k = 0; k < dims; k++) {
            list.add(new Descriptor.DmaDim(in.i32(what), in.i32(what), in.i32(what), in.i32(what), in.i32(what)));
          }
          StorageFormat format = StorageFormat.DENSE;
          if (tag == TAG_COMPRESSED_DMA) {
            int code = in.u8(what);
            if (code < 1 || code >= StorageFormat.values().length) {
              throw new TdlxException(what + " has an unknown storage format code " + code);
            }
            format = StorageFormat.values()[code];
          }
          int rows = tag == TAG_COMPRESSED_DMA ? in.i32(what) : 0;
          out.add(new Descriptor.DmaDesc(t, list, pad, format, rows));
        }
        default -> throw new TdlxException(what + " has an unknown kind tag " + tag
            + " (expected 1 mac, 2 alu, 3 dma, 4 compressed dma, 5 mac init, 6 and 7 the same with a PE walk)");
      }
    }
    in.expectEnd();
    return out;
  }

  private static List<Loop> loops(ByteSource in, String what) {
    int n = in.count("loops of " + what, 16);
    List<Loop> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int extent = in.i32(what);
      if (extent < 1) {
        throw new TdlxException(what + ": loop " + k + " has extent " + extent + "; extents must be positive");
      }
      out.add(new Loop(extent, in.i32(what), in.i32(what), in.i32(what)));
    }
    return out;
  }

  private static ElementType type(ByteSource in, String what) {
    int code = in.u8(what);
    ElementType t = TdlxFormat.typeOf(code);
    if (t == null) throw new TdlxException(what + " has an unknown element type code " + code);
    return t;
  }

  static byte[] writeSymbols(List<Symbol> symbols) {
    ByteSink s = new ByteSink().i32(symbols.size());
    for (Symbol sym : symbols) {
      s.u8(sym.kind() == Symbol.Kind.INPUT ? 1 : 2).u8(TdlxFormat.typeCode(sym.type()));
      s.string(sym.name(), "symbol name");
      s.i32(sym.shape().size());
      for (int d : sym.shape()) s.i32(d);
      s.u64(sym.dramAddr());
    }
    return s.toByteArray();
  }

  static List<Symbol> readSymbols(ByteSource in) {
    int n = in.count("symbols", 18);
    List<Symbol> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String what = "symbol " + i;
      int kind = in.u8(what);
      if (kind != 1 && kind != 2) {
        throw new TdlxException(what + " has an unknown kind " + kind + " (1 input, 2 output)");
      }
      ElementType type = type(in, what);
      String name = in.string(what + " name");
      int rank = in.count("dimensions of " + what, 4);
      List<Integer> shape = new ArrayList<>(rank);
      for (int k = 0; k < rank; k++) shape.add(in.i32(what));
      out.add(new Symbol(name, kind == 1 ? Symbol.Kind.INPUT : Symbol.Kind.OUTPUT, type, shape, in.u64(what)));
    }
    in.expectEnd();
    return out;
  }

  static byte[] writeLayers(List<Layer> layers) {
    ByteSink s = new ByteSink().i32(layers.size());
    for (Layer l : layers) s.string(l.name(), "layer name").string(l.op(), "layer op").i32(l.first()).i32(l.last());
    return s.toByteArray();
  }

  static List<Layer> readLayers(ByteSource in) {
    int n = in.count("layers", 16);
    List<Layer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String what = "layer " + i;
      out.add(new Layer(in.string(what + " name"), in.string(what + " op"), in.i32(what), in.i32(what)));
    }
    in.expectEnd();
    return out;
  }

  /** The info section: model, pipeline, then per layer that reads weights its name and each weight's format. */
  static byte[] writeInfo(ProgramInfo info) {
    ByteSink s = new ByteSink().string(info.model(), "model name").string(info.pipeline(), "pipeline");
    s.i32(info.formats().size());
    for (var layer : info.formats().entrySet()) {
      s.string(layer.getKey(), "layer name").i32(layer.getValue().size());
      for (var w : layer.getValue().entrySet()) s.string(w.getKey(), "weight name").string(w.getValue(), "format");
    }
    return s.toByteArray();
  }

  static ProgramInfo readInfo(ByteSource in) {
    String model = in.string("model name");
    String pipeline = in.string("pipeline");
    int n = in.count("layers with weight formats", 8);
    Map<String, Map<String, String>> formats = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String layer = in.string("formats of layer " + i);
      int k = in.count("weights of layer " + layer, 8);
      Map<String, String> weights = new LinkedHashMap<>();
      for (int j = 0; j < k; j++) {
        String weight = in.string("weight name");
        String format = in.string("format of weight " + weight);
        if (StorageFormat.parse(format).isEmpty()) {
          throw new TdlxException("info: weight " + weight + " of layer " + layer + " has an unknown format '"
              + format + "'");
        }
        if (weights.put(weight, format) != null) {
          throw new TdlxException("info: weight " + weight + " of layer " + layer + " appears twice");
        }
      }
      if (formats.put(layer, weights) != null) throw new TdlxException("info: layer " + layer + " appears twice");
    }
    in.expectEnd();
    return new ProgramInfo(model, pipeline, formats);
  }
}
