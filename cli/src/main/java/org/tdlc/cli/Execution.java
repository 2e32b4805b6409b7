// The simulate half of `tdlc run` and `tdlc sim`: feed a program its inputs, run the simulator, and (for
// run) run the reference interpreter on the same inputs and compare every output bit for bit.
package org.tdlc.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.backend.asm.Disassembler;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.Model;
import org.tdlc.ir.data.Npy;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.data.TensorInit;
import org.tdlc.ir.interp.Interpreter;
import org.tdlc.ir.type.TensorType;
import org.tdlc.sim.Options;
import org.tdlc.sim.SimResult;
import org.tdlc.sim.Simulator;
import org.tdlc.sim.TraceListener;

final class Execution {
  private Execution() {}

  /** Inputs for a program: from --input files where given, else the same seeded data interp and run use. */
  static Map<String, Tensor> inputs(Program program, Map<String, Path> files, long seed) {
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    for (Symbol s : program.symbols()) {
      if (s.kind() != Symbol.Kind.INPUT) continue;
      TensorType type = TensorType.of(s.type(), s.shape().stream().mapToInt(Integer::intValue).toArray());
      Path file = files.get(s.name());
      if (file == null) {
        inputs.put(s.name(), TensorInit.randomInput(type, s.name(), seed));
        continue;
      }
      Tensor t = Npy.read(file);
      if (!t.type().sameValues(type)) {
        throw new UserError("--input " + s.name() + ": " + file + " holds " + t.type().toSourceString()
            + " but the program's input " + s.name() + " is " + type.toSourceString());
      }
      inputs.put(s.name(), t);
    }
    for (String name : files.keySet()) {
      if (!inputs.containsKey(name)) {
        throw new UsageException("--input " + name + ": the program has no input named '" + name + "' (its inputs: "
            + String.join(", ", inputs.keySet()) + ")");
      }
    }
    return inputs;
  }

  /** Simulates, and compares with the reference interpreter when {@code reference} is not null. */
  static RunReport.ModelRun run(String modelName, String target, Program program, Map<String, Tensor> inputs,
                                Model reference, long compileMillis, PrintStream trace) {
    return run(modelName, target, program, inputs, reference, compileMillis, trace, Progress.OFF, ChromeTrace.OFF);
  }

  static RunReport.ModelRun run(String modelName, String target, Program program, Map<String, Tensor> inputs,
                                Model reference, long compileMillis, PrintStream trace, Progress progress,
                                ChromeTrace traceJson) {
    long start = System.nanoTime();
    TraceListener shown = trace != null
        ? (index, begin, end, insn) -> trace.printf("%10d  %5d  %s%n", begin, index, Disassembler.instruction(insn))
        : progress.enabled() ? progress.simulating(modelName, program) : null;
    Options options = Options.tracing(TraceListener.both(shown, traceJson.process(modelName, target, program)));
    SimResult sim = Simulator.run(program, inputs, options);
    long simulate = (System.nanoTime() - start) / 1_000_000;
    Map<String, Tensor> expected = null;
    long referenceMillis = -1;
    if (reference != null) {
      progress.show("reference interpreter: " + modelName);
      start = System.nanoTime();
      expected = new Interpreter().run(reference, inputs);
      referenceMillis = (System.nanoTime() - start) / 1_000_000;
    }
    progress.clear();
    List<RunReport.OutputCheck> checks = new ArrayList<>();
    for (Symbol s : program.symbols()) {
      if (s.kind() != Symbol.Kind.OUTPUT) continue;
      if (expected == null) {
        checks.add(new RunReport.OutputCheck(s, null, null));
        continue;
      }
      Tensor want = expected.get(s.name()), got = sim.outputs().get(s.name());
      String diff = want == null ? "the reference interpreter has no output " + s.name()
          : want.diff(got).orElse(null);
      checks.add(new RunReport.OutputCheck(s, diff == null, diff));
    }
    return new RunReport.ModelRun(modelName, target, program, sim, checks, compileMillis, simulate, referenceMillis);
  }

  /**
   * --save-outputs: each model's outputs as DIR/NAME.npy (DIR/MODEL/NAME.npy for several models), each file
   * written whole; an output file that is one of the inputs is refused, a failed write is a clear error.
   */
  static void save(Path dir, Map<String, Map<String, Tensor>> outputsByModel, Collection<Path> inputs) {
    for (var model : outputsByModel.entrySet()) {
      Path d = outputsByModel.size() == 1 ? dir : dir.resolve(model.getKey());
      UserFiles.directory(d);
      for (var e : model.getValue().entrySet()) {
        Path file = d.resolve(e.getKey() + ".npy");
        UserFiles.refuseInput("--save-outputs", file, inputs);
        UserFiles.write(file, Npy.toBytes(e.getValue()));
      }
    }
  }
}
