// The compressed blocks of a program's weights: each distinct weight tile a LOAD reads is encoded once (in
// the format its weight is stored in) over the buffer points the load writes, row-major, viewed as the
// descriptor's rows by the rest (TileView, shared with the cost model); a reloaded tile reads its block
// again. The blocks are laid out one after another in a blob that ProgramBuilder places in the data segment.
package org.tdlc.backend.lower;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.ir.sparse.SparseCodec;
import org.tdlc.ir.sparse.TileView;

final class CompressedBlocks {
  /** Where a block lies in the blob, and its size. */
  record Placed(long offset, SparseCodec.Size size) {}

  private final ByteArrayOutputStream blob = new ByteArrayOutputStream();
  private final Map<String, Placed> placed = new HashMap<>();

  /**
   * The block of the tile that a load of {@code desc} reads from {@code x}'s data starting at element
   * {@code dramOffset}, encoded on first use.
   */
  Placed block(TiledOp.Operand x, long dramOffset, Descriptor.DmaDesc desc) {
    String key = x.name() + '@' + System.identityHashCode(x.stored().data()) + ':' + dramOffset + ':' + desc;
    Placed p = placed.get(key);
    if (p != null) return p;
    int[] values = TileView.values(x.stored().data(), dramOffset, DmaShapes.view(desc.dims()), x.padValue());
    int rows = desc.viewRows();
    int cols = rows == 0 ? 0 : values.length / rows;
    SparseCodec.Block b = SparseCodec.encode(desc.format(), values, rows, cols, desc.type().bytes() * 8);
    p = new Placed(blob.size(), b.size());
    blob.writeBytes(b.bytes());
    placed.put(key, p);
    return p;
  }

  byte[] bytes() { return blob.toByteArray(); }

  int size() { return blob.size(); }
}
