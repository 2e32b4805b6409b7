// tdlc opt: the mlir-opt of tdlc. Reads a .tdl or textual IR file, runs a pass pipeline with MLIR's
// instrumentation flags, and prints the resulting module (unchanged when no --passes is given).
package org.tdlc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.text.IrPrinter;
import org.tdlc.passes.PassInfo;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Passes;
import org.tdlc.passes.Pipeline;
import org.tdlc.passes.Stage;

final class OptCommand implements Command {
  @Override public String name() { return "opt"; }
  @Override public String summary() { return "run a pass pipeline on a .tdl or IR file and print the IR"; }
  @Override public String usage() { return "FILE.tdl|FILE.ir [--passes P1,P2{opt=v}] [--target T] [-o OUT.ir] [instrumentation]"; }

  @Override public Options options() {
    return new Options()
        .addOption(Option.builder().longOpt("passes").hasArg().argName("PIPELINE")
            .desc("comma-separated passes, e.g. canonicalize,fuse-epilogue (see --list-passes)").get())
        .addOption(Option.builder().longOpt("target").hasArg().argName("T")
            .desc("the target the mapping passes map for: a name, or a .tdl file of targets (T.tdl, or "
                + "T.tdl:NAME); " + TargetChoice.DEFAULT_HELP).get())
        .addOption(Option.builder().longOpt("list-passes").desc("list the registered passes and their options").get())
        .addOption(Option.builder().longOpt("print-ir-before").hasArg().argName("PASS")
            .desc("print the IR (to stderr) before each run of PASS; repeatable (or PASS1,PASS2)").get())
        .addOption(Option.builder().longOpt("print-ir-after").hasArg().argName("PASS")
            .desc("print the IR (to stderr) after each run of PASS; repeatable (or PASS1,PASS2)").get())
        .addOption(Option.builder().longOpt("print-ir-before-all").desc("print the IR before every pass").get())
        .addOption(Option.builder().longOpt("print-ir-after-all").desc("print the IR after every pass").get())
        .addOption(Option.builder().longOpt("print-ir-after-change")
            .desc("print the IR after every pass that changed it").get())
        .addOption(Option.builder().longOpt("dump-dir").hasArg().argName("DIR")
            .desc("write NN-pass.ir and NN-pass.dot into DIR, for the input and after every pass").get())
        .addOption(Option.builder().longOpt("timing").desc("print the wall time of every pass").get())
        .addOption(Option.builder().longOpt("pass-statistics").desc("print the statistics of every pass").get())
        .addOption(Option.builder().longOpt("no-verify-each")
            .desc("do not run the verifier after every pass (it runs by default)").get())
        .addOption(Option.builder().longOpt("no-locations").desc("print the IR without loc(...)").get())
        .addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
            .desc("write the resulting IR to FILE instead of stdout (- is stdout)").get());
  }

  @Override public Set<String> repeatable() { return Set.of("print-ir-before", "print-ir-after"); }

  /**
   * --dump-dir, which a new dump empties of an earlier dump's files: refused when the input is one of them
   * (tdlc opt DIR/02-mapper.ir --dump-dir DIR would delete what it reads).
   */
  static Path dumpDir(CommandLine cl, String input) {
    if (!cl.hasOption("dump-dir")) return null;
    Path dir = Path.of(cl.getOptionValue("dump-dir"));
    Path in = Path.of(input);
    Path parent = in.toAbsolutePath().normalize().getParent();
    if (parent != null && UserFiles.same(parent, dir) && PassManager.isDumpFile(in.getFileName().toString())) {
      throw new UsageException("--dump-dir " + dir + " holds the input " + input + ", which a new dump replaces;"
          + " copy it elsewhere or dump to another directory");
    }
    return dir;
  }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) throws Exception {
    if (cl.hasOption("list-passes")) {
      io.out().print(listPasses());
      return Main.OK;
    }
    String path = ModuleLoader.onePath(cl, "FILE.tdl or FILE.ir");
    String out = cl.getOptionValue("o", UserFiles.STDOUT);
    if (!out.equals(UserFiles.STDOUT)) UserFiles.refuseInput("-o", Path.of(out), List.of(Path.of(path)));
    Path dumps = dumpDir(cl, path);
    ModuleLoader.Loaded loaded = ModuleLoader.load(path, sources, io.err());
    Pipeline pipeline = Pipeline.parse(cl.getOptionValue("passes", ""));
    Target target = TargetChoice.resolve(cl, loaded, sources);
    Compilation.checkMappings(loaded.module(), target, cl);
    var inst = new PassManager.Instrumentation(values(cl, "print-ir-before"), values(cl, "print-ir-after"),
        cl.hasOption("print-ir-before-all"), cl.hasOption("print-ir-after-all"), cl.hasOption("print-ir-after-change"),
        dumps, cl.hasOption("timing"),
        cl.hasOption("pass-statistics"), !cl.hasOption("no-verify-each"),
        new IrPrinter.Options(!cl.hasOption("no-locations")), io.err())
        .withTarget(target);
    IrModule result = new PassManager(inst).run(loaded.module(), pipeline, new DiagnosticEngine());
    String text = IrPrinter.print(result, inst.printing());
    UserFiles.write("-o", out, text.getBytes(StandardCharsets.UTF_8), List.of(Path.of(path)), io);
    return Main.OK;
  }

  private static Set<String> values(CommandLine cl, String opt) {
    String[] v = cl.getOptionValues(opt);
    return v == null ? Set.of() : Set.of(String.join(",", v).split(","));
  }

  static String listPasses() {
    StringBuilder b = new StringBuilder("Passes:\n");
    for (PassInfo p : Passes.all()) {
      b.append(String.format("  %-16s %s%n", p.name(), p.summary()));
      if (!p.requires().isEmpty()) b.append(String.format("  %-16s   requires: %s%n", "", spelled(p.requires())));
      if (!p.establishes().isEmpty()) {
        b.append(String.format("  %-16s   establishes: %s%n", "", spelled(p.establishes())));
      }
      for (PassInfo.OptionSpec o : p.options()) {
        b.append(String.format("  %-16s   %s=%s  %s%n", "", o.name(), o.defaultValue(), o.help()));
      }
    }
    return b.toString();
  }

  private static String spelled(Set<Stage> stages) {
    return String.join(", ", stages.stream().map(Stage::toString).toList());
  }
}
