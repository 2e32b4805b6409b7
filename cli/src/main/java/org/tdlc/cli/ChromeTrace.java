// --trace-json FILE: the executed instructions as a Chrome trace-event file, which Perfetto's UI and
// chrome://tracing open, because a schedule is debugged by looking at it. One process per simulated
// (model, target), a thread per instruction queue and one for the layers above them; 1 trace microsecond
// is 1 cycle. Events stream to the file as the simulator reports them, and the file appears whole or not at all.
package org.tdlc.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.tdlc.backend.asm.Disassembler;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.Queue;
import org.tdlc.ir.io.AtomicFiles;
import org.tdlc.sim.TraceListener;

final class ChromeTrace implements Closeable {
  private static final String OPTION = "trace-json";
  /** No --trace-json: no file, no listener. */
  static final ChromeTrace OFF = new ChromeTrace(null);
  private static final String UNIT = "1 trace microsecond = 1 cycle";
  /** The layers' thread; a layer that overlaps an earlier one goes to the next thread where it overlaps none. */
  private static final String LAYERS = "layers";

  private final Path file;
  private AtomicFiles.Pending pending;
  private JsonGenerator json;
  private final List<Process> processes = new ArrayList<>();

  private ChromeTrace(Path file) { this.file = file; }

  static Option option() {
    return Option.builder().longOpt(OPTION).hasArg().argName("FILE")
        .desc("also write the executed instructions as a trace for Perfetto's UI or chrome://tracing "
            + "(docs/simulator.md): a track per queue and one of layers; " + UNIT).get();
  }

  /** The trace --trace-json asks for (OFF without it); a file that is one of the inputs is refused. */
  static ChromeTrace of(CommandLine cl, Collection<Path> inputs) {
    if (!cl.hasOption(OPTION)) return OFF;
    String name = cl.getOptionValue(OPTION);
    if (name.equals(UserFiles.STDOUT)) throw new UsageException("--" + OPTION + " needs a file: stdout carries the results");
    Path out = Path.of(name);
    UserFiles.refuseInput("--" + OPTION, out, inputs);
    return new ChromeTrace(out);
  }

  /**
   * Starts the process of one simulation (opening the file on the first) and returns the listener that
   * writes its instructions, or null when OFF.
   */
  TraceListener process(String model, String target, Program program) {
    if (file == null) return null;
    try {
      if (json == null) start();
      Process p = new Process(processes.size() + 1, model, target, program);
      processes.add(p);
      p.names();
      return p;
    } catch (IOException e) {
      throw UserFiles.cannotWrite(file, e);
    }
  }

  /** Finishes the file and moves it into place. */
  void commit() {
    if (json == null) return;
    try {
      json.writeEndArray();
      json.writeStringField("displayTimeUnit", "ns");
      json.writeObjectFieldStart("otherData");
      json.writeStringField("time_unit", UNIT);
      json.writeStringField("tdlc", Main.version());
      json.writeArrayFieldStart("processes");
      for (Process p : processes) p.summary();
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      json.close();
      pending.commit();
    } catch (IOException e) {
      throw UserFiles.cannotWrite(file, e);
    }
  }

  /** Removes the unfinished file, if any (after commit: nothing to do). */
  @Override public void close() {
    if (pending == null) return;
    try {
      pending.close();
    } catch (IOException e) {
      throw UserFiles.cannotWrite(file, e);
    }
  }

  private void start() throws IOException {
    pending = AtomicFiles.open(file);
    json = new JsonFactory().createGenerator(pending.out());
    json.writeStartObject();
    json.writeArrayFieldStart("traceEvents");
  }

  /** The thread of a queue: "load", "compute", "store". */
  private static String threadName(Queue queue) { return queue.name().toLowerCase(Locale.ROOT); }

  /** One simulation: its metadata, an event per executed instruction, and at the end its layer spans. */
  private final class Process implements TraceListener {
    private final int pid;
    private final String model;
    private final String target;
    private final Program program;
    /** Per instruction, its layer's index (-1: outside every layer). */
    private final int[] layerOf;
    /** Per layer, the first begin and last end of its instructions (Long.MAX_VALUE / -1 while none ran). */
    private final long[] layerBegin;
    private final long[] layerEnd;
    private int executed;
    private long cycles;

