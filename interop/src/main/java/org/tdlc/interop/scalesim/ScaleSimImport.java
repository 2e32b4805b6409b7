// `tdlc import scalesim CONFIG.cfg TOPOLOGY.csv`: one target from the configuration and one model from the
// topology, as .tdl text. The target states SCALE-Sim's semantics where the language can (the array, its one
// dataflow, folds strictly one after another, one-byte words, DRAM that never stalls in CALC mode); the model has
// one layer per row, named as the row, each the GEMM SCALE-Sim lowers the row to (its im2col), with the dataflow
// and SCALE-Sim's untiled schedule pinned. What tdlc cannot say the same way is written into the file as comments.
package org.tdlc.interop.scalesim;

import java.util.List;
import java.util.Locale;
import org.tdlc.interop.SourceFile;
import org.tdlc.interop.TdlNames;
import org.tdlc.interop.WholeLayerBuffer;

public final class ScaleSimImport {
  /** The .tdl text and what it holds, for the command's report. */
  public record Result(String text, String target, String model, List<String> layers) {}

  private static final long MIB = 1 << 20;
  /** DRAM that never stalls (SCALE-Sim's CALC mode): a megabyte per cycle, no latency. */
  private static final long UNLIMITED_BYTES_PER_CYCLE = MIB;

  private ScaleSimImport() {}

  public static Result run(String configPath, String topologyPath) {
    SourceFile cfgFile = SourceFile.read(configPath);
    SourceFile topoFile = SourceFile.read(topologyPath);
    ScaleSimConfig cfg = ScaleSimConfig.read(cfgFile);
    ScaleSimTopology topo = ScaleSimTopology.read(topoFile);
    TdlNames names = new TdlNames();
    String target = names.fresh(cfg.runName());
    String model = names.fresh(TdlNames.stem(topoFile.name()));
    StringBuilder b = new StringBuilder();
    b.append("// Imported by `tdlc import scalesim` from ").append(cfgFile.name()).append(" and ").append(topoFile.name())
        .append(" (SCALE-Sim v2).\n\n");
    target(b, cfg, target, cfgFile, footprint(topo));
    List<String> layers = model(b, cfg, topo, model, names, topoFile);
    return new Result(b.toString(), target, model, layers);
  }

  /** The bytes of the largest layer: its im2col input, its filters and its i32 outputs. */
  private static long footprint(ScaleSimTopology topo) {
    long max = 0;
    for (ScaleSimTopology.Layer l : topo.layers()) {
      max = Math.max(max, l.copies() * (l.m() * l.k() + l.k() * l.n() + 4 * l.m() * l.n()));
    }
    return max;
  }

  private static void target(StringBuilder b, ScaleSimConfig cfg, String name, SourceFile file, long footprint) {
    long srams = ((long) cfg.ifmapKb() + cfg.filterKb() + cfg.ofmapKb()) * 1024;
    long global = WholeLayerBuffer.mib(footprint, srams);
    b.append("// The configuration ").append(file.name()).append(" (run_name ").append(cfg.runName()).append(").\n");
    b.append("// SCALE-Sim streams every operand through three double-buffered SRAMs (IFMAP ").append(cfg.ifmapKb())
        .append(" kB, filter ").append(cfg.filterKb()).append(" kB, OFMAP ").append(cfg.ofmapKb()).append(" kB) without tile\n")
        .append("// boundaries: their sizes change only its DRAM traffic, never its cycles. tdlc has one global buffer\n")
        .append("// with tile boundaries, so it is sized to hold the largest layer whole (").append(global)
        .append(" MiB, at least the three SRAMs)\n// and tdlc tiles nothing SCALE-Sim streams.\n");
    if (cfg.userBandwidth()) {
      b.append("// InterfaceBandwidth USER: SCALE-Sim gives each of the three operands ").append(bandwidthWords(cfg))
          .append(" words/cycle from DRAM and stalls per demand row;\n// here DRAM carries the three at ")
          .append(3L * cfg.bandwidths().get(0)).append(" B/cycle, with tdlc's tile-level overlap instead of per-row stalls.\n");
    } else {
      b.append("// InterfaceBandwidth CALC: DRAM never stalls, and SCALE-Sim's cycles leave out the first prefetch and the\n")
          .append("// last drain; here DRAM moves a MiB a cycle with no latency (tdlc's first load and last store cost a cycle or two).\n");
    }
    if (cfg.memoryBanks() != 1) {
      b.append("// MemoryBanks ").append(cfg.memoryBanks()).append(": not carried over (tdlc's global buffer has one port).\n");
    }
    b.append("// SCALE-Sim has no energy model: the energies below are nominal (1 pJ per MAC and per byte).\n");
    b.append("target ").append(name).append(" {\n");
    b.append("  pe_array ").append(cfg.rows()).append(" x ").append(cfg.cols()).append(";   // ArrayHeight x ArrayWidth\n");
    b.append("  dataflows ").append(cfg.dataflow()).append(";\n");
    b.append("  folds sequential;      // every fold fills and drains the array, the next waits\n");
    b.append("  frequency 1000 MHz;    // SCALE-Sim counts cycles only\n");
    b.append("  datatype i8 accumulate i32;   // SCALE-Sim's word is one byte\n");
    long dram = cfg.userBandwidth() ? 3L * cfg.bandwidths().get(0) : UNLIMITED_BYTES_PER_CYCLE;
    b.append("  memory dram   { bandwidth ").append(dram).append(" B/cycle; energy 1 pJ/B; latency 0 cycles; port split; }")
        .append("   // SCALE-Sim reads IFMAP and filter and writes OFMAP over interfaces of their own\n");
    b.append("  memory global { size ").append(global).append(" MiB; energy 1 pJ/B; }\n");
    b.append("  memory local  { size 16 B per pe; energy 1 pJ/B; }\n");
    b.append("  mac { energy 1 pJ; }\n}\n\n");
  }

