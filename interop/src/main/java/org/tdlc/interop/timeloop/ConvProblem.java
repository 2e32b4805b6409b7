// A Timeloop problem of the CNN-layer shape (Timeloop's built-in cnn-layer, or a shape written out with the
// same projections): the bounds of C, M, R, S, N, P, Q and the strides. Timeloop's Inputs rank W is
// R*Wdilation + P*Wstride, so R pairs with P and S with Q; tdlc's conv2d pairs r with p and s with q, so the
// letters carry over as they are (M is tdlc's k) and Wstride is the stride of p.
package org.tdlc.interop.timeloop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.target.Operand;

/** bounds: by Timeloop dimension (C M R S N P Q); dataSpaces: Weights, Inputs, Outputs as the file names them. */
record ConvProblem(Map<String, Integer> bounds, int strideP, int strideQ, List<String> dataSpaces, List<String> notes) {
  static final List<String> DIMS = List.of("C", "M", "R", "S", "N", "P", "Q");
  /** The shape's data spaces in Timeloop's order (its names, as mappings keep and bypass them), and tdlc's operands. */
  static final List<String> SPACES = List.of("Weights", "Inputs", "Outputs");
  private static final List<Operand> OPERANDS = List.of(Operand.WEIGHTS, Operand.INPUTS, Operand.OUTPUTS);
  private static final List<String> PROBLEM_KEYS = List.of("shape", "instance");
  private static final List<String> SHAPE_KEYS = List.of("name", "dimensions", "coefficients", "data-spaces");

  /** The Operand mask of these data-space names (other names ignored). */
  static int operands(List<String> names) {
    int mask = 0;
    for (String n : names) if (SPACES.contains(n)) mask |= OPERANDS.get(SPACES.indexOf(n)).bit();
    return mask;
  }

