// `tdlc export maestro FILE.tdl -o DIR`: compiles the model for the target (the path `run` takes: Compilation),
// and writes its mapped layers as a MAESTRO mapping file DIR/MODEL.m and the target as a MAESTRO HW file
// DIR/TARGET_hw.m (interop.maestro.MaestroExport says how a mapping becomes directives). A layer MAESTRO cannot
// describe (a grouped, non-depthwise convolution, a batched matmul, an einsum) is named on stderr and left out.
package org.tdlc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.tdlc.interop.maestro.MaestroExport;
import org.tdlc.ir.Operation;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.mapping.IndexSpace;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.ops.OpDef;
import org.tdlc.passes.PassManager;

final class MaestroExportFormat implements FileFormat {
  @Override public String name() { return "maestro"; }

  @Override public String files() { return "FILE.tdl"; }

  @Override public String summary() {
    return "MAESTRO: the mapped layers as DIR/MODEL.m, the target as DIR/TARGET_hw.m";
  }

  @Override public int run(List<String> files, CommandLine cl, Io io, SourceCache sources) {
    if (files.size() != 1) throw new UsageException("export maestro takes one FILE.tdl, got " + files.size());
    if (!cl.hasOption("o")) throw new UsageException("missing -o DIR");
    String path = files.get(0);
    Path dir = Path.of(cl.getOptionValue("o"));
    Compilation.Result compiled = Compilation.compile(cl, path, java.util.Collections.singletonList(
        cl.getOptionValue("target")), sources, PassManager.Instrumentation.defaults(io.err())).get(0);
    String wanted = cl.getOptionValue("layer");
    Map<Path, String> out = new LinkedHashMap<>();
    List<String> exported = new ArrayList<>(), mapped = new ArrayList<>();
    for (Compilation.Compiled c : compiled.models()) {
      List<MaestroExport.Layer> layers = new ArrayList<>();
      for (var e : c.mappings().entrySet()) {
        mapped.add(e.getKey());
        if (wanted != null && !wanted.equals(e.getKey())) continue;
        MaestroExport.Layer layer = layer(e.getKey(), e.getValue(), io);
        if (layer != null) {
          layers.add(layer);
          exported.add(e.getKey());
        }
      }
      if (!layers.isEmpty()) {
        out.put(dir.resolve(c.optimized().name() + ".m"), MaestroExport.write(c.optimized().name(), Path.of(path)
            .getFileName().toString(), layers, compiled.target()).mapping());
      }
    }
    if (wanted != null && !mapped.contains(wanted)) {
      throw new UsageException("no mapped layer named '" + wanted + "'; the mapped layers are " + String.join(", ", mapped));
    }
    if (exported.isEmpty()) throw new UserError(path, "no layer MAESTRO can describe (a convolution or a matmul) to export");
    Path hw = dir.resolve(compiled.target().name() + "_hw.m");
    out.put(hw, MaestroExport.write("", Path.of(path).getFileName().toString(), List.of(), compiled.target()).hardware());
    UserFiles.directory(dir);
    List<Path> inputs = List.of(Path.of(path));
    for (var e : out.entrySet()) {
      UserFiles.refuseInput("-o", e.getKey(), inputs);
      UserFiles.write(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
    }
    List<String> written = out.keySet().stream().map(Path::toString).toList();
    if (cl.hasOption("json")) {
      ExportCommand.printReport(io, name(), path, compiled.target().name(), exported, written);
    } else {
      io.err().println("wrote " + String.join(", ", written) + " (" + exported.size() + " layer"
          + (exported.size() == 1 ? "" : "s") + "); MAESTRO runs them with");
      for (String m : written.subList(0, written.size() - 1)) {
        io.err().println("  maestro --HW_file=" + hw + " --Mapping_file=" + m + " --print_res=true");
      }
    }
    return 0;
  }

  /** The layer as MAESTRO describes it, or null (with a note on stderr) when it cannot. */
  private static MaestroExport.Layer layer(String name, MappedLayers.Mapped mapped, Io io) {
    Described d = describe(name, mapped.op(), mapped.space(), mapped.mapping());
    if (d.layer() == null) io.err().println("note: layer " + name + " is not exported: " + d.why());
    return d.layer();
  }

  /** A mapped layer as MAESTRO describes it, or why it cannot (layer null). */
  record Described(MaestroExport.Layer layer, String why) {}

  static Described describe(String name, Operation op, IndexSpace space, Mapping mapping) {
    Map<String, Integer> ranges = new LinkedHashMap<>();
    for (String d : space.dims()) ranges.put(d, space.range(d));
    int[] stride = {1, 1}, pad = {0, 0};
    MaestroExport.Kind kind;
    if (op.shortName().equals("conv2d")) {
      var attrs = OpDef.attributesOf(op);
      stride = attrs.getInts("stride");
      pad = attrs.getInts("pad");
      long groups = attrs.getInt("groups");
      if (groups == 1) kind = MaestroExport.Kind.CONV;
      else if (ranges.getOrDefault("k", 1) == 1 && ranges.getOrDefault("c", 1) == 1) kind = MaestroExport.Kind.DSCONV;
      else return new Described(null, "a grouped convolution (MAESTRO's NGCONV has no tdlc counterpart yet)");
    } else if (op.shortName().equals("matmul") && !space.has("b")) {
      kind = MaestroExport.Kind.GEMM;
    } else {
      return new Described(null, "a " + op.shortName() + (space.has("b") ? " batched over b" : "")
          + " has no MAESTRO layer type");
    }
    return new Described(new MaestroExport.Layer(name, kind, ranges, stride[0], stride[1], pad[0], pad[1], mapping), null);
  }

  /**
   * The layer's MAESTRO Dataflow directives on a rows x cols array, one a line, as `export maestro` writes them
   * (MAESTRO parses them), or a line saying why MAESTRO has no such layer.
   */
  static List<String> directives(String name, Operation op, IndexSpace space, Mapping mapping, int rows, int cols) {
    Described d = describe(name, op, space, mapping);
    return d.layer() == null ? List.of("// none: " + d.why())
        : MaestroExport.directives(d.layer(), rows, cols);
  }
}
