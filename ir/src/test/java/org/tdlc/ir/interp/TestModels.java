// Builds small models with Operation.create for the interpreter tests, typing every op through its
// registered rule (ops/Ops), so a test also exercises the same typing the frontend uses.
package org.tdlc.ir.interp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tdlc.ir.Location;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

final class TestModels {
  private TestModels() {}

  /** Attributes from key, value pairs: Integer/Long, int[], String, Double, or any Attribute. */
  static DictAttr attrs(Object... kv) {
    Map<String, Attribute> m = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], attribute(kv[i + 1]));
    return DictAttr.of(m);
  }

  private static Attribute attribute(Object v) {
    if (v instanceof Attribute a) return a;
    if (v instanceof Integer i) return Attribute.of(i.longValue());
    if (v instanceof Long l) return Attribute.of(l.longValue());
    if (v instanceof int[] ints) return Attribute.ints(ints);
    if (v instanceof String s) return Attribute.of(s);
    if (v instanceof Double d) return Attribute.of(d.doubleValue());
    throw new IllegalArgumentException("no attribute for " + v);
  }

  static TensorType type(ElementType e, int... dims) { return TensorType.of(e, dims); }

  static Tensor tensor(ElementType e, int[] dims, int... values) { return Tensor.of(TensorType.of(e, dims), values); }

  /** Runs one op on the given operands (fed as inputs in0, in1, ...) and returns its result. */
  static Tensor eval(String op, DictAttr attrs, Tensor... operands) { return eval(op, attrs, null, operands); }

  /** As eval, for ops that declare their result type (einsum). */
  static Tensor eval(String op, DictAttr attrs, TensorType declared, Tensor... operands) {
    Builder b = new Builder("single");
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    List<Value> vs = new ArrayList<>();
    for (int i = 0; i < operands.length; i++) {
      vs.add(b.input("in" + i, operands[i].type()));
      inputs.put("in" + i, operands[i]);
    }
    Value y = b.op(op, attrs, declared, vs.toArray(new Value[0]));
    return new Interpreter().run(b.output(Map.of("y", y)), inputs).get("y");
  }

  /** Accumulates ops in order and closes the model with a tdl.output. */
  static final class Builder {
    private final String name;
    private final List<Operation> ops = new ArrayList<>();

    Builder(String name) { this.name = name; }

    Value input(String n, TensorType t) {
      return add(Operation.create(Ops.INPUT, List.of(), t, n, attrs("name", n), Location.UNKNOWN));
    }

    Value weight(String n, TensorType t, Object... kv) {
      Object[] all = Arrays.copyOf(kv, kv.length + 2);
      all[kv.length] = "name";
      all[kv.length + 1] = n;
      return add(Operation.create(Ops.WEIGHT, List.of(), t, n, attrs(all), Location.of("/nowhere/m.tdl", 3, 1)));
    }

    Value op(String op, DictAttr attrs, TensorType declared, Value... operands) {
      List<TensorType> types = Arrays.stream(operands).map(Value::type).toList();
      TensorType t = Ops.lookup(op).orElseThrow().infer(types, attrs, declared);
      return add(Operation.create(op, List.of(operands), t, null, attrs, Location.UNKNOWN));
    }

    Value op(String op, DictAttr attrs, Value... operands) { return op(op, attrs, null, operands); }

    Model output(Map<String, Value> outputs) {
      List<String> names = new ArrayList<>(new java.util.TreeSet<>(outputs.keySet()));
      List<Value> vs = names.stream().map(outputs::get).toList();
      ops.add(Operation.create(Ops.OUTPUT, vs, null, null, attrs("names", Attribute.strings(names)), Location.UNKNOWN));
      return new Model(name, ops, Location.UNKNOWN);
    }

    Model output(List<String> names, List<Value> values) {
      ops.add(Operation.create(Ops.OUTPUT, values, null, null, attrs("names", Attribute.strings(names)),
          Location.UNKNOWN));
      return new Model(name, ops, Location.UNKNOWN);
    }

    private Value add(Operation op) {
      ops.add(op);
      return op.result();
    }
  }
}
