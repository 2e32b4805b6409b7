// Typing rules of the ops at a model's edges: inputs, weights and the output list.
package org.tdlc.ir.ops;

import java.util.List;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.ir.type.TensorType;

final class Sources {
  private Sources() {}

  static final OpDef INPUT = new BaseOpDef("tdl.input", "a model input, fed at run time") {
    @Override public boolean declaresResult() { return true; }

    public TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
      OpChecks.arity("input", in, 0, 0);
      attrs.getString("name");
      return declared;
    }
  };

  static final OpDef WEIGHT = new BaseOpDef("tdl.weight",
      "a constant tensor: init random (seeded, optional exact density), zeros, or a .npy file") {
    @Override public boolean declaresResult() { return true; }

    public TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
      OpChecks.arity("weight", in, 0, 0);
      attrs.getString("name");
      String init = attrs.getString("init");
      switch (init) {
        case "random" -> attrs.getInt("seed");
        case "zeros" -> { }
        case "file" -> attrs.getString("path");
        default -> throw new OpTypeException("weight: init must be random, zeros or file, got '" + init + "'");
      }
      if (attrs.has("density")) {
        double d = attrs.getFloat("density");
        if (!(d >= 0 && d <= 1)) throw new OpTypeException("weight: density must be in [0, 1], got " + d);
        if (!init.equals("random")) {
          throw new OpTypeException("weight: density applies to init random only, not init " + init);
        }
      }
      if (attrs.has("format")) {
        String f = attrs.getString("format");
        if (StorageFormat.parse(f).isEmpty()) {
          throw new OpTypeException("weight: unknown format '" + f + "' (expected one of "
              + StorageFormat.allKeywords() + ")");
        }
      }
      return declared;
    }
  };

  static final OpDef OUTPUT = new BaseOpDef("tdl.output", "the model's outputs, in order, with their names") {
    @Override public boolean hasResult() { return false; }

    public TensorType infer(List<TensorType> in, DictAttr attrs, TensorType declared) {
      List<String> names = attrs.getStrings("names");
      if (in.isEmpty()) throw new OpTypeException("output: a model needs at least one output");
      if (names.size() != in.size()) {
        throw new OpTypeException("output: " + in.size() + " operands but " + names.size() + " names");
      }
      return null;
    }
  };
}
