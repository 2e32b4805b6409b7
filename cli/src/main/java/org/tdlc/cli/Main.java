// The tdlc command: dispatches to a subcommand and is the one funnel for failures. User errors print
// as file:line:col: error: message (with the source line and a caret) and exit 1; nothing ever reaches
// the user as a Java stack trace (set TDLC_DEBUG=1 to see one for an internal error).
package org.tdlc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.tdlc.ir.Location;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.Diagnostic;
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
        new ExplainCommand(), new BenchCommand(), new ImportCommand(), new ExportCommand()}) {
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
    // under --json a failure is also one JSON object on stdout; decided before parsing, which may be what fails
    boolean json = cmd.options().hasLongOption("json") && Arrays.asList(rest).contains("--json");
    SourceCache sources = new SourceCache();
    try {
      CommandLine cl = new DefaultParser().parse(withHelp(cmd), rest);
      if (cl.hasOption("help")) {
        io.out().print(help(cmd));
        return OK;
      }
      refuseRepeated(cmd, cl);
      return cmd.run(cl, io, sources);
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      Throwable cause = e instanceof Reported r ? r.getCause() : e;
      Failure f = failure(cause, cmd, sources);
      io.err().print(f.text());
      if (f.code() == INTERNAL_ERROR && !(cause instanceof OutOfMemoryError) && System.getenv("TDLC_DEBUG") != null) {
        cause.printStackTrace(io.err());
      }
      if (json && !(e instanceof Reported)) {
        ObjectNode report = Json.report(cmd.name());
        report.set("error", f.json());
        io.out().print(Json.write(report));
      }
      return f.code();
    }
  }

  /**
   * A failure a command has already put in its --json report (its "error" member, beside the results it
   * printed), so that the funnel prints only the text on stderr.
   */
  static final class Reported extends RuntimeException {
    Reported(RuntimeException cause) { super(cause.getMessage(), cause, false, false); }
  }

  /** How a failure is shown: its exit code, the text for stderr and the "error" member of a JSON report. */
  record Failure(int code, String text, List<ObjectNode> diagnostics) {
    ObjectNode json() {
      ObjectNode o = Json.object();
      o.put("exit_code", code);
      ArrayNode a = o.putArray("diagnostics");
      diagnostics.forEach(a::add);
      return o;
    }
  }

  /**
   * Under --json, the files a command writes after its results (--save-outputs, --report) are written before
   * the report is printed: a failure to write one becomes the report's "error" beside the results, and the
   * funnel prints only its text (Reported). Without --json the results are printed first, then the files written.
   */
  static void writeFiles(ObjectNode report, Command cmd, Io io, SourceCache sources, Runnable write) {
    if (report == null) {
      write.run();
      return;
    }
    try {
      write.run();
    } catch (RuntimeException e) {
      report.set("error", failure(e, cmd, sources).json());
      io.out().print(Json.write(report));
      throw new Reported(e);
    }
    io.out().print(Json.write(report));
  }

  static Failure failure(Throwable e, Command cmd, SourceCache sources) {
    String name = cmd.name();
    if (e instanceof ParseException || e instanceof UsageException) {
      String usage = "usage: tdlc " + name + " " + cmd.usage() + "   (tdlc " + name + " --help)";
      return new Failure(USER_ERROR, "tdlc " + name + ": error: " + e.getMessage() + "\n" + usage + "\n",
          List.of(diagnostic("error", null, e.getMessage(), List.of(diagnostic("note", null, usage, List.of())))));
    }
    if (e instanceof UserError u) {
      Location at = u.where() == null ? null : new Location.FileLineCol(u.where(), 0, 0);
      return new Failure(USER_ERROR, (u.where() == null ? "tdlc " + name : u.where()) + ": error: " + u.getMessage()
          + "\n", List.of(diagnostic("error", at, u.getMessage(), List.of())));
    }
    if (e instanceof CompileException c) {
      return new Failure(USER_ERROR, new DiagnosticPrinter(sources).render(c.diagnostics()),
          c.diagnostics().stream().map(Main::diagnostic).toList());
    }
    String message;
    int code = USER_ERROR;
    if (e instanceof PipelineException || e instanceof NpyException || e instanceof TdlxException
        || e instanceof IsaException) {
      message = e.getMessage();
    } else if (e instanceof SimulationException) {
      message = "simulation failed: " + e.getMessage();
    } else if (e instanceof UncheckedIOException u) {
      message = u.getCause().getMessage();
    } else if (e instanceof OutOfMemoryError) {
      message = "out of memory; give the JVM more with JAVA_OPTS=-Xmx8g";
      code = INTERNAL_ERROR;
    } else {
      String internal = "internal error: " + e + " (please report it; TDLC_DEBUG=1 shows the stack trace)";
      return new Failure(INTERNAL_ERROR, "tdlc: " + internal + "\n", List.of(diagnostic("error", null, internal, List.of())));
    }
    return new Failure(code, "tdlc: error: " + message + "\n", List.of(diagnostic("error", null, message, List.of())));
  }

  /** A diagnostic as JSON: severity, file, line and col (null when unknown), message and notes. */
  private static ObjectNode diagnostic(Diagnostic d) {
    return diagnostic(d.severity().label(), d.location(), d.message(),
        d.notes().stream().map(Main::diagnostic).toList());
  }

  private static ObjectNode diagnostic(String severity, Location at, String message, List<ObjectNode> notes) {
    ObjectNode o = Json.object();
    o.put("severity", severity);
    Location.FileLineCol where = at == null ? null : at.primary();
    Json.stringOrNull(o, "file", where == null ? null : where.file());
    if (where != null && where.line() > 0) o.put("line", where.line());
    else o.putNull("line");
    if (where != null && where.col() > 0) o.put("col", where.col());
    else o.putNull("col");
    o.put("message", message);
    ArrayNode a = o.putArray("notes");
    notes.forEach(a::add);
    return o;
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
        2, 4, cmd.footer());
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

  public static String version() {
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
