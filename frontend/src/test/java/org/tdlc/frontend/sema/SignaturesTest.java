// The .tdl call signatures come from the op declarations: every op with a callee can be called, with its
// operands first and then the attributes a call may set, defaults included; dwconv2d is conv2d minus groups.
package org.tdlc.frontend.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tdlc.ir.ops.OpDef;
import org.tdlc.ir.ops.Ops;

class SignaturesTest {
  @Test void everyDeclaredCalleeHasASignature() {
    for (OpDef d : Ops.all()) {
      if (d.callee() == null) continue;
      Signatures.Signature s = Signatures.BY_CALLEE.get(d.callee());
      assertTrue(s != null && s.opName().equals(d.name()), d.callee());
    }
  }

  @Test void usagesShowTheDeclaredDefaults() {
    assertEquals("conv2d(x, w, stride=[1, 1], pad=[0, 0], groups=1)", Signatures.BY_CALLEE.get("conv2d").usage());
    assertEquals("dwconv2d(x, w, stride=[1, 1], pad=[0, 0])", Signatures.BY_CALLEE.get("dwconv2d").usage());
    assertEquals("maxpool(x, kernel, stride=kernel, pad=[0, 0])", Signatures.BY_CALLEE.get("maxpool").usage());
    assertEquals("requant(x, shift, bits=8)", Signatures.BY_CALLEE.get("requant").usage());
  }
}
