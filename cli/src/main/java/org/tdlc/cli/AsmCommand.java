// tdlc asm: assembles a complete program written in tdlc assembly into a .tdlx file, after the same
// verification the compiler's own programs get.
package org.tdlc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.backend.asm.Assembler;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.tdlx.TdlxWriter;
import org.tdlc.ir.Location;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.SourceCache;

final class AsmCommand implements Command {
  @Override public String name() { return "asm"; }
  @Override public String summary() { return "assemble a tdlc assembly file into a .tdlx program"; }
  @Override public String usage() { return "FILE.s -o OUT.tdlx"; }

  @Override public Options options() {
    return new Options().addOption(Option.builder("o").longOpt("output").hasArg().argName("OUT.tdlx")
        .desc("the program file to write (required; - is stdout)").get());
  }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) throws Exception {
    String path = ModuleLoader.onePath(cl, "FILE.s");
    if (!cl.hasOption("o")) throw new UsageException("missing -o OUT.tdlx");
    if (!cl.getOptionValue("o").equals(UserFiles.STDOUT)) {
      UserFiles.refuseInput("-o", Path.of(cl.getOptionValue("o")), List.of(Path.of(path)));
    }
    String text;
    try {
      text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CompileException(Location.UNKNOWN, "cannot read '" + path + "': no such file");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new CompileException(Location.UNKNOWN, "cannot read '" + path + "': not UTF-8 text");
    }
    sources.put(path, text);
    Program program = Assembler.parseVerified(text, path);   // problems located at their instruction
    UserFiles.write("-o", cl.getOptionValue("o"), TdlxWriter.toBytes(program), List.of(Path.of(path)), io);
    return Main.OK;
  }
}