  private static String bandwidthWords(ScaleSimConfig cfg) {
    return cfg.bandwidths().size() == 1 ? cfg.bandwidths().get(0).toString()
        : cfg.bandwidths() + " (tdlc takes the first)";
  }

  private static List<String> model(StringBuilder b, ScaleSimConfig cfg, ScaleSimTopology topo, String name,
                                    TdlNames names, SourceFile file) {
    String axes = switch (cfg.dataflow()) {
      case "os" -> "m (output pixels) on the rows and n (filters) on the columns";
      case "ws" -> "k (window elements) on the rows and n (filters) on the columns";
      default -> "k (window elements) on the rows and m (output pixels) on the columns";
    };
    b.append("// The topology ").append(file.name()).append(": one layer per row, each the GEMM SCALE-Sim lowers it to.\n");
    b.append("// Not carried over, because tdlc's @map cannot pin it today:\n");
    if (!topo.gemm()) {
      b.append("// - the convolution itself: SCALE-Sim computes each row as the GEMM of its im2col (an input pixel counted once\n")
          .append("//   per window it falls in), and so does each layer here, whose input is that im2col matrix. As a conv2d, its\n")
          .append("//   mapping would put p and q (os) or c, r and s (ws, is) together on one array axis.\n");
    }
    b.append("// - SCALE-Sim's fixed assignment of the GEMM to the array (").append(cfg.dataflow()).append(": ").append(axes)
        .append(");\n//   the mapper chooses the axes, and may choose others where that is faster.\n");
    b.append("// The layers are independent, as SCALE-Sim runs them: each has its own input and output.\n");
    b.append("model ").append(name).append(" {\n");
    List<String> layers = new java.util.ArrayList<>();
    int seed = 1;
    for (ScaleSimTopology.Layer l : topo.layers()) {
      String layer = names.fresh(l.name());
      layers.add(layer);
      String x = names.fresh(layer + "_x"), w = names.fresh(layer + "_w");
      b.append('\n');
      if (!layer.equals(l.name())) b.append("  // row '").append(l.name()).append("' (line ").append(l.line()).append(")\n");
      if (topo.gemm()) {
        b.append(String.format(Locale.ROOT, "  // GEMM M = %d, N = %d, K = %d%n", l.m(), l.n(), l.k()));
      } else {
        b.append(String.format(Locale.ROOT, "  // conv: IFMAP %dx%d, filter %dx%d, %d channels, %d filters, stride %s -> output %dx%d%n",
            l.h(), l.w(), l.r(), l.s(), l.c(), l.filters(),
            l.strideH() == l.strideW() ? Integer.toString(l.strideH()) : l.strideH() + "x" + l.strideW(), l.outH(), l.outW()));
        b.append("  //   (no padding, output rounded up); im2col: M = ").append(l.m()).append(" output pixels x K = ")
            .append(l.k()).append(" window elements, times K x N = ").append(l.n()).append(" filters\n");
      }
      String batch = "";
      String tile = "m = " + l.m() + ", n = " + l.n() + ", k = " + l.k();
      if (l.depthwise()) {
        b.append("  //   depthwise (\"DP\" in the name): SCALE-Sim runs it as ").append(l.c())
            .append(" one-channel layers in turn; here a matmul batched over them (b)\n");
        batch = l.c() + ", ";
        tile = "b = 1, " + tile;
      }
      b.append("  input ").append(x).append(" : i8[").append(batch).append(l.m()).append(", ").append(l.k()).append("];\n");
      b.append("  weight ").append(w).append(" : i8[").append(batch).append(l.k()).append(", ").append(l.n())
          .append("] init random(seed = ").append(seed++).append(");\n");
      b.append("  @map(dataflow = ").append(cfg.dataflow()).append(", tile = { ").append(tile).append(" })\n");
      b.append("  ").append(layer).append(" = matmul(").append(x).append(", ").append(w).append(");\n");
    }
    b.append("\n  output ").append(String.join(", ", layers)).append(";\n}\n");
    return layers;
  }
}
