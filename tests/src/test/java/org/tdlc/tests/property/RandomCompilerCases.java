// Random whole-compiler cases: the lowering tests' RandomModels (conv2d with strides, pads and groups,
// batched matmul, pooling, fused tails, odd and prime sizes) and einsums (matmul with a pinned tile and a
// reshape, strided convolution), decorated with weight densities, format and dataflow pins the target
// supports, a transpose/flatten tail and a pass pipeline. Deterministic in the seed, so a failure replays.
package org.tdlc.tests.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tdlc.backend.lower.RandomModels;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.type.StorageFormat;

final class RandomCompilerCases {
  /** A built-in target and what a pin may name on it (as `tdlc targets` lists them). */
  record Target(String name, List<String> dataflows, List<String> formats) {}

  /** The built-in targets as the generator needs them, read from the targets themselves. */
  static final List<Target> TARGETS = Targets.builtIns().stream().map(t -> new Target(t.name(),
      Arrays.stream(Dataflow.values()).filter(t::supports).map(Dataflow::keyword).toList(),
      t.formats().stream().map(StorageFormat::keyword).toList())).toList();
  static final List<String> PIPELINES = List.of("", "canonicalize", "canonicalize,fuse-epilogue", "fuse-epilogue");
  private static final Pattern WEIGHT_INIT = Pattern.compile("init random\\(seed = \\d+\\)");
  private static final Pattern FIRST_DIMS = Pattern.compile("input x : \\w+\\[([^\\]]*)\\]");

  /** One case: the .tdl text, the target it is compiled for and the --passes pipeline. */
  record Case(long seed, String tdl, Target target, String pipeline) {
    @Override public String toString() {
      return "seed " + seed + ", target " + target.name() + ", passes '" + pipeline + "'\n" + tdl;
    }
  }

  private RandomCompilerCases() {}

  static Case generate(long seed) {
    Random rnd = new Random(seed);
    return generate(seed, rnd, TARGETS.get(rnd.nextInt(TARGETS.size())));
  }

  /** A case for {@code target} (one of a test's own, described as the generator needs it), drawn from rnd. */
  static Case generate(long seed, Random rnd, Target target) {
    String tdl = rnd.nextInt(4) == 0 ? einsum(rnd, target) : heldByThePes(RandomModels.model(rnd));
    tdl = weights(tdl, target, rnd);
    tdl = dataflowPin(tdl, target, rnd);
    tdl = layoutTail(tdl, rnd);
    return new Case(seed, tdl, target, PIPELINES.get(rnd.nextInt(PIPELINES.size())));
  }

  /**
   * The model with the inputs of its MACs in i8, the built-in targets' datatype (wider operands are a
   * located error there; RandomModelsTest lowers and simulates them on machines of its own).
   */
  private static String heldByThePes(String tdl) {
    boolean macs = tdl.contains("matmul(") || tdl.contains("conv2d(");
    return macs ? tdl.replaceAll("(input \\w+ : )i(16|32)\\[", "$1i8[") : tdl;
  }

  /** An einsum: a matmul with a pinned tile and a reshape tail, or a strided convolution. */
  private static String einsum(Random rnd, Target target) {
    if (rnd.nextBoolean()) {
      int m = 1 + rnd.nextInt(13), k = 1 + rnd.nextInt(13), n = 1 + rnd.nextInt(13);
      String flow = target.dataflows().get(rnd.nextInt(target.dataflows().size()));
      return "model e {\n  input a : i8[" + m + ", " + k + "];\n  weight b : i8[" + k + ", " + n + "] init random(seed = "
          + rnd.nextInt(100) + ");\n  tensor y : i32[" + m + ", " + n + "];\n  @map(dataflow = " + flow + ", tile = { m = "
          + (1 + rnd.nextInt(m)) + ", n = " + (1 + rnd.nextInt(n)) + " })\n  y[m, n] += a[m, k] * b[k, n];\n"
          + "  r = reshape(y, shape = [" + m * n + "]);\n  output r;\n}\n";
    }
    int c = 1 + rnd.nextInt(4), k = 1 + rnd.nextInt(5), r = 1 + rnd.nextInt(3), s = 1 + rnd.nextInt(3);
    int st = 1 + rnd.nextInt(3), p = 1 + rnd.nextInt(6), q = 1 + rnd.nextInt(6);
    int h = st * (p - 1) + r, w = st * (q - 1) + s;
    return "model e {\n  input x : i8[1, " + c + ", " + h + ", " + w + "];\n  weight w : i8[" + k + ", " + c + ", " + r + ", "
        + s + "] init random(seed = " + rnd.nextInt(100) + ");\n  tensor y : i32[1, " + k + ", " + p + ", " + q + "];\n"
        + "  y[n, k, p, q] += x[n, c, " + st + "*p + r, " + st + "*q + s] * w[k, c, r, s];\n  output y;\n}\n";
  }

  /** Adds a density and a format pin to some random-initialized weights. */
  private static String weights(String tdl, Target target, Random rnd) {
    Matcher m = WEIGHT_INIT.matcher(tdl);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String decl = m.group();
      if (rnd.nextBoolean()) decl += " density " + List.of("0.05", "0.3", "0.5", "0.77", "1.0").get(rnd.nextInt(5));
      if (rnd.nextInt(3) == 0) decl += " format " + target.formats().get(rnd.nextInt(target.formats().size()));
      m.appendReplacement(b, Matcher.quoteReplacement(decl));
    }
    m.appendTail(b);
    return b.toString();
  }

  /** Pins the dataflow of a top-level conv2d or matmul to one the target has. */
  private static String dataflowPin(String tdl, Target target, Random rnd) {
    if (rnd.nextInt(3) != 0 || !(tdl.contains("  y = conv2d(") || tdl.contains("  y = matmul("))) return tdl;
    String flow = target.dataflows().get(rnd.nextInt(target.dataflows().size()));
    return tdl.replace("  y = ", "  @map(dataflow = " + flow + ")\n  y = ");
  }

  /** Sometimes transposes the output by a random permutation and flattens it. */
  private static String layoutTail(String tdl, Random rnd) {
    if (rnd.nextBoolean()) return tdl;
    Matcher m = FIRST_DIMS.matcher(tdl);
    if (!m.find()) return tdl;
    int rank = m.group(1).split(",").length;
    List<Integer> perm = new ArrayList<>();
    for (int i = 0; i < rank; i++) perm.add(i);
    Collections.shuffle(perm, rnd);
    String tail = "  t = transpose(y, perm = " + perm + ");\n";
    String out = "t";
    if (rnd.nextBoolean()) {
      tail += "  f = flatten(t);\n";
      out = "f";
    }
    return tdl.replace("  output y;\n", tail + "  output " + out + ";\n");
  }
}
