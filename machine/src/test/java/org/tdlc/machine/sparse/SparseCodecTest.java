// Property tests of the storage formats: for random shapes and densities from 0 to 1 (empty and full tiles
// included) and every value width, decode(encode(t)) == t, the encoder writes exactly size() bits, the
// decoder reads exactly the block, and the sizes follow the documented formulas. Seeded; a failure prints
// the seed and how to replay it.
package org.tdlc.machine.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.type.StorageFormat;

class SparseCodecTest {
  private static final long SEED = Long.getLong("sparse.seed", 20261122L);
  private static final int CASES = 400;

  private static int[] randomTile(Random r, int n, double density, int bits) {
    int[] v = new int[n];
    for (int k = 0; k < n; k++) {
      if (r.nextDouble() >= density) continue;
      int x;
      do {
        x = bits == 32 ? r.nextInt() : r.nextInt(1 << bits) - (1 << (bits - 1));
      } while (x == 0);
      v[k] = x;
    }
    return v;
  }

  @Test
  void everyFormatRoundTripsAtEveryDensity() {
    Random r = new Random(SEED);
    int[] widths = {8, 16, 32};
    for (int c = 0; c < CASES; c++) {
      int rows = 1 + r.nextInt(c % 5 == 0 ? 3 : 40);
      int cols = 1 + r.nextInt(c % 7 == 0 ? 2 : 70);
      double density = c % 10 == 0 ? 0 : c % 10 == 1 ? 1 : r.nextDouble() * (c % 3 == 0 ? 0.1 : 1);
      int bits = widths[r.nextInt(3)];
      int[] t = randomTile(r, rows * cols, density, bits);
      for (StorageFormat f : StorageFormat.values()) {
        String what = "case " + c + " " + f + " " + rows + "x" + cols + " d=" + density + " b=" + bits
            + " (replay: mvn -pl ir test -Dtest=SparseCodecTest -Dsparse.seed=" + SEED + ")";
        SparseCodec.Block block = SparseCodec.encode(f, t, rows, cols, bits);
        assertEquals(SparseCodec.size(f, t, rows, cols, bits), block.size(), what);
        // a staging area sized by maxBits holds the block, for every view of the same points
        assertTrue(block.size().bits() <= SparseCodec.maxBits(f, (long) rows * cols, bits), what + ": over maxBits");
        assertEquals((block.size().bits() + 7) / 8, block.bytes().length, what);
        assertArrayEquals(t, SparseCodec.decodeDense(f, block.bytes(), rows, cols, bits), what);
        // the decoder reads exactly the encoded bits, from inside a larger memory
        byte[] memory = new byte[block.bytes().length + 20];
        System.arraycopy(block.bytes(), 0, memory, 7, block.bytes().length);
        int[] back = new int[rows * cols];
        SparseCodec.Size read = SparseCodec.decode(f, memory, 7, memory.length, rows, cols, bits, (k, v) -> back[k] = v);
        assertEquals(block.size(), read, what);
        assertArrayEquals(t, back, what);
      }
    }
  }

  @Test
  void maxBitsBoundsEveryViewOfAFullTile() {
    // full tiles (no zero) are the worst case for every format but RLE; every factorization of 48 points
    for (int bits : new int[] {8, 16, 32}) {
      int[] full = randomTile(new Random(SEED), 48, 1.0, bits);
      for (int rows : new int[] {1, 2, 3, 4, 6, 8, 12, 16, 24, 48}) {
        for (StorageFormat f : StorageFormat.values()) {
          assertTrue(SparseCodec.size(f, full, rows, 48 / rows, bits).bits() <= SparseCodec.maxBits(f, 48, bits),
              f + " " + rows + " rows, " + bits + " bits");
        }
      }
    }
  }

  @Test
  void sizesFollowTheFormulas() {
    int rows = 16, cols = 64, b = 8;
    int[] t = new int[rows * cols];
    for (int k = 0; k < t.length; k += 10) t[k] = 5;   // 103 nonzeros
    long nnz = 103, n = rows * cols;
    int w = 11;   // ceil(log2(1025))
    assertEquals(n * b, SparseCodec.size(StorageFormat.DENSE, t, rows, cols, b).bits());
    assertEquals(n + nnz * b, SparseCodec.size(StorageFormat.BITMAP, t, rows, cols, b).bits());
    assertEquals(rows * w + nnz * (6 + b), SparseCodec.size(StorageFormat.CSR, t, rows, cols, b).bits());
    assertEquals(cols * w + nnz * (4 + b), SparseCodec.size(StorageFormat.CSC, t, rows, cols, b).bits());
    assertEquals(w + nnz * (4 + 6 + b), SparseCodec.size(StorageFormat.COO, t, rows, cols, b).bits());
    // gaps are 9 zeros: r = 4 stores each in one entry of 12 bits, the best of all widths
    assertEquals(4 + w + nnz * (4 + b), SparseCodec.size(StorageFormat.RLE, t, rows, cols, b).bits());
  }

  @Test
  void longZeroRunsTakePads() {
    int[] t = new int[1000];
    t[0] = 1;
    t[999] = -1;
    SparseCodec.Block block = SparseCodec.encode(StorageFormat.RLE, t, 1, 1000, 8);
    assertArrayEquals(t, SparseCodec.decodeDense(StorageFormat.RLE, block.bytes(), 1, 1000, 8));
    assertTrue(block.size().entries() >= 2, "entries " + block.size().entries());
  }

  @Test
  void theExpectedSizeMatchesTheExactOneOnLargeUniformTiles() {
    Random r = new Random(SEED);
    for (double d : new double[] {0.01, 0.1, 0.3, 0.7}) {
      int[] t = randomTile(r, 256 * 256, d, 8);
      for (StorageFormat f : StorageFormat.values()) {
        double exact = SparseCodec.size(f, t, 256, 256, 8).bits();
        double expected = SparseCodec.expectedBits(f, 256, 256, 8, d);
        assertEquals(1.0, expected / exact, 0.05, f + " at d=" + d);
      }
    }
  }

  @Test
  void malformedBlocksAreRefused() {
    byte[] truncated = {1};
    assertThrows(MalformedBlockException.class,
        () -> SparseCodec.decodeDense(StorageFormat.BITMAP, truncated, 4, 4, 8));
    byte[] badPositions = SparseCodec.encode(StorageFormat.CSR, new int[] {1, 0, 0, 1}, 2, 2, 8).bytes();
    badPositions[0] = (byte) 0x1f;   // first end position 7 > 4 elements
    assertThrows(MalformedBlockException.class,
        () -> SparseCodec.decodeDense(StorageFormat.CSR, badPositions, 2, 2, 8));
    byte[] cooTooMany = {(byte) 0xff, (byte) 0xff};
    assertThrows(MalformedBlockException.class,
        () -> SparseCodec.decodeDense(StorageFormat.COO, cooTooMany, 2, 2, 8));
  }

  @Test
  void layoutsNameTheirLevels() {
    assertEquals("csr = (i: dense, j: compressed)", FormatLayout.of(StorageFormat.CSR).toString());
    assertEquals("csc = (j: dense, i: compressed)", FormatLayout.of(StorageFormat.CSC).toString());
    assertEquals("coo = (i: compressed_nonunique, j: singleton)", FormatLayout.of(StorageFormat.COO).toString());
  }
}
