// tdlc compile: the compile half of run, for one model. Writes the program as a .tdlx file (atomically,
// or to stdout with -o -), or prints the optimized IR or the program's assembly.
package org.tdlc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.backend.asm.Disassembler;
import org.tdlc.backend.tdlx.TdlxWriter;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.text.IrPrinter;
import org.tdlc.passes.PassManager;

final class CompileCommand implements Command {
  @Override public String name() { return "compile"; }
  @Override public String summary() { return "compile a model to a .tdlx program (or print its IR or assembly)"; }
  @Override public String usage() {
    return "FILE.tdl [--target T] [--model M] [-o OUT.tdlx] [--emit bin|asm|ir] [--passes P] [--profile-inputs N] "
        + "[--print-ir-after-all] [--dump-dir DIR]";
  }

  @Override public Options options() {
    Options o = Compilation.options();
    o.addOption(Option.builder().longOpt("model").hasArg().argName("M")   // replaces run's: one program per file
        .desc("the model to compile (needed when FILE defines several; default: its one model)").get());
    o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
        .desc("where to write the result (required for --emit bin; - is stdout, the default for asm and ir)").get());
    o.addOption(Option.builder().longOpt("emit").hasArg().argName("KIND")
        .desc("bin: the .tdlx program (default); asm: its assembly; ir: the IR after the passes").get());
    o.addOption(Option.builder().longOpt("print-ir-after-all").desc("print the IR (to stderr) after every pass").get());
    o.addOption(Option.builder().longOpt("dump-dir").hasArg().argName("DIR")
        .desc("write NN-pass.ir and NN-pass.dot into DIR, for the input and after every pass").get());
    return o;
  }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) throws Exception {
    String path = ModuleLoader.onePath(cl, "FILE.tdl");
    String emit = cl.getOptionValue("emit", "bin");
    if (!Set.of("bin", "asm", "ir").contains(emit)) throw new UsageException("--emit takes bin, asm or ir, got '" + emit + "'");
    if (emit.equals("bin") && !cl.hasOption("o")) throw new UsageException("--emit bin needs -o OUT.tdlx (or -o - for stdout)");
    String out = cl.getOptionValue("o", UserFiles.STDOUT);
    List<Path> inputs = List.of(Path.of(path));
    if (!out.equals(UserFiles.STDOUT)) UserFiles.refuseInput("-o", Path.of(out), inputs);
    Path dumps = OptCommand.dumpDir(cl, path);
    var inst = new PassManager.Instrumentation(Set.of(), Set.of(), false, cl.hasOption("print-ir-after-all"), false,
        dumps, false, false, true, IrPrinter.Options.DEFAULT, io.err());
    Compilation.Result r = Compilation.compile(cl, path, sources, inst);
    if (r.models().size() > 1) {
      throw new UsageException(path + " defines " + r.models().size() + " models ("
          + String.join(", ", r.models().stream().map(m -> m.source().name()).toList()) + "); choose one with --model");
    }
    Compilation.Compiled c = r.models().get(0);
    if (emit.equals("bin")) {
      UserFiles.write("-o", out, TdlxWriter.toBytes(c.program()), inputs, io);
      io.err().println("wrote " + (out.equals(UserFiles.STDOUT) ? "the program to stdout" : out) + ": model "
          + c.source().name() + " for target " + r.target().name() + ", " + c.program().instructions().size()
          + " instructions");
      return Main.OK;
    }
    String text = emit.equals("asm") ? Disassembler.print(c.program())
        : IrPrinter.print(new IrModule(List.of(c.optimized()), new java.util.TreeSet<>()));
    UserFiles.write("-o", out, text.getBytes(StandardCharsets.UTF_8), inputs, io);
    return Main.OK;
  }
}
