// Per-dimension level formats in the sense of TACO (Chou et al., OOPSLA 2018) and MLIR sparse_tensor, plus
// the bitmap and run-length levels DNN accelerators use and MLIR lacks. A StorageFormat is a composition of
// these over a 2-D view of a tile (FormatLayout); the codec (SparseCodec) implements each composition.
package org.tdlc.machine.sparse;

/** What one level stores per fiber of length n holding k nonzeros (see each constant). */
public enum LevelFormat {
  /** Every coordinate exists, no metadata; O(1) locate. */
  DENSE,
  /** Coordinates of the nonzeros (k x c(n) bits) and, under a dense parent, the fiber's end position. */
  COMPRESSED,
  /** COMPRESSED whose parent may repeat coordinates (COO's row level): it carries the nonzero count once. */
  COMPRESSED_NONUNIQUE,
  /** One coordinate per parent position (COO's column level): k x c(n) bits, no positions. */
  SINGLETON,
  /** One presence bit per coordinate (n bits), values of the k nonzeros. */
  BITMAP,
  /** (zero run, value) pairs with a run width chosen per block; runs longer than the width insert a pad pair. */
  RLE;

  public String keyword() { return name().toLowerCase(java.util.Locale.ROOT); }
}
