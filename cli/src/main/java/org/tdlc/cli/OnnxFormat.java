// tdlc import onnx MODEL.onnx -o OUT.tdl [--weights-dir DIR]: the .tdl model and its .npy weights from an ONNX
// file (the interop module's OnnxImporter does the reading). Everything is converted before anything is
// written, so a node tdlc cannot represent leaves no files behind; the .tdl is written last, each file whole.
package org.tdlc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.tdlc.interop.onnx.OnnxException;
import org.tdlc.interop.onnx.OnnxImporter;
import org.tdlc.ir.data.Npy;
import org.tdlc.ir.diag.SourceCache;

final class OnnxFormat implements FileFormat {
  @Override public String name() { return "onnx"; }

  @Override public String files() { return "MODEL.onnx"; }

  @Override public String summary() {
    return "a network: float weights quantized to i8, batch norm folded (docs/interop.md)";
  }

  @Override public int run(List<String> files, CommandLine cl, Io io, SourceCache sources) {
    if (files.size() != 1) throw new UsageException("import onnx takes one MODEL.onnx, got " + files.size() + " files");
    String out = cl.getOptionValue("output");
    if (out == null) throw new UsageException("name the .tdl file to write with -o OUT.tdl");
    if (out.equals(UserFiles.STDOUT)) throw new UsageException("-o - : the model names its weight files, so it is written to a file");
    Path input = UserFiles.existing("", files.get(0)), outPath = Path.of(out);
    UserFiles.refuseInput("-o", outPath, List.of(input));
    Path tdlDir = outPath.toAbsolutePath().normalize().getParent();
    Path weightsDir = cl.hasOption("weights-dir") ? Path.of(cl.getOptionValue("weights-dir")) : tdlDir;
    String prefix = tdlDir.relativize(weightsDir.toAbsolutePath().normalize()).toString().replace('\\', '/');
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(input);
    } catch (IOException | SecurityException e) {
      throw new UserError(files.get(0), "cannot read: " + UserFiles.reason(input, e));
    }
    OnnxImporter.Imported im;
    try {
      im = OnnxImporter.read(bytes, files.get(0), stem(outPath), prefix.isEmpty() ? "" : prefix + "/");
    } catch (OnnxException e) {
      throw new UserError(e.file(), e.getMessage());
    }
    ObjectNode report = cl.hasOption("json") ? json(files.get(0), out, weightsDir, im) : null;
    Main.writeFiles(report, new ImportCommand(), io, sources, () -> {
      UserFiles.directory(weightsDir);
      for (OnnxImporter.WeightFile w : im.weights()) {
        Path p = weightsDir.resolve(w.fileName());
        UserFiles.refuseInput("--weights-dir", p, List.of(input));
        UserFiles.write(p, Npy.toBytes(w.data()));
      }
      UserFiles.write(outPath, im.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    });
    if (report == null) {
      io.out().printf("wrote %s: model %s, %d layers from %d ONNX nodes (opset %d), %d weight files in %s%n",
          out, im.model(), im.layers().size(), im.nodes(), im.opset(), im.weights().size(), weightsDir);
    }
    return Main.OK;
  }

  private static String stem(Path p) {
    String f = p.getFileName().toString();
    return f.endsWith(".tdl") ? f.substring(0, f.length() - 4) : f;
  }

  /** {tdlc_version, command, format, inputs, output, target (null), model, opset, nodes, layers, weights_dir, weights}. */
  private static ObjectNode json(String input, String out, Path weightsDir, OnnxImporter.Imported im) {
    ObjectNode o = Json.report("import");
    o.put("format", "onnx");
    o.set("inputs", Json.strings(List.of(input)));
    o.put("output", out);
    o.putNull("target");
    o.put("model", im.model());
    o.put("opset", im.opset());
    o.put("nodes", im.nodes());
    ArrayNode layers = o.putArray("layers");
    for (OnnxImporter.LayerInfo l : im.layers()) {
      layers.addObject().put("name", l.name()).put("op", l.op()).put("source", l.onnxNode());
    }
    o.put("weights_dir", weightsDir.toString());
    o.set("weights", Json.strings(im.weights().stream().map(OnnxImporter.WeightFile::fileName).toList()));
    return o;
  }
}
