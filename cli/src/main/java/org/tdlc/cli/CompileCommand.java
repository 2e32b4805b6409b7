// tdlc compile: the compile half of run. Writes the program as a .tdlx file (atomically), or prints the
// optimized IR or the program's assembly.
package org.tdlc.cli;

import java.nio.file.Path;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.backend.asm.Disassembler;
import org.tdlc.backend.tdlx.TdlxWriter;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.io.AtomicFiles;
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
    o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
        .desc("where to write the result (required for --emit bin; stdout otherwise)").get());
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
    if (emit.equals("bin") && !cl.hasOption("o")) throw new UsageException("--emit bin needs -o OUT.tdlx");
    var inst = new PassManager.Instrumentation(Set.of(), Set.of(), false, cl.hasOption("print-ir-after-all"), false,
        cl.hasOption("dump-dir") ? Path.of(cl.getOptionValue("dump-dir")) : null, false, false, true,
        IrPrinter.Options.DEFAULT, io.err());
    Compilation.Result r = Compilation.compile(cl, path, sources, inst);
    if (r.models().size() > 1) {
      throw new UsageException(path + " defines " + r.models().size() + " models; choose one with --model");
    }
    Compilation.Compiled c = r.models().get(0);
    if (emit.equals("bin")) {
      TdlxWriter.write(c.program(), Path.of(cl.getOptionValue("o")));
      io.err().println("wrote " + cl.getOptionValue("o") + ": model " + c.source().name() + " for target "
          + r.target().name() + ", " + c.program().instructions().size() + " instructions");
      return Main.OK;
    }
    String text = emit.equals("asm") ? Disassembler.print(c.program())
        : IrPrinter.print(new IrModule(java.util.List.of(c.optimized()), new java.util.TreeSet<>()));
    if (cl.hasOption("o")) AtomicFiles.write(Path.of(cl.getOptionValue("o")), text);
    else io.out().print(text);
    return Main.OK;
  }
}
