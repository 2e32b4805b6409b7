// The common body of the four mapping passes: for every mappable op, ask the planner for the decisions
// the pass takes and store the result as the op's `mapping` attribute. A mapping the pipeline's input already
// had (written in IR text by hand, or by an earlier run) is a pin: kept as it is once the target is found to
// run it. One that an earlier mapping pass of this pipeline chose is refined (tile after map-dataflow, ...).
// Statistics count mapped, pinned ops and mappings visited; a missing target is a pipeline error naming the flag.
package org.tdlc.passes.transforms;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.ops.OpTypeException;
import org.tdlc.ir.target.Target;
import org.tdlc.passes.PassContext;
import org.tdlc.passes.PassInfo;
import org.tdlc.passes.PassOptions;
import org.tdlc.passes.PipelineException;
import org.tdlc.passes.Stage;
import org.tdlc.passes.mapping.MappingCheck;
import org.tdlc.passes.mapping.MappingPlanner;
import org.tdlc.passes.mapping.Objective;

final class MappingRewrite {
  private MappingRewrite() {}

  static IrModule run(String pass, IrModule module, PassContext ctx, MappingPlanner.Decide decide,
                      MappingPlanner.Options opts) {
    Target target = ctx.target().orElseThrow(() -> new PipelineException("pass '" + pass
        + "' needs a target: give --target T (tdlc opt, compile and run take one; run and compile use the default)"));
    return module.mapModels(m -> rewrite(m, target, ctx, decide, opts));
  }

  private static Model rewrite(Model model, Target target, PassContext ctx, MappingPlanner.Decide decide,
                               MappingPlanner.Options opts) {
    ModelEdit edit = new ModelEdit(model);
    Map<MappingPlanner.Key, Optional<MappingPlanner.Planned>> plans = new HashMap<>();
    for (Operation op : edit.ops()) {
      String layer = op.results().size() == 1 && op.result().nameHint() != null ? op.result().nameHint() : op.name();
      Optional<Mapping> pinned;
      try {
        pinned = Mapping.of(op);
      } catch (OpTypeException e) {
        ctx.diagnostics().error(op.location(), "'" + op.name() + "' op " + e.getMessage());
        continue;
      }
      if (pinned.isPresent() && ctx.mappingFromInput(op)) {
        MappingCheck.problem(op, pinned.get(), target)
            .ifPresent(p -> ctx.diagnostics().error(op.location(), "'" + op.name() + "' op " + p));
        ctx.count("num-pinned", 1);
        continue;
      }
      MappingPlanner.Key key = MappingPlanner.Key.of(op);
      Optional<MappingPlanner.Planned> p = plans.get(key);
      if (p == null) {
        int errors = ctx.diagnostics().errorCount();
        p = MappingPlanner.plan(op, layer, target, decide, opts, ctx.diagnostics(),
            line -> ctx.progress().println("tdlc: mapping " + line));
        if (ctx.diagnostics().errorCount() == errors) plans.put(key, p);   // an error is reported at every op
      }
      if (p.isEmpty()) continue;
      ctx.count("num-mapped", 1);
      ctx.count("num-mappings-visited", p.get().search().visited());
      Operation mapped = op.rebuild(op.operands(), op.attributes().with(Mapping.ATTR,
          p.get().mapping().toAttribute()), null, op.location());
      edit.set(op, mapped);
      edit.replace(op.result(), mapped.result());
    }
    return edit.commit();
  }

  private static final MappingPlanner.Options DEFAULTS = MappingPlanner.Options.DEFAULT;

  /** The declaration the four mapping passes share: the search's options (their defaults) and the stages. */
  static PassInfo info(String name, String summary) {
    return PassInfo.of(name, summary + "; an op whose IR already holds a mapping keeps it, checked against the target")
        .option("objective", DEFAULTS.objective().toString(), "what the cost model minimizes: " + Objective.choices())
        .option("seed", Long.toString(DEFAULTS.seed()), "seed of the search's random restarts")
        .option("starts", Integer.toString(DEFAULTS.starts()), "search starts (the first is the largest tile that fits)")
        .option("budget", Long.toString(DEFAULTS.budget()), "most cost-model evaluations per op")
        .requires(Stage.SHAPES).establishes(Stage.MAPPED);
  }

  /** The search options of the mapper's declaration, read from a pass instance's options. */
  static MappingPlanner.Options options(PassOptions o) {
    String text = o.string("objective");
    Objective objective = Objective.of(text).orElseThrow(() -> new PipelineException(
        "option 'objective' must be " + Objective.choices() + ", got '" + text + "'"));
    return new MappingPlanner.Options(objective, o.integer("seed"), o.atLeast("starts", 1),
        o.atLeast("budget", 1));
  }
}
