// `tdlc bench scale` (dispatched from BenchCommand): whether compile time and memory grow linearly with a
// model's size, and whether every real network runs in a 1 GiB heap. It compiles generated chains of N small
// layers and runs every models/*.tdl, each in a child JVM given -Xmx1g, so a run that needs more heap fails
// there instead of passing on the larger default heap; the child times the command and watches its live heap.
package org.tdlc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

final class ScaleBench {
  /** The generated models' sizes, in layers (a matmul with its relu and requant). */
  static final int[] LAYERS = {1_000, 2_000, 5_000, 10_000};
  /** The heap every child JVM gets. */
  static final String HEAP = "-Xmx1g";
  /** What a child prints before its figures, so they are told from anything else on its stdout. */
  private static final String RESULT = "tdlc-scale-result ";

  /**
   * One child run: the command's wall and CPU milliseconds (CPU: its thread's, which a busy machine disturbs
   * less), its live heap peak (LiveHeap), exit code and error.
   */
  record Measured(long millis, long cpuMillis, long liveHeapBytes, int exit, String error) {
    boolean ok() { return exit == Main.OK; }
  }

  record Chain(int layers, Measured compile) {
    double millisPerLayer() { return compile.millis() / (double) layers; }
    double cpuMillisPerLayer() { return compile.cpuMillis() / (double) layers; }
  }

  record ModelRun(String file, Measured run) {}

  private ScaleBench() {}

  /**
   * A model of {@code layers} small layers in a chain: each a 4x16 by 16x16 matmul of its own seeded weight,
   * then relu and requant back to i8, read by the next.
   */
  static String chain(int layers) {
    StringBuilder b = new StringBuilder("model chain").append(layers).append(" {\n  input x : i8[4, 16];\n");
    String previous = "x";
    for (int i = 1; i <= layers; i++) {
      b.append("  weight w").append(i).append(" : i8[16, 16] init random(seed = ").append(i).append(");\n")
          .append("  h").append(i).append(" = matmul(").append(previous).append(", w").append(i).append(");\n")
          .append("  a").append(i).append(" = requant(relu(h").append(i).append("), shift = 6);\n");
      previous = "a" + i;
    }
    return b.append("  output ").append(previous).append(";\n}\n").toString();
  }

