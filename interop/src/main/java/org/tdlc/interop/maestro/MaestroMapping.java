// A MAESTRO mapping file (`--Mapping_file`): optional `Constant NAME value;` lines and one `Network NAME { ... }`
// of layers, each with its Type, Stride, Dimensions and Dataflow directives (TemporalMap, SpatialMap, Cluster),
// read as MAESTRO's DFSL parser reads it. Sizes may be numbers, constants or Sz(D). Anything MAESTRO would refuse
// or crash on (an unknown keyword or directive, a dimension the layer lacks, a first layer without a Dataflow) is
// an error at its token; types MAESTRO parses but tdlc cannot hold (NGCONV, TRCONV, ...) are errors too.
package org.tdlc.interop.maestro;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.interop.SourceFile;

public record MaestroMapping(String network, List<Layer> layers) {
  /** One directive as written: its kind, size, offset (a Cluster has none) and dimension, with its line. */
  public record Directive(String kind, int size, int offset, String dim, String text, int line) {
    public boolean spatial() { return kind.equals("SpatialMap"); }
    public boolean cluster() { return kind.equals("Cluster"); }
  }

  /** One layer: type (CONV, DSCONV or GEMM), strides, dimensions as given, and its directives outer to inner. */
  public record Layer(String name, int line, String type, int strideY, int strideX, Map<String, Integer> dims,
                      List<Directive> dataflow, boolean inherited) {
    public int dim(String d) { return dims.getOrDefault(d, 1); }

    /** Input rows/cols: Y and X as given, or made from Y'/X' (output) as MAESTRO does. */
    public int inY() { return dims.containsKey("Y") ? dims.get("Y") : (dim("Y'") - 1) * strideY + dim("R"); }
    public int inX() { return dims.containsKey("X") ? dims.get("X") : (dim("X'") - 1) * strideX + dim("S"); }
    public int outY() { return (inY() - dim("R")) / strideY + 1; }
    public int outX() { return (inX() - dim("S")) / strideX + 1; }
  }

  public static final List<String> DIRECTIVES = List.of("TemporalMap", "SpatialMap", "Cluster");
  private static final Map<String, List<String>> DIMS = Map.of(
      "CONV", List.of("N", "K", "C", "R", "S", "Y", "X", "Y'", "X'"),
      "DSCONV", List.of("N", "K", "C", "R", "S", "Y", "X", "Y'", "X'"),
      "GEMM", List.of("M", "N", "K"));
  private static final List<String> UNSUPPORTED = List.of("NGCONV", "TRCONV", "FC", "POOL", "LSTM", "RESIDUAL_IDENTITY");

  public static MaestroMapping read(SourceFile file) {
    Tokens t = new Tokens(file);
    Map<String, Integer> constants = new HashMap<>();
    String network = null;
    List<Layer> layers = new ArrayList<>();
    while (!t.atEnd()) {
      Tokens.Token kw = t.take("Constant or Network");
      switch (kw.text()) {
        case "Constant" -> {
          Tokens.Token name = t.take("a constant's name");
          constants.put(name.text(), number(t, t.take("the constant's value"), "a constant"));
        }
        case "Network" -> {
          if (network != null) throw t.error(kw, "a mapping file holds one Network");
          network = t.take("the network's name").text();
          t.expect("{");
          while (!t.accept("}")) layers.add(layer(t, constants, layers.isEmpty() ? null : layers.get(layers.size() - 1)));
        }
        default -> throw t.error(kw, "expected Constant or Network, got '" + kw.text() + "'"
            + (kw.text().equals("Accelerator") ? " (an Accelerator block belongs in MAESTRO's HW file, which tdlc reads"
                + " as key: value lines)" : ""));
      }
    }
    if (network == null || layers.isEmpty()) throw file.error(1, 1, "no Network with a Layer in " + file.name());
    return new MaestroMapping(network, layers);
  }

