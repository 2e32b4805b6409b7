// One layer of a reference tool's workload, compiled by tdlc for one of the stand-in targets of
// validation/tdlc/targets.tdl with the mapper (weights dense) and costed by the cost model, whose figures
// equal the simulator's on every mapped layer (PredictionTest checks that on every example and target).
package org.tdlc.tests.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tdlc.frontend.Frontend;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.target.Target;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;
import org.tdlc.passes.mapping.Cost;
import org.tdlc.passes.mapping.Predictions;

public final class OneLayer {
  /** The stand-in targets, next to the reference data. */
  public static final Path TARGETS = Path.of("validation/tdlc/targets.tdl");
  private static final Path WORK = Path.of("tests/target/validation");
  private static final Map<String, Result> CACHE = new HashMap<>();

  /** The layer's cost and mapping, and its target (for the array size and the levels' names). */
  public record Result(Cost cost, Mapping mapping, Target target) {
    public long dramRead(int operand) { return cost.dramRead()[operand]; }
    public long globalRead(int operand) { return cost.globalRead()[operand]; }
  }

  private OneLayer() {}

  /** A matmul x[m, k] * w[k, n], as SCALE-Sim lowers every layer. */
  public static Result gemm(long m, long n, long k, String target) {
    return run("  input x : i8[" + m + ", " + k + "];\n  weight w : i8[" + k + ", " + n + "] init random(seed = 1);\n"
        + "  y = matmul(x, w);\n", target, Pipeline.NO_FORMATS);
  }

  /** A conv2d (or, when depthwise, a dwconv2d) of batch 1 with output p x q, mapped by the default mapper (edp). */
  public static Result conv(int k, int c, int r, int s, int stride, int pad, int p, int q, boolean depthwise,
                            String target) {
    return conv(k, c, r, s, stride, pad, p, q, depthwise, target, Pipeline.NO_FORMATS);
  }

  /** The same, mapped by {@code pipeline} (for another objective: Timeloop's mapper minimizes delay, then energy). */
  public static Result conv(int k, int c, int r, int s, int stride, int pad, int p, int q, boolean depthwise,
                            String target, Pipeline pipeline) {
    int h = (p - 1) * stride + r - 2 * pad;
    int w = (q - 1) * stride + s - 2 * pad;
    String weight = depthwise ? c + ", 1, " + r + ", " + s : k + ", " + c + ", " + r + ", " + s;
    return run("  input x : i8[1, " + c + ", " + h + ", " + w + "];\n  weight w : i8[" + weight
        + "] init random(seed = 1);\n  y = " + (depthwise ? "dwconv2d" : "conv2d") + "(x, w, stride = " + stride
        + ", pad = " + pad + ");\n", target, pipeline);
  }

  private static synchronized Result run(String body, String targetName, Pipeline pipeline) {
    String text = "import \"" + TARGETS.toAbsolutePath() + "\";\n\nmodel layer {\n" + body + "  output y;\n}\n";
    return CACHE.computeIfAbsent(targetName + "\n" + pipeline + "\n" + text, key -> compile(text, targetName, pipeline));
  }

  private static Result compile(String text, String targetName, Pipeline pipeline) {
    try {
      Files.createDirectories(WORK);
      Path file = Files.createTempFile(WORK, "layer", ".tdl");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      Compiled c = compile(file, targetName, "layer", pipeline);
      Files.delete(file);
      Operation op = c.model().ops().stream().filter(o -> o.attributes().has(Mapping.ATTR)).findFirst().orElseThrow();
      return new Result(c.costs().values().iterator().next(), Mapping.of(op).orElseThrow(), c.target());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A mapped model and the cost model's figures for each of its mapped layers, by layer name. */
  public record Compiled(Model model, Target target, Map<String, Cost> costs) {}

  /** Model {@code modelName} of {@code file}, mapped for {@code targetName} (weights dense) and costed. */
  public static Compiled compile(Path file, String targetName, String modelName) {
    return compile(file, targetName, modelName, Pipeline.NO_FORMATS);
  }

  /** The same, mapped by {@code pipeline}. */
  public static Compiled compile(Path file, String targetName, String modelName, Pipeline pipeline) {
    Frontend.Result parsed = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString());
    Target target = Targets.resolve(targetName, parsed);
    IrModule mapped = new PassManager(PassManager.Instrumentation.defaults(System.err).withTarget(target))
        .run(parsed.module(), pipeline, new DiagnosticEngine());
    Model model = mapped.model(modelName).orElseThrow();
    return new Compiled(model, target, Predictions.of(model, target));
  }
}
