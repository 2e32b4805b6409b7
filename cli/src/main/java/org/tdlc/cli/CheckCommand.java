// tdlc check: parse, resolve, type and verify a .tdl or IR file, check its pins and mappings against the
// target (--target, default: default), then print its graph IR.
package org.tdlc.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.text.IrPrinter;
import org.tdlc.ir.verify.Verifier;

final class CheckCommand implements Command {
  @Override public String name() { return "check"; }
  @Override public String summary() { return "parse, type and verify a .tdl or IR file for a target and print its graph IR"; }
  @Override public String usage() { return "FILE.tdl|FILE.ir [--target T] [--no-locations]"; }

  @Override public Options options() {
    return new Options().addOption(Option.builder().longOpt("no-locations")
            .desc("print the IR without loc(...) source locations").get())
        .addOption(Option.builder().longOpt("target").hasArg().argName("T")
            .desc("the target format pins and mappings are checked against: a name, or a .tdl file of targets "
                + "(T.tdl, or T.tdl:NAME); default: default").get());
  }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) {
    ModuleLoader.Loaded loaded = ModuleLoader.load(ModuleLoader.onePath(cl, "FILE.tdl"), sources, io.err());
    var problems = Verifier.verify(loaded.module());
    if (!problems.isEmpty()) throw new CompileException(problems);
    Compilation.checkTarget(loaded, TargetChoice.resolve(cl, loaded.targets(), sources), cl);
    io.out().print(IrPrinter.print(loaded.module(), new IrPrinter.Options(!cl.hasOption("no-locations"))));
    return Main.OK;
  }
}
