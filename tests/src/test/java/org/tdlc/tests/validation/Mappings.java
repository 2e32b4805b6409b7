// tdlc's mapping of a compared layer as the comparison's CSV files print it: the indices on the array's
// rows and columns with their tiles (an axis holds their product, folded), and the global-buffer tile.
package org.tdlc.tests.validation;

import java.util.stream.Collectors;
import org.tdlc.ir.mapping.Mapping;

final class Mappings {
  private Mappings() {}

  static String spatial(OneLayer.Result r) {
    Mapping m = r.mapping();
    return axis(m, m.rows()) + " x " + axis(m, m.cols());
  }

  /** The PEs the mapping keeps busy in a full fold: the PEs each axis uses, multiplied. */
  static int pesUsed(OneLayer.Result r) {
    Mapping m = r.mapping();
    return m.axisUse(m.rows(), r.target().rows()) * m.axisUse(m.cols(), r.target().cols());
  }

  /** c=3*r=7*s=7: an axis' indices with their tiles, flattened onto it. */
  private static String axis(Mapping m, java.util.List<String> dims) {
    return dims.isEmpty() ? "-" : dims.stream().map(d -> d + "=" + m.spatial(d)).collect(Collectors.joining("*"));
  }

  static String tile(Mapping m) {
    return m.tile().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
  }
}
