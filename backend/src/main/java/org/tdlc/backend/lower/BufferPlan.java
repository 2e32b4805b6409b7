// The global buffer's layout during one layer: nIn input slots (each holding a box per input operand, plus a
// residual tile slot each) so loads of step i+1 can overlap compute of step i, and nOut accumulator slots
// (the i32 tile and the narrower tiles the epilogue writes) so a store can overlap the next output tile.
// A compressed input staged for software conversion also has a staging area per input slot, sized for the
// largest block its box can encode to, where the raw block lands before CONVERT. The layout rule itself
// (order, alignment, slot counts) is the machine model's BufferLayout, which the mapper's capacity model uses too.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.tdlc.ir.type.ElementType;
import org.tdlc.machine.BufferLayout;

final class BufferPlan {
  final int nIn;
  final int nOut;
  final long totalBytes;
  private final int inputs;
  private final BufferLayout layout;
  /** Per input (index inputs: the residual): its staging area's bytes, 0 when it is not staged. */
  private final long[] stagingBytes;
  /** The area index of each element type of the output slots. */
  private final Map<ElementType, Integer> outArea = new EnumMap<>(ElementType.class);

  private BufferPlan(TiledOp op, int[] tile, int nIn, int nOut) {
    this.nIn = nIn;
    this.nOut = nOut;
    this.inputs = op.inputs().size();
    Areas a = areas(op, tile, outArea);
    this.stagingBytes = a.staging;
    this.layout = BufferLayout.of(a.in, a.out, a.shared(nOut), nIn, nOut);
    this.totalBytes = layout.totalBytes();
  }

  /**
   * The layer's areas: per input slot each input's box and staging area, then the residual tile and its
   * staging area; per output slot a tile of each element type the epilogue passes through; shared, for a
   * wide average only, three i32 tiles per output slot and its three scratch areas.
   */
  private record Areas(long[] in, long[] out, long[] staging, long tileElems, long wideBox, boolean wide) {
    long[] shared(int nOut) {
      if (!wide) return new long[0];
      long[] sizes = new long[3 * nOut + 3];
      for (int i = 0; i < 3 * nOut; i++) sizes[i] = tileElems * 4;
      sizes[3 * nOut] = wideBox * 4;       // high halves of a box
      sizes[3 * nOut + 1] = wideBox * 2;   // low halves of a box
      sizes[3 * nOut + 2] = 3 * 4;         // the constants
      return sizes;
    }
  }

  private static Areas areas(TiledOp op, int[] tile, Map<ElementType, Integer> outArea) {
    int inputs = op.inputs().size();
    boolean residual = op.residual() != null;
    long tileElems = TileGeometry.tileElements(op, tile);
    long[] in = new long[2 * inputs + (residual ? 2 : 0)];
    long[] staging = new long[inputs + 1];
    for (int i = 0; i < inputs; i++) {
      TiledOp.Operand x = op.inputs().get(i);
      long box = TileGeometry.maxBoxElements(x, tile);
      staging[i] = stagingBytes(x, box);
      in[2 * i] = box * x.type().bytes();
      in[2 * i + 1] = staging[i];
    }
    if (residual) {
      staging[inputs] = stagingBytes(op.residual(), tileElems);
      in[2 * inputs] = tileElems * op.residual().type().bytes();
      in[2 * inputs + 1] = staging[inputs];
    }
    List<ElementType> types = new ArrayList<>(new LinkedHashSet<>(op.typeChain()));
    long[] out = new long[types.size()];
    for (int k = 0; k < types.size(); k++) {
      out[k] = tileElems * types.get(k).bytes();
      if (outArea != null) outArea.put(types.get(k), k);
    }
    long wideBox = op.wide() ? TileGeometry.maxBoxElements(op.inputs().get(0), tile) : 0;
    return new Areas(in, out, staging, tileElems, wideBox, op.wide());
  }

  /** The bytes the largest block of {@code points} elements of {@code x} can take, or 0 when x is not staged. */
  private static long stagingBytes(TiledOp.Operand x, long points) {
    if (x.stored() == null || !x.stored().staged()) return 0;
    return BufferLayout.stagingBytes(x.stored().format(), points, x.type().bytes(), false);
  }

  static BufferPlan of(TiledOp op, int[] tile, int nIn, int nOut) { return new BufferPlan(op, tile, nIn, nOut); }

  /** Bytes the plan needs, without building addresses twice: the tile chooser's cost function. */
  static long bytes(TiledOp op, int[] tile, int nIn, int nOut) {
    Areas a = areas(op, tile, null);
    return BufferLayout.bytes(a.in, a.out, a.shared(nOut), nIn, nOut);
  }

  int inputAddr(int slot, int input) { return (int) layout.inAddr(slot, 2 * input); }
  int residualAddr(int slot) { return (int) layout.inAddr(slot, 2 * inputs); }

  /** The index of the residual among staged operands. */
  int residualInput() { return inputs; }

  /**
   * Input {@code input}'s staging area in slot {@code slot} (the input must be staged; residualInput() for
   * the residual), and its size.
   */
  int stagingAddr(int slot, int input) { return (int) layout.inAddr(slot, 2 * input + 1); }
  long stagingBytes(int input) { return stagingBytes[input]; }
  int outAddr(int slot, ElementType type) { return (int) layout.outAddr(slot, outArea.get(type)); }

  /** WideAverage's tiles: k = 0 low-half sum, 1 and 2 temporaries, in output slot {@code slot}. */
  int wideTileAddr(int slot, int k) { return (int) layout.sharedAddr(slot * 3 + k); }

  /** WideAverage's scratch: k = 0 high halves, 1 low halves of a box, 2 the constants. */
  int wideScratchAddr(int k) { return (int) layout.sharedAddr(3 * nOut + k); }

  // Hazard-tracking ids of the regions, unique within the layer.
  int inputRegion(int slot, int input) { return slot * inputs + input; }
  int residualRegion(int slot) { return nIn * inputs + slot; }
  int outRegion(int slot, ElementType type) { return nIn * (inputs + 1) + slot * 3 + type.ordinal(); }
  int wideTileRegion(int slot, int k) { return nIn * (inputs + 1) + nOut * 3 + slot * 3 + k; }
  int wideScratchRegion(int k) { return nIn * (inputs + 1) + nOut * 6 + k; }
  int stagingRegion(int slot, int input) { return nIn * (inputs + 1) + nOut * 6 + 3 + slot * (inputs + 1) + input; }
}
