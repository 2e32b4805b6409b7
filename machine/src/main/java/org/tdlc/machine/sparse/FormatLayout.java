// How each StorageFormat composes level formats over the 2-D view (rows, cols) of a tile, in storage order:
// CSR (rows: dense, cols: compressed), CSC the same over (cols, rows), COO (rows: compressed non-unique,
// cols: singleton), bitmap (rows: dense, cols: bitmap), RLE one run-length level over the row-major
// flattening. The printed form is what pass dumps and `tdlc explain` show.
package org.tdlc.machine.sparse;

import java.util.List;
import org.tdlc.ir.type.StorageFormat;

public record FormatLayout(StorageFormat format, boolean transposed, List<LevelFormat> levels) {
  public FormatLayout { levels = List.copyOf(levels); }

  public static FormatLayout of(StorageFormat f) {
    return switch (f) {
      case DENSE -> new FormatLayout(f, false, List.of(LevelFormat.DENSE, LevelFormat.DENSE));
      case BITMAP -> new FormatLayout(f, false, List.of(LevelFormat.DENSE, LevelFormat.BITMAP));
      case RLE -> new FormatLayout(f, false, List.of(LevelFormat.RLE));
      case CSR -> new FormatLayout(f, false, List.of(LevelFormat.DENSE, LevelFormat.COMPRESSED));
      case CSC -> new FormatLayout(f, true, List.of(LevelFormat.DENSE, LevelFormat.COMPRESSED));
      case COO -> new FormatLayout(f, false, List.of(LevelFormat.COMPRESSED_NONUNIQUE, LevelFormat.SINGLETON));
    };
  }

  /** e.g. {@code csc = (j: dense, i: compressed)}; RLE as one level over the flattened (i, j). */
  @Override public String toString() {
    StringBuilder b = new StringBuilder(format.keyword()).append(" = (");
    if (levels.size() == 1) return b.append("i*cols+j: ").append(levels.get(0).keyword()).append(')').toString();
    String[] dims = transposed ? new String[] {"j", "i"} : new String[] {"i", "j"};
    for (int l = 0; l < levels.size(); l++) {
      if (l > 0) b.append(", ");
      b.append(dims[l]).append(": ").append(levels.get(l).keyword());
    }
    return b.append(')').toString();
  }
}
