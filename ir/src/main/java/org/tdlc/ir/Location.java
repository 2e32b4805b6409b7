// Where an operation came from in the user's source: every op carries one so that
// diagnostics raised by passes, the verifier or the backend can point at the .tdl line.
package org.tdlc.ir;

import java.util.List;

public sealed interface Location {

  /** A position in a source file; line and column are 1-based. */
  record FileLineCol(String file, int line, int col) implements Location {
    @Override public String toString() { return file + ":" + line + ":" + col; }
  }

  /** Several locations merged, as when fusion folds a relu into the conv that feeds it. */
  record Fused(List<Location> parts) implements Location {
    public Fused { parts = List.copyOf(parts); }
    @Override public String toString() { return parts.isEmpty() ? "unknown" : parts.get(0).toString(); }
  }

  record Unknown() implements Location {
    @Override public String toString() { return "unknown"; }
  }

  Location UNKNOWN = new Unknown();

  static Location of(String file, int line, int col) { return new FileLineCol(file, line, col); }

  /** Merges locations, flattening nested fusions and dropping duplicates and unknowns. */
  static Location fuse(List<Location> locations) {
    var flat = new java.util.ArrayList<Location>();
    for (Location l : locations) {
      List<Location> parts = l instanceof Fused f ? f.parts() : List.of(l);
      for (Location p : parts) if (!(p instanceof Unknown) && !flat.contains(p)) flat.add(p);
    }
    if (flat.isEmpty()) return UNKNOWN;
    return flat.size() == 1 ? flat.get(0) : new Fused(flat);
  }

  /** The first file position, which is where a diagnostic about this location points. */
  default FileLineCol primary() {
    if (this instanceof FileLineCol f) return f;
    if (this instanceof Fused f && !f.parts().isEmpty()) return f.parts().get(0).primary();
    return null;
  }
}
