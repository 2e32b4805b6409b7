// The global buffer's layout during one layer: nIn input slots (each holding a box per input operand, plus a
// residual tile slot each) so loads of step i+1 can overlap compute of step i, and nOut accumulator slots
// (the i32 tile and the narrower tiles the epilogue writes) so a store can overlap the next output tile.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.tdlc.ir.type.ElementType;

final class BufferPlan {
  static final int ALIGN = 16;

  final int nIn;
  final int nOut;
  final long totalBytes;
  private final int inputs;
  private final long[][] inputAddr;
  private final long[] residualAddr;
  private final List<Map<ElementType, Long>> outAddr = new ArrayList<>();
  /** WideAverage only: per output slot its three extra i32 tiles, then the layer's three scratch areas. */
  private final long[] wideAddr;

  private BufferPlan(TiledOp op, int[] tile, int nIn, int nOut) {
    this.nIn = nIn;
    this.nOut = nOut;
    this.inputs = op.inputs().size();
    long at = 0;
    inputAddr = new long[nIn][inputs];
    residualAddr = new long[nIn];
    long tileElems = TileGeometry.tileElements(op, tile);
    for (int s = 0; s < nIn; s++) {
      for (int i = 0; i < inputs; i++) {
        inputAddr[s][i] = at;
        at += align(TileGeometry.maxBoxElements(op.inputs().get(i), tile) * op.inputs().get(i).type().bytes());
      }
      if (op.residual() != null) {
        residualAddr[s] = at;
        at += align(tileElems * op.residual().type().bytes());
      }
    }
    for (int c = 0; c < nOut; c++) {
      Map<ElementType, Long> byType = new EnumMap<>(ElementType.class);
      for (ElementType t : new LinkedHashSet<>(op.typeChain())) {
        byType.put(t, at);
        at += align(tileElems * t.bytes());
      }
      outAddr.add(byType);
    }
    wideAddr = new long[op.wide() ? 3 * nOut + 3 : 0];
    if (op.wide()) {
      long box = TileGeometry.maxBoxElements(op.inputs().get(0), tile);
      long[] sizes = new long[wideAddr.length];
      for (int i = 0; i < 3 * nOut; i++) sizes[i] = tileElems * 4;
      sizes[3 * nOut] = box * 4;       // high halves of a box
      sizes[3 * nOut + 1] = box * 2;   // low halves of a box
      sizes[3 * nOut + 2] = 3 * 4;     // the constants
      for (int i = 0; i < sizes.length; i++) {
        wideAddr[i] = at;
        at += align(sizes[i]);
      }
    }
    totalBytes = at;
  }

  static BufferPlan of(TiledOp op, int[] tile, int nIn, int nOut) { return new BufferPlan(op, tile, nIn, nOut); }

  /** Bytes the plan needs, without building addresses twice: the tile chooser's cost function. */
  static long bytes(TiledOp op, int[] tile, int nIn, int nOut) { return new BufferPlan(op, tile, nIn, nOut).totalBytes; }

  int inputAddr(int slot, int input) { return (int) inputAddr[slot][input]; }
  int residualAddr(int slot) { return (int) residualAddr[slot]; }
  int outAddr(int slot, ElementType type) { return (int) (long) outAddr.get(slot).get(type); }

  /** WideAverage's tiles: k = 0 low-half sum, 1 and 2 temporaries, in output slot {@code slot}. */
  int wideTileAddr(int slot, int k) { return (int) wideAddr[slot * 3 + k]; }

  /** WideAverage's scratch: k = 0 high halves, 1 low halves of a box, 2 the constants. */
  int wideScratchAddr(int k) { return (int) wideAddr[3 * nOut + k]; }

  // Hazard-tracking ids of the regions, unique within the layer.
  int inputRegion(int slot, int input) { return slot * inputs + input; }
  int residualRegion(int slot) { return nIn * inputs + slot; }
  int outRegion(int slot, ElementType type) { return nIn * (inputs + 1) + slot * 3 + type.ordinal(); }
  int wideTileRegion(int slot, int k) { return nIn * (inputs + 1) + nOut * 3 + slot * 3 + k; }
  int wideScratchRegion(int k) { return nIn * (inputs + 1) + nOut * 6 + k; }

  private static long align(long bytes) { return (bytes + ALIGN - 1) / ALIGN * ALIGN; }
}
