// The compile half of `tdlc run` and `tdlc compile`: load a .tdl (or IR) file, pick the target and check
// the model's pinned formats and any mapping already in it against the target, run the pass pipeline,
// then lower each selected model to a micro-op program and verify that program. Every failure is a
// located diagnostic or a usage error. Each mapped layer records where its mapping came from.
package org.tdlc.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.ProgramVerifier;
import org.tdlc.backend.lower.LayerSchedule;
import org.tdlc.passes.mapping.Cost;
import org.tdlc.passes.mapping.Predictions;
import org.tdlc.backend.lower.Lowering;
import org.tdlc.backend.lower.LoweringException;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Location;
import org.tdlc.ir.Model;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.target.Target;
import org.tdlc.machine.MachineConfig;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;
import org.tdlc.passes.mapping.MappingCheck;

final class Compilation {
  static final String DEFAULT_PIPELINE = Pipeline.DEFAULT.toString();

  /**
   * One compiled model: the source model (for the reference interpreter), the optimized one, the program,
   * and each mapped layer's mapping and where it came from (MappedLayers).
   */
  record Compiled(Model source, Model optimized, Program program, RunReport.SparseFacts sparse,
                  java.util.Map<String, MappedLayers.Mapped> mappings,
                  java.util.Map<String, LayerSchedule.Cost> vectorCosts) {
    Compiled(Model source, Model optimized, Program program) {
      this(source, optimized, program, RunReport.SparseFacts.NONE, java.util.Map.of(), java.util.Map.of());
    }

    /**
     * The predictions of every layer, by name: the mapping cost model's for the mapped layers, the lowering's
     * schedule (LayerSchedule) for the vector layers.
     */
    java.util.Map<String, Cost> predictions(Target target) {
      var out = new java.util.LinkedHashMap<>(Predictions.of(optimized, target));
      vectorCosts.forEach((name, c) -> out.putIfAbsent(name, VectorPrediction.of(c)));
      return out;
    }
  }

  /** The models compiled for one target, the milliseconds it took and the pass pipeline that ran. */
  record Result(Target target, MachineConfig machine, List<Compiled> models, long millis, String pipeline) {}

  private Compilation() {}

  /** The options shared by run and compile. */
  static Options options() {
    return new Options()
        .addOption(Option.builder().longOpt("target").hasArg().argName("T")
            .desc("built-in target (see tdlc targets), one defined in FILE or its imports, or a .tdl file of "
                + "targets (T.tdl, or T.tdl:NAME when it defines several); " + TargetChoice.DEFAULT_HELP).get())
        .addOption(Option.builder().longOpt("model").hasArg().argName("M")
            .desc("the model to compile (default: every model defined in FILE itself)").get())
        .addOption(Option.builder().longOpt("passes").hasArg().argName("PIPELINE")
            .desc("graph passes before lowering (default " + DEFAULT_PIPELINE + ")").get())
        .addOption(Option.builder().longOpt("profile-inputs").hasArg().argName("N")
            .desc("select-formats also runs the reference interpreter on N seeded inputs and reports the "
                + "activations' densities and best formats (in the IR: tdlc compile --emit ir)").get());
  }

  /** The pipeline with --profile-inputs N given to its select-formats pass. */
  static String profiled(CommandLine cl, String pipeline) {
    if (!cl.hasOption("profile-inputs")) return pipeline;
    String n = cl.getOptionValue("profile-inputs");
    if (!n.matches("[0-9]{1,6}")) throw new UsageException("--profile-inputs takes a count, got '" + n + "'");
    if (!pipeline.matches("(^|.*,)select-formats(,.*|$)")) {
      throw new UsageException("--profile-inputs needs select-formats in the pipeline (without options)");
    }
    return pipeline.replaceFirst("(^|,)select-formats(,|$)", "$1select-formats{profile-inputs=" + n + "}$2");
  }

  /** The file's weight format pins and mappings against the target, before any pass runs. */
  static void checkTarget(ModuleLoader.Loaded loaded, Target target, CommandLine cl) {
    List<Diagnostic> problems = new ArrayList<>(Targets.checkDatatypes(loaded.module(), target));
    problems.addAll(Targets.checkFormats(loaded.module(), target));
    problems.addAll(mappingProblems(loaded.module(), target, cl));
    if (!problems.isEmpty()) throw new CompileException(problems);
  }

  /** The mappings already in a module (IR text) against the target: what the target cannot run is an error. */
  static void checkMappings(IrModule module, Target target, CommandLine cl) {
    List<Diagnostic> problems = mappingProblems(module, target, cl);
    if (!problems.isEmpty()) throw new CompileException(problems);
  }

  /** A mapping made for another target is the likely cause when none was named: the note says how to name it. */
  private static List<Diagnostic> mappingProblems(IrModule module, Target target, CommandLine cl) {
    List<Diagnostic> problems = MappingCheck.check(module, target);
    if (cl.hasOption("target")) return problems;
    return problems.stream().map(d -> d.withNote(Location.UNKNOWN, "no --target was given, so the mapping was checked"
        + " against target '" + target.name() + "'; name the target it was made for with --target T")).toList();
  }

  static Result compile(CommandLine cl, String path, SourceCache sources, PassManager.Instrumentation inst) {
    return compile(cl, path, Collections.singletonList(cl.getOptionValue("target")), sources, inst).get(0);
  }

  /**
   * The file compiled for each of {@code targets} (each a --target value, null for the default), loaded once.
   * Each result's millis counts the loading and its own passes and lowering.
   */
  static List<Result> compile(CommandLine cl, String path, List<String> targets, SourceCache sources,
                              PassManager.Instrumentation inst) {
    long start = System.nanoTime();
    ModuleLoader.Loaded loaded = ModuleLoader.load(path, sources, inst.out());
    List<Model> selected = ModuleLoader.select(loaded, cl);
    Pipeline pipeline = Pipeline.parse(profiled(cl, cl.getOptionValue("passes", DEFAULT_PIPELINE)));
    long loading = System.nanoTime() - start;
    List<Result> results = new ArrayList<>();
    for (String value : targets) {
      long begin = System.nanoTime();
      Target target = TargetChoice.resolve(value, loaded, sources);
      checkTarget(loaded, target, cl);
      IrModule optimized = new PassManager(inst.withTarget(target)).run(loaded.module(), pipeline, new DiagnosticEngine());
      MachineConfig machine = MachineConfig.of(target);
      List<Compiled> out = new ArrayList<>();
      for (Model m : selected) out.add(lower(m, optimized.model(m.name()).orElseThrow(), target, machine, pipeline));
      results.add(new Result(target, machine, out, (loading + System.nanoTime() - begin) / 1_000_000, pipeline.toString()));
    }
    return results;
  }

  /** One optimized model lowered to a verified program that records the pipeline that compiled it. */
  private static Compiled lower(Model source, Model optimized, Target target, MachineConfig machine, Pipeline pipeline) {
    Program program;
    Lowering lowering = new Lowering();
    try {
      program = lowering.lower(optimized, machine);
    } catch (LoweringException e) {
      throw new CompileException(e.location(), e.getMessage());
    }
    program = program.withInfo(program.info().withPipeline(pipeline.toString()));
    List<String> problems = ProgramVerifier.verify(program);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the program generated for model " + source.name() + " fails verification: "
          + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
    }
    return new Compiled(source, optimized, program,
        new RunReport.SparseFacts(lowering.formats(), lowering.compressedBytes()), MappedLayers.of(source, optimized, target),
        lowering.vectorCosts());
  }
}
