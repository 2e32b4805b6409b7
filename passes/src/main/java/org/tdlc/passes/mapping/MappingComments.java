// The loop nests of a module's mapped ops as `//` comment lines, appended to pass dumps so a person reads
// each mapping as a Timeloop-style nest (`tdlc explain` adds its MAESTRO directives); the IR parser skips
// them, so a dump still parses back.
package org.tdlc.passes.mapping;

import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.mapping.IndexSpace;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.target.Target;

public final class MappingComments {
  private MappingComments() {}

  /** "" when no op is mapped or there is no target to size the array with. */
  public static String of(IrModule module, Target target) {
    if (target == null) return "";
    StringBuilder b = new StringBuilder();
    for (Model m : module.models()) {
      for (Operation op : m.ops()) {
        Mapping map = Mapping.of(op).orElse(null);
        if (map == null) continue;
        IndexSpace s = IndexSpace.of(op).orElseThrow();
        String name = op.result().nameHint() == null ? op.name() : "%" + op.result().nameHint();
        b.append("// mapping of ").append(name).append(" in @").append(m.name()).append(" on ").append(target.name())
            .append(":\n");
        map.loopNest(s, target.rows(), target.cols()).lines().forEach(l -> b.append("//   ").append(l).append('\n'));
      }
    }
    return b.toString();
  }
}