  private static Layer layer(Tokens t, Map<String, Integer> constants, Layer previous) {
    Tokens.Token kw = t.take("Layer");
    if (!kw.text().equals("Layer")) throw t.error(kw, "expected Layer or '}', got '" + kw.text() + "'");
    Tokens.Token name = t.take("the layer's name");
    t.expect("{");
    String type = null;
    int sy = 1, sx = 1;
    Map<String, Integer> dims = new LinkedHashMap<>();
    List<Directive> dataflow = null;
    Tokens.Token dimsAt = null;
    while (!t.accept("}")) {
      Tokens.Token k = t.take("Type, Stride, Dimensions, Dataflow or '}'");
      switch (k.text()) {
        case "Type" -> {
          Tokens.Token ty = t.take("a layer type");
          if (UNSUPPORTED.contains(ty.text())) {
            throw t.error(ty, "layer type " + ty.text() + " cannot be imported: tdlc takes CONV, DSCONV and GEMM");
          }
          if (!DIMS.containsKey(ty.text())) {
            throw t.error(ty, "unknown layer type '" + ty.text() + "'; the types are CONV, DSCONV and GEMM");
          }
          type = ty.text();
        }
        case "Stride" -> {
          if (dimsAt != null) throw t.error(k, "Stride must come before Dimensions (MAESTRO applies it while reading them)");
          t.expect("{");
          while (!t.accept("}")) {
            Tokens.Token d = t.take("X or Y");
            int v = number(t, t.take("a stride"), "a stride");
            if (d.text().equals("X")) sx = v;
            else if (d.text().equals("Y")) sy = v;
            else throw t.error(d, "a Stride gives X and Y, got '" + d.text() + "'");
          }
        }
        case "Dimensions" -> {
          if (type == null) throw t.error(k, "Type must come before Dimensions");
          dimsAt = k;
          t.expect("{");
          while (!t.accept("}")) {
            Tokens.Token d = t.take("a dimension");
            if (!DIMS.get(type).contains(d.text())) {
              throw t.error(d, "unknown dimension '" + d.text() + "' for a " + type + " layer; its dimensions are "
                  + String.join(", ", DIMS.get(type)));
            }
            dims.put(d.text(), value(t, t.take("a size"), constants, Map.of()));
          }
        }
        case "Dataflow" -> {
          if (dimsAt == null) throw t.error(k, "Dimensions must come before Dataflow");
          dataflow = directives(t, constants, type, dims);
        }
        default -> throw t.error(k, "expected Type, Stride, Dimensions, Dataflow or '}', got '" + k.text() + "'");
      }
    }
    if (type == null) throw t.error(name, "layer " + name.text() + " has no Type");
    if (dimsAt == null) throw t.error(name, "layer " + name.text() + " has no Dimensions");
    List<String> needed = type.equals("GEMM") ? List.of("M", "N", "K") : List.of("K", "C", "R", "S");
    for (String d : needed) {
      if (!dims.containsKey(d)) throw t.error(dimsAt, "layer " + name.text() + " gives no dimension " + d);
    }
    if (!type.equals("GEMM")) {
      for (String d : List.of("Y", "X")) {
        if (!dims.containsKey(d) && !dims.containsKey(d + "'")) {
          throw t.error(dimsAt, "layer " + name.text() + " gives neither " + d + " nor " + d + "'");
        }
      }
    }
    boolean inherited = dataflow == null;
    if (inherited) {
      if (previous == null) {
        throw t.error(name, "layer " + name.text() + " has no Dataflow, and no layer before it to take one from");
      }
      dataflow = previous.dataflow();
    }
    Layer layer = new Layer(name.text(), name.line(), type, sy, sx, dims, dataflow, inherited);
    if (!type.equals("GEMM") && (layer.inY() < layer.dim("R") || layer.inX() < layer.dim("S"))) {
      throw t.error(dimsAt, "layer " + name.text() + ": the filter (" + layer.dim("R") + "x" + layer.dim("S")
          + ") is larger than the input (" + layer.inY() + "x" + layer.inX() + ")");
    }
    return layer;
  }

  private static List<Directive> directives(Tokens t, Map<String, Integer> constants, String type,
                                            Map<String, Integer> dims) {
    List<Directive> out = new ArrayList<>();
    t.expect("{");
    while (!t.accept("}")) {
      Tokens.Token d = t.take("a directive");
      if (!DIRECTIVES.contains(d.text())) {
        throw t.error(d, "unknown directive '" + d.text() + "'; the directives are " + String.join(", ", DIRECTIVES));
      }
      Tokens.Token sizeAt = t.take("a size");
      String sizeText = written(t, sizeAt);
      int size = value(t, sizeAt, constants, dims);
      if (d.text().equals("Cluster")) {
        String kind = "";
        if (!t.atEnd() && (t.peek().text().equals("P") || t.peek().text().equals("L"))) kind = ", " + t.take("P or L").text();
        out.add(new Directive("Cluster", size, 0, "", "Cluster(" + sizeText + kind + ")", d.line()));
        continue;
      }
      Tokens.Token offsetAt = t.take("an offset");
      String offsetText = written(t, offsetAt);
      int offset = value(t, offsetAt, constants, dims);
      Tokens.Token dim = t.take("a dimension");
      if (!DIMS.get(type).contains(dim.text())) {
        throw t.error(dim, "unknown dimension '" + dim.text() + "' for a " + type + " layer; its dimensions are "
            + String.join(", ", DIMS.get(type)));
      }
      out.add(new Directive(d.text(), size, offset, dim.text(),
          d.text() + "(" + sizeText + "," + offsetText + ") " + dim.text(), d.line()));
    }
    return out;
  }

  /** A size as written: the number or constant, or Sz(D) (peeking at D, which value() then takes). */
  private static String written(Tokens t, Tokens.Token v) {
    return v.text().equals("Sz") && !t.atEnd() ? "Sz(" + t.peek().text() + ")" : v.text();
  }

  /** A number, a constant, or Sz(D) with D a dimension of the layer. */
  private static int value(Tokens t, Tokens.Token v, Map<String, Integer> constants, Map<String, Integer> dims) {
    if (v.text().equals("Sz")) {
      Tokens.Token d = t.take("a dimension after Sz");
      Integer size = dims.get(d.text());
      if (size == null) size = d.text().equals("N") ? Integer.valueOf(1) : null;
      if (size == null) throw t.error(d, "Sz(" + d.text() + "): the layer gives no dimension " + d.text());
      return size;
    }
    if (constants.containsKey(v.text())) return constants.get(v.text());
    return number(t, v, "a size");
  }

  private static int number(Tokens t, Tokens.Token v, String what) {
    try {
      int x = Integer.parseInt(v.text());
      if (x > 0) return x;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw t.error(v, what + " must be a positive integer" + (what.equals("a size") ? ", a constant or Sz(D)" : "")
        + ", got '" + v.text() + "'");
  }
}
