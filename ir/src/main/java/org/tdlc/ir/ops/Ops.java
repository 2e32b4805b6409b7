// The registry of op kinds: one name constant and one register line per op, its declaration (OpDef) lives
// with its family (Sources, Contractions, Elementwise, Activations, Normalizations, Pools, Layouts, Einsum).
// Everything that needs to know the ops (front end, verifier, IR parser, interpreter, docs/ops.md) looks them
// up here.
package org.tdlc.ir.ops;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

public final class Ops {
  public static final String INPUT = "tdl.input";
  public static final String WEIGHT = "tdl.weight";
  public static final String OUTPUT = "tdl.output";
  public static final String CONV2D = "tdl.conv2d";
  public static final String MATMUL = "tdl.matmul";
  public static final String ADD = "tdl.add";
  public static final String SUB = "tdl.sub";
  public static final String MUL = "tdl.mul";
  public static final String MAX = "tdl.max";
  public static final String MIN = "tdl.min";
  public static final String CLIP = "tdl.clip";
  public static final String SIGMOID = "tdl.sigmoid";
  public static final String TANH = "tdl.tanh";
  public static final String GELU = "tdl.gelu";
  public static final String SOFTMAX = "tdl.softmax";
  public static final String LAYERNORM = "tdl.layernorm";
  public static final String RELU = "tdl.relu";
  public static final String REQUANT = "tdl.requant";
  /**
   * requant's largest shift: the rounding term 1 << (shift - 1) and the shift itself are int operations on
   * the i32 accumulator. The program checkers (ProgramVerifier, the simulator's ProgramCheck) hold REQUANT
   * instructions to the same bound.
   */
  public static final int REQUANT_MAX_SHIFT = 31;
  public static final String MAXPOOL = "tdl.maxpool";
  public static final String AVGPOOL = "tdl.avgpool";
  public static final String GLOBALAVGPOOL = "tdl.globalavgpool";
  public static final String FLATTEN = "tdl.flatten";
  public static final String RESHAPE = "tdl.reshape";
  public static final String TRANSPOSE = "tdl.transpose";
  public static final String CONCAT = "tdl.concat";
  public static final String SLICE = "tdl.slice";
  public static final String UPSAMPLE = "tdl.upsample";
  public static final String GATHER = "tdl.gather";
  public static final String EINSUM = "tdl.einsum";

  /**
   * Operations of other frameworks that tdlc does not have (yet), as a model would call them: an unknown call
   * of one of these names says so plainly instead of suggesting a look-alike (concat is not conv2d).
   */
  public static final List<String> NOT_PROVIDED = List.of("batchnorm", "div", "exp", "sqrt", "embedding", "split",
      "pad", "mean", "sum", "resize", "where", "erf");

  private static final Map<String, OpDef> BY_NAME = new TreeMap<>();

  static {
    register(Sources.INPUT);
    register(Sources.WEIGHT);
    register(Sources.OUTPUT);
    register(Contractions.CONV2D);
    register(Contractions.MATMUL);
    register(Einsum.DEF);
    register(Elementwise.ADD);
    register(Elementwise.SUB);
    register(Elementwise.MUL);
    register(Elementwise.MAX);
    register(Elementwise.MIN);
    register(Elementwise.RELU);
    register(Elementwise.CLIP);
    register(Elementwise.REQUANT);
    register(Activations.SIGMOID);
    register(Activations.TANH);
    register(Activations.GELU);
    register(Normalizations.SOFTMAX);
    register(Normalizations.LAYERNORM);
    register(Pools.MAXPOOL);
    register(Pools.AVGPOOL);
    register(Pools.GLOBALAVGPOOL);
    register(Layouts.FLATTEN);
    register(Layouts.RESHAPE);
    register(Layouts.TRANSPOSE);
    register(Layouts.CONCAT);
    register(Layouts.SLICE);
    register(Layouts.UPSAMPLE);
    register(Layouts.GATHER);
  }

  private Ops() {}

  private static void register(OpDef def) {
    if (BY_NAME.putIfAbsent(def.name(), def) != null) throw new IllegalStateException(def.name() + " declared twice");
  }

  public static Optional<OpDef> lookup(String name) { return Optional.ofNullable(BY_NAME.get(name)); }

  /** Every op, by name. */
  public static Collection<OpDef> all() { return Collections.unmodifiableCollection(BY_NAME.values()); }
}
