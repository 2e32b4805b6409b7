// The ops at a model's edges: inputs, weights and the output list. The interpreter binds them to the run's
// inputs, the weight data and the result map rather than computing them, so they have no kernel.
package org.tdlc.ir.ops;

import static org.tdlc.ir.ops.OpDef.none;
import static org.tdlc.ir.ops.OpDef.required;

import java.util.List;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.ops.OpDef.Family;
import org.tdlc.ir.ops.OpDef.ResultRule.Mode;
import org.tdlc.ir.ops.OperandSpec.Arity;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.ir.type.TensorType;

final class Sources {
  private Sources() {}

  static final OpDef INPUT = OpDef.op(Family.BOUNDARY, Ops.INPUT)
      .internal("name", AttrKind.STRING, required(), "the input's name, as `--input NAME=FILE.npy` gives it")
      .result(Mode.DECLARED, "as declared: `input NAME : TYPE;`", (in, at, d) -> d)
      .doc("a model input, fed at run time")
      .build();

  static final OpDef WEIGHT = OpDef.op(Family.BOUNDARY, Ops.WEIGHT)
      .internal("name", AttrKind.STRING, required(), "the weight's name")
      .internal("init", AttrKind.STRING, required(), "random, zeros or file")
      .internal("seed", AttrKind.INT, none(), "the seed of init random")
      .internal("density", AttrKind.FLOAT, none(), "init random only: exactly round(density * elements) non-zeros")
      .internal("path", AttrKind.STRING, none(), "init file: the .npy file, relative to the .tdl file")
      .internal("format", AttrKind.STRING, none(), "the storage format pinned by `format F`")
      .result(Mode.DECLARED, "as declared: `weight NAME : TYPE ...;`", Sources::weight)
      .doc("a constant tensor: init random (seeded, optional exact density), zeros, or a .npy file")
      .build();

  static final OpDef OUTPUT = OpDef.op(Family.BOUNDARY, Ops.OUTPUT)
      .operand("values", Arity.VARIADIC)
      .internal("names", AttrKind.STRINGS, required(), "one name per operand, in order")
      .result(Mode.NONE, "none", Sources::output)
      .doc("the model's outputs, in order, with their names; the last op of a model")
      .build();

  private static TensorType weight(List<TensorType> in, DictAttr attrs, TensorType declared) {
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

  private static TensorType output(List<TensorType> in, DictAttr attrs, TensorType declared) {
    List<String> names = attrs.getStrings("names");
    if (in.isEmpty()) throw new OpTypeException("output: a model needs at least one output");
    if (names.size() != in.size()) {
      throw new OpTypeException("output: " + in.size() + " operands but " + names.size() + " names");
    }
    return null;
  }
}
