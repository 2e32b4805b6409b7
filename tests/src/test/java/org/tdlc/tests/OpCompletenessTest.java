// A declared op must exist end to end: beyond what OpDefTest checks inside ir (kernel, loop space, docs),
// the backend must lower it and a .tdl call must reach it. A registry without this test lets an op half-exist.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tdlc.backend.lower.Lowering;
import org.tdlc.ir.ops.OpDef;
import org.tdlc.ir.ops.Ops;

class OpCompletenessTest {
  @Test
  void theBackendLowersEveryDeclaredOp() {
    for (OpDef d : Ops.all()) {
      assertTrue(Lowering.lowers(d.name()), "the backend cannot lower " + d.name() + " (OpSpecs.of)");
    }
  }

  @Test
  void everyComputedOpButEinsumHasACallee() {
    for (OpDef d : Ops.all()) {
      if (d.family() == OpDef.Family.BOUNDARY || d.name().equals(Ops.EINSUM)) continue;   // own syntax
      assertTrue(d.callee() != null, d.name() + " cannot be called from .tdl");
    }
  }
}
