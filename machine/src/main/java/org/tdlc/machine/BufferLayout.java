// The global buffer's layout during one layer, stated once for the lowering (which places every tile at these
// addresses) and the mapper's capacity model (which must accept exactly the tiles that lower): nIn input slots
// so loads of step i+1 overlap compute of step i, nOut output slots so a store overlaps the next output tile,
// and areas shared by all slots. Every area starts 16-byte aligned. Which areas a layer has (Areas.of: boxes,
// software-decode staging areas, the residual, a tile per epilogue width, a wide average's scratch) is stated
// here too, so the two callers describe a layer and never list its areas themselves.
package org.tdlc.machine;

import java.util.List;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.machine.sparse.SparseCodec;

/**
 * Layout, from address 0: for each input slot, its areas in order (an input's box, its staging area for
 * software conversion, ..., as the caller lists them); then for each output slot its areas; then the shared
 * areas. An area of 0 bytes takes no room. Double buffering, where the buffer has it, tries {2, 2} slots, then
 * {2, 1}, then {1, 1} (slotOptions); a buffer without it uses {1, 1}.
 */
public final class BufferLayout {
  public static final int ALIGN = 16;

  private static final List<int[]> DOUBLE = List.of(new int[] {2, 2}, new int[] {2, 1}, new int[] {1, 1});
  private static final List<int[]> SINGLE = List.<int[]>of(new int[] {1, 1});

  private final long[][] inAddr, outAddr;
  private final long[] sharedAddr;
  private final long total;

  private BufferLayout(long[] inAreas, long[] outAreas, long[] shared, int nIn, int nOut) {
    long at = 0;
    inAddr = new long[nIn][inAreas.length];
    for (int s = 0; s < nIn; s++) {
      for (int a = 0; a < inAreas.length; a++) {
        inAddr[s][a] = at;
        at += align(inAreas[a]);
      }
    }
    outAddr = new long[nOut][outAreas.length];
    for (int s = 0; s < nOut; s++) {
      for (int a = 0; a < outAreas.length; a++) {
        outAddr[s][a] = at;
        at += align(outAreas[a]);
      }
    }
    sharedAddr = new long[shared.length];
    for (int a = 0; a < shared.length; a++) {
      sharedAddr[a] = at;
      at += align(shared[a]);
    }
    total = at;
  }

  /** The layout of these areas (bytes each) with nIn input and nOut output slots. */
  public static BufferLayout of(long[] inAreas, long[] outAreas, long[] shared, int nIn, int nOut) {
    return new BufferLayout(inAreas, outAreas, shared, nIn, nOut);
  }

  /** The bytes such a layout takes, without placing it. */
  public static long bytes(long[] inAreas, long[] outAreas, long[] shared, int nIn, int nOut) {
    return nIn * aligned(inAreas) + nOut * aligned(outAreas) + aligned(shared);
  }

  /** The {nIn, nOut} slot counts to try, most overlap first. */
  public static List<int[]> slotOptions(boolean doubleBuffer) { return doubleBuffer ? DOUBLE : SINGLE; }

  /** The first slot counts whose layout fits {@code capacity} bytes, or null when even single slots overflow. */
  public static int[] fit(long[] inAreas, long[] outAreas, long[] shared, long capacity, boolean doubleBuffer) {
    for (int[] o : slotOptions(doubleBuffer)) {
      if (bytes(inAreas, outAreas, shared, o[0], o[1]) <= capacity) return o.clone();
    }
    return null;
  }

  /**
   * The staging area a block of {@code points} elements in format {@code f} needs when software converts it
   * (the largest block those points can encode to); 0 when nothing is staged (dense, or a hardware decoder).
   */
  public static long stagingBytes(StorageFormat f, long points, int valueBytes, boolean hardwareDecode) {
    if (f == null || f == StorageFormat.DENSE || hardwareDecode) return 0;
    return (SparseCodec.maxBits(f, points, valueBytes * 8) + 7) / 8;
  }

  /**
   * An operand a layer loads into every input slot: its largest box (elements), its element width, and the
   * format it is stored in when compressed (null: dense), which a target that decodes in software stages in an
   * area of its own before converting it (stagingBytes).
   */
  public record Loaded(long boxElements, int valueBytes, StorageFormat stored, boolean hardwareDecode) {
    long boxBytes() { return boxElements * valueBytes; }

    long staging() { return stagingBytes(stored, boxElements, valueBytes, hardwareDecode); }
  }

