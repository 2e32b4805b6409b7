// tdlc import FORMAT FILE... -o OUT.tdl: turns a network (ONNX) or another tool's input files (SCALE-Sim,
// MAESTRO, Timeloop) into a .tdl file that check, run and every other command take. The formats are listed
// once, in FORMATS; each reads its files in the interop module.
package org.tdlc.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.ir.diag.SourceCache;

final class ImportCommand implements Command {
  /** Every import format, in the order help lists them. */
  static final List<FileFormat> FORMATS =
      List.of(new OnnxFormat(), new ScaleSimFormat(), new MaestroImportFormat(), new TimeloopImportFormat());

  @Override public String name() { return "import"; }

  @Override public String summary() { return "write a .tdl file from a network or another tool's input files"; }

  @Override public String footer() { return "\n" + FileFormat.list(name(), FORMATS); }

  @Override public String usage() { return "FORMAT FILE... -o OUT.tdl [--weights-dir DIR] [--json]"; }

  @Override public Options options() {
    return new Options()
        .addOption(Option.builder("o").longOpt("output").hasArg().argName("OUT.tdl")
            .desc("the .tdl file to write (required); written whole, or not at all on an error").get())
        .addOption(Option.builder().longOpt("weights-dir").hasArg().argName("DIR")
            .desc("where imported weights are written as .npy files (default: beside OUT.tdl)").get())
        .addOption(Option.builder().longOpt("json")
            .desc("print one JSON object: what was imported and the files written; errors too").get());
  }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) throws Exception {
    List<String> args = cl.getArgList();
    if (args.isEmpty()) throw new UsageException("name a format and its files");
    FileFormat format = FileFormat.named(name(), args.get(0), FORMATS);
    return format.run(args.subList(1, args.size()), cl, io, sources);
  }
}
