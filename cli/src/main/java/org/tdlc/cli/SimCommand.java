// tdlc sim: the simulate half of run. Loads a .tdlx program, runs it on the given or seeded inputs and
// reports the cost; --trace prints every executed instruction in assembly with its start cycle.
package org.tdlc.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.ProgramVerifier;
import org.tdlc.backend.tdlx.TdlxException;
import org.tdlc.backend.tdlx.TdlxReader;
import org.tdlc.ir.diag.SourceCache;

final class SimCommand implements Command {
  @Override public String name() { return "sim"; }
  @Override public String summary() { return "run a .tdlx program on the simulator and report its cost"; }
  @Override public String usage() {
    return "OUT.tdlx [--input NAME=FILE.npy ...] [--seed N] [--save-outputs DIR] [--trace] [--trace-json FILE] [--json]";
  }

  @Override public Options options() {
    return new Options()
        .addOption(Option.builder().longOpt("input").hasArgs().argName("NAME=FILE.npy")
            .desc("feed an input from a .npy file; repeatable").get())
        .addOption(Option.builder().longOpt("seed").hasArg().argName("N")
            .desc("seed of the random data for inputs not given with --input (default 0; same data as run)").get())
        .addOption(Option.builder().longOpt("save-outputs").hasArg().argName("DIR")
            .desc("write every output as DIR/NAME.npy").get())
        .addOption(Option.builder().longOpt("trace")
            .desc("print each executed instruction with its start cycle (to stderr)").get())
        .addOption(ChromeTrace.option())
        .addOption(Option.builder().longOpt("json")
            .desc("print one JSON object (described in docs/json.md) instead of text; errors too").get());
  }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) throws Exception {
    String path = ModuleLoader.onePath(cl, "OUT.tdlx");
    Program program = TdlxReader.read(UserFiles.existing("", path));
    List<String> problems = ProgramVerifier.verify(program);  // as asm does: refuse a program that cannot run
    if (!problems.isEmpty()) throw new TdlxException(path + ": not a runnable program: " + String.join("; ", problems));
    var files = InputFeeds.files(cl);
    var inputs = Execution.inputs(program, files, InputFeeds.seed(cl));
    if (cl.hasOption("trace")) io.err().printf("%10s  %5s  %s%n", "cycle", "insn", "instruction");
    // the model the program records; a program assembled without .model is named by its file
    String model = program.info().model().isEmpty() ? Path.of(path).getFileName().toString() : program.info().model();
    RunReport.ModelRun run;
    try (ChromeTrace traceJson = ChromeTrace.of(cl, InputFeeds.inputPaths(path, files))) {
      run = Execution.run(model, program.machine().target(), program, inputs, null, -1,
          cl.hasOption("trace") ? io.err() : null, Progress.OFF, traceJson);
      traceJson.commit();
    }
    var report = cl.hasOption("json") ? RunReport.json(name(), InputFeeds.seed(cl), List.of(run), path) : null;
    if (report == null) io.out().print(RunReport.text(run));
    io.out().flush();
    Main.writeFiles(report, this, io, sources, () -> {
      if (cl.hasOption("save-outputs")) {
        Execution.save(Path.of(cl.getOptionValue("save-outputs")), Map.of(run.model(), run.sim().outputs()),
            InputFeeds.inputPaths(path, files));
      }
    });
    return Main.OK;
  }
}
