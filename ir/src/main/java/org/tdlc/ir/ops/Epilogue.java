// The elementwise tail fused into a conv2d or matmul by fuse-epilogue: an add, relu and requant, in the
// order they appeared. Stored as the attribute epilogue = [{op = "add"}, {op = "relu"}, ...]; the add's
// other operand is the fused op's third operand, the residual: of the result's shape (a residual add) or
// broadcasting to it as add does (Broadcast: a per-channel bias i32[1, K, 1, 1] of a conv2d, i32[N] of a matmul).
package org.tdlc.ir.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

public record Epilogue(List<Step> steps) {

  public sealed interface Step {
    Attribute toAttribute();
  }

  public record Add() implements Step {
    public Attribute toAttribute() { return DictAttr.of(Map.of("op", Attribute.of("add"))); }
  }

  public record Relu() implements Step {
    public Attribute toAttribute() { return DictAttr.of(Map.of("op", Attribute.of("relu"))); }
  }

  /** requant's rounding shift, saturated into {@code to}: i8, or i16 (written {@code bits = 16}). */
  public record Requant(int shift, ElementType to) implements Step {
    public Requant(int shift) { this(shift, Elementwise.requantTo(Elementwise.REQUANT_BITS)); }

    public Attribute toAttribute() {
      DictAttr d = DictAttr.of(Map.of("op", Attribute.of("requant"), "shift", Attribute.of(shift)));
      return to.bits() == Elementwise.REQUANT_BITS ? d : d.with("bits", Attribute.of(to.bits()));
    }
  }

  public static final Epilogue NONE = new Epilogue(List.of());

  public Epilogue { steps = List.copyOf(steps); }

  public boolean isEmpty() { return steps.isEmpty(); }
  public boolean hasAdd() { return steps.stream().anyMatch(s -> s instanceof Add); }

  public Epilogue then(Step s) {
    List<Step> l = new ArrayList<>(steps);
    l.add(s);
    return new Epilogue(l);
  }

  public Attribute toAttribute() { return new Attribute.ArrayAttr(steps.stream().map(Step::toAttribute).toList()); }

  /** Reads the epilogue attribute of an op; absent means none. */
  public static Epilogue of(DictAttr attrs) {
    if (!attrs.has("epilogue")) return NONE;
    List<Step> steps = new ArrayList<>();
    for (Attribute a : attrs.getArray("epilogue")) {
      if (!(a instanceof DictAttr d)) throw new OpTypeException("epilogue steps must be dictionaries, got " + a);
      String op = d.getString("op");
      steps.add(switch (op) {
        case "add" -> new Add();
        case "relu" -> new Relu();
        case "requant" -> new Requant(Elementwise.checkShift(d.getInt("shift")),
            Elementwise.requantTo(d.has("bits") ? d.getInt("bits") : Elementwise.REQUANT_BITS));
        default -> throw new OpTypeException("unknown epilogue step '" + op + "' (expected add, relu or requant)");
      });
    }
    if (steps.stream().filter(s -> s instanceof Add).count() > 1) {
      throw new OpTypeException("an epilogue holds at most one residual add");
    }
    return new Epilogue(steps);
  }

  /** The type after the epilogue, given the base op's result and the residual operand's type if any. */
  public TensorType resultType(TensorType base, TensorType residual) {
    if (hasAdd() != (residual != null)) {
      throw new OpTypeException(hasAdd() ? "epilogue has an add but the op has no residual operand"
          : "op has a third operand but its epilogue has no add");
    }
    TensorType t = base;
    for (Step s : steps) {
      if (s instanceof Add) {
        TensorType sum = Elementwise.addType(t, residual);
        if (!sum.shape().equals(t.shape())) {
          throw new OpTypeException("a fused add needs a residual of the result's shape " + t.toSourceString()
              + " or one that broadcasts to it, got " + residual.toSourceString());
        }
        t = sum;
      }
      else if (s instanceof Requant rq) t = t.withElement(rq.to());
    }
    return t;
  }
}
