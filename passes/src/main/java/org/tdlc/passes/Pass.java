// A pass: stateless, it holds only its algorithm and options. It returns the rewritten module and never
// prints; timing, verification, dumping and statistics happen around it, in the PassManager.
package org.tdlc.passes;

import org.tdlc.ir.IrModule;

public interface Pass {
  PassInfo info();

  IrModule run(IrModule module, PassContext context);
}
