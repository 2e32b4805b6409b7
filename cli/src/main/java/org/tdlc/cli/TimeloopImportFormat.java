// `tdlc import timeloop FILE.yaml... -o OUT.tdl`: Timeloop v0.3's YAML files (recognised by their top-level
// keys) to one target and one model (interop.timeloop.TimeloopImport), written whole or not at all.
package org.tdlc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.tdlc.interop.TdlNames;
import org.tdlc.interop.timeloop.PinTrial;
import org.tdlc.interop.timeloop.TimeloopImport;
import org.tdlc.ir.diag.SourceCache;

final class TimeloopImportFormat implements FileFormat {
  @Override public String name() { return "timeloop"; }

  @Override public String files() { return "FILE.yaml..."; }

  @Override public String summary() {
    return "Timeloop v0.3 YAML (problem, architecture, constraints, mapping, ERT; by their top-level keys)";
  }

  @Override public int run(List<String> files, CommandLine cl, Io io, SourceCache sources) throws Exception {
    if (files.isEmpty()) throw new UsageException("import timeloop takes the YAML files Timeloop takes (problem, architecture, ERT, ...)");
    if (!cl.hasOption("o")) throw new UsageException("import timeloop needs -o OUT.tdl");
    if (cl.hasOption("weights-dir")) throw new UsageException("import timeloop writes no weights: --weights-dir does not apply");
    String out = cl.getOptionValue("o");
    if (out.equals(UserFiles.STDOUT)) throw new UsageException("-o names a file: import timeloop writes OUT.tdl");
    Map<String, String> texts = new LinkedHashMap<>();
    List<Path> inputs = new ArrayList<>();
    for (String f : files) {
      Path p = UserFiles.existing("", f);
      String text = Files.readString(p, StandardCharsets.UTF_8);
      sources.put(f, text);
      texts.put(f, text);
      inputs.add(p);
    }
    String name = TimeloopImportFormat.modelName(out);
    TimeloopImport.Result r = TimeloopImport.run(texts, name, text -> PinTrial.refusal(text, name + "_arch"));
    if (cl.hasOption("json")) {
      return ImportedFile.write(name(), files, out, r.text(), r.target(), r.model(), List.of(r.layer()), cl, io);
    }
    UserFiles.write("-o", out, r.text().getBytes(StandardCharsets.UTF_8), inputs, io);
    io.err().println("wrote " + out + ": target " + r.target() + ", model " + r.model() + " (layer " + r.layer() + ", "
        + String.format(Locale.ROOT, "%,d", r.macs()) + " MACs); " + r.notCarried().size()
        + (r.notCarried().size() == 1 ? " note" : " notes") + " on what was not carried over "
        + (r.notCarried().size() == 1 ? "is a comment" : "are comments") + " in the file");
    return 0;
  }

  /** The model's name: OUT.tdl's base name as an identifier (TdlNames). */
  static String modelName(String out) { return new TdlNames().fresh(TdlNames.stem(out)); }
}
