// tdlc's mapping of a compared layer as the comparison's CSV files print it: the indices on the array's
// rows and columns with their extents, and the global-buffer tile.
package org.tdlc.tests.validation;

import java.util.stream.Collectors;
import org.tdlc.ir.mapping.Mapping;

final class Mappings {
  private Mappings() {}

  static String spatial(OneLayer.Result r) {
    Mapping m = r.mapping();
    return axis(m, m.rows(), r.target().rows()) + " x " + axis(m, m.cols(), r.target().cols());
  }

  /** The PEs the mapping keeps busy: the extents on the rows times those on the columns. */
  static int pesUsed(OneLayer.Result r) {
    Mapping m = r.mapping();
    return extent(m, m.rows(), r.target().rows()) * extent(m, m.cols(), r.target().cols());
  }

  private static int extent(Mapping m, String dim, int size) { return dim.isEmpty() ? 1 : m.spatial(dim, size); }

  private static String axis(Mapping m, String dim, int size) {
    return dim.isEmpty() ? "-" : dim + "=" + m.spatial(dim, size);
  }

  static String tile(Mapping m) {
    return m.tile().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
  }
}