  /** The data spaces of an Operand mask, in Timeloop's order, as a YAML list: "[Weights, Inputs]". */
  static String spaces(int mask) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < SPACES.size(); i++) if (OPERANDS.get(i).in(mask)) names.add(SPACES.get(i));
    return "[" + String.join(", ", names) + "]";
  }

  long macs() {
    long m = 1;
    for (int b : bounds.values()) m *= b;
    return m;
  }

  int bound(String dim) { return bounds.get(dim); }

  static ConvProblem read(Yaml.Node problem) {
    problem.onlyKeys("problem", PROBLEM_KEYS);
    List<String> notes = new ArrayList<>();
    Map<String, Long> coefficients = new LinkedHashMap<>(Map.of("Wstride", 1L, "Hstride", 1L, "Wdilation", 1L,
        "Hdilation", 1L));
    List<String> spaces = SPACES;
    String wStride = "Wstride", hStride = "Hstride", wDil = "Wdilation", hDil = "Hdilation";
    Yaml.Node shape = problem.opt("shape", "problem");
    if (shape != null && shape.isMap()) {
      shape.onlyKeys("problem.shape", SHAPE_KEYS);
      Set<String> dims = new TreeSet<>();
      for (Yaml.Node d : shape.get("dimensions", "problem.shape").list("dimensions")) dims.add(d.text("a dimension"));
      if (!dims.equals(new TreeSet<>(DIMS))) {
        throw shape.get("dimensions", "").error("dimensions " + dims + " are not the CNN-layer shape's " + DIMS
            + "; tdlc imports Timeloop's CNN-layer problems (a GEMM is one with R = S = P = 1)");
      }
      coefficients.clear();
      Yaml.Node cs = shape.opt("coefficients", "problem.shape");
      if (cs != null) {
        for (Yaml.Node c : cs.list("coefficients")) {
          coefficients.put(c.get("name", "a coefficient").text("its name"),
              c.opt("default", "") == null ? 1L : c.get("default", "").integer("its default"));
        }
      }
      String[] names = projections(shape.get("data-spaces", "problem.shape"));
      spaces = List.of(names[0], names[1], names[2]);
      wDil = names[3]; wStride = names[4]; hDil = names[5]; hStride = names[6];
    } else if (shape != null && !shape.text("problem.shape").equalsIgnoreCase("cnn-layer")) {
      throw shape.error("shape '" + shape.text("") + "' is not one tdlc imports (cnn-layer, or a shape written out"
          + " with the CNN-layer projections)");
    }
    Yaml.Node instance = problem.get("instance", "problem");
    Map<String, Integer> bounds = new LinkedHashMap<>();
    for (Map.Entry<String, Yaml.Node> e : instance.map("problem.instance").entrySet()) {
      String k = e.getKey();
      if (DIMS.contains(k)) {
        long v = e.getValue().integer("bound " + k);
        if (v < 1 || v > Integer.MAX_VALUE) throw e.getValue().error("bound " + k + " = " + v + " must be at least 1");
        bounds.put(k, (int) v);
      } else if (coefficients.containsKey(k)) {
        coefficients.put(k, e.getValue().integer("coefficient " + k));
      } else if (k.equals("densities")) {
        notes.add("problem.instance.densities (Timeloop's statistical sparsity) is not carried over: the weights are"
            + " dense; declare `density D` on a weight to model sparsity the tdlc way");
      } else {
        throw new CompileException(instance.keyAt(k), "problem.instance has an unknown key '" + k + "' (the bounds "
            + String.join(", ", DIMS) + " and the coefficients " + String.join(", ", coefficients.keySet()) + ")");
      }
    }
    for (String d : DIMS) if (!bounds.containsKey(d)) throw instance.error("problem.instance has no bound for " + d);
    for (String dil : List.of(wDil, hDil)) {
      if (dil != null && coefficients.getOrDefault(dil, 1L) != 1) {
        throw instance.error("dilation " + dil + " = " + coefficients.get(dil) + ": tdlc's conv2d has no dilation");
      }
    }
    int sp = positive(wStride == null ? 1 : coefficients.getOrDefault(wStride, 1L), wStride, instance);
    int sq = positive(hStride == null ? 1 : coefficients.getOrDefault(hStride, 1L), hStride, instance);
    return new ConvProblem(bounds, sp, sq, spaces, notes);
  }

  private static int positive(long v, String name, Yaml.Node at) {
    if (v < 1 || v > 64) throw at.error(name + " = " + v + " must be from 1 to 64");
    return (int) v;
  }

  /**
   * The data spaces checked against the CNN-layer projections: {weights, inputs, outputs, W dilation, W stride,
   * H dilation, H stride} names. Outputs (read-write) rank by N M Q P; Weights C M R S; Inputs N C, R*a + P*b, S*c + Q*d.
   */
  private static String[] projections(Yaml.Node dataSpaces) {
    String[] out = new String[7];
    for (Yaml.Node ds : dataSpaces.list("data-spaces")) {
      String name = ds.get("name", "a data space").text("its name");
      boolean rw = ds.opt("read-write", "") != null && Boolean.TRUE.equals(ds.opt("read-write", "").value());
      List<List<String[]>> ranks = new ArrayList<>();
      for (Yaml.Node rank : ds.get("projection", "data space " + name).list("projection")) {
        List<String[]> terms = new ArrayList<>();
        for (Yaml.Node term : rank.list("a projection rank")) {
          List<Yaml.Node> t = term.list("a projection term");
          terms.add(new String[] {t.get(0).text("a dimension"), t.size() > 1 ? t.get(1).text("a coefficient") : null});
        }
        ranks.add(terms);
      }
      Set<String> singles = new TreeSet<>();
      boolean allSingle = true;
      for (List<String[]> r : ranks) {
        if (r.size() == 1 && r.get(0)[1] == null) singles.add(r.get(0)[0]);
        else allSingle = false;
      }
      if (rw && allSingle && singles.equals(Set.of("N", "M", "P", "Q"))) out[2] = name;
      else if (!rw && allSingle && singles.equals(Set.of("C", "M", "R", "S"))) out[0] = name;
      else if (!rw && ranks.size() == 4 && singles.equals(Set.of("N", "C"))) {
        int pairs = 0;
        for (List<String[]> r : ranks) {
          if (r.size() != 2) continue;
          if (r.get(0)[0].equals("R") && r.get(1)[0].equals("P")) { out[3] = r.get(0)[1]; out[4] = r.get(1)[1]; pairs++; }
          if (r.get(0)[0].equals("S") && r.get(1)[0].equals("Q")) { out[5] = r.get(0)[1]; out[6] = r.get(1)[1]; pairs++; }
        }
        if (pairs == 2) out[1] = name;
      }
    }
    if (out[0] == null || out[1] == null || out[2] == null) {
      throw dataSpaces.error("these data spaces are not the CNN-layer shape's (Weights [C][M][R][S], Inputs [N][C]"
          + "[R*Wdilation + P*Wstride][S*Hdilation + Q*Hstride], read-write Outputs [N][M][Q][P]); tdlc imports those");
    }
    return out;
  }
}
