// An operation: a name such as tdl.conv2d, SSA operands, typed results, a sorted attribute
// dictionary and a location. Operations are immutable; passes rewrite by building new ones.
package org.tdlc.ir;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.type.TensorType;

public final class Operation {
  private final String name;
  private final List<Value> operands;
  private final List<Value> results;
  private final DictAttr attributes;
  private final Location location;

  private Operation(String name, List<Value> operands, List<TensorType> resultTypes, List<String> resultNames,
                    DictAttr attributes, Location location) {
    this.name = name;
    this.operands = List.copyOf(operands);
    this.attributes = attributes;
    this.location = location;
    List<Value> rs = new ArrayList<>();
    for (int i = 0; i < resultTypes.size(); i++) {
      Value v = new Value(resultTypes.get(i), resultNames == null ? null : resultNames.get(i));
      v.define(this);
      rs.add(v);
    }
    this.results = List.copyOf(rs);
  }

  /** An operation with at most one result, the shape of every tdl op. */
  public static Operation create(String name, List<Value> operands, TensorType resultType, String resultName,
                                 DictAttr attributes, Location location) {
    return new Operation(name, operands, resultType == null ? List.of() : List.of(resultType),
        resultType == null ? null : java.util.Collections.singletonList(resultName), attributes, location);
  }

  public String name() { return name; }

  /** The name without its dialect: "conv2d" for tdl.conv2d, as messages and reports name an op. */
  public String shortName() { return shortName(name); }

  /** {@code name} without its dialect prefix. */
  public static String shortName(String name) { return name.substring(name.indexOf('.') + 1); }
  public List<Value> operands() { return operands; }
  public Value operand(int i) { return operands.get(i); }
  public List<Value> results() { return results; }
  public DictAttr attributes() { return attributes; }
  public Location location() { return location; }

  /** The single result; every tdl op but tdl.output has exactly one. */
  public Value result() {
    if (results.size() != 1) throw new IllegalStateException(name + " has " + results.size() + " results");
    return results.get(0);
  }

  public boolean is(String opName) { return name.equals(opName); }

  /** A copy with other operands and attributes, its result keeping this result's type and name. */
  public Operation rebuild(List<Value> newOperands, DictAttr newAttributes, TensorType newResultType,
                           Location newLocation) {
    List<TensorType> types = newResultType == null ? results.stream().map(Value::type).toList()
        : List.of(newResultType);
    List<String> names = results.stream().map(Value::nameHint).toList();
    return new Operation(name, newOperands, types, names.isEmpty() ? null : names, newAttributes, newLocation);
  }

  @Override public String toString() { return name + " @ " + location; }
}
