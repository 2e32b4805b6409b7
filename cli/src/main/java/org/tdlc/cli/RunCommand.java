// tdlc run: the main job. Compiles a model for a target, simulates the program on real data, runs the
// reference interpreter on the same inputs, compares every output bit for bit and reports the cost.
// Exit 0 when verified, 2 on any mismatch.
package org.tdlc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.passes.PassManager;

final class RunCommand implements Command {
  static final int MISMATCH = 2;

  @Override public String name() { return "run"; }
  @Override public String summary() { return "compile, simulate and verify a model against the reference interpreter"; }
  @Override public String usage() {
    return "FILE.tdl [--target T] [--model M] [--input NAME=FILE.npy ...] [--seed N] [--save-outputs DIR] "
        + "[--passes P] [--profile-inputs N] [--report OUT.html] [--trace-json FILE] [--json]";
  }

  @Override public Options options() {
    Options o = Compilation.options();
    o.addOption(Option.builder().longOpt("input").hasArgs().argName("NAME=FILE.npy")
        .desc("feed an input from a .npy file (|i1, <i2, <i4); repeatable").get());
    o.addOption(Option.builder().longOpt("seed").hasArg().argName("N")
        .desc("seed of the random data for inputs not given with --input (default 0)").get());
    o.addOption(Option.builder().longOpt("save-outputs").hasArg().argName("DIR")
        .desc("write the simulated outputs as DIR/NAME.npy (DIR/MODEL/NAME.npy for several models)").get());
    o.addOption(Option.builder().longOpt("report").hasArg().argName("OUT.html")
        .desc("also write a self-contained HTML page: the per-layer table and plots of cycles, energy, "
            + "utilization and bytes per memory level").get());
    o.addOption(ChromeTrace.option());
    o.addOption(Option.builder().longOpt("json").desc("print one JSON object (described in docs/json.md) instead of text").get());
    return o;
  }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) throws Exception {
    String path = ModuleLoader.onePath(cl, "FILE.tdl");
    var files = InputFeeds.files(cl);
    long seed = InputFeeds.seed(cl);
    List<Path> readFiles = InputFeeds.inputPaths(path, files);
    if (cl.hasOption("report")) UserFiles.refuseInput("--report", Path.of(cl.getOptionValue("report")), readFiles);
    ChromeTrace traceJson = ChromeTrace.of(cl, readFiles);
    Progress progress = Progress.onTerminal(io.err(), cl.hasOption("json"));
    progress.show("compiling " + path);
    Compilation.Result compiled;
    try {
      compiled = Compilation.compile(cl, path, sources, PassManager.Instrumentation.defaults(io.err()));
    } finally {
      progress.clear();   // before any diagnostic
    }
    if (!files.isEmpty() && compiled.models().size() > 1) {
      throw new UsageException("--input needs --model when FILE has several models");
    }
    List<RunReport.ModelRun> runs = new ArrayList<>();
    try {
      for (Compilation.Compiled c : compiled.models()) {
        var inputs = InputFeeds.forModel(c.source(), files, seed);
        RunReport.ModelRun run = Execution.run(c.source().name(), compiled.target().name(), c.program(), inputs,
            c.source(), compiled.millis(), null, progress, traceJson).withSparse(c.sparse())
            .withMappings(c.mappings());
        // only --json shows the predictions, and exact ones cost a walk of every layer's tiles (~1 s on ResNet-50)
        if (cl.hasOption("json")) {
          run = run.withPredicted(org.tdlc.passes.mapping.Predictions.of(c.optimized(), compiled.target()));
        }
        runs.add(run);
      }
      traceJson.commit();
    } finally {
      progress.clear();
      traceJson.close();
    }
    // the results first: a file that cannot be written must not cost the user what the run found
    if (cl.hasOption("json")) io.out().print(RunReport.json(runs));
    else runs.forEach(r -> io.out().print(RunReport.text(r)));
    io.out().flush();
    if (cl.hasOption("save-outputs")) {
      var outputs = new LinkedHashMap<String, Map<String, Tensor>>();
      runs.forEach(r -> outputs.put(r.model(), r.sim().outputs()));
      Execution.save(Path.of(cl.getOptionValue("save-outputs")), outputs, readFiles);
    }
    if (cl.hasOption("report")) {
      UserFiles.write(Path.of(cl.getOptionValue("report")), HtmlReport.page(runs).getBytes(StandardCharsets.UTF_8));
    }
    return runs.stream().allMatch(RunReport.ModelRun::verified) ? Main.OK : MISMATCH;
  }
}
