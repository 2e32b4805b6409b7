// Functional DMA execution, exactly as DmaDesc documents: LOAD walks every buffer point and copies the DRAM
// element behind it or writes the pad value; STORE copies every buffer point to DRAM. Both move raw
// elements of one type (no conversion). Rows whose elements are contiguous on both sides are copied in one go.
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

  /** DRAM -> buffer with padding; bounds are already checked. */
  static void load(byte[] dram, byte[] buf, DmaPlan p, long dramAddr, int bufAddr) {
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
      loadRow(dram, buf, p, rowInRange, (int) dramRow, bufRow);
      advance(idx, p.total);
    }
  }

  private static void loadRow(byte[] dram, byte[] buf, DmaPlan p, boolean rowInRange, int dramRow, long bufRow) {
    int in = p.dims - 1;
    int bs = (int) p.bufStride[in];
    int ds = (int) p.dramStride[in];
    int before = rowInRange ? p.padBefore[in] : p.total[in];
    int copied = rowInRange ? p.count[in] : 0;
    int q = (int) bufRow;
    for (int j = 0; j < before; j++, q += bs) System.arraycopy(p.padBytes, 0, buf, q, p.size);
    copy(dram, dramRow, ds, buf, q, bs, copied, p.size);
    q += copied * bs;
    for (int j = before + copied; j < p.total[in]; j++, q += bs) System.arraycopy(p.padBytes, 0, buf, q, p.size);
  }

  /** Buffer -> DRAM (no padding); bounds are already checked. */
  static void store(byte[] buf, byte[] dram, DmaPlan p, int bufAddr, long dramAddr) {
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
      copy(buf, (int) bufRow, (int) p.bufStride[in], dram, (int) dramRow, (int) p.dramStride[in], p.total[in], p.size);
      advance(idx, p.total);
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
