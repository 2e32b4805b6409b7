// `tdlc bench sparse` (dispatched from BenchCommand): what storing weights compressed buys. A density sweep
// on a GEMM and a conv layer runs every storage format of the target pinned, and the one select-formats
// picks, each simulated and verified bit-exact: footprint, DRAM bytes and cycles, and whether the pick is
// within 5% of the best format's cycles; hardware decode against software conversion on the same hardware;
// ResNet-50 with 70% and 90% of its weights pruned, end to end, compressed against stored dense.
package org.tdlc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;

final class SparseBench {
  static final double[] DENSITIES = {0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0};
  /** The chosen format may take at most this much more cycles than the best one. */
  static final double TOLERANCE = 1.05;
  static final String PIPELINE = Pipeline.NO_MAPPER.toString();
  static final String DENSE_PIPELINE = Pipeline.FUSED.toString();

  /** A layer to sweep: its name and its source with %1$s for the weight's density and format clause. */
  record Layer(String name, String source) {
    String at(double density, StorageFormat pin) {
      String clause = String.format(Locale.ROOT, "density %s%s", density, pin == null ? "" : " format " + pin.keyword());
      return String.format(Locale.ROOT, source, clause);
    }
  }

  static final Layer GEMM = new Layer("gemm 8x1024x1024",
      "model gemm {\n  input a : i8[8, 1024];\n  weight b : i8[1024, 1024] init random(seed = 7) %s;\n"
          + "  y = matmul(a, b);\n  output y;\n}\n");
  static final Layer CONV = new Layer("conv 128->256 3x3 14x14",
      "model conv {\n  input x : i8[1, 128, 14, 14];\n  weight w : i8[256, 128, 3, 3] init random(seed = 8) %s;\n"
          + "  y = conv2d(x, w, pad = 1);\n  output y;\n}\n");

  /**
   * One simulated point: what was pinned (null: chosen), the format used, sizes, cycles, verification, and
   * the software conversion's share: its convert instructions and their cycles (0 with hardware decode).
   */
  record Point(String layer, double density, StorageFormat pinned, StorageFormat format, long footprintBytes,
               long dramReadBytes, long cycles, double energyPj, boolean verified, long converts,
               long convertCycles) {}

  /** One sweep point: every pinned format and the chosen one. */
  record SweepRow(String layer, double density, List<Point> pinned, Point chosen) {
    Point best() {
      Point b = pinned.get(0);
      for (Point p : pinned) {
        // on a tie the chosen format counts as the best
        if (p.cycles() < b.cycles() || p.cycles() == b.cycles() && p.format() == chosen.format()) b = p;
      }
      return b;
    }

    double ratio() { return chosen.cycles() / (double) best().cycles(); }

    boolean withinTolerance() { return ratio() <= TOLERANCE; }
  }

  private SparseBench() {}

  static Options options() {
    return new Options().addOption(Option.builder().longOpt("quick")
        .desc("sparse: three densities and no ResNet-50").get());
  }

