// "did you mean conv2d?": the closest known name by edit distance, for unknown names and keywords. Only a
// close name is offered (a slip of a key or two, scaled to the word's length): a far one misleads.
package org.tdlc.frontend.sema;

import java.util.Collection;

public final class Suggestions {
  private Suggestions() {}

  /** " (did you mean 'x'?)", or "" when nothing is close enough. */
  public static String didYouMean(String name, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(name, k);
      if (d < bestDistance) { best = k; bestDistance = d; }
    }
    return best != null && close(name, bestDistance) ? " (did you mean '" + best + "'?)" : "";
  }

  /** One edit per three letters, at least one, and never as many as the name has letters. */
  static boolean close(String name, int distance) {
    return distance <= Math.max(1, (name.length() + 1) / 3) && distance < name.length();
  }

  /** Edits (insert, delete, substitute, swap two neighbours) from a to b: rleu is one edit from relu. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int sub = d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        d[i][j] = Math.min(sub, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
