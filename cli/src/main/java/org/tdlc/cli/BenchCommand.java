// tdlc bench: how fast tdlc compiles, simulates and checks real networks on this machine. Per model it
// runs what `tdlc run` runs, times each half, and measures a plain-Java int8 kernel doing the same MACs
// in the same JVM, so the figures are ratios that survive a noisy, shared machine.
package org.tdlc.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.interp.Interpreter;
import org.tdlc.passes.PassManager;

final class BenchCommand implements Command {
  /** MACs of the one-versus-two-threads measurement of the kernel. */
  private static final long THREAD_PROBE_MACS = 500_000_000L;
  /** Warm figures: runs (the first included) until this much time is spent, then TIMED_RUNS more (see warm). */
  static final long WARMUP_MS = 2_000;
  static final int TIMED_RUNS = 3;

  /**
   * One model's figures. Rates are nominal MACs (zeros included) per second. simulateMs is the simulator's
   * first run (what `tdlc run` sees, JIT warm-up included), warmMs the median of TIMED_RUNS more
   * runs in the same JVM after WARMUP_MS of running (measured as the kernel is: the median of TIMED_RUNS after
   * a warm-up); verified means
   * the first run is bit-exact against the reference and every other run gives the same outputs and counters.
   * referenceMs is the reference interpreter's first run, referenceWarmMs the median of its warm runs (seeded
   * weights are generated once per process, by the compile before either). The targets are judged on the warm figures;
   * verified also needs every reference run to match the simulator bit for bit.
   */
  record Row(String file, String model, String target, String pipeline, long macs, long macsIssued, long compileMs, long simulateMs,
             long warmMs, long referenceMs, long referenceWarmMs, double kernelMs, long peakHeapBytes,
             boolean verified) {
    double simRate() { return macs / (simulateMs / 1e3); }
    double warmRate() { return macs / (warmMs / 1e3); }
    double referenceRate() { return macs / (referenceMs / 1e3); }
    double referenceWarmRate() { return macs / (referenceWarmMs / 1e3); }
    double kernelRate() { return macs / (kernelMs / 1e3); }
  }

  @Override public String name() { return "bench"; }
  @Override public String summary() {
    return "benchmarks: models (compile/simulate/reference against a plain-Java int8 kernel), 'mapping', 'sparse' or "
        + "'scale'";
  }
  @Override public String usage() {
    return "[FILE.tdl ...] [--target T] [--json]   (default: every models/*.tdl)  |  mapping [--target T] [--layers N] [--json] "
        + "[--objective cycles|energy|edp]   (default: every built-in target)  |  sparse [--target T] [--quick] [--json]  |  scale [--json]";
  }

