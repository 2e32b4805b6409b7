// The HTML report's mapping of each layer, folded by default: the loop nest per level as `tdlc explain`
// prints it (Mapping.loopNest: the DRAM-level tile loops in their order, the global buffer's tile, the loops
// inside it, then the spatial loops on the array's rows and columns), MAESTRO's directives (as `export
// maestro` writes them), the @map line that pins it, and where the mapping came from. Layers the PE array
// does not run say so.
package org.tdlc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tdlc.backend.isa.Layer;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.machine.MachineConfig;
import org.tdlc.sim.LayerCounters;

final class MappingSection {
  private static final Map<String, String> SOURCES = Map.of(
      MappedLayers.MAPPER, "chosen by the mapper",
      MappedLayers.PIN, "partly pinned by @map, the rest chosen by the mapper",
      MappedLayers.IR, "written in the IR it was loaded from (not searched)");

  private MappingSection() {}

  static void section(StringBuilder b, RunReport.ModelRun run) {
    MachineConfig m = run.program().machine();
    b.append("<h3>Mappings</h3>\n");
    List<String> vector = new ArrayList<>();
    List<String> unmapped = new ArrayList<>();
    for (LayerCounters lc : run.sim().layers()) {
      MappedLayers.Mapped mapped = run.mappings().get(lc.name());
      if (mapped == null) {
        boolean mac = RunReport.hasMac(run.program(), new Layer(lc.name(), lc.op(), lc.first(), lc.last()));
        (mac ? unmapped : vector).add(lc.name());
        continue;
      }
      Mapping map = mapped.mapping();
      b.append("<details class=\"mapping\" data-layer=\"").append(HtmlReport.esc(lc.name())).append("\"><summary>")
          .append(HtmlReport.esc(lc.name() + " (" + lc.op() + "): " + map.dataflow().keyword() + ", rows "
              + Mapping.axisText(map.rows()) + ", cols " + Mapping.axisText(map.cols()) + "; " + SOURCES.get(mapped.source())))
          .append("</summary><pre>")
          .append(HtmlReport.esc(map.loopNest(mapped.space(), m.rows(), m.cols(), mapped.rule()) + "\nMAESTRO directives:\n  "
              + String.join("\n  ", MaestroExportFormat.directives(lc.name(), mapped.op(), mapped.space(), map,
                  m.rows(), m.cols())) + "\npin: " + mapped.pin()))
          .append("</pre></details>\n");
    }
    if (!unmapped.isEmpty()) {
      b.append("<p>").append(HtmlReport.esc("Run on the PE array with the lowering's own tiling, no mapping (the "
          + "mapping passes did not run on them): " + String.join(", ", unmapped) + ".")).append("</p>\n");
    }
    if (!vector.isEmpty()) {
      b.append("<p>").append(HtmlReport.esc("No mapping: run on the vector/ALU unit, not the PE array: "
          + String.join(", ", vector) + ".")).append("</p>\n");
    }
  }

}
