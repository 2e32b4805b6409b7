// The attribute reading shared by the kernels: [h, w] pairs, a single int for both, and defaults.
package org.tdlc.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tdlc.ir.interp.TestModels.attrs;

import org.junit.jupiter.api.Test;
import org.tdlc.ir.attr.DictAttr;

class OpKernelTest {
  @Test void readsPairsSinglesAndDefaults() {
    assertArrayEquals(new int[] {2, 3}, OpKernel.pair(attrs("stride", new int[] {2, 3}), "stride", 1));
    assertArrayEquals(new int[] {2, 2}, OpKernel.pair(attrs("stride", 2), "stride", 1));
    assertArrayEquals(new int[] {1, 1}, OpKernel.pair(DictAttr.EMPTY, "stride", 1));
    assertArrayEquals(new int[] {3, 4}, OpKernel.pair(DictAttr.EMPTY, "stride", new int[] {3, 4}));
  }

  @Test void rejectsOtherShapes() {
    DictAttr three = attrs("pad", new int[] {1, 2, 3});
    var e = assertThrows(DictAttr.AttributeException.class, () -> OpKernel.pair(three, "pad", 0));
    assertEquals("attribute 'pad' must be [h, w], got [1, 2, 3]", e.getMessage());
    assertThrows(DictAttr.AttributeException.class, () -> OpKernel.pair(attrs("pad", "x"), "pad", 0));
  }
}
