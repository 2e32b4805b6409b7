// The three operands of a contraction as the hardware keeps them, in the order the machine model counts
// them (ArrayTraffic.A, B, C): the inputs (A, a convolution's activations), the weights (B) and the outputs
// (C, with their partial sums). A per-PE memory level says which of them it holds (`holds inputs, weights;`);
// the names are Timeloop's data spaces.
package org.tdlc.ir.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public enum Operand {
  INPUTS("inputs"),
  WEIGHTS("weights"),
  OUTPUTS("outputs");

  /** The mask of all three: what a level holds when it does not say. */
  public static final int ALL = 7;

  private final String keyword;

  Operand(String keyword) { this.keyword = keyword; }

  public String keyword() { return keyword; }

  /** This operand's bit in a holds mask. */
  public int bit() { return 1 << ordinal(); }

  public boolean in(int mask) { return (mask & bit()) != 0; }

  public static Optional<Operand> parse(String word) {
    for (Operand o : values()) if (o.keyword.equals(word)) return Optional.of(o);
    return Optional.empty();
  }

  /** The operands of a holds mask, in this order, as written: "inputs, outputs". */
  public static String text(int mask) {
    List<String> words = new ArrayList<>();
    for (Operand o : values()) if (o.in(mask)) words.add(o.keyword);
    return String.join(", ", words);
  }
}
