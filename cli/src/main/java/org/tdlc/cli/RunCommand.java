// tdlc run: the main job. Compiles a model for a target, simulates the program on real data, runs the
// reference interpreter on the same inputs, compares every output bit for bit and reports the cost.
// Exit 0 when verified, 2 on any mismatch.
package org.tdlc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    return "FILE.tdl [--target T ...] [--model M] [--input NAME=FILE.npy ...] [--seed N] [--save-outputs DIR] "
        + "[--passes P] [--profile-inputs N] [--report OUT.html] [--trace-json FILE] [--json]";
  }

  /** --target may be given several times: every selected model runs on every target. */
  @Override public Set<String> repeatable() { return Set.of("target"); }

  @Override public Options options() {
    Options o = Compilation.options();
    Option target = o.getOption("target");
    o.addOption(Option.builder().longOpt("target").hasArg().argName("T").desc(target.getDescription()
        + "; give it several times (--target a --target b) to run every model on each").get());
    o.addOption(Option.builder().longOpt("input").hasArgs().argName("NAME=FILE.npy")
        .desc("feed an input from a .npy file (|i1, <i2, <i4); repeatable").get());
    o.addOption(Option.builder().longOpt("seed").hasArg().argName("N")
        .desc("seed of the random data for inputs not given with --input (default 0)").get());
    o.addOption(Option.builder().longOpt("save-outputs").hasArg().argName("DIR")
        .desc("write the simulated outputs as DIR/NAME.npy (DIR/MODEL/NAME.npy for several models, "
            + "DIR/TARGET/... for several targets)").get());
    o.addOption(Option.builder().longOpt("report").hasArg().argName("OUT.html")
        .desc("also write a self-contained HTML page: the per-layer table and plots of cycles, energy, "
            + "utilization and bytes per memory level, a roofline, each layer's mapping, the cost model's "
            + "predictions beside the counts, and the targets side by side").get());
    o.addOption(ChromeTrace.option());
    o.addOption(Option.builder().longOpt("json")
        .desc("print one JSON object (described in docs/json.md) instead of text; errors too").get());
    return o;
  }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) throws Exception {
    String path = ModuleLoader.onePath(cl, "FILE.tdl");
    var files = InputFeeds.files(cl);
    long seed = InputFeeds.seed(cl);
    List<Path> readFiles = InputFeeds.inputPaths(path, files);
    if (cl.hasOption("report")) UserFiles.refuseInput("--report", Path.of(cl.getOptionValue("report")), readFiles);
    ChromeTrace traceJson = ChromeTrace.of(cl, readFiles);
    List<String> targets = targets(cl);
    Progress progress = Progress.onTerminal(io.err(), cl.hasOption("json"));
    progress.show("compiling " + path);
    List<Compilation.Result> compiled;
    try {
      compiled = Compilation.compile(cl, path, targets, sources, PassManager.Instrumentation.defaults(io.err()));
    } finally {
      progress.clear();   // before any diagnostic
    }
    if (!files.isEmpty() && compiled.get(0).models().size() > 1) {
      throw new UsageException("--input needs --model when FILE has several models");
    }
    // the cost model's predictions are shown by --json and --report; exact ones cost a walk of every layer's
    // tiles (~1 s on ResNet-50), so the text table alone does without
    boolean predict = cl.hasOption("json") || cl.hasOption("report");
    List<RunReport.ModelRun> runs = new ArrayList<>();
    try {
      for (Compilation.Result result : compiled) {
        for (Compilation.Compiled c : result.models()) {
          var inputs = InputFeeds.forModel(c.source(), files, seed);
          RunReport.ModelRun run = Execution.run(c.source().name(), result.target().name(), c.program(), inputs,
              c.source(), result.millis(), null, progress, traceJson).withSparse(c.sparse())
              .withMappings(c.mappings());
          if (predict) run = run.withPredicted(c.predictions(result.target()));
          runs.add(run);
        }
      }
      traceJson.commit();
    } finally {
      progress.clear();
      traceJson.close();
    }
    // the results first: a file that cannot be written must not cost the user what the run found
    var report = cl.hasOption("json") ? RunReport.json(name(), seed, runs, null) : null;
    if (report == null) io.out().print(String.join("\n", runs.stream().map(RunReport::text).toList()));
    io.out().flush();
    Main.writeFiles(report, this, io, sources, () -> {
      if (cl.hasOption("save-outputs")) {
        var outputs = new LinkedHashMap<String, Map<String, Tensor>>();
        boolean severalModels = compiled.get(0).models().size() > 1;
        for (RunReport.ModelRun r : runs) {
          String key = targets.size() == 1 ? r.model() : severalModels ? r.target() + "/" + r.model() : r.target();
          outputs.put(key, r.sim().outputs());
        }
        Execution.save(Path.of(cl.getOptionValue("save-outputs")), outputs, readFiles);
      }
      if (cl.hasOption("report")) {
        UserFiles.write(Path.of(cl.getOptionValue("report")), HtmlReport.page(runs).getBytes(StandardCharsets.UTF_8));
      }
    });
    return runs.stream().allMatch(RunReport.ModelRun::verified) ? Main.OK : MISMATCH;
  }

  /** The --target values in the order given (one null for the default), each target once. */
  static List<String> targets(CommandLine cl) {
    String[] given = cl.getOptionValues("target");
    if (given == null) return Collections.singletonList(null);
    List<String> out = new ArrayList<>();
    for (String t : given) {
      if (out.contains(t)) throw new UsageException("--target " + t + " is given twice; give each target once");
      out.add(t);
    }
    return out;
  }
}