  static int run(List<String> models, boolean json, Io io) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("tdlc-scale");
    List<Chain> chains = new ArrayList<>();
    List<ModelRun> runs = new ArrayList<>();
    try {
      for (int n : LAYERS) {
        Path file = dir.resolve("chain" + n + ".tdl");
        Files.writeString(file, chain(n));
        if (!json) io.err().println("tdlc bench scale: compiling " + n + " layers ...");
        chains.add(new Chain(n, child("compile", file.toString(), "-o", dir.resolve("chain" + n + ".tdlx").toString())));
      }
      for (String model : models) {
        if (!json) io.err().println("tdlc bench scale: running " + model + " ...");
        runs.add(new ModelRun(model, child("run", model)));
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) Files.delete(p);
      }
      Files.delete(dir);
    }
    io.out().print(json ? json(chains, runs) : text(chains, runs));
    boolean ok = chains.stream().allMatch(c -> c.compile().ok()) && runs.stream().allMatch(r -> r.run().ok());
    return ok ? Main.OK : RunCommand.MISMATCH;
  }

  /** CPU time per layer at the most layers over that at the fewest: 1 is linear, more is worse. */
  static double linearity(List<Chain> chains) {
    return chains.get(chains.size() - 1).cpuMillisPerLayer() / chains.get(0).cpuMillisPerLayer();
  }

  /** Runs `tdlc ARGS` in a child JVM with HEAP, on this JVM's class path, and reads back its figures. */
  static Measured child(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        HEAP, "-cp", System.getProperty("java.class.path"), ScaleBench.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    for (String line : out.split("\n")) {
      if (!line.startsWith(RESULT)) continue;
      String[] f = line.substring(RESULT.length()).split(" ", 5);
      return new Measured(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
          f.length > 4 ? f[4] : "");
    }
    return new Measured(0, 0, 0, exit == 0 ? Main.INTERNAL_ERROR : exit, "the child JVM printed no figures");
  }

  /**
   * The child: runs one tdlc command in this JVM and prints its wall and CPU time (the command's thread),
   * its live heap peak (the most heap in use right after a collection), exit code and first error line.
   */
  public static void main(String[] args) {
    LiveHeap live = new LiveHeap();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    int exit = Main.run(args, new Io(new PrintStream(PrintStream.nullOutputStream()), new PrintStream(err, true,
        StandardCharsets.UTF_8)));
    long cpuMillis = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
    long millis = (System.nanoTime() - start) / 1_000_000;
    String error = exit == Main.OK ? "" : err.toString(StandardCharsets.UTF_8).strip().split("\n")[0];
    System.out.println(RESULT + millis + " " + cpuMillis + " " + live.peak() + " " + exit + " " + error);
  }

  /** The most heap in use right after any collection so far: what a run needs, however lazily the collector runs. */
  private static final class LiveHeap implements NotificationListener {
    private final AtomicLong peak = new AtomicLong();

    LiveHeap() {
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).addNotificationListener(this, null, null);
      }
    }

    @Override public void handleNotification(Notification n, Object handback) {
      if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
      var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
      long used = 0;
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        MemoryUsage after = info.getMemoryUsageAfterGc().get(p.getName());
        if (p.getType() == MemoryType.HEAP && after != null) used += after.getUsed();
      }
      peak.accumulateAndGet(used, Math::max);
    }

    long peak() {
      long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();   // a run too short to collect
      return peak.get() > 0 ? peak.get() : now;
    }
  }

  static String text(List<Chain> chains, List<ModelRun> runs) {
    List<List<String>> body = new ArrayList<>();
    for (Chain c : chains) {
      body.add(List.of(Integer.toString(c.layers()), secs(c.compile().millis()), secs(c.compile().cpuMillis()),
          String.format(Locale.ROOT, "%.2f", c.cpuMillisPerLayer()), mib(c.compile().liveHeapBytes()),
          status(c.compile())));
    }
    StringBuilder b = new StringBuilder(Table.render(
        List.of("layers", "compile s", "cpu s", "cpu ms/layer", "live heap", "ok"), body));
    b.append(String.format(Locale.ROOT, "linearity: cpu ms per layer at %d layers / at %d layers = %.2f (1: linear)%n%n",
        chains.get(chains.size() - 1).layers(), chains.get(0).layers(), linearity(chains)));
    body = new ArrayList<>();
    for (ModelRun r : runs) {
      body.add(List.of(r.file(), secs(r.run().millis()), secs(r.run().cpuMillis()), mib(r.run().liveHeapBytes()),
          r.run().ok() ? "yes" : status(r.run())));
    }
    if (!runs.isEmpty()) b.append(Table.render(List.of("model", "run s", "cpu s", "live heap", "verified"), body));
    return b.append("every command ran in a child JVM with ").append(HEAP).append("; times leave out the JVM's start; ")
        .append("cpu: the command's thread (JIT and collector threads not counted); live heap: the most heap in use ")
        .append("right after a collection\n").toString();
  }

  static String json(List<Chain> chains, List<ModelRun> runs) throws IOException {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("heap_limit", HEAP.substring("-Xmx".length()));
    List<Map<String, Object>> cs = new ArrayList<>();
    for (Chain c : chains) cs.add(figures(Map.<String, Object>of("layers", c.layers()), "compile_ms", c.compile()));
    o.put("chains", cs);
    o.put("linearity", linearity(chains));
    List<Map<String, Object>> ms = new ArrayList<>();
    for (ModelRun r : runs) ms.add(figures(Map.<String, Object>of("file", r.file()), "run_ms", r.run()));
    o.put("models", ms);
    return new ObjectMapper().writeValueAsString(o) + "\n";
  }

  private static Map<String, Object> figures(Map<String, Object> key, String millisKey, Measured m) {
    Map<String, Object> f = new LinkedHashMap<>(key);
    f.put(millisKey, m.millis());
    f.put("cpu_ms", m.cpuMillis());
    f.put("live_heap_bytes", m.liveHeapBytes());
    f.put("ok", m.ok());
    if (!m.ok()) f.put("error", m.error());
    return f;
  }

  private static String status(Measured m) { return m.ok() ? "yes" : "NO (exit " + m.exit() + ": " + m.error() + ")"; }
  private static String secs(long ms) { return String.format(Locale.ROOT, "%.2f", ms / 1e3); }
  private static String mib(long bytes) { return (bytes >> 20) + " MiB"; }
}
