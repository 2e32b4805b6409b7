// tdlc disasm: prints a .tdlx program as tdlc assembly, which tdlc asm reads back to the same program.
package org.tdlc.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.tdlc.backend.asm.Disassembler;
import org.tdlc.backend.tdlx.TdlxReader;
import org.tdlc.ir.diag.SourceCache;

final class DisasmCommand implements Command {
  @Override public String name() { return "disasm"; }
  @Override public String summary() { return "print a .tdlx program as assembly"; }
  @Override public String usage() { return "OUT.tdlx"; }
  @Override public Options options() { return new Options(); }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) {
    io.out().print(Disassembler.print(TdlxReader.read(UserFiles.existing("", ModuleLoader.onePath(cl, "OUT.tdlx")))));
    return Main.OK;
  }
}
