// What the mapping search minimizes (Cost.score): cycles, energy, or their product, the energy-delay
// product, with ties broken by the other figures (order). Read from the mapping passes' objective option
// and the CLI's --objective; a bad spelling is an error that lists the valid ones.
package org.tdlc.passes.mapping;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

public enum Objective {
  CYCLES, ENERGY, EDP;

  /** The objective spelled {@code text} (cycles, energy, edp), or empty. */
  public static Optional<Objective> of(String text) {
    return Arrays.stream(values()).filter(o -> o.toString().equals(text)).findFirst();
  }

  /** "cycles, energy or edp": the valid spellings, for error messages. */
  public static String choices() {
    String all = String.join(", ", Arrays.stream(values()).map(Objective::toString).toList());
    int last = all.lastIndexOf(", ");
    return all.substring(0, last) + " or " + all.substring(last + 2);
  }

  /** The figure this objective minimizes for a cost of {@code cycles} and {@code energyPj}. */
  public double score(double cycles, double energyPj) {
    return switch (this) {
      case CYCLES -> cycles;
      case ENERGY -> energyPj;
      case EDP -> cycles * energyPj;
    };
  }

  /**
   * How this objective ranks things of these cycles and energy, best first: by the score, ties by the
   * other figure as Timeloop's mapper breaks delay ties by energy (cycles: then energy; energy: then
   * cycles; edp: then cycles, then energy). Every comparison of mappings (the search, its finalists, the
   * exhaustive search bench measures it against) and of formats goes through it; callers append their own
   * last tie-breaks (a footprint, the order found).
   */
  public <T> Comparator<T> order(ToDoubleFunction<T> cycles, ToDoubleFunction<T> energyPj) {
    Comparator<T> byScore = Comparator.comparingDouble(t -> score(cycles.applyAsDouble(t), energyPj.applyAsDouble(t)));
    return switch (this) {
      case CYCLES -> byScore.thenComparingDouble(energyPj);
      case ENERGY -> byScore.thenComparingDouble(cycles);
      case EDP -> byScore.thenComparingDouble(cycles).thenComparingDouble(energyPj);
    };
  }

  /** order over costs: what the mapping search compares. */
  public Comparator<Cost> costs() { return order(Cost::cycles, Cost::energyPj); }

  /** As written in options and on the command line. */
  @Override public String toString() { return name().toLowerCase(Locale.ROOT); }
}
