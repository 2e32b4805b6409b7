// A plain-text table with aligned columns: text columns left-aligned, numeric ones right-aligned.
package org.tdlc.cli;

import java.util.List;

final class Table {
  private Table() {}

  static String render(List<String> header, List<List<String>> rows) {
    int n = header.size();
    int[] width = new int[n];
    boolean[] numeric = new boolean[n];
    for (int c = 0; c < n; c++) {
      width[c] = header.get(c).length();
      numeric[c] = true;
      for (List<String> r : rows) {
        width[c] = Math.max(width[c], r.get(c).length());
        if (!r.get(c).isEmpty() && !r.get(c).matches("[-0-9.,/ KMGunpJ%x]+")) numeric[c] = false;
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, header, width, numeric);
    for (int c = 0; c < n; c++) b.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
    b.append('\n');
    for (List<String> r : rows) line(b, r, width, numeric);
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells, int[] width, boolean[] numeric) {
    StringBuilder l = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) l.append("  ");
      String s = cells.get(c);
      String pad = " ".repeat(width[c] - s.length());
      l.append(numeric[c] ? pad + s : s + pad);
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }
}
