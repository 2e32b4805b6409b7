// tdlc against Timeloop v3's mapper (validation/reference/timeloop): ResNet-50 layers on Timeloop's
// Eyeriss-like design. Each layer's files as Timeloop ran them go through `tdlc import timeloop` once; the
// imported target is that design in 16-bit words (sizes, bandwidths, and Timeloop's energy reference table).
// tdlc maps it twice: on its own (the file without the `@map` pin the import wrote, as an import without
// the mapping file writes it), ranked as Timeloop's mapper ranks (inputs/mapper/mapper.yaml: delay, then
// energy): objective cycles, whose ties go to the lower energy (Objective.order); and on Timeloop's best
// mapping, as far as the pin carries it. Compared: cycles, PEs used and energy of each.
package org.tdlc.tests.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tdlc.tests.Tdlc;

public final class TimeloopComparison {
  public static final Path SUMMARY = Path.of("validation/reference/timeloop/summary.csv");
  private static final Path INPUTS = Path.of("validation/reference/timeloop/inputs");
  private static final Path RUNS = Path.of("validation/reference/timeloop/runs");
  /** The exhaustive searches of the conv2 layers' whole constrained mapspace (the reference README's check). */
  private static final Path EXHAUSTIVE = Path.of("validation/reference/timeloop/runs_exhaustive");
  private static final Pattern STATS_ENERGY = Pattern.compile("(?m)^Energy: ([0-9.]+) uJ$");
  private static final Path WORK = Path.of("tests/target/validation/timeloop");
  /** The `@map` line `tdlc import timeloop` writes from Timeloop's mapping. */
  private static final Pattern PIN = Pattern.compile("(?m)^\\s*@map\\(.*\\)\\n");
  /** Timeloop's optimization metrics [delay, energy], as tdlc's mapper spells them. */
  static final org.tdlc.passes.Pipeline PIPELINE = org.tdlc.passes.Pipeline.parse("canonicalize,fuse-epilogue,mapper{objective=cycles}");

  public record Layer(Map<String, String> tool, OneLayer.Result tdlc) {
    double tool(String column) { return Double.parseDouble(tool.get(column)); }
  }

  /** tdlc's mapper on each layer's imported design, the pin left out. */
  public final List<Layer> layers = new ArrayList<>();
  /** Each layer's Timeloop files (its best mapping included) through `tdlc import timeloop`, and the pin it wrote. */
  public final List<Imported> imported = new ArrayList<>();

  public record Imported(Map<String, String> tool, OneLayer.Result tdlc, String pin) {}

  public static TimeloopComparison run() {
    TimeloopComparison c = new TimeloopComparison();
    for (Map<String, String> row : Csv.read(SUMMARY)) {
      Path tdl = imported(row.get("layer"));
      String text = readString(tdl);
      Matcher pin = PIN.matcher(text);
      c.layers.add(new Layer(row, compiled(write(tdl, "_own", pin.replaceAll("")), row.get("layer"))));
      c.imported.add(new Imported(row, compiled(tdl, row.get("layer")), pin.find(0) ? pin.group().strip() : "none"));
    }
    return c;
  }

  /** The layer's Timeloop files as Timeloop ran them, its best mapping included, imported by `tdlc import timeloop`. */
  private static Path imported(String layer) {
    Path tdl = WORK.resolve(layer + ".tdl");
    try {
      Files.createDirectories(WORK);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Tdlc.Result r = Tdlc.run("import", "timeloop", INPUTS.resolve("arch/eyeriss_like.yaml").toString(),
        INPUTS.resolve("constraints/eyeriss_like_arch_constraints.yaml").toString(),
        INPUTS.resolve("constraints/eyeriss_like_map_constraints.yaml").toString(),
        INPUTS.resolve("energy/eyeriss_like.ERT.yaml").toString(), INPUTS.resolve("prob").resolve(layer + ".yaml").toString(),
        mapping(layer).toString(), "-o", tdl.toString());
    if (r.code() != 0) throw new IllegalStateException("import timeloop of " + layer + ": " + r);
    return tdl;
  }

  /** The imported layer mapped by PIPELINE and costed. */
  private static OneLayer.Result compiled(Path tdl, String layer) {
    OneLayer.Compiled c = OneLayer.compile(tdl, layer + "_arch", layer, PIPELINE);
    var op = c.model().ops().stream().filter(o -> o.attributes().has(org.tdlc.ir.mapping.Mapping.ATTR)).findFirst()
        .orElseThrow();
    return new OneLayer.Result(c.costs().get(layer), org.tdlc.ir.mapping.Mapping.of(op).orElseThrow(), c.target());
  }

  /** {@code text} written beside {@code beside}, its name with {@code suffix} before `.tdl`. */
  private static Path write(Path beside, String suffix, String text) {
    String name = beside.getFileName().toString();
    Path out = beside.resolveSibling(name.substring(0, name.length() - ".tdl".length()) + suffix + ".tdl");
    try {
      Files.writeString(out, text);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + out, e);
    }
    return out;
  }

