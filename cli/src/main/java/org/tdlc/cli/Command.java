// One tdlc subcommand: its name, a one-line summary, its options and usage, and what it does.
// Main owns the error funnel, so a command just throws and never prints a stack trace itself.
package org.tdlc.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.tdlc.ir.diag.SourceCache;

interface Command {
  String name();

  String summary();

  /** The synopsis after "tdlc NAME", e.g. "FILE.tdl [--model M]". */
  String usage();

  Options options();

  /** What help prints after the options (e.g. the formats of import and export); empty by default. */
  default String footer() { return ""; }

  /** The long names of the one-value options that may be given several times; any other may be given once. */
  default java.util.Set<String> repeatable() { return java.util.Set.of(); }

  /** Runs the command; returns the exit code. */
  int run(CommandLine cl, Io io, SourceCache sources) throws Exception;
}
