// A line diff (longest common subsequence) between what the check lines expect and what the command
// printed, so a failing lit test shows at a glance which lines are missing and which are new. A check line
// "equals" an output line when its pattern matches somewhere in it.
package org.tdlc.tests.lit;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

final class LineDiff {
  private LineDiff() {}

  /** Unified-style lines: "  " common, "- " expected only, "+ " actual only. */
  static <E> String diff(List<E> expected, Function<E, String> show, List<String> actual, BiPredicate<E, String> same) {
    int n = expected.size(), m = actual.size();
    if ((long) n * m > 4_000_000L) return "(output too long to diff: " + m + " lines)\n";
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = same.test(expected.get(i), actual.get(j)) ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    StringBuilder b = new StringBuilder();
    int i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && same.test(expected.get(i), actual.get(j))) {
        b.append("  ").append(actual.get(j)).append('\n');
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        b.append("+ ").append(actual.get(j++)).append('\n');
      } else {
        b.append("- ").append(show.apply(expected.get(i++))).append('\n');
      }
    }
    return b.toString();
  }
}
