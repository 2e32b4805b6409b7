// --trace-json: the written Chrome trace, parsed as a viewer would, against what the simulator itself reports
// for the same program and inputs: every executed instruction once, on its queue's thread, at its cycles;
// queues that never overlap themselves; layer spans over their instructions; the same events from run and
// sim; and a file that cannot be written is a clean error that leaves nothing behind.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.backend.asm.Disassembler;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.backend.tdlx.TdlxReader;
import org.tdlc.ir.data.Npy;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.data.TensorInit;
import org.tdlc.ir.io.AtomicFiles;
import org.tdlc.ir.type.TensorType;
import org.tdlc.sim.Options;
import org.tdlc.sim.SimResult;
import org.tdlc.sim.Simulator;

class ChromeTraceTest {
  @TempDir Path dir;

  /** One complete event of the trace, with its process and its thread's name. */
  record Span(int pid, String thread, String name, long begin, long end, JsonNode args) {}

  /** A trace file read back: the names of its processes and threads, and its complete events. */
  record Trace(Map<Integer, String> processes, List<Span> spans, JsonNode root) {
    static Trace read(Path file) throws IOException {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      Map<Integer, String> processes = new TreeMap<>();
      Map<String, String> threads = new HashMap<>();
      for (JsonNode e : root.get("traceEvents")) {
        if (!e.get("ph").asText().equals("M")) continue;
        String name = e.get("args").path("name").asText();
        if (e.get("name").asText().equals("process_name")) processes.put(e.get("pid").asInt(), name);
        if (e.get("name").asText().equals("thread_name")) threads.put(e.get("pid").asInt() + "/" + e.get("tid").asInt(), name);
      }
      List<Span> spans = new ArrayList<>();
      for (JsonNode e : root.get("traceEvents")) {
        if (!e.get("ph").asText().equals("X")) continue;
        String thread = threads.get(e.get("pid").asInt() + "/" + e.get("tid").asInt());
        assertTrue(thread != null, "an event on a thread without a name: " + e);
        long ts = e.get("ts").asLong();
        spans.add(new Span(e.get("pid").asInt(), thread, e.get("name").asText(), ts, ts + e.get("dur").asLong(), e.get("args")));
      }
      return new Trace(processes, spans, root);
    }

    List<Span> on(String thread) { return spans.stream().filter(s -> s.thread().equals(thread)).toList(); }

    List<Span> layers() { return spans.stream().filter(s -> s.thread().startsWith("layers")).toList(); }

    List<Span> instructions() { return spans.stream().filter(s -> !s.thread().startsWith("layers")).toList(); }
  }

  /** What the simulator reports of one instruction. */
  record Executed(long begin, long end) {}

  @Test
  void runTraceIsWhatTheSimulatorExecuted() throws Exception {
    Path tdlx = compile("examples/resnet_block.tdl");
    Program program = TdlxReader.read(tdlx);
    Map<String, Tensor> inputs = seededInputs(program);
    Map<Integer, Executed> executed = new TreeMap<>();
    SimResult sim = Simulator.run(program, inputs, Options.tracing(
        (index, begin, end, insn) -> assertEquals(null, executed.put(index, new Executed(begin, end)), "ran twice: " + index)));

    Path file = dir.resolve("run.json");
    Tdlc.Result r = Tdlc.run(with(inputs, "run", "examples/resnet_block.tdl", "--trace-json", file.toString()));
    assertEquals(0, r.code(), r.toString());
    Trace trace = Trace.read(file);
    assertEquals(Map.of(1, "resnet_block on default"), trace.processes());
    assertEquals("ns", trace.root().get("displayTimeUnit").asText());
    JsonNode about = trace.root().get("otherData");
    assertEquals("1 trace microsecond = 1 cycle", about.get("time_unit").asText());
    assertEquals(program.machine().frequencyMhz(), about.get("processes").get(0).get("clock_mhz").asDouble());

    List<Span> insns = trace.instructions();
    assertEquals(program.instructions().size(), insns.size(), "one event per executed instruction");
    assertEquals(executed.size(), insns.size());
    for (Span s : insns) {
      int index = s.args().get("index").asInt();
      Instruction insn = program.instructions().get(index);
      assertEquals(executed.get(index), new Executed(s.begin(), s.end()), "cycles of instruction " + index);
      assertEquals(insn.opcode().mnemonic(), s.name());
      assertEquals(insn.queue().name().toLowerCase(Locale.ROOT), s.thread(), "the queue of instruction " + index);
      assertEquals(Disassembler.instruction(insn), s.args().get("asm").asText());
    }
    assertEquals(executed.keySet(), new TreeSet<>(insns.stream().map(s -> s.args().get("index").asInt()).toList()),
        "every instruction exactly once");
    assertEquals(sim.total().cycles(), insns.stream().mapToLong(Span::end).max().orElseThrow(), "the last end is the total");
    for (String queue : List.of("load", "compute", "store")) inIssueOrderWithoutOverlap(trace.on(queue), queue);
    layersCoverTheirInstructions(program, trace);
  }

