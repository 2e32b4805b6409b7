// DRAM layout of one model: the data segment at address 0 holds every weight (dense, row-major, little-endian
// at its natural width; a weight whose type carries a compressed format and whose every reader is tiled
// directly has no dense copy: its tiles become compressed blocks, see CompressedBlocks), then come the inputs, then the op results, each 64-byte aligned; an intermediate
// takes the bytes of one whose last reader has run. reshape and flatten alias their operand; an output whose
// storage is an input, a weight or another output's gets a buffer of its own and a copy, so every symbol
// owns its bytes.
package org.tdlc.backend.lower;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tdlc.backend.isa.IsaLayout;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Users;
import org.tdlc.ir.Value;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.interp.InterpreterException;
import org.tdlc.ir.interp.WeightLoader;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.target.MemoryLevel;
import org.tdlc.ir.target.Quantities;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.ir.type.TensorType;
import org.tdlc.machine.StoredFormats;

final class DramPlan {
  static final int ALIGN = 64;
  /** The most DRAM a program addresses: what the ISA's DRAM address fields reach. */
  static final long MAX_DRAM = 1L << IsaLayout.MAX_DRAM_BITS;
  /** The most bytes of weights stored dense: the data segment is one Java array, written whole into the .tdlx. */
  static final long MAX_DATA_SEGMENT = MemoryLevel.MAX_BYTES;

  /** An output that must be copied out of storage it does not own. */
  record Copy(String name, Value source, long from, long to) {}

  private final Map<Value, Long> addresses = new IdentityHashMap<>();
  private final Map<Value, Value> roots = new IdentityHashMap<>();
  private final List<Symbol> symbols = new ArrayList<>();
  private final List<Copy> copies = new ArrayList<>();
  private final Set<Value> released = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  /** Compressed weights: their format (their data is loaded by stored, layer by layer). */
  private final Map<Value, StorageFormat> compressed = new IdentityHashMap<>();
  private WeightLoader weights;
  private byte[] dataSegment;
  private long top;
  private DramAllocator heap;

  private DramPlan() {}

  static DramPlan of(Model model, WeightLoader weights) {
    DramPlan p = new DramPlan();
    p.placeWeights(model, weights);
    for (Operation op : model.ops(Ops.INPUT)) {
      p.place(op.result());
      p.symbols.add(symbol(op.attributes().getString("name"), Symbol.Kind.INPUT, op.result(), p.address(op.result())));
    }
    p.heap = new DramAllocator(p.top, ALIGN);
    Map<Value, Integer> lastUse = lastUses(model);
    for (int i = 0; i < model.ops().size(); i++) {
      Operation op = model.ops().get(i);
      if (op.is(Ops.INPUT) || op.is(Ops.WEIGHT)) continue;
      if (op.is(Ops.OUTPUT)) {
        p.placeOutputs(op);
        continue;
      }
      if (aliases(op)) {
        p.addresses.put(op.result(), p.address(op.operand(0)));
        p.roots.put(op.result(), p.roots.get(op.operand(0)));
      } else {
        p.addresses.put(op.result(), p.heap.allocate(bytes(op.result().type())));
        p.roots.put(op.result(), op.result());
      }
      p.releaseIfDead(op.result(), i, lastUse);
      for (Value v : op.operands()) p.releaseIfDead(v, i, lastUse);
    }
    p.top = align(p.heap.top());
    if (p.top > MAX_DRAM) {
      throw new LoweringException(model.location(), "model " + model.name() + " needs " + p.top + " bytes of DRAM "
          + "for its weights, inputs and results; DRAM addresses reach at most " + Quantities.bytes(MAX_DRAM)
          + " (" + MAX_DRAM + " bytes)");
    }
    return p;
  }

  /** Frees an op result's storage once the last reader of its root (through any alias) is op {@code i}. */
  private void releaseIfDead(Value v, int i, Map<Value, Integer> lastUse) {
    Value root = roots.get(v);
    Operation def = root.definingOp();
    if (def.is(Ops.INPUT) || def.is(Ops.WEIGHT) || lastUse.get(root) != i || !released.add(root)) return;
    heap.release(address(root), bytes(root.type()));
  }

  /** Per storage root, the index of the last op reading it or any alias of it (its own index if none does). */
  private static Map<Value, Integer> lastUses(Model model) {
    Map<Value, Value> root = new IdentityHashMap<>();
    Map<Value, Integer> last = new IdentityHashMap<>();
    List<Operation> ops = model.ops();
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      for (Value v : op.operands()) last.put(root.get(v), i);
      if (op.results().isEmpty()) continue;
      Value r = aliases(op) ? root.get(op.operand(0)) : op.result();
      root.put(op.result(), r);
      last.merge(r, i, Math::max);
    }
    return last;
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

  /**
   * Places every weight, then writes the dense ones into the data segment one at a time: a model's weights are
   * never all loaded at once (VGG-16's 138 M would not fit a 1 GiB heap as ints). A compressed weight has no
   * bytes here; its data is loaded when the layer reading it is lowered (stored).
   */
  private void placeWeights(Model model, WeightLoader weights) {
    this.weights = weights;
    List<Operation> ws = model.ops(Ops.WEIGHT);
    Users users = Users.of(model);
    for (Operation w : ws) {
      if (StoredFormats.storedCompressed(users, w.result())) {
        compressed.put(w.result(), w.result().type().format());
        addresses.put(w.result(), top);
        roots.put(w.result(), w.result());
      } else {
        place(w.result());
      }
    }
    dataSegment = new byte[(int) top];
    ByteBuffer buf = ByteBuffer.wrap(dataSegment).order(ByteOrder.LITTLE_ENDIAN);
    for (Operation w : ws) {
      if (compressed.containsKey(w.result())) continue;
      Tensor t = load(w);
      int at = (int) address(w.result());
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

  private Tensor load(Operation w) {
    try {
      return weights.load(w);
    } catch (InterpreterException e) {
      throw new LoweringException(e.location(), e.getMessage());
    }
  }

  /** The compressed storage of a weight, or null when it is stored dense. */
  TiledOp.Stored stored(Value v) {
    StorageFormat f = compressed.get(v);
    return f == null ? null : new TiledOp.Stored(f, load(v.definingOp()));
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
        long to = heap.allocate(bytes(v.type()));
        copies.add(new Copy(names.get(j), v, at, to));
        at = to;
      }
      symbols.add(symbol(names.get(j), Symbol.Kind.OUTPUT, v, at));
    }
  }

  /** Weights and inputs: bump allocation, never freed. */
  private void place(Value v) {
    top = align(top);
    addresses.put(v, top);
    roots.put(v, v);
    top += bytes(v.type());
    if (top > MAX_DATA_SEGMENT && v.definingOp().is(Ops.WEIGHT)) {
      throw new LoweringException(v.definingOp().location(), "the weights up to this one need " + top + " bytes; "
          + "a program's data segment (its dense weights, one array in the program and its .tdlx file) holds at most "
          + Quantities.bytes(MAX_DATA_SEGMENT) + " (" + MAX_DATA_SEGMENT + " bytes)");
    }
  }

  private static long bytes(TensorType t) { return (long) t.shape().elementCount() * t.element().bytes(); }

  private static Symbol symbol(String name, Symbol.Kind kind, Value v, long at) {
    return new Symbol(name, kind, v.type().element(), v.type().shape().asList(), at);
  }

  private static long align(long x) { return (x + ALIGN - 1) / ALIGN * ALIGN; }
}
