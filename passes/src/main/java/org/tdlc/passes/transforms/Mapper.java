// mapper: one of the mapping passes (DESIGN.md section 4). It decides the all part of each compute
// op's mapping, honouring @map pins and keeping what earlier mapping passes decided; the algorithm lives
// in passes.mapping (MappingPlanner, MappingSearch, CostModel), shared by all four passes.
package org.tdlc.passes.transforms;

import org.tdlc.ir.IrModule;
import org.tdlc.passes.Pass;
import org.tdlc.passes.PassContext;
import org.tdlc.passes.PassInfo;
import org.tdlc.passes.PassOptions;
import org.tdlc.passes.mapping.MappingPlanner;

public final class Mapper implements Pass {
  public static final PassInfo INFO = MappingRewrite.info("mapper",
      "Search dataflow, array axes, tile and loop order jointly under the cost model (hill climbing with"
          + " structured starts, pair moves and jumps; see MappingSearch), then pick among its best few by exact cycles");

  private final MappingPlanner.Options options;

  public Mapper(PassOptions o) { this.options = MappingRewrite.options(o); }

  @Override public PassInfo info() { return INFO; }

  @Override public IrModule run(IrModule module, PassContext ctx) {
    return MappingRewrite.run(INFO.name(), module, ctx, MappingPlanner.Decide.ALL, options);
  }
}
