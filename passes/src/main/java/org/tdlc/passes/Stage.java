// The ordering stages a module reaches, which passes declare they require and establish (PassInfo): the
// pass manager refuses a pass whose stage is missing. A module carries them by their spelling, in its
// `stages` attribute, so the IR printed after a pass says how far it has come.
package org.tdlc.passes;

import java.util.Arrays;
import java.util.Optional;

public enum Stage {
  /** Every value's type is known (the front end infers shapes; a .tir module states it). */
  SHAPES("shapes"),
  /** relu, requant and residual adds are folded into their producers (fuse-epilogue). */
  EPILOGUES_FUSED("epilogues-fused"),
  /** Every weight has its storage format (select-formats). */
  FORMATS_SELECTED("formats-selected"),
  /** Every conv2d and matmul has its mapping (the mapping passes). */
  MAPPED("mapped");

  private final String spelling;

  Stage(String spelling) { this.spelling = spelling; }

  /** The stage spelled {@code text} in a module's stages, or empty for one no pass knows. */
  public static Optional<Stage> of(String text) {
    return Arrays.stream(values()).filter(s -> s.spelling.equals(text)).findFirst();
  }

  /** As the module's stages attribute spells it: shapes, epilogues-fused, formats-selected, mapped. */
  @Override public String toString() { return spelling; }
}
