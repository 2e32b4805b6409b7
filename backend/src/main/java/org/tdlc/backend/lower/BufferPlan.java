// The global buffer's layout during one layer: nIn input slots (each holding a box per input operand, plus a
// residual tile slot each) so loads of step i+1 can overlap compute of step i, and nOut accumulator slots
// (the i32 tile and the narrower tiles the epilogue writes) so a store can overlap the next output tile.
// A compressed input staged for software conversion also has a staging area per input slot, sized for the
// largest block its box can encode to, where the raw block lands before CONVERT. Which areas there are and
// how they are laid out (order, alignment, slot counts) is the machine model's BufferLayout.Areas, which the
// mapper's capacity model calls with the same layer, so a tile it accepts is one this plan places.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.ir.type.ElementType;
import org.tdlc.machine.BufferLayout;

final class BufferPlan {
  final int nIn;
  final int nOut;
  final long totalBytes;
  private final int inputs;
  private final BufferLayout layout;
  private final BufferLayout.Areas areas;

  private BufferPlan(TiledOp op, int[] tile, int nIn, int nOut) {
    this.nIn = nIn;
    this.nOut = nOut;
    this.inputs = op.inputs().size();
    this.areas = areas(op, tile);
    this.layout = areas.layout(nIn, nOut);
    this.totalBytes = layout.totalBytes();
  }

  /** The layer as the machine model's layout rule sees it: what it loads, its output tile and widths. */
  private static BufferLayout.Areas areas(TiledOp op, int[] tile) {
    List<BufferLayout.Loaded> loaded = new ArrayList<>();
    for (TiledOp.Operand x : op.inputs()) loaded.add(loaded(x, TileGeometry.maxBoxElements(x, tile)));
    long tileElems = TileGeometry.tileElements(op, tile);
    if (op.residual() != null) loaded.add(loaded(op.residual(), tileElems));
    List<Integer> widths = new ArrayList<>();
    for (ElementType t : op.typeChain()) widths.add(t.bytes());
    long wideBox = op.wide() ? TileGeometry.maxBoxElements(op.inputs().get(0), tile) : 0;
    return BufferLayout.Areas.of(loaded, tileElems, widths, wideBox, op.wide());
  }

  /** Operand x with boxes of {@code points} elements: staged when it is stored compressed and converted in software. */
  private static BufferLayout.Loaded loaded(TiledOp.Operand x, long points) {
    boolean staged = x.stored() != null && x.stored().staged();
    return new BufferLayout.Loaded(points, x.type().bytes(), x.stored() == null ? null : x.stored().format(), !staged);
  }

  static BufferPlan of(TiledOp op, int[] tile, int nIn, int nOut) { return new BufferPlan(op, tile, nIn, nOut); }

  /** Bytes the plan needs, without building addresses twice: the tile chooser's cost function. */
  static long bytes(TiledOp op, int[] tile, int nIn, int nOut) { return areas(op, tile).bytes(nIn, nOut); }

  int inputAddr(int slot, int input) { return (int) layout.inAddr(slot, 2 * input); }
  int residualAddr(int slot) { return (int) layout.inAddr(slot, 2 * inputs); }

  /** The index of the residual among staged operands. */
  int residualInput() { return inputs; }

  /**
   * Input {@code input}'s staging area in slot {@code slot} (the input must be staged; residualInput() for
   * the residual), and its size.
   */
  int stagingAddr(int slot, int input) { return (int) layout.inAddr(slot, 2 * input + 1); }
  long stagingBytes(int input) { return areas.staging(input); }
  int outAddr(int slot, ElementType type) { return (int) layout.outAddr(slot, areas.outArea(type.bytes())); }

  /** WideAverage's tiles: k = 0 low-half sum, 1 and 2 temporaries, in output slot {@code slot}. */
  int wideTileAddr(int slot, int k) { return (int) layout.sharedAddr(slot * 3 + k); }

  /** WideAverage's scratch: k = 0 high halves, 1 low halves of a box, 2 the constants. */
  int wideScratchAddr(int k) { return (int) layout.sharedAddr(3 * nOut + k); }

  // Hazard-tracking ids of the regions, unique within the layer.
  int inputRegion(int slot, int input) { return slot * inputs + input; }
  int residualRegion(int slot) { return nIn * inputs + slot; }
  int outRegion(int slot, ElementType type) { return nIn * (inputs + 1) + slot * 3 + areas.outArea(type.bytes()); }
  int wideTileRegion(int slot, int k) { return nIn * (inputs + 1) + nOut * 3 + slot * 3 + k; }
  int wideScratchRegion(int k) { return nIn * (inputs + 1) + nOut * 6 + k; }
  int stagingRegion(int slot, int input) { return nIn * (inputs + 1) + nOut * 6 + 3 + slot * (inputs + 1) + input; }
}
