// Encodes a tile (row-major values over a rows x cols view) into one compressed block of a StorageFormat,
// decodes it back through a nonzero visitor (the walk the simulator's hardware decoder makes), and gives
// the block's exact size without encoding, plus the expected size at a density for tensors without data.
// Field widths (b = value bits of the element type, n = rows*cols, c(x) = ceil(log2 x), w(x) = ceil(log2(x+1))):
//   dense  n*b
//   bitmap n mask bits (row-major), then nnz values of b bits
//   csr    rows end positions of w(n) bits (the leading 0 is implicit), then nnz (col: c(cols), value: b)
//   csc    the same over the transposed view: cols positions, then nnz (row: c(rows), value: b)
//   coo    nnz in w(n) bits, then nnz (row: c(rows), col: c(cols), value: b), row-major
//   rle    run width r in 4 bits (1..15, the best for the block), entry count in w(n) bits, then entries of
//          (zero run: r, value: b); a run of 2^r or more zeros first emits pads (2^r - 1, 0); trailing zeros
//          are implicit.
// Positions and counts take widths from the tile's shape, never from its data, so a block needs no other
// header and the decoder knows every width from the DMA descriptor. A block is its bits rounded up to bytes.
package org.tdlc.machine.sparse;

import org.tdlc.ir.type.StorageFormat;

public final class SparseCodec {
  static final int RUN_WIDTH_BITS = 4;
  static final int MAX_RUN_WIDTH = 15;

  private SparseCodec() {}

  /** Receives the nonzeros of a decoded block, in storage order; {@code flat} is row-major over the view. */
  public interface NonzeroSink { void nonzero(int flat, int value); }

  /**
   * A block's size: total bits, the metadata among them (mask, positions, coordinates, runs, counts), and
   * its entries (stored values; every value for dense, pads included for RLE) which the decoder emits.
   */
  public record Size(long bits, long metadataBits, long entries) {
    public long bytes() { return (bits + 7) >>> 3; }
  }

  /** An encoded block and its size. */
  public record Block(byte[] bytes, Size size) {}

