// TileView against brute force: every box of a small 4-D tensor, cut into transfers of at most 1..4
// dimensions, must give back the box's elements (padding where it leaves the tensor) in row-major order,
// and the compressed view's rows follow the box's first extent or the outermost transfer dimension.
package org.tdlc.machine.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

class TileViewTest {
  private static final int[] SHAPE = {3, 4, 3, 5};

  @Test
  void partsGiveBackTheBoxInRowMajorOrder() {
    int[] values = new int[3 * 4 * 3 * 5];
    for (int k = 0; k < values.length; k++) values[k] = k % 100 + 1;
    Tensor t = Tensor.of(TensorType.of(ElementType.I8, SHAPE), values);
    SplittableRandom r = new SplittableRandom(7);
    for (int trial = 0; trial < 300; trial++) {
      int[] lo = new int[4], ext = new int[4];
      for (int d = 0; d < 4; d++) {
        lo[d] = r.nextInt(SHAPE[d] + 2) - 1;
        ext[d] = 1 + r.nextInt(SHAPE[d] + 1);
      }
      boolean padded = false;
      for (int d = 0; d < 4; d++) padded |= lo[d] < 0 || lo[d] + ext[d] > SHAPE[d];
      int maxDims = padded ? 4 : 1 + r.nextInt(4);   // a padded dimension is never split off
      int[] buf = TileView.rowMajor(ext);
      int[] expected = brute(values, lo, ext);
      int[] got = new int[expected.length];
      for (TileView.Part p : TileView.box(SHAPE, lo, ext, buf, maxDims)) {
        assertTrue(p.dims().size() <= maxDims, p.dims().toString());
        int[] part = TileView.values(t, p.dramOffset(), p.dims(), -7);
        System.arraycopy(part, 0, got, (int) p.bufOffset(), part.length);   // parts are row-major runs
      }
      assertArrayEquals(expected, got, java.util.Arrays.toString(lo) + " " + java.util.Arrays.toString(ext));
    }
  }

  @Test
  void viewRowsFollowTheFirstExtentElseTheOutermostDimension() {
    List<TileView.Dim> two = List.of(new TileView.Dim(6, 15, 15, 0, 0), new TileView.Dim(15, 1, 1, 0, 0));
    assertEquals(3, TileView.viewRows(3, two));
    assertEquals(6, TileView.viewRows(1, two));
    assertEquals(6, TileView.viewRows(4, two));                 // 4 does not divide 90 points
    assertEquals(1, TileView.viewRows(1, List.of(new TileView.Dim(9, 1, 1, 0, 0))));
  }

  @Test
  void adjacentTilesAreWhatValuesGivesForEach() {
    // a 40 x 64 weight streamed 4 columns at a time: 16 tiles of 40 x 4 across a row of 64
    int[] values = new int[40 * 64];
    for (int k = 0; k < values.length; k++) values[k] = k % 251 - 125;
    Tensor t = Tensor.of(TensorType.of(ElementType.I32, 40, 64), values);
    List<TileView.Dim> dims = List.of(new TileView.Dim(40, 64, 4, 0, 0), new TileView.Dim(4, 1, 1, 0, 0));
    assertTrue(TileView.tallAndNarrow(dims));
    for (long offset : new long[] {0, 4, 36, 60}) {
      List<int[]> tiles = TileView.adjacentValues(t, offset, dims, 16);
      // tiles past the data's end are left out: the tile at o ends at element o + 39 * 64 + 3, at most 2559
      long fit = (2559 - (offset + 39 * 64 + 3)) / 4 + 1;
      assertEquals(Math.min(16, fit), tiles.size(), "from " + offset);
      for (int j = 0; j < tiles.size(); j++) {
        assertArrayEquals(TileView.values(t, offset + 4L * j, dims, 0), tiles.get(j), offset + " tile " + j);
      }
    }
    assertTrue(TileView.adjacentValues(t, 64 * 40, dims, 16).isEmpty());
    assertTrue(!TileView.tallAndNarrow(List.of(new TileView.Dim(40, 64, 4, 1, 0), new TileView.Dim(4, 1, 1, 0, 0))));
    assertTrue(!TileView.tallAndNarrow(List.of(new TileView.Dim(40, 8, 8, 0, 0), new TileView.Dim(8, 1, 1, 0, 0))));
    assertTrue(!TileView.tallAndNarrow(List.of(new TileView.Dim(64, 1, 1, 0, 0))));
  }

  /** The box's elements in row-major order, -7 outside the tensor. */
  private static int[] brute(int[] values, int[] lo, int[] ext) {
    int[] out = new int[ext[0] * ext[1] * ext[2] * ext[3]];
    int k = 0;
    for (int a = 0; a < ext[0]; a++) {
      for (int b = 0; b < ext[1]; b++) {
        for (int c = 0; c < ext[2]; c++) {
          for (int d = 0; d < ext[3]; d++) {
            int[] x = {lo[0] + a, lo[1] + b, lo[2] + c, lo[3] + d};
            boolean in = true;
            for (int i = 0; i < 4; i++) in &= x[i] >= 0 && x[i] < SHAPE[i];
            out[k++] = in ? values[((x[0] * 4 + x[1]) * 3 + x[2]) * 5 + x[3]] : -7;
          }
        }
      }
    }
    return out;
  }
}
