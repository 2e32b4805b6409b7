// Dependency-token bits of one instruction, with VTA's semantics. The three queues form a pipeline
// load -> compute -> store; "prev" and "next" are relative to it. Four 1-bit token FIFOs connect them:
// l2c (load->compute), c2l (compute->load), c2s (compute->store), s2c (store->compute).
//   load:    popNext pops c2l (compute freed the buffer), pushNext pushes l2c; prev bits must be 0.
//   compute: popPrev pops l2c, popNext pops s2c, pushPrev pushes c2l, pushNext pushes c2s.
//   store:   popPrev pops c2s, pushPrev pushes s2c; next bits must be 0.
// Pops happen before the instruction executes (it waits until the token is there), pushes after.
package org.tdlc.backend.isa;

public record Deps(boolean popPrev, boolean popNext, boolean pushPrev, boolean pushNext) {
  public static final Deps NONE = new Deps(false, false, false, false);

  /** The four bits as a nibble: popPrev=1, popNext=2, pushPrev=4, pushNext=8. */
  public int bits() {
    return (popPrev ? 1 : 0) | (popNext ? 2 : 0) | (pushPrev ? 4 : 0) | (pushNext ? 8 : 0);
  }

  public static Deps of(int bits) {
    return new Deps((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0);
  }

  public boolean none() { return bits() == 0; }
}
