// "did you mean conv2d?": the closest known name by edit distance, for unknown names and keywords.
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
    return best != null && bestDistance <= Math.max(1, name.length() / 2) && bestDistance < name.length() ? " (did you mean '" + best + "'?)" : "";
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev; prev = cur; cur = t;
    }
    return prev[b.length()];
  }
}
