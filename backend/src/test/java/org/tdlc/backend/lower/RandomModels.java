// Seeded random models for property tests of the lowering: conv2d (strides, pads, groups), matmul (2-D and
// batched) and pooling, with random tails that fuse (residual add, relu, requant), on random machines (array
// shape, buffer size from 256 B, double buffering, dataflow). A failure names the case's seed; replay one case
// with -Dlowering.seed=SEED, run more with -Dlowering.cases=N. Used here and by runtime-sim's bit-exact test.
package org.tdlc.backend.lower;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.machine.MachineConfig;

public final class RandomModels {
  private RandomModels() {}

  /** What a property test checks on one case. */
  @FunctionalInterface
  public interface Check {
    void run(Model model, MachineConfig machine, long seed);
  }

  /**
   * Runs {@code check} on {@code cases} seeded cases (or -Dlowering.cases, or only -Dlowering.seed). Cases whose
   * machine is too small for the model are skipped; at least half must fit. Returns how many ran.
   */
  public static int check(String test, int cases, Check check) { return check(test, cases, check, null); }

  /**
   * As above, half the cases (by their seed) rewritten by {@code fusion} first when it is given (the tests
   * module passes the pass pipeline's epilogue fusion), the others as the front end builds them.
   */
  public static int check(String test, int cases, Check check, UnaryOperator<IrModule> fusion) {
    String replay = System.getProperty("lowering.seed");
    int n = Integer.parseInt(System.getProperty("lowering.cases", Integer.toString(cases)));
    List<Long> seeds = new ArrayList<>();
    if (replay != null) seeds.add(Long.parseLong(replay));
    else for (int i = 0; i < n; i++) seeds.add(0x5eed_1000L + i);
    int ran = 0;
    for (long seed : seeds) {
      Random rnd = new Random(seed);
      String tdl = model(rnd);
      MachineConfig machine = machine(rnd);
      boolean fused = rnd.nextBoolean() && fusion != null;
      String pipeline = fused ? "fused" : "unfused";
      try {
        check.run(LoweringFixtures.model(tdl, fused ? fusion : null), machine, seed);
        ran++;
      } catch (LoweringException e) {
        if (!e.getMessage().contains("smallest tile")) throw failure(test, seed, machine, pipeline, tdl, e);
      } catch (AssertionError | RuntimeException e) {
        throw failure(test, seed, machine, pipeline, tdl, e);
      }
    }
    if (replay == null && ran < seeds.size() / 2) fail("only " + ran + " of " + seeds.size() + " cases fit their machine");
    return ran;
  }

  private static AssertionError failure(String test, long seed, MachineConfig machine, String pipeline, String tdl,
                                        Throwable e) {
    return new AssertionError("seed " + seed + " (replay: mvn test -Dtest=" + test + " -Dlowering.seed=" + seed
        + ")\nmachine " + machine + "\n" + pipeline + "\n" + tdl + "\n" + e, e);
  }

  public static MachineConfig machine(Random rnd) {
    List<Dataflow> all = List.of(Dataflow.WS, Dataflow.OS, Dataflow.RS);
    Set<Dataflow> flows = Set.of(all.get(rnd.nextInt(3)));
    long global = 256L << rnd.nextInt(8);
    return LoweringFixtures.machine("random", 1 + rnd.nextInt(16), 1 + rnd.nextInt(16), flows, global, rnd.nextBoolean());
  }

  public static String model(Random rnd) {
    return switch (rnd.nextInt(3)) {
      case 0 -> conv(rnd);
      case 1 -> matmul(rnd);
      default -> pool(rnd);
    };
  }

  private static String type(Random rnd) { return rnd.nextInt(4) == 0 ? "i16" : "i8"; }

