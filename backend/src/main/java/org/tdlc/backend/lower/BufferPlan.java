// The global buffer's layout during one layer: nIn input slots (each holding a box per input operand, plus a
// residual tile slot each) so loads of step i+1 can overlap compute of step i, and nOut accumulator slots
// (the i32 tile and the narrower tiles the epilogue writes) so a store can overlap the next output tile.
// A compressed input staged for software conversion also has a staging area per input slot, sized for the
// largest block its box can encode to (SparseCodec.maxBits), where the raw block lands before CONVERT.
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
  /** Per input slot and input (index inputs: the residual): its staging area, or -1 when it is not staged. */
  private final long[][] stagingAddr;
  private final long[] stagingBytes;
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
    stagingAddr = new long[nIn][inputs + 1];
    stagingBytes = new long[inputs + 1];
    residualAddr = new long[nIn];
    long tileElems = TileGeometry.tileElements(op, tile);
    for (int i = 0; i < inputs; i++) {
      stagingBytes[i] = stagingBytes(op.inputs().get(i), TileGeometry.maxBoxElements(op.inputs().get(i), tile));
    }
    if (op.residual() != null) stagingBytes[inputs] = stagingBytes(op.residual(), tileElems);
    for (int s = 0; s < nIn; s++) {
      for (int i = 0; i < inputs; i++) {
        inputAddr[s][i] = at;
        at += align(TileGeometry.maxBoxElements(op.inputs().get(i), tile) * op.inputs().get(i).type().bytes());
        stagingAddr[s][i] = stagingBytes[i] == 0 ? -1 : at;
        at += align(stagingBytes[i]);
      }
      if (op.residual() != null) {
        residualAddr[s] = at;
        at += align(tileElems * op.residual().type().bytes());
        stagingAddr[s][inputs] = stagingBytes[inputs] == 0 ? -1 : at;
        at += align(stagingBytes[inputs]);
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

  /** The bytes the largest block of {@code points} elements of {@code x} can take, or 0 when x is not staged. */
  private static long stagingBytes(TiledOp.Operand x, long points) {
    if (x.stored() == null || !x.stored().staged()) return 0;
    long bits = org.tdlc.machine.sparse.SparseCodec.maxBits(x.stored().format(), points, x.type().bytes() * 8);
    return (bits + 7) / 8;
  }

  static BufferPlan of(TiledOp op, int[] tile, int nIn, int nOut) { return new BufferPlan(op, tile, nIn, nOut); }

  /** Bytes the plan needs, without building addresses twice: the tile chooser's cost function. */
  static long bytes(TiledOp op, int[] tile, int nIn, int nOut) { return new BufferPlan(op, tile, nIn, nOut).totalBytes; }

  int inputAddr(int slot, int input) { return (int) inputAddr[slot][input]; }
  int residualAddr(int slot) { return (int) residualAddr[slot]; }

  /** The index of the residual among staged operands. */
  int residualInput() { return inputs; }

  /**
   * Input {@code input}'s staging area in slot {@code slot} (the input must be staged; residualInput() for
   * the residual), and its size.
   */
  int stagingAddr(int slot, int input) { return (int) stagingAddr[slot][input]; }
  long stagingBytes(int input) { return stagingBytes[input]; }
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
  int stagingRegion(int slot, int input) { return nIn * (inputs + 1) + nOut * 6 + 3 + slot * (inputs + 1) + input; }

  private static long align(long bytes) { return (bytes + ALIGN - 1) / ALIGN * ALIGN; }
}
