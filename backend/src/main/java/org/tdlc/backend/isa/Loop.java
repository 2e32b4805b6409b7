// One loop of a descriptor's loop nest: its trip count and, per operand, how far (in ELEMENTS of that
// operand's type) its address moves when this loop's index grows by one. A stride of 0 on the
// destination makes the loop a reduction into the same destination element.
package org.tdlc.backend.isa;

public record Loop(int extent, int dst, int src1, int src2) {
  public Loop {
    if (extent < 1) throw new IllegalArgumentException("loop extent must be positive, got " + extent);
  }
}