  /** The best mapping Timeloop's mapper found for the layer (conv5's run kept it beside the inputs: README). */
  public static Path mapping(String layer) {
    return layer.equals("conv5_3x3_512") ? INPUTS.resolve("mapping_conv5_3x3_512_best.yaml")
        : RUNS.resolve(layer).resolve("timeloop-mapper.map.yaml");
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + p, e);
    }
  }

  /**
   * tdlc's energy with its i32 values counted as Timeloop counts every value, one 16-bit word each: the layer's
   * result operand at DRAM and the global buffer, less its i16 results (the import requantizes the sums to i16:
   * each written once to DRAM, and once into the global buffer by the requant and read once by the store), is
   * i32 partial sums and the accumulators the requant reads; those bytes are halved. Below the global buffer the
   * scratchpads' energies are already per partial sum (the import divides Timeloop's per word by 4 bytes), and the
   * network costs nothing, as in Timeloop's table.
   */
  public static double energyWithWordSums(OneLayer.Result r) {
    var c = r.cost();
    long results = c.dramWrite()[2];                                    // the i16 results, 2 bytes each
    long i32Dram = c.dramRead()[2], i32Global = c.globalRead()[2] + c.globalWrite()[2] - 2 * results;
    return c.energyPj() - (i32Dram * r.target().dram().energyPjPerByte()
        + i32Global * r.target().global().energyPjPerByte()) / 2;
  }

  /**
   * The energy (pJ) of the optimum of Timeloop's whole constrained mapspace for {@code layer}, from the
   * exhaustive search's stats (the random search's victory condition stops early on the 1x1 layers: the
   * reference README says to take these as Timeloop's best there), or NaN where that search was not run.
   */
  public static double exhaustivePj(String layer) {
    Path stats = EXHAUSTIVE.resolve(layer).resolve("timeloop-mapper.stats.txt");
    if (!Files.isRegularFile(stats)) return Double.NaN;
    Matcher m = STATS_ENERGY.matcher(readString(stats));
    if (!m.find()) throw new IllegalStateException("no 'Energy: ... uJ' line in " + stats);
    return Double.parseDouble(m.group(1)) * 1e6;
  }

  /** The PEs tdlc's mapping of {@code l} keeps busy in a full fold. */
  public static int pesUsed(Layer l) { return Mappings.pesUsed(l.tdlc()); }

  public String table() {
    StringBuilder b = new StringBuilder("| layer | MACs | Timeloop cycles | tdlc cycles | ratio | Timeloop PEs used "
        + "| tdlc PEs used | Timeloop pJ/MAC | tdlc pJ/MAC | energy ratio | energy ratio, sums as words "
        + "| Timeloop's exhaustive optimum, pJ/MAC | energy ratio to it (sums as words) |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Layer l : layers) {
      var t = l.tdlc().cost();
      double toolPj = l.tool("energy_pJ");
      b.append("| ").append(l.tool().get("layer")).append(" | ").append(String.format(Locale.ROOT, "%,d", t.macs()))
          .append(" | ").append(String.format(Locale.ROOT, "%,d", Math.round(l.tool("cycles"))))
          .append(" | ").append(String.format(Locale.ROOT, "%,d", t.cycles()))
          .append(" | ").append(Ratios.fmt(t.cycles() / l.tool("cycles")))
          .append(" | ").append(l.tool().get("pes_used")).append(" of ").append(l.tool().get("pes_total"))
          .append(" | ").append(Mappings.pesUsed(l.tdlc())).append(" of ").append(l.tdlc().target().rows() * l.tdlc().target().cols())
          .append(" | ").append(Ratios.fmt(toolPj / l.tool("macs")))
          .append(" | ").append(Ratios.fmt(t.energyPj() / t.macs()))
          .append(" | ").append(Ratios.fmt(t.energyPj() / toolPj))
          .append(" | ").append(Ratios.fmt(energyWithWordSums(l.tdlc()) / toolPj));
      double best = exhaustivePj(l.tool().get("layer"));
      b.append(Double.isNaN(best) ? " | - | - |\n" : " | " + Ratios.fmt(best / t.macs()) + " | "
          + Ratios.fmt(t.energyPj() / best) + " (" + Ratios.fmt(energyWithWordSums(l.tdlc()) / best) + ") |\n");
    }
    return b.toString();
  }

  /** Timeloop's own mapping imported: tdlc's cycles and energy on it beside Timeloop's, and what was pinned. */
  public String importedTable() {
    StringBuilder b = new StringBuilder("| layer | Timeloop cycles | tdlc cycles | ratio | Timeloop pJ/MAC | tdlc pJ/MAC "
        + "| energy ratio | tdlc PEs used | pinned |\n|---|---|---|---|---|---|---|---|---|\n");
    for (Imported l : imported) {
      var t = l.tdlc().cost();
      double cycles = Double.parseDouble(l.tool().get("cycles")), pj = Double.parseDouble(l.tool().get("energy_pJ"));
      b.append("| ").append(l.tool().get("layer"))
          .append(" | ").append(String.format(Locale.ROOT, "%,d", Math.round(cycles)))
          .append(" | ").append(String.format(Locale.ROOT, "%,d", t.cycles()))
          .append(" | ").append(Ratios.fmt(t.cycles() / cycles))
          .append(" | ").append(Ratios.fmt(pj / Double.parseDouble(l.tool().get("macs"))))
          .append(" | ").append(Ratios.fmt(t.energyPj() / t.macs()))
          .append(" | ").append(Ratios.fmt(t.energyPj() / pj))
          .append(" | ").append(Mappings.pesUsed(l.tdlc())).append(" of ").append(l.tdlc().target().rows() * l.tdlc().target().cols())
          .append(" | `").append(l.pin()).append("` |\n");
    }
    return b.toString();
  }

  /** One line per layer: both tools' cycles and energy, tdlc's bytes per level and its mapping. */
  public String csv() {
    StringBuilder b = new StringBuilder("layer,macs,timeloop_cycles,tdlc_cycles,tdlc_compute_cycles,timeloop_energy_pj,"
        + "tdlc_energy_pj,timeloop_energy_pj_dram,timeloop_energy_pj_glb,tdlc_dram_bytes,tdlc_global_bytes,"
        + "tdlc_local_bytes,tdlc_result_dram_bytes,tdlc_result_global_bytes,tdlc_energy_pj_sums_as_words,"
        + "timeloop_spatial,tdlc_spatial,tdlc_tile\n");
    for (Layer l : layers) {
      var t = l.tdlc().cost();
      b.append(String.join(",", l.tool().get("layer"), l.tool().get("macs"), l.tool().get("cycles"),
          Long.toString(t.cycles()), Long.toString(t.computeCycles()), l.tool().get("energy_pJ"),
          Double.toString(t.energyPj()), l.tool().get("energy_pJ_DRAM"), l.tool().get("energy_pJ_shared_glb"),
          Long.toString(t.dramBytes()), Long.toString(t.globalBytes()), Long.toString(t.localBytes()),
          Long.toString(t.dramRead()[2] + t.dramWrite()[2]), Long.toString(t.globalRead()[2] + t.globalWrite()[2]),
          Double.toString(energyWithWordSums(l.tdlc())), l.tool().get("spatial_factors"), Mappings.spatial(l.tdlc()), Mappings.tile(l.tdlc().mapping()))).append('\n');
    }
    return b.toString();
  }
}
