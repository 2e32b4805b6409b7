// Modules built in Java for the text, verifier and graph tests: one model using every op kind,
// with formats, fused and unknown locations, a three-operand conv2d epilogue and einsum maps.
package org.tdlc.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tdlc.ir.attr.AffineExpr;
import org.tdlc.ir.attr.AffineMap;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.ops.Einsum;
import org.tdlc.ir.ops.Epilogue;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.ir.type.TensorType;

public final class SampleModules {
  public static final String FILE = "zoo.tdl";

  private SampleModules() {}

  /** Appends ops to a list, each at the next line of zoo.tdl unless given a location. */
  public static final class Builder {
    public final List<Operation> ops = new ArrayList<>();
    private int line = 2;

    public Value op(String name, String hint, TensorType type, Map<String, Attribute> attrs, Value... operands) {
      return op(name, hint, type, attrs, Location.of(FILE, line, 3), operands);
    }

    public Value op(String name, String hint, TensorType type, Map<String, Attribute> attrs, Location loc,
                    Value... operands) {
      line++;
      Operation op = Operation.create(name, List.of(operands), type, hint, DictAttr.of(attrs), loc);
      ops.add(op);
      return type == null ? null : op.result();
    }

    public void output(Map<String, Value> outputs) {
      op("tdl.output", null, null, Map.of("names", Attribute.strings(List.copyOf(outputs.keySet()))),
          outputs.values().toArray(new Value[0]));
    }
  }

  public static TensorType i8(int... dims) { return TensorType.of(ElementType.I8, dims); }
  public static TensorType i32(int... dims) { return TensorType.of(ElementType.I32, dims); }

  public static AffineMap map(List<String> dims, int[]... rows) {
    List<AffineExpr> exprs = new ArrayList<>();
    for (int[] r : rows) {
      List<Integer> coeffs = new ArrayList<>();
      for (int i = 0; i < dims.size(); i++) coeffs.add(r[i]);
      exprs.add(new AffineExpr(coeffs, r[dims.size()]));
    }
    return new AffineMap(dims, exprs);
  }

  /** A model with every op kind; it verifies. */
  public static Model zoo() {
    Builder b = new Builder();
    Value x = b.op("tdl.input", "x", i8(1, 4, 8, 8), Map.of("name", Attribute.of("x")));
    Value w = b.op("tdl.weight", "w", i8(8, 4, 3, 3).withFormat(StorageFormat.CSR), Map.of("name", Attribute.of("w"),
        "init", Attribute.of("random"), "seed", Attribute.of(7), "density", Attribute.of(0.25),
        "format", Attribute.of("csr")));
    Value res = b.op("tdl.input", "res", i8(1, 8, 8, 8), Map.of("name", Attribute.of("res")));
    Epilogue epi = Epilogue.NONE.then(new Epilogue.Add()).then(new Epilogue.Relu()).then(new Epilogue.Requant(6));
    Value c1 = b.op("tdl.conv2d", "c1", i8(1, 8, 8, 8), Map.of("stride", Attribute.ints(1, 1),
        "pad", Attribute.ints(1, 1), "groups", Attribute.of(1), "epilogue", epi.toAttribute()),
        Location.fuse(List.of(Location.of(FILE, 6, 3), Location.of(FILE, 7, 8), Location.of(FILE, 7, 3))), x, w, res);
    Value mp = b.op("tdl.maxpool", "mp", i8(1, 8, 4, 4), Map.of("kernel", Attribute.ints(2, 2),
        "stride", Attribute.ints(2, 2), "pad", Attribute.ints(0, 0)), c1);
    Value ap = b.op("tdl.avgpool", "ap", i8(1, 8, 2, 2), Map.of("kernel", Attribute.ints(2, 2),
        "stride", Attribute.ints(2, 2)), mp);
    Value f = b.op("tdl.flatten", null, i8(1, 32), Map.of(), ap);
    Value w2 = b.op("tdl.weight", "w2", i8(32, 16), Map.of("name", Attribute.of("w2"), "init", Attribute.of("file"),
        "path", Attribute.of("weights/w2 \"v1\".npy")));
    Value m = b.op("tdl.matmul", "m", i32(1, 16), Map.of(), f, w2);
    Value r = b.op("tdl.relu", null, i32(1, 16), Map.of(), Location.UNKNOWN, m);
    Value q = b.op("tdl.requant", "q", i8(1, 16), Map.of("shift", Attribute.of(4)), r);
    Value rs = b.op("tdl.reshape", "rs", i8(4, 4), Map.of("shape", Attribute.ints(4, 4)), q);
    Value t = b.op("tdl.transpose", "t", i8(4, 4), Map.of("perm", Attribute.ints(1, 0)), rs);
    List<String> ijk = List.of("i", "j", "k");
    Value e = b.op("tdl.einsum", "e", i32(4, 4), Map.of("maps", Einsum.mapsAttribute(List.of(
        map(ijk, new int[] {1, 0, 0, 0}, new int[] {0, 0, 1, 0}),
        map(ijk, new int[] {0, 0, 1, 0}, new int[] {0, 1, 0, 0}),
        map(ijk, new int[] {1, 0, 0, 0}, new int[] {0, 1, 0, 0})))), t, rs);
    Value k = b.op("tdl.weight", "k", i8(2), Map.of("name", Attribute.of("k"), "init", Attribute.of("zeros")));
    List<String> ncpr = List.of("n", "c", "p", "r");
    Value e2 = b.op("tdl.einsum", "e2", i32(1, 4, 3), Map.of("maps", Einsum.mapsAttribute(List.of(
        map(ncpr, new int[] {1, 0, 0, 0, 0}, new int[] {0, 1, 0, 0, 0}, new int[] {0, 0, 2, 1, 0},
            new int[] {0, 0, 0, 0, 3}),
        map(ncpr, new int[] {0, 0, 0, 1, 0}),
        map(ncpr, new int[] {1, 0, 0, 0, 0}, new int[] {0, 1, 0, 0, 0}, new int[] {0, 0, 1, 0, 0})))), x, k);
    Value s = b.op("tdl.add", "s", i32(4, 4), Map.of(), e, e);
    Map<String, Value> outs = new java.util.LinkedHashMap<>();
    outs.put("s", s);
    outs.put("e2", e2);
    outs.put("q", q);
    b.output(outs);
    return new Model("zoo", b.ops, Location.of(FILE, 1, 1));
  }

  public static IrModule zooModule() { return IrModule.of(List.of(zoo()), "shapes", "formats"); }

  /** A sorted attribute map from alternating keys and values, for tests that build ops by hand. */
  public static Map<String, Attribute> attrs(Object... kv) {
    Map<String, Attribute> m = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Attribute) kv[i + 1]);
    return m;
  }
}
