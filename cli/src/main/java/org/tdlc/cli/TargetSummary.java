// The HTML report's description of the target a run was compiled for, read from the machine configuration the
// program carries (what the simulator ran): the PE array and its peak, the clock, dataflows and formats, and per
// memory level its size, bandwidth and energy per byte as `tdlc targets` shows them, then the MAC's energy.
package org.tdlc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.Quantities;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.MemoryLevel;

final class TargetSummary {
  private TargetSummary() {}

  static void section(StringBuilder b, MachineConfig m) {
    String dataflows = m.dataflows().stream().sorted().map(Dataflow::keyword).collect(Collectors.joining(", "));
    b.append("<h3>Target ").append(HtmlReport.esc(m.target())).append("</h3>\n<p>")
        .append(HtmlReport.esc(m.rows() + " x " + m.cols() + " PE array (" + m.peCount() + " PEs: peak "
            + m.peCount() + " MACs per cycle), clock " + Quantities.number(m.frequencyMhz()) + " MHz; dataflows "
            + dataflows + "; formats " + String.join(", ", m.formats()) + " (decoded in "
            + (m.hardwareDecode() ? "hardware" : "software") + (m.skipZeros() ? ", zeros skipped" : "") + ")."))
        .append("</p>\n");
    List<HtmlReport.Row> rows = new ArrayList<>();
    for (MemoryLevel l : m.levels()) {
      List<String> cells = new ArrayList<>(List.of(l.name()));
      cells.addAll(TargetsCommand.levelCells(l.sizeBytes(), l.perPe(), l.bandwidth(), l.writeBandwidth(),
          l.energyPjPerByte(), m.frequencyMhz()));
      cells.add(l.doubleBuffer() ? "yes" : "no");
      rows.add(new HtmlReport.Row(cells));
    }
    rows.add(new HtmlReport.Row(List.of("mac", "", "", "", Quantities.number(m.macEnergyPj()) + " pJ", "")));
    HtmlReport.table(b, "target", List.of("level", "size", "bandwidth", "", "energy", "double buffer"), rows);
  }
}
