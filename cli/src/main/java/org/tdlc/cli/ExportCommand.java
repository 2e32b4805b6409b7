// tdlc export FORMAT FILE.tdl -o DIR: compiles the model, maps its layers, and writes for each mapped layer the
// files another tool (MAESTRO, Timeloop) loads and runs unchanged, so the same mapping can be costed by both.
// The formats are listed once, in FORMATS; each writes its files in the interop module.
package org.tdlc.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.ir.diag.SourceCache;

final class ExportCommand implements Command {
  /** Every export format, in the order help lists them. */
  static final List<FileFormat> FORMATS = List.of(new MaestroExportFormat(), new TimeloopExportFormat());

  @Override public String name() { return "export"; }

  @Override public String summary() { return "write a model's mapped layers in another tool's input format"; }

  @Override public String footer() { return "\n" + FileFormat.list(name(), FORMATS); }

  @Override public String usage() { return "FORMAT FILE.tdl -o DIR [--layer L] [--target T] [--model M] [--json]"; }

  @Override public Options options() {
    return new Options()
        .addOption(Option.builder("o").longOpt("output").hasArg().argName("DIR")
            .desc("the directory to write (required); created if missing").get())
        .addOption(Option.builder().longOpt("layer").hasArg().argName("L")
            .desc("export only this layer (as run names it); default: every mapped layer").get())
        .addOption(Option.builder().longOpt("target").hasArg().argName("T")
            .desc("the target to map for: a name, or a .tdl file of targets (T.tdl, or T.tdl:NAME); " + TargetChoice.DEFAULT_HELP).get())
        .addOption(Option.builder().longOpt("model").hasArg().argName("M")
            .desc("the model to export when the file defines several").get())
        .addOption(Option.builder().longOpt("json")
            .desc("print one JSON object: the layers exported and the files written; errors too").get());
  }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) throws Exception {
    List<String> args = cl.getArgList();
    if (args.isEmpty()) throw new UsageException("name a format and a .tdl file");
    FileFormat format = FileFormat.named(name(), args.get(0), FORMATS);
    return format.run(args.subList(1, args.size()), cl, io, sources);
  }

  /** The --json report of an export: {format, file, target, layers exported, files written}. */
  static void printReport(Io io, String format, String file, String target, List<String> layers, List<String> files) {
    var report = Json.report("export");
    report.put("format", format);
    report.put("file", file);
    report.put("target", target);
    report.set("layers", Json.strings(layers));
    report.set("files", Json.strings(files));
    io.out().print(Json.write(report));
  }
}
