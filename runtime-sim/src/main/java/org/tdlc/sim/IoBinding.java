// Moves a program's inputs into DRAM and its outputs out of it: row-major, little-endian, each element as
// wide as its symbol's type. Inputs are checked first (missing, unexpected, wrong type or shape), because
// a silent mismatch would make every later comparison meaningless.
package org.tdlc.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.Shape;
import org.tdlc.ir.type.TensorType;

final class IoBinding {
  private IoBinding() {}

  static void writeInputs(Program p, Map<String, Tensor> inputs, Dram dram) {
    List<String> missing = new ArrayList<>();
    TreeSet<String> extra = new TreeSet<>(inputs.keySet());
    for (Symbol s : p.symbols()) {
      if (s.kind() != Symbol.Kind.INPUT) continue;
      extra.remove(s.name());
      Tensor t = inputs.get(s.name());
      if (t == null) {
        missing.add(s.name());
        continue;
      }
      TensorType expected = TensorType.of(s.type(), Shape.of(s.shape()));
      if (!expected.sameValues(t.type())) {
        throw new SimulationException("input '" + s.name() + "': expected " + expected.toSourceString() + ", got "
            + t.type().toSourceString());
      }
    }
    if (!missing.isEmpty()) throw new SimulationException("missing input(s): " + String.join(", ", missing));
    if (!extra.isEmpty()) throw new SimulationException("unexpected input(s): " + String.join(", ", extra));
    for (Symbol s : p.symbols()) {
      if (s.kind() == Symbol.Kind.INPUT) write(inputs.get(s.name()).sharedArray(), s, dram);
    }
  }

  private static void write(int[] values, Symbol s, Dram dram) {
    int size = s.type().bytes();
    byte[] bytes = new byte[values.length * size];
    for (int i = 0; i < values.length; i++) Memory.write(bytes, i * size, size, values[i]);
    dram.write(s.dramAddr(), bytes, 0, bytes.length);
  }

  static Map<String, Tensor> readOutputs(Program p, Dram dram) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Symbol s : p.symbols()) {
      if (s.kind() != Symbol.Kind.OUTPUT) continue;
      int[] values = new int[(int) s.elementCount()];
      int size = s.type().bytes();
      byte[] bytes = new byte[values.length * size];
      dram.read(s.dramAddr(), bytes, 0, bytes.length);
      for (int i = 0; i < values.length; i++) values[i] = Memory.read(bytes, i * size, size);
      out.put(s.name(), Tensor.wrapped(TensorType.of(s.type(), Shape.of(s.shape())), values));
    }
    return out;
  }
}