  private static String conv(Random rnd) {
    int groups = 1 + rnd.nextInt(3), cg = 1 + rnd.nextInt(3), kg = 1 + rnd.nextInt(3);
    int r = 1 + rnd.nextInt(3), s = 1 + rnd.nextInt(3), sh = 1 + rnd.nextInt(3), sw = 1 + rnd.nextInt(3);
    int ph = rnd.nextInt(3), pw = rnd.nextInt(3);
    int h = Math.max(1, r - 2 * ph) + rnd.nextInt(9), w = Math.max(1, s - 2 * pw) + rnd.nextInt(9);
    int n = 1 + rnd.nextInt(2), k = groups * kg;
    int p = (h + 2 * ph - r) / sh + 1, q = (w + 2 * pw - s) / sw + 1;
    String call = "conv2d(x, w, stride = [" + sh + ", " + sw + "], pad = [" + ph + ", " + pw + "], groups = " + groups + ")";
    return "model m {\n  input x : " + type(rnd) + "[" + n + ", " + groups * cg + ", " + h + ", " + w + "];\n"
        + "  weight w : i8[" + k + ", " + cg + ", " + r + ", " + s + "] init random(seed = " + rnd.nextInt(100) + ");\n"
        + tail(rnd, call, "[" + n + ", " + k + ", " + p + ", " + q + "]") + "}\n";
  }

  private static String matmul(Random rnd) {
    int m = 1 + rnd.nextInt(20), k = 1 + rnd.nextInt(20), n = 1 + rnd.nextInt(20), b = 1 + rnd.nextInt(3);
    int form = rnd.nextInt(3);
    String a = form == 0 ? "[" + m + ", " + k + "]" : "[" + b + ", " + m + ", " + k + "]";
    String bt = form == 2 ? "[" + b + ", " + k + ", " + n + "]" : "[" + k + ", " + n + "]";
    String out = form == 0 ? "[" + m + ", " + n + "]" : "[" + b + ", " + m + ", " + n + "]";
    return "model m {\n  input x : " + type(rnd) + a + ";\n  input w : " + type(rnd) + bt + ";\n"
        + tail(rnd, "matmul(x, w)", out) + "}\n";
  }

  private static String pool(Random rnd) {
    int kh = 1 + rnd.nextInt(3), kw = 1 + rnd.nextInt(3), sh = 1 + rnd.nextInt(3), sw = 1 + rnd.nextInt(3);
    boolean max = rnd.nextBoolean();
    int ph = max ? rnd.nextInt(kh) : 0, pw = max ? rnd.nextInt(kw) : 0;
    int h = kh + rnd.nextInt(9), w = kw + rnd.nextInt(9);
    String call = (max ? "maxpool" : "avgpool") + "(x, kernel = [" + kh + ", " + kw + "], stride = [" + sh + ", " + sw
        + "]" + (max ? ", pad = [" + ph + ", " + pw + "]" : "") + ")";
    String type = List.of("i8", "i16", "i32").get(rnd.nextInt(3));
    return "model m {\n  input x : " + type + "[1, " + (1 + rnd.nextInt(4)) + ", " + h + ", " + w + "];\n"
        + "  y = " + call + ";\n  output y;\n}\n";
  }

  /** y = the call, then maybe a residual add, relu and requant in a random order. */
  private static String tail(Random rnd, String call, String shape) {
    StringBuilder b = new StringBuilder();
    String cur = call;
    boolean residual = rnd.nextBoolean();
    if (residual) b.append("  input r : ").append(rnd.nextBoolean() ? "i8" : "i32").append(shape).append(";\n");
    List<String> steps = new ArrayList<>(List.of("relu", "requant"));
    if (residual) steps.add("add");
    java.util.Collections.shuffle(steps, rnd);
    for (String st : steps) {
      if (rnd.nextInt(3) == 0 && !st.equals("add")) continue;
      cur = switch (st) {
        case "relu" -> "relu(" + cur + ")";
        case "requant" -> "requant(" + cur + ", shift = " + rnd.nextInt(12) + ")";
        default -> "add(" + cur + ", r)";
      };
    }
    return b.append("  y = ").append(cur).append(";\n  output y;\n").toString();
  }
}
