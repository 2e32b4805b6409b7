// Every op declaration is whole: a doc line, a result rule, a kernel unless the interpreter binds the op to
// data (model boundary), an iteration-space rule for every PE-array op, and defaults that name declared
// attributes. Also what the declaration does with attributes: defaults filled, [h, w] pairs from one int.
package org.tdlc.ir.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;

class OpDefTest {
  @Test void everyOpHasEveryPartItNeeds() {
    for (OpDef d : Ops.all()) {
      String op = d.name();
      assertFalse(d.doc().isBlank(), op + " has no doc line");
      assertNotNull(d.result().rule(), op + " has no result rule");
      assertFalse(d.result().text().isBlank(), op + " does not document its result");
      if (d.family() == OpDef.Family.BOUNDARY) {
        assertNull(d.kernel(), op + ": the interpreter binds boundary ops to data; a kernel would never run");
      } else {
        assertNotNull(d.kernel(), op + " has no interpreter kernel");
        assertFalse(d.loops().form().isBlank(), op + " does not state its loop space");
      }
      assertEquals(d.family() == OpDef.Family.ARRAY, d.loops().onArray(),
          op + ": exactly the PE-array ops give an IterationSpace");
      Set<String> names = new HashSet<>();
      for (AttrSpec a : d.attributes()) {
        assertTrue(names.add(a.name()), op + " declares attribute " + a.name() + " twice");
        if (a.fallback() instanceof AttrSpec.Default.SameAs s) {
          assertTrue(d.attribute(s.attribute()).isPresent(), op + "." + a.name() + " defaults to an undeclared attribute");
        }
        if (a.fallback() instanceof AttrSpec.Default.Value v) {
          assertTrue(a.kind().accepts(v.value()), op + "." + a.name() + ": its default is not " + a.kind().description);
        }
        assertFalse(a.doc().isBlank(), op + "." + a.name() + " has no doc");
      }
    }
  }

  @Test void calleesAreDistinct() {
    Set<String> callees = new HashSet<>();
    for (OpDef d : Ops.all()) if (d.callee() != null) assertTrue(callees.add(d.callee()), d.callee() + " twice");
  }

  @Test void defaultsAreFilledAndPairsStoredAsTwoInts() {
    OpDef maxpool = Ops.lookup(Ops.MAXPOOL).orElseThrow();
    DictAttr a = maxpool.withDefaults(DictAttr.EMPTY.with("kernel", Attribute.of(3)));
    assertArrayEquals(new int[] {3, 3}, a.getInts("kernel"));
    assertArrayEquals(new int[] {3, 3}, a.getInts("stride"), "stride defaults to the kernel");
    assertArrayEquals(new int[] {0, 0}, a.getInts("pad"));
    DictAttr b = maxpool.withDefaults(DictAttr.EMPTY.with("kernel", Attribute.ints(2, 3)).with("stride", Attribute.of(1)));
    assertArrayEquals(new int[] {1, 1}, b.getInts("stride"));
    assertEquals(1, Ops.lookup(Ops.CONV2D).orElseThrow().withDefaults(DictAttr.EMPTY).getInt("groups"));
  }

  @Test void attributeProblemsNameTheAttributeAndTheValue() {
    OpDef conv = Ops.lookup(Ops.CONV2D).orElseThrow();
    assertEquals(List.of("attribute 'pad' must be an integer or [h, w], got [1, 2, 3]"),
        conv.attributeProblems(DictAttr.EMPTY.with("pad", Attribute.ints(1, 2, 3))));
    assertEquals(List.of("missing attribute 'shift'"),
        Ops.lookup(Ops.REQUANT).orElseThrow().attributeProblems(DictAttr.EMPTY));
    assertEquals(List.of(), conv.attributeProblems(DictAttr.EMPTY.with("mapping", Attribute.of("anything"))),
        "attributes an op does not declare are a pass's to add");
  }

  @Test void theDocsPageHasEveryOp() {
    String page = OpDocs.markdown();
    for (OpDef d : Ops.all()) assertTrue(page.contains("### " + d.shortName() + "\n"), d.name());
    assertTrue(page.contains("`maxpool(x, kernel, stride=kernel, pad=[0, 0])`"), page);
  }
}
