// The registry of operation kinds, one line each; the verifier, parser and frontend look ops up here.
package org.tdlc.ir.ops;

import java.util.Collection;
import java.util.Collections;
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
  public static final String RELU = "tdl.relu";
  public static final String REQUANT = "tdl.requant";
  public static final String MAXPOOL = "tdl.maxpool";
  public static final String AVGPOOL = "tdl.avgpool";
  public static final String FLATTEN = "tdl.flatten";
  public static final String RESHAPE = "tdl.reshape";
  public static final String TRANSPOSE = "tdl.transpose";
  public static final String EINSUM = "tdl.einsum";

  private static final Map<String, OpDef> BY_NAME = new TreeMap<>();

  static {
    register(Sources.INPUT);
    register(Sources.WEIGHT);
    register(Sources.OUTPUT);
    register(Contractions.CONV2D);
    register(Contractions.MATMUL);
    register(Elementwise.ADD);
    register(Elementwise.RELU);
    register(Elementwise.REQUANT);
    register(Pools.MAXPOOL);
    register(Pools.AVGPOOL);
    register(Layouts.FLATTEN);
    register(Layouts.RESHAPE);
    register(Layouts.TRANSPOSE);
    register(Einsum.DEF);
  }

  private Ops() {}

  private static void register(OpDef def) { BY_NAME.put(def.name(), def); }

  public static Optional<OpDef> lookup(String name) { return Optional.ofNullable(BY_NAME.get(name)); }

  public static Collection<OpDef> all() { return Collections.unmodifiableCollection(BY_NAME.values()); }
}
