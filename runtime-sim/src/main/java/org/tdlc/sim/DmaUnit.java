// Functional DMA execution, exactly as DmaDesc documents: LOAD walks every buffer point and copies the DRAM
// element behind it or writes the pad value; STORE copies every buffer point to DRAM. Both move raw
// elements of one type (no conversion). A row within one DRAM page is copied from or to the page (in one go when
// its elements are contiguous on both sides); only a row across a page boundary goes byte by byte (Dram).
// A compressed LOAD runs the format decoder over its block instead and writes the dense tile (loadCompressed).
package org.tdlc.sim;

import org.tdlc.machine.sparse.SparseCodec;

final class DmaUnit {
  private DmaUnit() {}

  /**
   * Block -> buffer: decodes the block at {@code from} in {@code src} (reading no further than byte
   * {@code limit}) over the view of viewRows x (points / viewRows) and writes every buffer point in row-major
   * order, zero unless the block holds a value there. The source is DRAM for a hardware-decoded LOAD and the
   * buffer itself for a CONVERT (the tile is decoded whole before it is written, so the two may overlap).
   * Returns what the decoder read; a malformed block is a MalformedBlockException.
   */
  static SparseCodec.Size loadCompressed(byte[] src, long limit, byte[] buf, DmaPlan p, long from, int bufAddr) {
    int points = (int) p.points;
    int rows = p.viewRows;
    int cols = rows == 0 ? 0 : points / rows;
    int[] tile = new int[points];
    SparseCodec.Size read = SparseCodec.decodeInto(p.format, src, from, limit, rows, cols, p.size * 8, tile);
    if (points == 0) return read;
    int in = p.dims - 1;
    int n = p.total[in];
    int bs = (int) p.bufStride[in];
    int[] idx = new int[in];
    for (int k = 0; k < points; k += n) {   // row by row along the innermost dimension
      long row = bufAddr;
      for (int d = 0; d < in; d++) row += idx[d] * p.bufStride[d];
      int q = (int) row;
      if (p.size == 1) for (int j = 0; j < n; j++) buf[q + j * bs] = (byte) tile[k + j];
      else for (int j = 0; j < n; j++) Memory.write(buf, q + j * bs, p.size, tile[k + j]);
      advance(idx, p.total);
    }
    return read;
  }

  /**
   * A compressed block in DRAM at {@code from}, read no further than {@code limit}: decoded from its page when
   * the bytes up to the limit lie in one, else from a copy of them (see the byte-array form).
   */
  static SparseCodec.Size loadCompressed(Dram dram, long limit, byte[] buf, DmaPlan p, long from, int bufAddr) {
    if (Dram.onePage(from, limit)) {
      int at = Dram.offset(from);
      return loadCompressed(dram.page(from), at + (limit - from), buf, p, at, bufAddr);
    }
    byte[] block = new byte[(int) (limit - from)];
    dram.read(from, block, 0, block.length);
    return loadCompressed(block, block.length, buf, p, 0, bufAddr);
  }

  /** DRAM -> buffer with padding; bounds are already checked. */
  static void load(Dram dram, byte[] buf, DmaPlan p, long dramAddr, int bufAddr) {
    int in = p.dims - 1;
    if (p.points == 0) return;
    int[] idx = new int[in];
    long outerPoints = p.points / p.total[in];
    for (long o = 0; o < outerPoints; o++) {
      long bufRow = bufAddr;
      long dramRow = dramAddr;
      boolean rowInRange = true;
      for (int d = 0; d < in; d++) {
        int j = idx[d] - p.padBefore[d];
        rowInRange &= j >= 0 && j < p.count[d];
        bufRow += idx[d] * p.bufStride[d];
        dramRow += j * p.dramStride[d];
      }
      loadRow(dram, buf, p, rowInRange, dramRow, bufRow);
      advance(idx, p.total);
    }
  }

  private static void loadRow(Dram dram, byte[] buf, DmaPlan p, boolean rowInRange, long dramRow, long bufRow) {
    int in = p.dims - 1;
    int bs = (int) p.bufStride[in];
    int ds = (int) p.dramStride[in];
    int before = rowInRange ? p.padBefore[in] : p.total[in];
    int copied = rowInRange ? p.count[in] : 0;
    int q = (int) bufRow;
    for (int j = 0; j < before; j++, q += bs) System.arraycopy(p.padBytes, 0, buf, q, p.size);
    if (copied > 0) {   // dramRow is the row's first element in range: the pads before it read no DRAM
      long end = dramRow + (copied - 1L) * ds + p.size;
      if (ds >= 0 && Dram.onePage(dramRow, end)) {
        copy(dram.page(dramRow), Dram.offset(dramRow), ds, buf, q, bs, copied, p.size);
      } else {
        for (int k = 0; k < copied; k++) {
          for (int b = 0; b < p.size; b++) buf[q + k * bs + b] = dram.get(dramRow + (long) k * ds + b);
        }
      }
    }
    q += copied * bs;
    for (int j = before + copied; j < p.total[in]; j++, q += bs) System.arraycopy(p.padBytes, 0, buf, q, p.size);
  }

  /** Buffer -> DRAM (no padding); bounds are already checked. */
  static void store(byte[] buf, Dram dram, DmaPlan p, int bufAddr, long dramAddr) {
    int in = p.dims - 1;
    if (p.points == 0) return;
    int[] idx = new int[in];
    long outerPoints = p.points / p.total[in];
    for (long o = 0; o < outerPoints; o++) {
      long bufRow = bufAddr;
      long dramRow = dramAddr;
      for (int d = 0; d < in; d++) {
        bufRow += idx[d] * p.bufStride[d];
        dramRow += idx[d] * p.dramStride[d];
      }
      storeRow(buf, (int) bufRow, dram, dramRow, p);
      advance(idx, p.total);
    }
  }

  private static void storeRow(byte[] buf, int bufRow, Dram dram, long dramRow, DmaPlan p) {
    int in = p.dims - 1;
    int bs = (int) p.bufStride[in];
    int ds = (int) p.dramStride[in];
    int n = p.total[in];
    if (n == 0) return;
    long end = dramRow + (n - 1L) * ds + p.size;
    if (ds >= 0 && Dram.onePage(dramRow, end)) {
      copy(buf, bufRow, bs, dram.writablePage(dramRow), Dram.offset(dramRow), ds, n, p.size);
      return;
    }
    for (int k = 0; k < n; k++) {
      for (int b = 0; b < p.size; b++) dram.put(dramRow + (long) k * ds + b, buf[bufRow + k * bs + b]);
    }
  }

  private static void advance(int[] idx, int[] extent) {
    for (int d = idx.length - 1; d >= 0; d--) {
      if (++idx[d] < extent[d]) return;
      idx[d] = 0;
    }
  }

  /** Copies n elements of {@code size} bytes between strided positions (strides in bytes). */
  private static void copy(byte[] src, int sp, int ss, byte[] dst, int dp, int dsStride, int n, int size) {
    if (n == 0) return;
    if (ss == size && dsStride == size) {
      System.arraycopy(src, sp, dst, dp, n * size);
      return;
    }
    for (int k = 0; k < n; k++, sp += ss, dp += dsStride) {
      for (int b = 0; b < size; b++) dst[dp + b] = src[sp + b];
    }
  }
}