  /**
   * The areas of one layer. Per input slot, each loaded operand's box then its staging area (residual last);
   * per output slot, a tile for each distinct element width the accumulator passes through (accumulator
   * first, then the epilogue's, in order), or, when the epilogue only narrows (narrowsInPlace: a requant of the
   * i32 sums), the accumulator's tile alone, each step writing its narrower elements over the wider ones it
   * has read; shared, for an average whose sums are split into wide halves only,
   * three i32 tiles per output slot and three scratch areas (a box's high halves, its low halves, the constants).
   */
  public static final class Areas {
    private final long[] in, out, staging;
    private final List<Integer> outWidths;
    private final long tileElements, wideBox;
    private final boolean wide, inPlace;

    private Areas(List<Loaded> loaded, long tileElements, List<Integer> chainWidths, long wideBox, boolean wide) {
      in = new long[2 * loaded.size()];
      staging = new long[loaded.size()];
      for (int i = 0; i < loaded.size(); i++) {
        in[2 * i] = loaded.get(i).boxBytes();
        staging[i] = loaded.get(i).staging();
        in[2 * i + 1] = staging[i];
      }
      inPlace = !wide && narrowsInPlace(chainWidths);
      outWidths = inPlace ? List.of(chainWidths.get(0)) : List.copyOf(new java.util.LinkedHashSet<>(chainWidths));
      out = new long[outWidths.size()];
      for (int k = 0; k < out.length; k++) out[k] = tileElements * outWidths.get(k);
      this.tileElements = tileElements;
      this.wideBox = wideBox;
      this.wide = wide;
    }

    /**
     * A layer that loads {@code loaded} (its inputs, then its residual if any) per input slot, writes output
     * tiles of {@code tileElements} whose element widths run through {@code chainWidths} (duplicates share a
     * tile), and, when {@code wide}, splits an average over boxes of {@code wideBox} elements into halves.
     */
    public static Areas of(List<Loaded> loaded, long tileElements, List<Integer> chainWidths, long wideBox,
                           boolean wide) {
      return new Areas(loaded, tileElements, chainWidths, wideBox, wide);
    }

    long[] shared(int nOut) {
      if (!wide) return new long[0];
      long[] sizes = new long[3 * nOut + 3];
      for (int i = 0; i < 3 * nOut; i++) sizes[i] = tileElements * 4;
      sizes[3 * nOut] = wideBox * 4;       // high halves of a box
      sizes[3 * nOut + 1] = wideBox * 2;   // low halves of a box
      sizes[3 * nOut + 2] = 3 * 4;         // the constants
      return sizes;
    }

    /** The bytes the layer takes with nIn input and nOut output slots. */
    public long bytes(int nIn, int nOut) { return BufferLayout.bytes(in, out, shared(nOut), nIn, nOut); }

    /** The first slot counts whose layout fits {@code capacity} bytes, or null when even single slots overflow. */
    public int[] fit(long capacity, boolean doubleBuffer) {
      for (int[] o : slotOptions(doubleBuffer)) if (bytes(o[0], o[1]) <= capacity) return o.clone();
      return null;
    }

    /** The addresses of every area with nIn input and nOut output slots. */
    public BufferLayout layout(int nIn, int nOut) { return BufferLayout.of(in, out, shared(nOut), nIn, nOut); }

    /** The staging area's bytes of loaded operand {@code i} (0: not staged). */
    public long staging(int i) { return staging[i]; }

    /** The index, among an output slot's areas, of the tile of element width {@code width}. */
    public int outArea(int width) { return inPlace ? 0 : outWidths.indexOf(width); }

    /**
     * Whether a chain of element widths, the accumulator's first, only narrows (no width above the one before
     * it), so each step can write its result over the tile it reads: element k of the narrower type lies in
     * bytes the step has already read (those of wider elements 0..k), as the ALU walks the tile in order.
     */
    public static boolean narrowsInPlace(List<Integer> chainWidths) {
      for (int i = 1; i < chainWidths.size(); i++) if (chainWidths.get(i) > chainWidths.get(i - 1)) return false;
      return true;
    }
  }

  public static long align(long bytes) { return (bytes + ALIGN - 1) / ALIGN * ALIGN; }

  private static long aligned(long[] areas) {
    long sum = 0;
    for (long a : areas) sum += align(a);
    return sum;
  }

  public long inAddr(int slot, int area) { return inAddr[slot][area]; }
  public long outAddr(int slot, int area) { return outAddr[slot][area]; }
  public long sharedAddr(int area) { return sharedAddr[area]; }
  public long totalBytes() { return total; }
}
