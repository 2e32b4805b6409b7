// Runs a pipeline and does all the cross-cutting work around each pass, in one place: the ordering
// check (requires/establishes), verification after each pass (--verify-each), IR printing before/after
// (MLIR's flags), numbered dumps with DOT graphs in --dump-dir (replacing an earlier dump there), timing
// and statistics. A pass named for printing that the pipeline does not run is an error, not silence.
package org.tdlc.passes;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Location;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.graph.OpGraph;
import org.tdlc.ir.io.AtomicFiles;
import org.tdlc.ir.text.IrPrinter;
import org.tdlc.ir.verify.Verifier;

public final class PassManager {

  /** What to do around each pass; the defaults do nothing but verify. */
  public record Instrumentation(Set<String> printBefore, Set<String> printAfter, boolean printBeforeAll,
                                boolean printAfterAll, boolean printAfterChange, Path dumpDir, boolean timing,
                                boolean statistics, boolean verifyEach, IrPrinter.Options printing,
                                PrintStream out, org.tdlc.ir.target.Target target) {
    public Instrumentation(Set<String> printBefore, Set<String> printAfter, boolean printBeforeAll,
                           boolean printAfterAll, boolean printAfterChange, Path dumpDir, boolean timing,
                           boolean statistics, boolean verifyEach, IrPrinter.Options printing, PrintStream out) {
      this(printBefore, printAfter, printBeforeAll, printAfterAll, printAfterChange, dumpDir, timing, statistics,
          verifyEach, printing, out, null);
    }

    public static Instrumentation defaults(PrintStream out) {
      return new Instrumentation(Set.of(), Set.of(), false, false, false, null, false, false, true,
          IrPrinter.Options.DEFAULT, out);
    }

    /** The same, for passes that need a target (the mapping passes). */
    public Instrumentation withTarget(org.tdlc.ir.target.Target t) {
      return new Instrumentation(printBefore, printAfter, printBeforeAll, printAfterAll, printAfterChange, dumpDir,
          timing, statistics, verifyEach, printing, out, t);
    }
  }

  /** Wall time and statistics of one pass run, for the timing report. */
  public record PassRun(String name, long nanos, Map<String, Long> statistics) {}

  private final Instrumentation inst;
  private final List<PassRun> runs = new ArrayList<>();

  public PassManager(Instrumentation inst) { this.inst = inst; }

  public List<PassRun> runs() { return List.copyOf(runs); }

  public IrModule run(IrModule module, Pipeline pipeline, DiagnosticEngine diags) {
    for (String name : concat(inst.printBefore(), inst.printAfter())) Passes.info(name);   // typos fail early
    requireInPipeline("--print-ir-before", inst.printBefore(), pipeline);
    requireInPipeline("--print-ir-after", inst.printAfter(), pipeline);
    List<Pass> passes = pipeline.instantiate();
    checkOrder(module, pipeline);
    DumpDir dumps = inst.dumpDir() == null ? null : new DumpDir(inst.dumpDir(), inst.target());
    if (dumps != null) dumps.write(0, "input", module);
    Set<Location> inputMappings = new java.util.HashSet<>();
    for (org.tdlc.ir.Model m : module.models()) {
      for (org.tdlc.ir.Operation op : m.ops()) {
        if (op.attributes() != null && op.attributes().has(org.tdlc.ir.mapping.Mapping.ATTR)) inputMappings.add(op.location());
      }
    }
    for (int i = 0; i < passes.size(); i++) {
      Pass pass = passes.get(i);
      String label = pipeline.entries().get(i).withAllOptions();
      boolean printBefore = inst.printBeforeAll() || inst.printBefore().contains(pass.info().name());
      // printed only when shown or compared: printing a 10,000-layer module around every pass costs seconds
      String before = printBefore || inst.printAfterChange() ? IrPrinter.print(module, inst.printing()) : null;
      if (printBefore) dump("Before", label, before);
      PassContext ctx = new PassContext(diags, inst.target(), inputMappings);
      long start = System.nanoTime();
      IrModule result = pass.run(module, ctx);
      runs.add(new PassRun(pass.info().name(), System.nanoTime() - start, ctx.statistics()));
      diags.throwIfErrors();
      for (Stage stage : pass.info().establishes()) result = result.withStage(stage.toString());
      if (inst.verifyEach()) verify(result, pass.info().name());
      boolean printAfter = inst.printAfterAll() || inst.printAfter().contains(pass.info().name());
      String after = printAfter || inst.printAfterChange() ? IrPrinter.print(result, inst.printing()) : null;
      if (printAfter || (inst.printAfterChange() && !after.equals(before))) {
        dump("After", label, after + org.tdlc.passes.mapping.MappingComments.of(result, inst.target()));
      }
      if (dumps != null) dumps.write(i + 1, pass.info().name(), result);
      module = result;
    }
    if (inst.timing()) inst.out().print(TimingReport.render(runs));
    if (inst.statistics()) inst.out().print(TimingReport.renderStatistics(runs));
    return module;
  }