  @Override public Options options() {
    Options o = Compilation.options();
    o.addOption(Option.builder().longOpt("json")
        .desc("print one JSON object (described in docs/json.md) instead of a table; errors too").get());
    MappingBench.options().getOptions().forEach(o::addOption);
    SparseBench.options().getOptions().forEach(o::addOption);
    return o;
  }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) throws Exception {
    if (cl.getArgList().equals(List.of("mapping"))) return MappingBench.run(cl, io);
    if (cl.getArgList().equals(List.of("sparse"))) return SparseBench.run(cl, io);
    if (cl.getArgList().equals(List.of("scale"))) return ScaleBench.run(defaultModels(), cl.hasOption("json"), io);
    List<String> files = cl.getArgList().isEmpty() ? defaultModels() : cl.getArgList();
    List<Row> rows = new ArrayList<>();
    boolean quiet = cl.hasOption("json") || System.console() == null;
    for (String file : files) {
      if (!quiet) io.err().println("tdlc bench: " + file + " ...");
      rows.add(measure(cl, file, sources));
    }
    double gain = Int8Kernel.threadGain(THREAD_PROBE_MACS, 2);
    int cores = Runtime.getRuntime().availableProcessors();
    io.out().print(cl.hasOption("json") ? Json.write(json(rows, cores, gain)) : text(rows, cores, gain));
    return rows.stream().allMatch(Row::verified) ? Main.OK : RunCommand.MISMATCH;
  }

  private static List<String> defaultModels() throws java.io.IOException {
    Path dir = Path.of("models");
    if (!Files.isDirectory(dir)) throw new UsageException("no FILE given and no models/ directory here");
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(Path::toString).filter(p -> p.endsWith(".tdl")).sorted().toList();
    }
  }

  private static Row measure(CommandLine cl, String file, SourceCache sources) {
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    Compilation.Result compiled = Compilation.compile(cl, file, sources, PassManager.Instrumentation.defaults(System.err));
    if (compiled.models().size() != 1) throw new UsageException(file + ": bench wants one model per file (use --model)");
    Compilation.Compiled c = compiled.models().get(0);
    var inputs = InputFeeds.forModel(c.source(), java.util.Map.of(), 0);
    RunReport.ModelRun run = Execution.run(c.source().name(), compiled.target().name(), c.program(), inputs,
        c.source(), compiled.millis(), null);
    boolean[] agree = {true};
    long warmMs = warm(run.simulateMillis(), () -> {
      RunReport.ModelRun again = Execution.run(c.source().name(), compiled.target().name(), c.program(), inputs,
          null, compiled.millis(), null);
      agree[0] &= same(run, again);
      return again.simulateMillis();
    });
    long referenceWarmMs = warm(run.referenceMillis(), () -> {
      long start = System.nanoTime();
      var again = new Interpreter().run(c.source(), inputs);
      long ms = (System.nanoTime() - start) / 1_000_000;
      agree[0] &= run.sim().outputs().entrySet().stream()
          .allMatch(e -> again.containsKey(e.getKey()) && again.get(e.getKey()).diff(e.getValue()).isEmpty());
      return ms;
    });
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    long macs = run.sim().total().macs();
    double kernelMs = Int8Kernel.millisFor(macs, TIMED_RUNS);
    return new Row(file, run.model(), run.target(), compiled.pipeline(), macs, run.sim().total().macsIssued(), compiled.millis(),
        run.simulateMillis(), warmMs, run.referenceMillis(), referenceWarmMs,
        kernelMs, peak, run.verified() && agree[0]);
  }

  /**
   * The warm time of a run: {@code once} runs it and returns its milliseconds; it runs until WARMUP_MS have
   * been spent (counting a first run of {@code firstMs}), then TIMED_RUNS more times, whose median this is.
   */
  static long warm(long firstMs, java.util.function.LongSupplier once) {
    long spent = firstMs;
    while (spent < WARMUP_MS) spent += Math.max(1, once.getAsLong());
    long[] ms = new long[TIMED_RUNS];
    for (int i = 0; i < TIMED_RUNS; i++) ms[i] = once.getAsLong();
    java.util.Arrays.sort(ms);
    return ms[TIMED_RUNS / 2];
  }

  private static boolean same(RunReport.ModelRun a, RunReport.ModelRun b) {
    return a.sim().outputs().equals(b.sim().outputs()) && a.sim().total().equals(b.sim().total())
        && a.sim().layers().equals(b.sim().layers());
  }

  static String text(List<Row> rows, int cores, double gain) {
    List<String> header = List.of("model", "target", "MACs", "compile s", "sim s", "warm s",
        "reference s", "ref warm s", "kernel s", "sim MAC/s", "x kernel", "warm x kernel", "ref MAC/s", "x kernel", "warm x kernel", "peak heap", "verified");
    List<List<String>> body = new ArrayList<>();
    for (Row r : rows) {
      body.add(List.of(r.model(), r.target(), String.format(Locale.ROOT, "%.2fG", r.macs() / 1e9), secs(r.compileMs()),
          secs(r.simulateMs()), secs(r.warmMs()), secs(r.referenceMs()), secs(r.referenceWarmMs()), secs(r.kernelMs()),
          rate(r.simRate()), ratio(r.simRate() / r.kernelRate()), ratio(r.warmRate() / r.kernelRate()),
          rate(r.referenceRate()), ratio(r.referenceRate() / r.kernelRate()),
          ratio(r.referenceWarmRate() / r.kernelRate()), (r.peakHeapBytes() >> 20) + " MiB", r.verified() ? "yes" : "NO"));
    }
    return Table.render(header, body) + String.format(Locale.ROOT,
        "kernel: plain-Java blocked int8 GEMM, one thread; a second thread gains %.2fx on this machine (%d cores)%n"
            + "MAC/s counts every MAC of the model, zeros included (targets that skip zeros do fewer)%n"
            + "sim and reference: first run (JIT warm-up included); warm: after %.0f s of runs, the median of %d "
            + "more in this JVM, as the kernel is timed (median of %d after a warm-up), so the warm ratios are the "
            + "like-for-like ones%nverified: "
            + "bit-exact against the reference, and every run gives the same outputs and counters%n", gain, cores,
        WARMUP_MS / 1e3, TIMED_RUNS, TIMED_RUNS);
  }

  /** {tdlc_version, command, benchmark: "models", cores, second_thread_gain, models: [one object per row]}. */
  static ObjectNode json(List<Row> rows, int cores, double gain) {
    ObjectNode o = Json.report("bench");
    o.put("benchmark", "models");
    o.put("cores", cores);
    Json.number(o, "second_thread_gain", gain);
    ArrayNode models = o.putArray("models");
    for (Row r : rows) {
      ObjectNode m = models.addObject();
      m.put("file", r.file());
      m.put("model", r.model());
      m.put("target", r.target());
      m.put("pipeline", r.pipeline());
      m.put("macs", r.macs());
      m.put("macs_issued", r.macsIssued());
      m.put("compile_ms", r.compileMs());
      m.put("simulate_ms", r.simulateMs());
      m.put("simulate_warm_ms", r.warmMs());
      m.put("reference_ms", r.referenceMs());
      m.put("reference_warm_ms", r.referenceWarmMs());
      Json.number(m, "kernel_ms", r.kernelMs());
      Json.number(m, "sim_macs_per_s", r.simRate());
      Json.number(m, "reference_macs_per_s", r.referenceRate());
      Json.number(m, "kernel_macs_per_s", r.kernelRate());
      Json.number(m, "sim_ratio", r.simRate() / r.kernelRate());
      Json.number(m, "sim_warm_ratio", r.warmRate() / r.kernelRate());
      Json.number(m, "reference_ratio", r.referenceRate() / r.kernelRate());
      Json.number(m, "reference_warm_ratio", r.referenceWarmRate() / r.kernelRate());
      m.put("peak_heap_bytes", r.peakHeapBytes());
      m.put("verified", r.verified());
    }
    return o;
  }

  private static String secs(double ms) { return String.format(Locale.ROOT, "%.2f", ms / 1e3); }
  // a run under a millisecond has no rate: "-" (null in JSON)
  private static String rate(double r) { return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2fG", r / 1e9) : "-"; }
  private static String ratio(double r) { return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "-"; }
}
