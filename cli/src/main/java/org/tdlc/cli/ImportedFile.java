// What every text import ends with: the .tdl text written whole to -o (never over one of the inputs, nothing
// written on an error, which is raised before), then one line on stderr saying what was written, or under --json
// the report {"tdlc_version", "command": "import", "format", "inputs", "output", "target", "model", "layers": [{"name"}]}.
package org.tdlc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;

final class ImportedFile {
  private ImportedFile() {}

  /** The -o argument, checked before anything is read: required, and not one of the inputs. */
  static String output(CommandLine cl, List<String> inputs) {
    if (!cl.hasOption("o")) throw new UsageException("missing -o OUT.tdl");
    String out = cl.getOptionValue("o");
    if (!out.equals(UserFiles.STDOUT)) UserFiles.refuseInput("-o", Path.of(out), inputs.stream().map(Path::of).toList());
    return out;
  }

  /** The inputs a format takes: exactly {@code min} to {@code max} files, else a usage error naming them. */
  static void expect(List<String> files, int min, int max, String format, String usage) {
    if (files.size() < min || files.size() > max) {
      throw new UsageException("import " + format + " takes " + usage + ", got " + files.size() + " file"
          + (files.size() == 1 ? "" : "s"));
    }
  }

  static int write(String format, List<String> inputs, String out, String text, String target, String model,
                   List<String> layers, CommandLine cl, Io io) {
    UserFiles.write("-o", out, text.getBytes(StandardCharsets.UTF_8), inputs.stream().map(Path::of).toList(), io);
    if (cl.hasOption("json")) {
      var report = Json.report("import");
      report.put("format", format);
      report.set("inputs", Json.strings(inputs));
      report.put("output", out);
      Json.stringOrNull(report, "target", target);
      Json.stringOrNull(report, "model", model);
      var named = report.putArray("layers");
      layers.forEach(l -> named.addObject().put("name", l));
      io.out().print(Json.write(report));
    } else if (!out.equals(UserFiles.STDOUT)) {
      io.err().println("wrote " + out + ": " + (target == null ? "" : "target " + target + ", ")
          + (model == null ? "no model" : "model " + model + " (" + layers.size() + " layer" + (layers.size() == 1 ? "" : "s") + ")"));
    }
    return 0;
  }
}