  /** c(n): bits of a coordinate in [0, n); 0 for n <= 1. */
  public static int coordBits(long n) { return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1); }

  /** w(n): bits of a count in [0, n]. */
  public static int countBits(long n) { return 64 - Long.numberOfLeadingZeros(n); }

  /**
   * An upper bound on the bits of any block of {@code points} values of {@code valueBits} bits in format
   * {@code f}, whatever the data and however the points are viewed as rows x cols: what a buffer must hold to
   * stage a block before its software conversion. csr/csc: rows * w(n) <= n * w(n) and c(cols) <= w(n); coo:
   * c(rows) + c(cols) <= c(n) + 1 <= w(n) + 1; rle: the best run width is no worse than width 1, where each
   * entry covers at least one point.
   */
  public static long maxBits(StorageFormat f, long points, int valueBits) {
    long n = points;
    int w = countBits(n);
    return switch (f) {
      case DENSE -> n * valueBits;
      case BITMAP -> n * (1 + valueBits);
      case CSR, CSC -> n * (2L * w + valueBits);
      case COO -> w + n * (w + 1L + valueBits);
      case RLE -> RUN_WIDTH_BITS + w + n * (1L + valueBits);
    };
  }

  /** The exact size of {@code values} (row-major rows x cols) encoded as {@code f}. */
  public static Size size(StorageFormat f, int[] values, int rows, int cols, int valueBits) {
    long n = (long) rows * cols;
    long nnz = 0;
    for (int v : values) if (v != 0) nnz++;
    int w = countBits(n);
    return switch (f) {
      case DENSE -> new Size(n * valueBits, 0, n);
      case BITMAP -> new Size(n + nnz * valueBits, n, nnz);
      case CSR -> compressed(rows, nnz, w, coordBits(cols), valueBits);
      case CSC -> compressed(cols, nnz, w, coordBits(rows), valueBits);
      case COO -> {
        long meta = w + nnz * (coordBits(rows) + coordBits(cols));
        yield new Size(meta + nnz * valueBits, meta, nnz);
      }
      case RLE -> {
        long[] gaps = gaps(values);
        yield rleSize(gaps, bestRunWidth(gaps, valueBits), w, valueBits);
      }
    };
  }

  private static Size compressed(long fibers, long nnz, int w, int coord, int valueBits) {
    long meta = fibers * w + nnz * coord;
    return new Size(meta + nnz * valueBits, meta, nnz);
  }

  public static Block encode(StorageFormat f, int[] values, int rows, int cols, int valueBits) {
    check(values, rows, cols, valueBits);
    BitWriter out = new BitWriter();
    long n = (long) rows * cols;
    int w = countBits(n);
    switch (f) {
      case DENSE -> { for (int v : values) out.write(v, valueBits); }
      case BITMAP -> {
        for (int v : values) out.write(v != 0 ? 1 : 0, 1);
        for (int v : values) if (v != 0) out.write(v, valueBits);
      }
      case CSR -> {
        long pos = 0;
        for (int i = 0; i < rows; i++) {
          for (int j = 0; j < cols; j++) if (values[i * cols + j] != 0) pos++;
          out.write(pos, w);
        }
        int cc = coordBits(cols);
        for (int k = 0; k < values.length; k++) {
          if (values[k] == 0) continue;
          out.write(k % cols, cc);
          out.write(values[k], valueBits);
        }
      }
      case CSC -> {
        long pos = 0;
        for (int j = 0; j < cols; j++) {
          for (int i = 0; i < rows; i++) if (values[i * cols + j] != 0) pos++;
          out.write(pos, w);
        }
        int cr = coordBits(rows);
        for (int j = 0; j < cols; j++) {
          for (int i = 0; i < rows; i++) {
            int v = values[i * cols + j];
            if (v == 0) continue;
            out.write(i, cr);
            out.write(v, valueBits);
          }
        }
      }
      case COO -> {
        long nnz = 0;
        for (int v : values) if (v != 0) nnz++;
        out.write(nnz, w);
        int cr = coordBits(rows), cc = coordBits(cols);
        for (int k = 0; k < values.length; k++) {
          if (values[k] == 0) continue;
          out.write(k / cols, cr);
          out.write(k % cols, cc);
          out.write(values[k], valueBits);
        }
      }
      case RLE -> {
        long[] gaps = gaps(values);
        int r = bestRunWidth(gaps, valueBits);
        long max = (1L << r) - 1;
        out.write(r, RUN_WIDTH_BITS);
        out.write(rleSize(gaps, r, w, valueBits).entries(), w);
        long zeros = 0;
        for (int v : values) {
          if (v == 0) { zeros++; continue; }
          while (zeros > max) {
            out.write(max, r);
            out.write(0, valueBits);
            zeros -= max + 1;
          }
          out.write(zeros, r);
          out.write(v, valueBits);
          zeros = 0;
        }
      }
    }
    Size size = size(f, values, rows, cols, valueBits);
    if (out.bits() != size.bits()) {
      throw new IllegalStateException(f + ": wrote " + out.bits() + " bits, size() says " + size.bits());
    }
    return new Block(out.toBytes(), size);
  }

  /**
   * Decodes the block at {@code src[offset..limit)} of format {@code f} over a rows x cols view, handing every
   * stored nonzero to {@code sink} (dense and RLE may hand zeros too: pads and dense zeros); returns what
   * the decoder read. A malformed block is a MalformedBlockException.
   */
  public static Size decode(StorageFormat f, byte[] src, long offset, long limit, int rows, int cols, int valueBits,
                            NonzeroSink sink) {
    BitReader in = new BitReader(src, offset, limit);
    long n = (long) rows * cols;
    int w = countBits(n);
    long entries = 0;
    switch (f) {
      case DENSE -> {
        for (int k = 0; k < n; k++) sink.nonzero(k, in.readSigned(valueBits));
        entries = n;
      }
      case BITMAP -> {
        long[] mask = bitmapMask(in, (int) n);
        for (int word = 0; word < mask.length; word++) {
          for (long bits = mask[word]; bits != 0; bits &= bits - 1) {
            sink.nonzero(word * 56 + Long.numberOfTrailingZeros(bits), in.readSigned(valueBits));
            entries++;
          }
        }
      }
      case CSR, CSC -> {
        boolean csr = f == StorageFormat.CSR;
        int fibers = csr ? rows : cols, len = csr ? cols : rows, cw = coordBits(len);
        long[] end = new long[fibers];
        long prev = 0;
        for (int i = 0; i < fibers; i++) {
          end[i] = in.read(w);
          if (end[i] < prev || end[i] > n) throw new MalformedBlockException(f + " position " + i + " is " + end[i]
              + " after " + prev + " (at most " + n + ")");
          prev = end[i];
        }
        long k = 0;
        for (int i = 0; i < fibers; i++) {
          for (; k < end[i]; k++) {
            int c = (int) in.read(cw);
            if (c >= len) throw new MalformedBlockException(f + " coordinate " + c + " outside [0, " + len + ")");
            sink.nonzero(csr ? i * cols + c : c * cols + i, in.readSigned(valueBits));
          }
        }
        entries = k;
      }
      case COO -> {
        long nnz = in.read(w);
        if (nnz > n) throw new MalformedBlockException("coo holds " + nnz + " nonzeros in " + n + " elements");
        int cr = coordBits(rows), cc = coordBits(cols);
        for (long k = 0; k < nnz; k++) {
          int i = (int) in.read(cr), j = (int) in.read(cc);
          if (i >= rows || j >= cols) {
            throw new MalformedBlockException("coo coordinate (" + i + ", " + j + ") outside " + rows + "x" + cols);
          }
          sink.nonzero(i * cols + j, in.readSigned(valueBits));
        }
        entries = nnz;
      }
      case RLE -> {
        int r = (int) in.read(RUN_WIDTH_BITS);
        if (r < 1) throw new MalformedBlockException("rle run width 0");
        entries = in.read(w);
        long at = 0;
        for (long e = 0; e < entries; e++) {
          at += in.read(r);
          if (at >= n) throw new MalformedBlockException("rle runs past the " + n + " elements of the tile");
          sink.nonzero((int) at++, in.readSigned(valueBits));
        }
      }
    }
    long bits = in.bitsRead();
    return new Size(bits, f == StorageFormat.DENSE ? 0 : bits - entries * valueBits, entries);
  }

  /** Decodes into a fresh row-major array of rows*cols values. */
  public static int[] decodeDense(StorageFormat f, byte[] block, int rows, int cols, int valueBits) {
    int[] out = new int[rows * cols];
    decodeInto(f, block, 0, block.length, rows, cols, valueBits, out);
    return out;
  }

  /**
   * As decode, writing the tile row-major into {@code out} (rows*cols values, all zero on entry). Bitmap
   * blocks take a faster path that visits the mask's set bits only (BitReader.bitmapValues): a random mask
   * made the nonzero visitor's branch per point cost several nanoseconds a point.
   */
  public static Size decodeInto(StorageFormat f, byte[] src, long offset, long limit, int rows, int cols,
                                int valueBits, int[] out) {
    if (f != StorageFormat.BITMAP || valueBits > 32) {
      return decode(f, src, offset, limit, rows, cols, valueBits, (k, v) -> out[k] = v);
    }
    BitReader in = new BitReader(src, offset, limit);
    int n = rows * cols;
    long[] mask = bitmapMask(in, n);
    long nnz = 0;
    for (long word : mask) nnz += Long.bitCount(word);
    if (nnz * valueBits > in.remainingBits()) {
      throw new MalformedBlockException("the bitmap's " + nnz + " values run past the end of memory");
    }
    in.bitmapValues(mask, n, valueBits, out);
    long bits = in.bitsRead();
    return new Size(bits, bits - nnz * valueBits, nnz);
  }

  /** A bitmap block's mask for n points, 56 bits per word (point k is bit k % 56 of word k / 56). */
  private static long[] bitmapMask(BitReader in, int n) {
    long[] mask = new long[(n + 55) / 56];
    for (int w = 0, k = 0; k < n; w++, k += 56) mask[w] = in.read(Math.min(56, n - k));
    return mask;
  }

  /**
   * The expected size in bits of a rows x cols tile at {@code density} (uniform random nonzeros), for
   * tensors whose data is not known at compile time (activations).
   */
  public static double expectedBits(StorageFormat f, int rows, int cols, int valueBits, double density) {
    double n = (double) rows * cols;
    double nnz = density * n;
    int w = countBits((long) n);
    return switch (f) {
      case DENSE -> n * valueBits;
      case BITMAP -> n + nnz * valueBits;
      case CSR -> rows * (double) w + nnz * (coordBits(cols) + valueBits);
      case CSC -> cols * (double) w + nnz * (coordBits(rows) + valueBits);
      case COO -> w + nnz * (coordBits(rows) + coordBits(cols) + valueBits);
      case RLE -> {
        double best = Double.MAX_VALUE;
        double q = 1 - density;
        for (int r = 1; r <= MAX_RUN_WIDTH; r++) {
          double ql = Math.pow(q, 1L << r);
          double pads = ql >= 1 ? 0 : nnz * ql / (1 - ql);
          best = Math.min(best, RUN_WIDTH_BITS + w + (nnz + pads) * (r + valueBits));
        }
        yield best;
      }
    };
  }

  /** The number of zeros before each nonzero (since the previous one). */
  private static long[] gaps(int[] values) {
    int nnz = 0;
    for (int v : values) if (v != 0) nnz++;
    long[] gaps = new long[nnz];
    int k = 0;
    long zeros = 0;
    for (int v : values) {
      if (v == 0) { zeros++; continue; }
      gaps[k++] = zeros;
      zeros = 0;
    }
    return gaps;
  }

  private static Size rleSize(long[] gaps, int r, int w, int valueBits) {
    long entries = gaps.length;
    for (long g : gaps) entries += g >>> r;
    long meta = RUN_WIDTH_BITS + w + entries * r;
    return new Size(meta + entries * valueBits, meta, entries);
  }

  /** The run width with the smallest block for {@code valueBits}-bit values (the smallest on ties). */
  static int bestRunWidth(long[] gaps, int valueBits) {
    int best = 1;
    long bestBits = Long.MAX_VALUE;
    for (int r = 1; r <= MAX_RUN_WIDTH; r++) {
      long entries = gaps.length;
      for (long g : gaps) entries += g >>> r;
      long bits = entries * (r + (long) valueBits);
      if (bits < bestBits) {
        best = r;
        bestBits = bits;
      }
    }
    return best;
  }

  private static void check(int[] values, int rows, int cols, int valueBits) {
    if (rows < 0 || cols < 0 || (long) rows * cols != values.length) {
      throw new IllegalArgumentException(values.length + " values do not fill a " + rows + "x" + cols + " view");
    }
    if (valueBits < 1 || valueBits > 32) throw new IllegalArgumentException("value width " + valueBits);
  }
}
