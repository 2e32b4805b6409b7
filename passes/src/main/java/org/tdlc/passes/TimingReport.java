// The --timing and --pass-statistics reports, laid out like MLIR's execution time report.
package org.tdlc.passes;

import java.util.List;

final class TimingReport {
  private TimingReport() {}

  static String render(List<PassManager.PassRun> runs) {
    long total = runs.stream().mapToLong(PassManager.PassRun::nanos).sum();
    StringBuilder b = new StringBuilder();
    b.append("===-------------------------------------------------------------------------===\n");
    b.append("                         ... Execution time report ...\n");
    b.append("===-------------------------------------------------------------------------===\n");
    b.append(String.format("  Total Execution Time: %.4f seconds%n%n", total / 1e9));
    b.append("  ----Wall Time----  ----Name----\n");
    for (PassManager.PassRun r : runs) {
      b.append(String.format("    %.4f (%5.1f%%)  %s%n", r.nanos() / 1e9, total == 0 ? 0 : 100.0 * r.nanos() / total, r.name()));
    }
    b.append(String.format("    %.4f (100.0%%)  Total%n", total / 1e9));
    return b.toString();
  }

  static String renderStatistics(List<PassManager.PassRun> runs) {
    StringBuilder b = new StringBuilder("===- Pass statistics -===\n");
    for (PassManager.PassRun r : runs) {
      b.append(r.name()).append('\n');
      if (r.statistics().isEmpty()) b.append("  (no statistics)\n");
      r.statistics().forEach((k, v) -> b.append(String.format("  (S) %6d %s%n", v, k)));
    }
    return b.toString();
  }
}