  static int run(CommandLine cl, Io io) throws Exception {
    boolean quick = cl.hasOption("quick");
    String target = cl.getOptionValue("target", Targets.DEFAULT);
    double[] densities = quick ? new double[] {0.05, 0.3, 0.9} : DENSITIES;
    boolean json = cl.hasOption("json");
    Path dir = Files.createTempDirectory("tdlc-bench-sparse");
    try {
      List<SweepRow> sweep = new ArrayList<>();
      for (Layer l : List.of(GEMM, CONV)) {
        for (double d : densities) {
          if (!json) io.err().println("tdlc bench sparse: " + l.name() + " at density " + d + " ...");
          sweep.add(sweep(dir, l, d, target));
        }
      }
      List<Point[]> decode = new ArrayList<>();
      for (Layer l : List.of(GEMM, CONV)) {
        for (double d : densities) decode.add(decodeModes(dir, l, d, target));
      }
      List<Point[]> resnet = new ArrayList<>();
      if (!quick) {
        for (double d : new double[] {0.3, 0.1}) {
          if (!json) io.err().println("tdlc bench sparse: ResNet-50 at weight density " + d + " ...");
          resnet.add(resnet(dir, d, target));
        }
      }
      io.out().print(json ? Json.write(json(target, sweep, decode, resnet)) : text(sweep, decode, resnet, target));
      boolean ok = sweep.stream().allMatch(r -> r.chosen().verified() && r.pinned().stream().allMatch(Point::verified))
          && decode.stream().allMatch(p -> p[0].verified() && p[1].verified() && p[2].verified())
          && resnet.stream().allMatch(p -> p[0].verified() && p[1].verified());
      return ok ? Main.OK : RunCommand.MISMATCH;
    } finally {
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Every format of the target pinned, then the chosen one, at one density. */
  static SweepRow sweep(Path dir, Layer layer, double density, String target) throws Exception {
    Target t = Targets.resolve(target, List.of());
    List<Point> pinned = new ArrayList<>();
    for (StorageFormat f : t.formats()) {
      pinned.add(simulate(dir, layer.name(), density, f, layer.at(density, f), target, PIPELINE));
    }
    Point chosen = simulate(dir, layer.name(), density, null, layer.at(density, null), target, PIPELINE);
    return new SweepRow(layer.name(), density, pinned, chosen);
  }

  /** The chosen format on the target and on the same hardware with software conversion instead. */
  static Point[] decodeModes(Path dir, Layer layer, double density, String target) throws Exception {
    String text = Targets.builtInText(target);
    String sw = text.replace("target " + target + " {", "target " + target + "_sw {")
        .replace("decode hardware", "decode software");
    String source = sw + "\n" + layer.at(density, null);
    Point hw = simulate(dir, layer.name(), density, null, layer.at(density, null), target, PIPELINE);
    String same = sw + "\n" + layer.at(density, hw.format());
    Point softSame = simulate(dir, layer.name(), density, hw.format(), same, target + "_sw", PIPELINE);
    Point soft = simulate(dir, layer.name(), density, null, source, target + "_sw", PIPELINE);
    return new Point[] {hw, softSame, soft};
  }

  /** ResNet-50 with every weight at {@code density}: stored dense, and in the chosen formats. */
  static Point[] resnet(Path dir, double density, String target) throws Exception {
    String text = Files.readString(Path.of("models/resnet50.tdl"));
    String pruned = text.replaceAll("density [0-9.]+", String.format(Locale.ROOT, "density %s", density))
        .replaceAll("(init random\\(seed = [0-9]+\\));", String.format(Locale.ROOT, "$1 density %s;", density));
    Point dense = simulate(dir, "resnet50", density, StorageFormat.DENSE, pruned, target, DENSE_PIPELINE);
    Point chosen = simulate(dir, "resnet50", density, null, pruned, target, PIPELINE);
    return new Point[] {dense, chosen};
  }

  static Point simulate(Path dir, String layer, double density, StorageFormat pin, String source, String target,
                        String pipeline) throws Exception {
    Path file = Files.createTempFile(dir, "bench", ".tdl");
    Files.writeString(file, source);
    CommandLine cl = new DefaultParser().parse(Compilation.options(),
        new String[] {"--target", target, "--passes", pipeline});
    Compilation.Result compiled = Compilation.compile(cl, file.toString(), new SourceCache(),
        PassManager.Instrumentation.defaults(System.err));
    Compilation.Compiled c = compiled.models().get(0);
    var inputs = InputFeeds.forModel(c.source(), java.util.Map.of(), 0);
    RunReport.ModelRun run = Execution.run(c.source().name(), target, c.program(), inputs, c.source(),
        compiled.millis(), null);
    StorageFormat used = StorageFormat.DENSE;
    for (var formats : c.sparse().formats().values()) {
      for (String f : formats.values()) used = StorageFormat.parse(f).orElse(used);
    }
    var total = run.sim().total();
    long footprint = c.program().dataSegment().length;
    return new Point(layer, density, pin, used, footprint, total.levels().get(0).bytesRead(), total.cycles(),
        total.energyPj(), run.verified(), total.instructions(org.tdlc.backend.isa.Opcode.CONVERT),
        total.convertCycles());
  }

  static String text(List<SweepRow> sweep, List<Point[]> decode, List<Point[]> resnet, String target) {
    StringBuilder b = new StringBuilder();
    b.append("Density sweep on target ").append(target)
        .append(": cycles (footprint KiB) per pinned format, the chosen format, chosen / best cycles\n");
    List<String> header = new ArrayList<>(List.of("layer", "density"));
    for (Point p : sweep.get(0).pinned()) header.add(p.pinned().keyword());
    header.addAll(List.of("chosen", "chosen cycles", "best", "chosen/best", "verified"));
    List<List<String>> rows = new ArrayList<>();
    for (SweepRow r : sweep) {
      List<String> row = new ArrayList<>(List.of(r.layer(), num(r.density())));
      for (Point p : r.pinned()) row.add(p.cycles() + " (" + kib(p.footprintBytes()) + ")");
      row.addAll(List.of(r.chosen().format().keyword(), Long.toString(r.chosen().cycles()), r.best().format().keyword(),
          String.format(Locale.ROOT, "%.3f%s", r.ratio(), r.withinTolerance() ? "" : " > 1.05"),
          verified(r)));
      rows.add(row);
    }
    b.append(Table.render(header, rows));
    long within = sweep.stream().filter(SweepRow::withinTolerance).count();
    b.append(String.format(Locale.ROOT, "chosen within 5%% of the best format's cycles at %d of %d points%n%n", within,
        sweep.size()));
    b.append("Hardware decode against software conversion (same hardware, chosen format)\n");
    List<List<String>> drows = new ArrayList<>();
    for (Point[] p : decode) {
      drows.add(List.of(p[0].layer(), num(p[0].density()), p[0].format().keyword(), Long.toString(p[0].cycles()),
          Long.toString(p[1].cycles()), String.format(Locale.ROOT, "%.2f", p[1].cycles() / (double) p[0].cycles()),
          p[1].converts() + " / " + p[1].convertCycles(), p[2].format().keyword(), Long.toString(p[2].cycles())));
    }
    b.append(Table.render(List.of("layer", "density", "hw: chosen", "hw cycles", "sw, same format", "sw / hw",
        "sw converts / cycles", "sw: chosen", "sw cycles"), drows));
    if (!resnet.isEmpty()) {
      b.append("\nResNet-50, every weight pruned to the density: stored dense against the chosen formats\n");
      List<List<String>> rr = new ArrayList<>();
      for (Point[] p : resnet) {
        rr.add(List.of(String.format(Locale.ROOT, "%.0f%%", 100 * (1 - p[0].density())),
            Long.toString(p[0].cycles()), Long.toString(p[1].cycles()),
            String.format(Locale.ROOT, "%.2f", p[0].cycles() / (double) p[1].cycles()),
            String.format(Locale.ROOT, "%.1f", p[0].energyPj() / 1e6), String.format(Locale.ROOT, "%.1f", p[1].energyPj() / 1e6),
            String.format(Locale.ROOT, "%.2f", p[0].energyPj() / p[1].energyPj()),
            kib(p[0].footprintBytes()), kib(p[1].footprintBytes()), p[0].verified() && p[1].verified() ? "yes" : "NO"));
      }
      b.append(Table.render(List.of("pruned", "dense cycles", "sparse cycles", "speed-up", "dense uJ", "sparse uJ",
          "energy ratio", "dense data KiB", "sparse data KiB", "verified"), rr));
    }
    return b.toString();
  }

  /**
   * {tdlc_version, command, benchmark: "sparse", target, pipeline, dense_pipeline, sweep, decode, resnet50}:
   * every simulated point with its format, sizes, cycles, energy and verdict.
   */
  static ObjectNode json(String target, List<SweepRow> sweep, List<Point[]> decode, List<Point[]> resnet) {
    ObjectNode o = Json.report("bench");
    o.put("benchmark", "sparse");
    o.put("target", target);
    o.put("pipeline", PIPELINE);
    o.put("dense_pipeline", DENSE_PIPELINE);
    ArrayNode rows = o.putArray("sweep");
    for (SweepRow r : sweep) {
      ObjectNode row = rows.addObject();
      row.put("layer", r.layer());
      row.put("density", r.density());
      ObjectNode formats = row.putObject("formats");
      for (Point p : r.pinned()) formats.set(p.pinned().keyword(), point(p));
      row.set("chosen", point(r.chosen()));
      row.put("best", r.best().format().keyword());
      row.put("chosen_over_best", r.ratio());
    }
    ArrayNode modes = o.putArray("decode");
    for (Point[] p : decode) {
      ObjectNode m = modes.addObject();
      m.set("hardware", point(p[0]));
      m.set("software_same_format", point(p[1]));
      m.set("software_chosen", point(p[2]));
    }
    ArrayNode nets = o.putArray("resnet50");
    for (Point[] p : resnet) {
      ObjectNode n = nets.addObject();
      n.set("dense", point(p[0]));
      n.set("chosen", point(p[1]));
    }
    return o;
  }

  private static ObjectNode point(Point p) {
    ObjectNode o = Json.object();
    o.put("layer", p.layer());
    o.put("density", p.density());
    o.put("format", p.format().keyword());
    o.put("footprint_bytes", p.footprintBytes());
    o.put("dram_read_bytes", p.dramReadBytes());
    o.put("cycles", p.cycles());
    o.put("energy_pj", p.energyPj());
    o.put("converts", p.converts());
    o.put("convert_cycles", p.convertCycles());
    o.put("verified", p.verified());
    return o;
  }

  private static String verified(SweepRow r) {
    return r.chosen().verified() && r.pinned().stream().allMatch(Point::verified) ? "yes" : "NO";
  }

  private static String kib(long bytes) { return String.format(Locale.ROOT, "%.1f", bytes / 1024.0); }

  private static String num(double d) { return String.format(Locale.ROOT, "%s", d); }
}
