// The tdlc command: dispatches to a subcommand and is the one funnel for failures. User errors print
// as file:line:col: error: message (with the source line and a caret) and exit 1; nothing ever reaches
// the user as a Java stack trace (set TDLC_DEBUG=1 to see one for an internal error).
package org.tdlc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.DiagnosticPrinter;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.backend.isa.IsaException;
import org.tdlc.backend.tdlx.TdlxException;
import org.tdlc.ir.data.NpyException;
import org.tdlc.passes.PipelineException;
import org.tdlc.sim.SimulationException;

public final class Main {
  public static final int OK = 0;
  public static final int USER_ERROR = 1;
  public static final int INTERNAL_ERROR = 3;

  private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

  static {
    for (Command c : new Command[] {new RunCommand(), new CompileCommand(), new SimCommand(), new CheckCommand(),
        new OptCommand(), new InterpCommand(), new TargetsCommand(), new AsmCommand(), new DisasmCommand(),
        new ExplainCommand(), new BenchCommand()}) {
      COMMANDS.put(c.name(), c);
    }
  }

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, Io.system());
    System.out.flush();
    System.exit(code);
  }

  /** Runs one invocation in-process; returns the exit code. */
  public static int run(String[] args, Io io) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      io.out().print(overview());
      return args.length == 0 ? USER_ERROR : OK;
    }
    if (args[0].equals("--version")) {
      io.out().println("tdlc " + version());
      return OK;
    }
    Command cmd = COMMANDS.get(args[0]);
    if (cmd == null) {
      io.err().println("tdlc: error: unknown command '" + args[0] + "'; run 'tdlc --help' for the list");
      return USER_ERROR;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    SourceCache sources = new SourceCache();
    try {
      CommandLine cl = new DefaultParser().parse(withHelp(cmd), rest);
      if (cl.hasOption("help")) {
        io.out().print(help(cmd));
        return OK;
      }
      refuseRepeated(cmd, cl);
      return cmd.run(cl, io, sources);
    } catch (ParseException | UsageException e) {
      io.err().println("tdlc " + cmd.name() + ": error: " + e.getMessage());
      io.err().println("usage: tdlc " + cmd.name() + " " + cmd.usage() + "   (tdlc " + cmd.name() + " --help)");
      return USER_ERROR;
    } catch (UserError e) {
      io.err().println((e.where() == null ? "tdlc " + cmd.name() : e.where()) + ": error: " + e.getMessage());
      return USER_ERROR;
    } catch (CompileException e) {
      io.err().print(new DiagnosticPrinter(sources).render(e.diagnostics()));
      return USER_ERROR;
    } catch (PipelineException | NpyException | TdlxException | IsaException e) {
      io.err().println("tdlc: error: " + e.getMessage());
      return USER_ERROR;
    } catch (SimulationException e) {
      io.err().println("tdlc: error: simulation failed: " + e.getMessage());
      return USER_ERROR;
    } catch (UncheckedIOException e) {
      io.err().println("tdlc: error: " + e.getCause().getMessage());
      return USER_ERROR;
    } catch (OutOfMemoryError e) {
      io.err().println("tdlc: error: out of memory; give the JVM more with JAVA_OPTS=-Xmx8g");
      return INTERNAL_ERROR;
    } catch (Exception | StackOverflowError e) {
      io.err().println("tdlc: internal error: " + e + " (please report it; TDLC_DEBUG=1 shows the stack trace)");
      if (System.getenv("TDLC_DEBUG") != null) e.printStackTrace(io.err());
      return INTERNAL_ERROR;
    }
  }

  /**
   * An option that takes one value and is given twice is a mistake (which would win?): a usage error naming
   * it. Options that take several values (--input) and those a command declares repeatable may repeat.
   */
  private static void refuseRepeated(Command cmd, CommandLine cl) {
    Map<String, String> first = new LinkedHashMap<>();
    for (Option o : cl.getOptions()) {
      if (!o.hasArg() || o.hasArgs()) continue;
      String key = o.getLongOpt() != null ? o.getLongOpt() : o.getOpt();
      if (cmd.repeatable().contains(key)) continue;
      String spelled = o.getOpt() == null ? "--" + o.getLongOpt()
          : "-" + o.getOpt() + (o.getLongOpt() == null ? "" : "/--" + o.getLongOpt());
      String previous = first.putIfAbsent(key, o.getValue());
      if (previous != null) {
        throw new UsageException(spelled + " is given twice ('" + previous + "', then '" + o.getValue()
            + "'); give it once");
      }
    }
  }

  private static org.apache.commons.cli.Options withHelp(Command cmd) {
    org.apache.commons.cli.Options o = new org.apache.commons.cli.Options();
    cmd.options().getOptions().forEach(o::addOption);
    o.addOption(Option.builder("h").longOpt("help").desc("show this help and exit").get());
    return o;
  }

  static String help(Command cmd) {
    var w = new java.io.StringWriter();
    var pw = new java.io.PrintWriter(w);
    HelpFormatter f = HelpFormatter.builder().get();
    f.printHelp(pw, 100, "tdlc " + cmd.name() + " " + cmd.usage(), cmd.summary() + "\n\noptions:", withHelp(cmd),
        2, 4, "");
    pw.println();
    pw.flush();
    return w.toString();
  }

  static String overview() {
    StringBuilder b = new StringBuilder("tdlc " + version()
        + ": a compiler for deep-learning accelerators\n\nusage: tdlc COMMAND [options]\n\ncommands:\n");
    COMMANDS.values().forEach(c -> b.append(String.format("  %-8s %s%n", c.name(), c.summary())));
    b.append("\n  tdlc COMMAND --help   options of one command\n  tdlc --version        print the version\n");
    return b.toString();
  }

  static String version() {
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