    Process(int pid, String model, String target, Program program) {
      this.pid = pid;
      this.model = model;
      this.target = target;
      this.program = program;
      List<Layer> layers = program.layers();
      layerOf = new int[program.instructions().size()];
      Arrays.fill(layerOf, -1);
      for (int k = layers.size() - 1; k >= 0; k--) Arrays.fill(layerOf, layers.get(k).first(), layers.get(k).last() + 1, k);
      layerBegin = new long[layers.size()];
      layerEnd = new long[layers.size()];
      Arrays.fill(layerBegin, Long.MAX_VALUE);
      Arrays.fill(layerEnd, -1);
    }

    void names() throws IOException {
      metadata(-1, "process_name", "name", model + " on " + target);
      metadata(-1, "process_sort_index", "sort_index", pid);
      for (Queue q : Queue.values()) {
        metadata(tid(q), "thread_name", "name", threadName(q));
        metadata(tid(q), "thread_sort_index", "sort_index", tid(q));
      }
    }

    /** Layer threads are 1, 2, ... (a layer each at most), the queues' threads come after them. */
    private int tid(Queue q) { return layerBegin.length + 1 + q.ordinal(); }

    @Override public void executed(int index, long begin, long end, Instruction insn) {
      int layer = layerOf[index];
      try {
        complete(tid(insn.queue()), insn.opcode().mnemonic(), begin, end);
        json.writeObjectFieldStart("args");
        json.writeNumberField("index", index);
        if (layer >= 0) json.writeStringField("layer", program.layers().get(layer).name());
        json.writeStringField("asm", Disassembler.instruction(insn));
        json.writeEndObject();
        json.writeEndObject();
        if (layer >= 0) {
          layerBegin[layer] = Math.min(layerBegin[layer], begin);
          layerEnd[layer] = Math.max(layerEnd[layer], end);
        }
        cycles = Math.max(cycles, end);
        if (++executed == layerOf.length) writeLayers();
      } catch (IOException e) {
        throw UserFiles.cannotWrite(file, e);
      }
    }

    /** A span per layer that ran, on the first layer thread where it overlaps no other. */
    private void writeLayers() throws IOException {
      List<Layer> layers = program.layers();
      Integer[] order = new Integer[layers.size()];
      for (int k = 0; k < order.length; k++) order[k] = k;
      Arrays.sort(order, Comparator.comparingLong(k -> layerBegin[k]));
      List<Long> laneEnds = new ArrayList<>();
      for (int k : order) {
        if (layerEnd[k] < 0) continue;
        int lane = 0;
        while (lane < laneEnds.size() && laneEnds.get(lane) > layerBegin[k]) lane++;
        if (lane == laneEnds.size()) {
          laneEnds.add(0L);
          metadata(lane + 1, "thread_name", "name", lane == 0 ? LAYERS : LAYERS + " " + (lane + 1));
          metadata(lane + 1, "thread_sort_index", "sort_index", lane + 1);
        }
        laneEnds.set(lane, layerEnd[k]);
        Layer l = layers.get(k);
        complete(lane + 1, l.name(), layerBegin[k], layerEnd[k]);
        json.writeObjectFieldStart("args");
        json.writeStringField("op", l.op());
        json.writeNumberField("first", l.first());
        json.writeNumberField("last", l.last());
        json.writeEndObject();
        json.writeEndObject();
      }
    }

    /** Opens a complete event ("X"); the caller writes its args and closes it. */
    private void complete(int tid, String name, long begin, long end) throws IOException {
      json.writeStartObject();
      json.writeStringField("ph", "X");
      json.writeNumberField("pid", pid);
      json.writeNumberField("tid", tid);
      json.writeStringField("name", name);
      json.writeNumberField("ts", begin);
      json.writeNumberField("dur", end - begin);
    }

    private void metadata(int tid, String name, String key, Object value) throws IOException {
      json.writeStartObject();
      json.writeStringField("ph", "M");
      json.writeNumberField("pid", pid);
      if (tid >= 0) json.writeNumberField("tid", tid);
      json.writeStringField("name", name);
      json.writeObjectFieldStart("args");
      json.writeObjectField(key, value);
      json.writeEndObject();
      json.writeEndObject();
    }

    /** This process in otherData: what it ran and how to turn its microseconds (cycles) into time. */
    void summary() throws IOException {
      json.writeStartObject();
      json.writeNumberField("pid", pid);
      json.writeStringField("model", model);
      json.writeStringField("target", target);
      json.writeNumberField("clock_mhz", program.machine().frequencyMhz());
      json.writeNumberField("cycles", cycles);
      json.writeNumberField("instructions", executed);
      json.writeEndObject();
    }
  }
}
