// One declared operand of an op. Only ONE operands are written in a .tdl call; an OPTIONAL one is added by
// a pass (the residual that fuse-epilogue folds into conv2d), VARIADIC takes any number (tdl.output).
package org.tdlc.ir.ops;

public record OperandSpec(String name, Arity arity) {
  public enum Arity { ONE, OPTIONAL, VARIADIC }

  /** How the op reference writes it: x, residual?, values... */
  public String signatureText() {
    return switch (arity) {
      case ONE -> name;
      case OPTIONAL -> name + "?";
      case VARIADIC -> name + "...";
    };
  }
}
