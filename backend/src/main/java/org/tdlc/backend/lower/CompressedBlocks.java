// The compressed blocks of a program's weights: each distinct weight tile a LOAD reads is encoded once (in
// the format its weight is stored in) over the buffer points the load writes, row-major, viewed as
// total(outermost dimension) rows by the rest; a reloaded tile reads its block again. The blocks are laid
// out one after another in a blob that ProgramBuilder places in the data segment after the dense weights.
package org.tdlc.backend.lower;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Descriptor.DmaDim;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.sparse.SparseCodec;

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
    int[] values = tileValues(x.stored().data(), dramOffset, desc.dims(), x.padValue());
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

  /** The values a dense LOAD of these dims would write, buffer points in row-major order. */
  static int[] tileValues(Tensor data, long dramOffset, List<DmaDim> dims, int padValue) {
    long n = 1;
    for (DmaDim d : dims) n *= (long) d.padBefore() + d.count() + d.padAfter();
    int[] out = new int[(int) n];
    int[] idx = new int[dims.size()];
    for (int k = 0; k < n; k++) {
      long src = dramOffset;
      boolean in = true;
      for (int d = 0; d < idx.length; d++) {
        int j = idx[d] - dims.get(d).padBefore();
        in &= j >= 0 && j < dims.get(d).count();
        src += (long) j * dims.get(d).dramStride();
      }
      out[k] = in ? data.at((int) src) : padValue;
      for (int d = idx.length - 1; d >= 0; d--) {
        DmaDim x = dims.get(d);
        if (++idx[d] < x.padBefore() + x.count() + x.padAfter()) break;
        idx[d] = 0;
      }
    }
    return out;
  }
}