  @Test
  void simAndRunGiveTheSameEvents() throws Exception {
    Path tdlx = compile("examples/resnet_block.tdl");
    Program program = TdlxReader.read(tdlx);
    Map<String, Tensor> inputs = seededInputs(program);
    Path ran = dir.resolve("run.json"), simulated = dir.resolve("sim.json");
    assertEquals(0, Tdlc.run(with(inputs, "run", "examples/resnet_block.tdl", "--trace-json", ran.toString())).code());
    // --trace and --trace-json together: the text trace on stderr names the same start cycles
    Tdlc.Result sim = Tdlc.run(with(inputs, "sim", tdlx.toString(), "--trace", "--trace-json", simulated.toString()));
    assertEquals(0, sim.code(), sim.toString());
    List<Span> fromRun = Trace.read(ran).instructions(), fromSim = Trace.read(simulated).instructions();
    assertEquals(withoutProcess(fromRun), withoutProcess(fromSim));
    for (Span s : fromSim) {
      String line = String.format("%10d  %5d  %s", s.begin(), s.args().get("index").asInt(), s.args().get("asm").asText());
      assertTrue(sim.err().contains(line + "\n"), "the text trace has " + line);
    }
    assertEquals(withoutProcess(Trace.read(ran).layers()), withoutProcess(Trace.read(simulated).layers()));
  }

  @Test
  void severalModelsAreSeveralProcesses() throws Exception {
    Path file = dir.resolve("two.json");
    Tdlc.Result r = Tdlc.run("run", "examples/einsum_conv.tdl", "--trace-json", file.toString());
    assertEquals(0, r.code(), r.toString());
    Trace trace = Trace.read(file);
    assertEquals(2, trace.processes().size(), trace.processes().toString());
    assertTrue(trace.processes().values().stream().allMatch(n -> n.endsWith(" on default")), trace.processes().toString());
    for (int pid : trace.processes().keySet()) {
      List<Span> mine = trace.spans().stream().filter(s -> s.pid() == pid).toList();
      assertTrue(mine.stream().anyMatch(s -> s.thread().equals("compute")), "process " + pid + " computes");
      assertTrue(mine.stream().anyMatch(s -> s.thread().equals("layers")), "process " + pid + " has layers");
      assertEquals(1, mine.stream().filter(s -> s.name().equals("halt")).count(), "one program per process");
    }
  }

  /** A hand-written program whose second layer (a fill on the compute queue) runs beside its first (a load). */
  @Test
  void overlappingLayersGetThreadsOfTheirOwn() throws Exception {
    String relu = Files.readString(Path.of("tests/src/test/resources/lit/sim/relu.s"));
    String asm = relu.substring(0, relu.indexOf(".descriptors"))
        + """
        .descriptors
        d0: dma i8 pad=0 dims=[(count=8 dram=1 buf=1 pad=0,0)]
        d1: alu relu dst=i8 src1=i8 src2=i8 imm=0 loops=[(8: dst=1 src1=1 src2=0)]
        d2: alu fill dst=i8 src1=i8 src2=i8 imm=0 loops=[(8: dst=1 src1=0 src2=0)]
        .layers
        in op=load first=0 last=0
        zero op=fill first=1 last=1
        act op=relu first=2 last=3
        .text
        load   deps(push_next) desc=0 dram=0x00000000 buf=0x0000
        alu    desc=2 dst=0x0020 src1=0x0000 src2=0x0000
        alu    deps(pop_prev,push_next) desc=1 dst=0x0010 src1=0x0000 src2=0x0000
        store  deps(pop_prev) desc=0 buf=0x0010 dram=0x00000040
        halt
        """;
    Path source = dir.resolve("overlap.s"), tdlx = dir.resolve("overlap.tdlx"), file = dir.resolve("overlap.json");
    Files.writeString(source, asm);
    assertEquals(0, Tdlc.run("asm", source.toString(), "-o", tdlx.toString()).code());
    Tdlc.Result r = Tdlc.run("sim", tdlx.toString(), "--trace-json", file.toString());
    assertEquals(0, r.code(), r.toString());
    Trace trace = Trace.read(file);
    Span in = trace.layers().stream().filter(s -> s.name().equals("in")).findFirst().orElseThrow();
    Span zero = trace.layers().stream().filter(s -> s.name().equals("zero")).findFirst().orElseThrow();
    assertTrue(zero.begin() < in.end(), "the program does overlap its layers: " + in + " " + zero);
    assertFalse(in.thread().equals(zero.thread()), "overlapping layers share a thread");
    layersCoverTheirInstructions(TdlxReader.read(tdlx), trace);
  }

