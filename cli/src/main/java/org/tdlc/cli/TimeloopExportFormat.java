// `tdlc export timeloop FILE.tdl -o DIR`: compiles the model as run does (Compilation) and writes, for its mapped
// conv2d and matmul layers, the YAML timeloop-model takes (interop.timeloop.TimeloopExport): DIR/arch.yaml,
// DIR/ERT.yaml, and DIR/LAYER.problem.yaml + DIR/LAYER.mapping.yaml per layer. Every file is computed before the
// first is written, so an error writes nothing.
package org.tdlc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.tdlc.interop.timeloop.TimeloopExport;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.mapping.IndexSpace;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.ops.OpDef;
import org.tdlc.ir.ops.Ops;
import org.tdlc.passes.PassManager;

final class TimeloopExportFormat implements FileFormat {
  @Override public String name() { return "timeloop"; }

  @Override public String files() { return "FILE.tdl"; }

  @Override public String summary() {
    return "Timeloop v0.3 YAML: arch.yaml, ERT.yaml, LAYER.problem.yaml and LAYER.mapping.yaml";
  }

  @Override public int run(List<String> files, CommandLine cl, Io io, SourceCache sources) throws Exception {
    if (files.size() != 1) throw new UsageException("export timeloop takes one .tdl file, got " + files.size());
    if (!cl.hasOption("o")) throw new UsageException("export timeloop needs -o DIR");
    String path = files.get(0);
    UserFiles.existing("", path);
    Path dir = Path.of(cl.getOptionValue("o"));
    Compilation.Result r = Compilation.compile(cl, path, sources, PassManager.Instrumentation.defaults(io.err()));
    String only = cl.getOptionValue("layer");
    Map<String, String> out = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    long macs = 0;
    for (Compilation.Compiled c : r.models()) {
      Model m = c.optimized();
      for (int i = 0; i < m.ops().size(); i++) {
        Operation op = m.ops().get(i);
        if (!op.attributes().has(Mapping.ATTR)) continue;
        String layer = m.layerName(i);
        if (only != null && !only.equals(layer)) continue;
        TimeloopExport.Layer l = layer(op, layer);
        if (l == null) {
          if (only != null) throw new CompileException(op.location(), "layer " + layer + " (" + op.shortName()
              + ") has no Timeloop CNN-layer form; export timeloop writes conv2d (groups = 1) and matmul layers");
          skipped.add(layer + " (" + op.shortName() + ")");
          continue;
        }
        if (out.containsKey(layer + ".problem.yaml")) throw new UsageException("two models define layer " + layer
            + "; name one with --model");
        try {
          out.put(layer + ".problem.yaml", TimeloopExport.problem(l));
          out.put(layer + ".mapping.yaml", TimeloopExport.mapping(l, r.target()));
        } catch (TimeloopExport.Unexportable e) {
          throw new CompileException(op.location(), e.getMessage());
        }
        macs += TimeloopExport.macs(l);
      }
    }
    if (only != null && out.isEmpty()) throw new UsageException("no mapped layer named " + only);
    if (out.isEmpty()) throw new UsageException("no mapped conv2d or matmul layer to export");
    Map<String, String> all = new LinkedHashMap<>();
    all.put("arch.yaml", TimeloopExport.architecture(r.target()));
    all.put("ERT.yaml", TimeloopExport.energyTable(r.target()));
    all.putAll(out);
    UserFiles.directory(dir);
    for (Map.Entry<String, String> e : all.entrySet()) {
      Path f = dir.resolve(e.getKey());
      UserFiles.refuseInput("-o", f, List.of(Path.of(path)));
      UserFiles.write(f, e.getValue().getBytes(StandardCharsets.UTF_8));
    }
    if (cl.hasOption("json")) {
      List<String> layers = out.keySet().stream().filter(f -> f.endsWith(".problem.yaml"))
          .map(f -> f.substring(0, f.length() - ".problem.yaml".length())).toList();
      ExportCommand.printReport(io, name(), path, r.target().name(), layers,
          all.keySet().stream().map(f -> dir.resolve(f).toString()).toList());
      return 0;
    }
    io.err().println("wrote " + all.size() + " files to " + dir + ": " + out.size() / 2 + " layers for target "
        + r.target().name() + " (" + String.format(Locale.ROOT, "%,d", macs) + " MACs)"
        + (skipped.isEmpty() ? "" : "; not exported (no CNN-layer form): " + String.join(", ", skipped)));
    io.err().println("run one with: timeloop-model " + dir.resolve("arch.yaml") + " " + dir.resolve("ERT.yaml") + " "
        + dir.resolve("LAYER.problem.yaml") + " " + dir.resolve("LAYER.mapping.yaml"));
    return 0;
  }

  /** The layer in Timeloop's terms, or null for an op with no CNN-layer form (a grouped conv, an einsum, ...). */
  private static TimeloopExport.Layer layer(Operation op, String name) {
    IndexSpace space = IndexSpace.of(op).orElseThrow();
    Map<String, Integer> ranges = new LinkedHashMap<>();
    for (String d : space.dims()) ranges.put(d, space.range(d));
    Mapping mapping = Mapping.of(op).orElseThrow();
    if (op.is(Ops.CONV2D)) {
      DictAttr a = OpDef.attributesOf(op);
      if (a.getInt("groups") != 1) return null;
      int[] stride = a.getInts("stride");
      return new TimeloopExport.Layer(name, "conv2d", TimeloopExport.convIndices(), ranges, stride[0], stride[1], mapping);
    }
    if (op.is(Ops.MATMUL)) {
      return new TimeloopExport.Layer(name, "matmul", TimeloopExport.matmulIndices(space.has("b")), ranges, 1, 1, mapping);
    }
    return null;
  }
}
