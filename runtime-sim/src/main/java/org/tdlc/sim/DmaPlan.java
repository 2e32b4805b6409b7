// The base-independent facts of one DMA descriptor, computed once: per-dimension counts, pads and byte
// strides, how many buffer points and in-range (DRAM-backed) points it moves, and the byte ranges it
// spans on each side relative to the instruction's addresses (for bounds checks).
package org.tdlc.sim;

import java.util.List;
import org.tdlc.backend.isa.Descriptor.DmaDesc;
import org.tdlc.backend.isa.Descriptor.DmaDim;
import org.tdlc.ir.type.StorageFormat;

final class DmaPlan {
  /** At least 1: an empty shape is one element. */
  final int dims;
  final int size;
  final int[] count;
  final int[] padBefore;
  /** padBefore + count + padAfter per dimension: the buffer-side extent. */
  final int[] total;
  final long[] dramStride;
  final long[] bufStride;
  final long points;
  final long inRange;
  /**
   * The DRAM elements the transfer reads: inRange less the repeats of a dimension of DRAM stride 0 (a
   * broadcast operand, such as a per-channel bias, is read once and written into every point it fills).
   */
  final long dramPoints;
  final boolean padded;
  final long bufLow;
  final long bufEnd;
  final long dramLow;
  final long dramEnd;
  /** The pad value's bytes, truncated to the element type. */
  final byte[] padBytes;
  /** The storage format of a LOAD's source block (DENSE: plain strided elements). */
  final StorageFormat format;
  /** Rows of the compressed view (the outermost dimension's buffer extent). */
  final int viewRows;

  /** Throws IllegalArgumentException on negative counts or pads, or more points than a long counts. */
  DmaPlan(DmaDesc d) {
    List<DmaDim> ds = d.dims().isEmpty() ? List.of(new DmaDim(1, 0, 0, 0, 0)) : d.dims();
    dims = ds.size();
    size = d.type().bytes();
    count = new int[dims];
    padBefore = new int[dims];
    total = new int[dims];
    dramStride = new long[dims];
    bufStride = new long[dims];
    long pts = 1;
    long in = 1;
    long distinct = 1;
    boolean pad = false;
    long bLo = 0;
    long bHi = 0;
    long dLo = 0;
    long dHi = 0;
    for (int i = 0; i < dims; i++) {
      DmaDim dim = ds.get(i);
      if (dim.count() < 0 || dim.padBefore() < 0 || dim.padAfter() < 0) {
        throw new IllegalArgumentException("dimension " + i + " has a negative count or pad: " + dim);
      }
      count[i] = dim.count();
      padBefore[i] = dim.padBefore();
      long t = (long) dim.padBefore() + dim.count() + dim.padAfter();
      if (t > Integer.MAX_VALUE) throw new IllegalArgumentException("dimension " + i + " is too long: " + dim);
      total[i] = (int) t;
      pad |= dim.padBefore() > 0 || dim.padAfter() > 0;
      dramStride[i] = (long) dim.dramStride() * size;
      bufStride[i] = (long) dim.bufStride() * size;
      pts = multiply(pts, t);
      in = multiply(in, dim.count());
      if (dim.dramStride() != 0 || dim.count() == 0) distinct = multiply(distinct, dim.count());
      long bSpan = Math.max(0, t - 1) * bufStride[i];
      if (bSpan < 0) bLo += bSpan; else bHi += bSpan;
      long dSpan = Math.max(0, dim.count() - 1L) * dramStride[i];
      if (dSpan < 0) dLo += dSpan; else dHi += dSpan;
    }
    points = pts;
    inRange = in;
    dramPoints = distinct;
    padded = pad;
    bufLow = bLo;
    bufEnd = bHi + size;
    dramLow = dLo;
    dramEnd = dHi + size;
    padBytes = Memory.bytesOf(d.padValue(), size);
    format = d.format();
    viewRows = d.viewRows();
    if (d.compressed() && pts > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a compressed transfer of " + pts + " points, at most " + Integer.MAX_VALUE);
    }
    if (d.compressed() && (viewRows < 1 || pts % viewRows != 0)) {
      throw new IllegalArgumentException("a compressed view of " + viewRows + " rows does not divide " + pts + " points");
    }
  }

  boolean compressed() { return format != StorageFormat.DENSE; }

  private static long multiply(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("the transfer has more than 2^63 points");
    }
  }
}
