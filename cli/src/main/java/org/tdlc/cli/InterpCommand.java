// tdlc interp: runs a model on the reference interpreter alone (the definition of every op's semantics)
// and prints a summary of each output; --save-outputs writes them as .npy files.
package org.tdlc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.ir.Model;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.interp.Interpreter;
import org.tdlc.ir.interp.InterpreterException;

final class InterpCommand implements Command {
  @Override public String name() { return "interp"; }
  @Override public String summary() { return "run a model on the reference interpreter and summarize its outputs"; }
  @Override public String usage() {
    return "FILE.tdl [--model M] [--input NAME=FILE.npy ...] [--seed N] [--save-outputs DIR] [--json]";
  }

  @Override public Options options() {
    return new Options()
        .addOption(Option.builder().longOpt("model").hasArg().argName("M")
            .desc("the model to run (default: every model defined in FILE itself)").get())
        .addOption(Option.builder().longOpt("input").hasArgs().argName("NAME=FILE.npy")
            .desc("feed an input from a .npy file (|i1, <i2, <i4); repeatable").get())
        .addOption(Option.builder().longOpt("seed").hasArg().argName("N")
            .desc("seed of the random data for inputs not given with --input (default 0)").get())
        .addOption(Option.builder().longOpt("save-outputs").hasArg().argName("DIR")
            .desc("write every output as DIR/NAME.npy (DIR/MODEL/NAME.npy when running several models)").get())
        .addOption(Option.builder().longOpt("json")
            .desc("print one JSON object (described in docs/json.md) instead of text; errors too").get());
  }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) throws Exception {
    String path = ModuleLoader.onePath(cl, "FILE.tdl");
    ModuleLoader.Loaded loaded = ModuleLoader.load(path, sources, io.err());
    List<Model> models = ModuleLoader.select(loaded, cl);
    var files = InputFeeds.files(cl);
    long seed = InputFeeds.seed(cl);
    if (!files.isEmpty() && models.size() > 1) throw new UsageException("--input needs --model when FILE has several models");
    List<OutputSummary.ModelRun> runs = new ArrayList<>();
    Interpreter interpreter = new Interpreter();
    for (Model model : models) {
      long start = System.nanoTime();
      Map<String, Tensor> outputs;
      try {
        outputs = interpreter.run(model, InputFeeds.forModel(model, files, seed));
      } catch (InterpreterException e) {
        throw new CompileException(e.location(), e.getMessage());
      }
      runs.add(new OutputSummary.ModelRun(model.name(), outputs, (System.nanoTime() - start) / 1_000_000));
    }
    var report = cl.hasOption("json") ? OutputSummary.json(runs, seed) : null;
    if (report == null) io.out().print(OutputSummary.text(runs, seed));
    io.out().flush();
    Main.writeFiles(report, this, io, sources, () -> {
      if (cl.hasOption("save-outputs")) {
        var outputs = new LinkedHashMap<String, Map<String, Tensor>>();
        runs.forEach(r -> outputs.put(r.model(), r.outputs()));
        Execution.save(Path.of(cl.getOptionValue("save-outputs")), outputs, InputFeeds.inputPaths(path, files));
      }
    });
    return Main.OK;
  }
}
