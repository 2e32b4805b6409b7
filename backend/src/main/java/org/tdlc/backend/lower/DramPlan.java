// DRAM layout of one model: the data segment at address 0 holds every weight (dense, row-major, little-endian
// at its natural width), then come the inputs, then every op result, each 64-byte aligned. reshape and
// flatten alias their operand; an output whose storage is an input, a weight or another output's gets a
// buffer of its own and a copy, so every symbol owns its bytes.
package org.tdlc.backend.lower;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.interp.InterpreterException;
import org.tdlc.ir.interp.WeightLoader;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

final class DramPlan {
  static final int ALIGN = 64;

  /** An output that must be copied out of storage it does not own. */
  record Copy(String name, Value source, long from, long to) {}

  private final Map<Value, Long> addresses = new IdentityHashMap<>();
  private final Map<Value, Value> roots = new IdentityHashMap<>();
  private final List<Symbol> symbols = new ArrayList<>();
  private final List<Copy> copies = new ArrayList<>();
  private byte[] dataSegment;
  private long top;

  private DramPlan() {}

  static DramPlan of(Model model, WeightLoader weights) {
    DramPlan p = new DramPlan();
    p.placeWeights(model, weights);
    for (Operation op : model.ops(Ops.INPUT)) {
      p.place(op.result());
      p.symbols.add(symbol(op.attributes().getString("name"), Symbol.Kind.INPUT, op.result(), p.address(op.result())));
    }
    for (Operation op : model.ops()) {
      if (op.is(Ops.INPUT) || op.is(Ops.WEIGHT) || op.is(Ops.OUTPUT)) continue;
      if (aliases(op)) {
        p.addresses.put(op.result(), p.address(op.operand(0)));
        p.roots.put(op.result(), p.roots.get(op.operand(0)));
      } else {
        p.place(op.result());
      }
    }
    for (Operation op : model.ops(Ops.OUTPUT)) p.placeOutputs(op);
    p.top = align(p.top);
    return p;
  }

  /** reshape and flatten keep the row-major order, so their result is their operand's bytes. */
  static boolean aliases(Operation op) { return op.is(Ops.RESHAPE) || op.is(Ops.FLATTEN); }

  long address(Value v) {
    Long a = addresses.get(v);
    if (a == null) throw new IllegalStateException("no DRAM address for " + v);
    return a;
  }

  byte[] dataSegment() { return dataSegment; }
  long dramSize() { return top; }
  List<Symbol> symbols() { return List.copyOf(symbols); }
  List<Copy> copies() { return List.copyOf(copies); }

  private void placeWeights(Model model, WeightLoader weights) {
    List<Operation> ws = model.ops(Ops.WEIGHT);
    List<Tensor> data = new ArrayList<>();
    for (Operation w : ws) {
      try {
        data.add(weights.load(w));
      } catch (InterpreterException e) {
        throw new LoweringException(e.location(), e.getMessage());
      }
      place(w.result());
    }
    dataSegment = new byte[(int) top];
    ByteBuffer buf = ByteBuffer.wrap(dataSegment).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < ws.size(); i++) {
      Tensor t = data.get(i);
      int at = (int) address(ws.get(i).result());
      int bytes = t.element().bytes();
      for (int j = 0; j < t.elementCount(); j++) {
        int v = t.at(j), off = at + j * bytes;
        switch (bytes) {
          case 1 -> buf.put(off, (byte) v);
          case 2 -> buf.putShort(off, (short) v);
          default -> buf.putInt(off, v);
        }
      }
    }
  }

  private void placeOutputs(Operation output) {
    List<String> names = output.attributes().getStrings("names");
    Set<Value> claimed = new HashSet<>();
    for (int j = 0; j < names.size(); j++) {
      Value v = output.operand(j);
      Value root = roots.get(v);
      Operation def = root.definingOp();
      long at = address(v);
      if (def.is(Ops.INPUT) || def.is(Ops.WEIGHT) || !claimed.add(root)) {
        long to = place(null, v.type());
        copies.add(new Copy(names.get(j), v, at, to));
        at = to;
      }
      symbols.add(symbol(names.get(j), Symbol.Kind.OUTPUT, v, at));
    }
  }

  private void place(Value v) {
    addresses.put(v, place(v, v.type()));
    roots.put(v, v);
  }

  private long place(Value v, TensorType type) {
    top = align(top);
    long at = top;
    top += (long) type.shape().elementCount() * type.element().bytes();
    if (top > Integer.MAX_VALUE && v != null && v.definingOp().is(Ops.WEIGHT)) {
      throw new LoweringException(v.definingOp().location(), "weights exceed 2 GiB of data segment");
    }
    return at;
  }

  private static Symbol symbol(String name, Symbol.Kind kind, Value v, long at) {
    return new Symbol(name, kind, v.type().element(), v.type().shape().asList(), at);
  }

  private static long align(long x) { return (x + ALIGN - 1) / ALIGN * ALIGN; }
}
