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
    totalBytes = at;
  }

  static BufferPlan of(TiledOp op, int[] tile, int nIn, int nOut) { return new BufferPlan(op, tile, nIn, nOut); }

  /** Bytes the plan needs, without building addresses twice: the tile chooser's cost function. */
  static long bytes(TiledOp op, int[] tile, int nIn, int nOut) { return new BufferPlan(op, tile, nIn, nOut).totalBytes; }

  int inputAddr(int slot, int input) { return (int) inputAddr[slot][input]; }
  int residualAddr(int slot) { return (int) residualAddr[slot]; }
  int outAddr(int slot, ElementType type) { return (int) (long) outAddr.get(slot).get(type); }

  // Hazard-tracking ids of the regions, unique within the layer.
  int inputRegion(int slot, int input) { return slot * inputs + input; }
  int residualRegion(int slot) { return nIn * inputs + slot; }
  int outRegion(int slot, ElementType type) { return nIn * (inputs + 1) + slot * 3 + type.ordinal(); }

  private static long align(long bytes) { return (bytes + ALIGN - 1) / ALIGN * ALIGN; }
}
