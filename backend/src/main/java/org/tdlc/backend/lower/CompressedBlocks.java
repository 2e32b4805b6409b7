// The compressed blocks of a program's weights: each distinct weight tile a LOAD reads is encoded once (in
// the format its weight is stored in) over the buffer points the load writes, row-major, viewed as the
// descriptor's rows by the rest (TileView, shared with the cost model); a reloaded tile reads its block
// again. The blocks are laid out one after another in a blob that ProgramBuilder places in the data segment.
package org.tdlc.backend.lower;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.machine.sparse.SparseCodec;
import org.tdlc.machine.sparse.TileView;

final class CompressedBlocks {
  /** Where a block lies in the blob, and its size. */
  record Placed(long offset, SparseCodec.Size size) {}

  /** Tiles gathered ahead (TileView.adjacentValues) before any load asked for them. */
  private static final int AHEAD = 16;

  private final ByteArrayOutputStream blob = new ByteArrayOutputStream();
  private final Map<String, Placed> placed = new HashMap<>();
  /** The values of tiles gathered ahead and not asked for yet, by key; at most AHEAD - 1. */
  private final Map<String, int[]> ahead = new HashMap<>();

  /**
   * The block of the tile that a load of {@code desc} reads from {@code x}'s data starting at element
   * {@code dramOffset}, encoded on first use.
   */
  Placed block(TiledOp.Operand x, long dramOffset, Descriptor.DmaDesc desc) {
    String key = key(x, dramOffset, desc);
    Placed p = placed.get(key);
    if (p != null) return p;
    int[] values = ahead.remove(key);
    if (values == null) values = gather(x, dramOffset, desc);
    int rows = desc.viewRows();
    int cols = rows == 0 ? 0 : values.length / rows;
    SparseCodec.Block b = SparseCodec.encode(desc.format(), values, rows, cols, desc.type().bytes() * 8);
    p = new Placed(blob.size(), b.size());
    blob.writeBytes(b.bytes());
    placed.put(key, p);
    return p;
  }

  private static String key(TiledOp.Operand x, long dramOffset, Descriptor.DmaDesc desc) {
    return x.name() + '@' + System.identityHashCode(x.stored().data().sharedArray()) + ':' + dramOffset + ':' + desc;
  }

  /**
   * The tile's buffer points in order. A tall, narrow tile (a weight streamed a few columns at a time, whose
   * loads ask for the tiles to its right next) is gathered with the AHEAD - 1 tiles beside it, in one pass
   * over the rows; those wait in `ahead` until asked for. Blocks are still encoded in the order loads ask.
   */
  private int[] gather(TiledOp.Operand x, long dramOffset, Descriptor.DmaDesc desc) {
    var dims = DmaShapes.view(desc.dims());
    if (!TileView.tallAndNarrow(dims)) return TileView.values(x.stored().data(), dramOffset, dims, x.padValue());
    List<int[]> tiles = TileView.adjacentValues(x.stored().data(), dramOffset, dims, AHEAD);
    if (tiles.isEmpty()) return TileView.values(x.stored().data(), dramOffset, dims, x.padValue());
    ahead.clear();
    int cols = dims.get(1).count();
    for (int j = 1; j < tiles.size(); j++) ahead.put(key(x, dramOffset + (long) j * cols, desc), tiles.get(j));
    return tiles.get(0);
  }

  byte[] bytes() { return blob.toByteArray(); }

  int size() { return blob.size(); }
}
