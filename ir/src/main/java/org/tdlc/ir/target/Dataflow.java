// The dataflows a PE array can run: which operand stays in the PEs while the others stream through.
// A target lists the ones it supports; `flexible` (MAERI-like) in a target block means all of them.
package org.tdlc.ir.target;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

public enum Dataflow {
  /** Weight stationary: weights held in the PEs (TPU, Gemmini, NVDLA). */
  WS,
  /** Output stationary: partial sums held in the PEs (ShiDianNao, Gemmini). */
  OS,
  /** Row stationary (Eyeriss): a filter row and an input row meet in each PE. */
  RS,
  /** Input stationary: input elements held in the PEs while the weights stream (SCALE-Sim's is). */
  IS;

  private final String keyword = name().toLowerCase(Locale.ROOT);   // asked per mapping read and printed

  public String keyword() { return keyword; }

  @Override public String toString() { return keyword(); }

  public static Optional<Dataflow> parse(String keyword) {
    for (Dataflow d : values()) if (d.keyword().equals(keyword)) return Optional.of(d);
    return Optional.empty();
  }

  public static String allKeywords() {
    return Arrays.stream(values()).map(Dataflow::keyword).collect(Collectors.joining(", "));
  }
}