  /** A pass to print around that the pipeline never runs would print nothing: an error naming the pipeline. */
  private static void requireInPipeline(String flag, Set<String> passes, Pipeline pipeline) {
    Set<String> run = new HashSet<>(pipeline.entries().stream().map(Pipeline.Entry::name).toList());
    for (String name : new TreeSet<>(passes)) {
      if (run.contains(name)) continue;
      throw new PipelineException(flag + "=" + name + ": pass '" + name + "' is not in the pipeline"
          + (pipeline.entries().isEmpty() ? ", which is empty (name the passes with --passes)"
          : " '" + pipeline + "', so there is nothing to print"));
    }
  }

  /**
   * Whether a file name is one --dump-dir writes: NN-input or NN-PASS (a registered pass), .ir or .dot. A new
   * dump removes such files first, so a dump never mixes with an earlier, longer one.
   */
  public static boolean isDumpFile(String fileName) {
    Matcher m = DUMP_FILE.matcher(fileName);
    if (!m.matches()) return false;
    return m.group(1).equals("input") || Passes.all().stream().anyMatch(p -> p.name().equals(m.group(1)));
  }

  private static final Pattern DUMP_FILE = Pattern.compile("[0-9]{2,}-([a-z0-9-]+)\\.(ir|dot)");

  /** Every pass's required stages must hold when it runs: established earlier or already in the module. */
  static void checkOrder(IrModule module, Pipeline pipeline) {
    Set<Stage> stages = java.util.EnumSet.noneOf(Stage.class);
    for (String s : module.stages()) Stage.of(s).ifPresent(stages::add);   // stages no pass knows play no part
    for (Pipeline.Entry e : pipeline.entries()) {
      PassInfo info = Passes.info(e.name());
      for (Stage need : info.requires()) {
        if (!stages.contains(need)) {
          List<String> by = Passes.establishing(need);
          throw new PipelineException("pass '" + info.name() + "' requires stage '" + need + "', which the module "
              + "does not have when it runs" + (by.isEmpty() ? "" : "; run " + String.join(" or ", by) + " before it"));
        }
      }
      stages.addAll(info.establishes());
    }
  }

  private static void verify(IrModule module, String passName) {
    List<Diagnostic> problems = Verifier.verify(module);
    if (problems.isEmpty()) return;
    Diagnostic d = Diagnostic.error(Location.UNKNOWN, "pass '" + passName + "' produced IR that fails verification");
    for (Diagnostic p : problems) d = d.withNote(p.location(), p.message());
    throw new CompileException(d);
  }

  private void dump(String when, String label, String ir) {
    inst.out().println("// -----// IR Dump " + when + " " + label + " //----- //");
    inst.out().print(ir);
    inst.out().println();
  }

  private static List<String> concat(Set<String> a, Set<String> b) {
    List<String> l = new ArrayList<>(a);
    l.addAll(b);
    return l;
  }

  /** --dump-dir: NN-pass.ir and NN-pass.dot (one graph per model) after each pass, written atomically. */
  private static final class DumpDir {
    private final Path dir;

    private final org.tdlc.ir.target.Target target;

    DumpDir(Path dir, org.tdlc.ir.target.Target target) {
      this.dir = dir;
      this.target = target;
      removeEarlierDump();
    }

    /** The NN-*.ir and NN-*.dot files an earlier dump wrote here; nothing else in DIR is touched. */
    private void removeEarlierDump() {
      if (!Files.isDirectory(dir)) return;
      try (var entries = Files.newDirectoryStream(dir)) {
        for (Path p : entries) {
          if (isDumpFile(p.getFileName().toString()) && Files.isRegularFile(p)) {
            Files.delete(p);
          }
        }
      } catch (IOException e) {
        throw new PipelineException("cannot write dump to " + dir + ": cannot remove the earlier dump: " + e.getMessage());
      }
    }

    void write(int index, String name, IrModule module) {
      String stem = String.format("%02d-%s", index, name);
      try {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(stem + ".ir"), IrPrinter.print(module)
            + org.tdlc.passes.mapping.MappingComments.of(module, target));
        Map<String, String> dots = new LinkedHashMap<>();
        module.models().forEach(m -> dots.put(m.name(), OpGraph.of(m).toDot()));
        StringBuilder all = new StringBuilder();
        dots.values().forEach(all::append);
        AtomicFiles.write(dir.resolve(stem + ".dot"), all.toString());
      } catch (IOException e) {
        throw new PipelineException("cannot write dump to " + dir + ": " + e.getMessage());
      }
    }
  }
}