  @Test
  void anUnwritableTraceIsAUserErrorThatLeavesNothing() throws Exception {
    Path notADirectory = dir.resolve("file");
    Files.writeString(notADirectory, "x");
    Path file = notADirectory.resolve("t.json");
    Tdlc.Result r = Tdlc.run("run", "examples/quickstart.tdl", "--trace-json", file.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("cannot write " + file + ": " + notADirectory + " is a file, not a directory"), r.err());

    Path source = Path.of("examples/quickstart.tdl");
    String before = Files.readString(source);
    Tdlc.Result input = Tdlc.run("run", source.toString(), "--trace-json", source.toString());
    assertEquals(1, input.code(), input.toString());
    assertTrue(input.err().contains("refusing to overwrite"), input.err());
    assertEquals(before, Files.readString(source));
  }

  /** What the trace writer relies on: an unfinished file leaves the old one as it was and no temporary file. */
  @Test
  void anUnfinishedFileLeavesNothing() throws Exception {
    Path file = dir.resolve("t.json");
    Files.writeString(file, "old");
    try (AtomicFiles.Pending pending = AtomicFiles.open(file)) {
      pending.out().write("half".getBytes());
    }
    assertEquals("old", Files.readString(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
    try (AtomicFiles.Pending pending = AtomicFiles.open(file)) {
      pending.out().write("new".getBytes());
      pending.commit();
    }
    assertEquals("new", Files.readString(file));
  }

  private static void inIssueOrderWithoutOverlap(List<Span> queue, String name) {
    assertFalse(queue.isEmpty(), name + " queue is empty");
    for (int k = 1; k < queue.size(); k++) {
      Span a = queue.get(k - 1), b = queue.get(k);
      assertTrue(a.args().get("index").asInt() < b.args().get("index").asInt(), name + ": out of issue order " + a + " " + b);
      assertTrue(a.end() <= b.begin(), name + ": overlap " + a + " " + b);
    }
  }

  /** Each layer that ran is one span from its first begin to its last end; spans on one thread never overlap. */
  private static void layersCoverTheirInstructions(Program program, Trace trace) {
    List<Span> insns = trace.instructions();
    List<Span> layers = trace.layers();
    assertEquals(program.layers().size(), layers.size(), "a span per layer");
    for (Layer l : program.layers()) {
      List<Span> mine = insns.stream()
          .filter(s -> s.args().get("index").asInt() >= l.first() && s.args().get("index").asInt() <= l.last()).toList();
      assertTrue(mine.stream().allMatch(s -> s.args().get("layer").asText().equals(l.name())), l.name());
      Span span = layers.stream().filter(s -> s.name().equals(l.name())).findFirst().orElseThrow();
      assertEquals(mine.stream().mapToLong(Span::begin).min().orElseThrow(), span.begin(), l.name());
      assertEquals(mine.stream().mapToLong(Span::end).max().orElseThrow(), span.end(), l.name());
    }
    for (String thread : layers.stream().map(Span::thread).distinct().toList()) {
      List<Span> lane = layers.stream().filter(s -> s.thread().equals(thread))
          .sorted(Comparator.comparingLong(Span::begin)).toList();
      for (int k = 1; k < lane.size(); k++) {
        assertTrue(lane.get(k - 1).end() <= lane.get(k).begin(), thread + ": " + lane.get(k - 1) + " overlaps " + lane.get(k));
      }
    }
  }

  private Path compile(String source) {
    Path tdlx = dir.resolve("program.tdlx");
    Tdlc.Result r = Tdlc.run("compile", source, "-o", tdlx.toString());
    assertEquals(0, r.code(), r.toString());
    return tdlx;
  }

  /** Inputs of the test's own (seed 7, not the command's default), so run, sim and the simulator get them alike. */
  private static Map<String, Tensor> seededInputs(Program program) {
    Map<String, Tensor> inputs = new TreeMap<>();
    for (Symbol s : program.symbols()) {
      if (s.kind() != Symbol.Kind.INPUT) continue;
      inputs.put(s.name(), TensorInit.random(TensorType.of(s.type(), s.shape().stream().mapToInt(Integer::intValue).toArray()), 7));
    }
    return inputs;
  }

  /** The command line with --input NAME=FILE.npy for each input, written to the test's directory. */
  private String[] with(Map<String, Tensor> inputs, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    for (var e : inputs.entrySet()) {
      Path npy = dir.resolve(e.getKey() + ".npy");
      Npy.write(npy, e.getValue());
      all.add("--input");
      all.add(e.getKey() + "=" + npy);
    }
    return all.toArray(String[]::new);
  }

  private static List<Span> withoutProcess(List<Span> spans) {
    return spans.stream().map(s -> new Span(0, s.thread(), s.name(), s.begin(), s.end(), s.args())).toList();
  }
}
