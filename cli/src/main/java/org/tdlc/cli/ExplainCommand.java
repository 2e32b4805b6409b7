// `tdlc explain FILE.tdl --layer NAME`: why a layer got its mapping. Runs the mapper on that layer and
// prints the chosen mapping as a loop nest and as directives, its cost by level and operand, the best
// alternatives the search saw with why each lost, the search's counts, and the @map line that pins it;
// first, the storage format select-formats gives each weight the layer reads, with the runner-up and both costs.
package org.tdlc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.mapping.Mapping;
import org.tdlc.ir.target.Target;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;
import org.tdlc.passes.mapping.MappingPlanner;
import org.tdlc.passes.mapping.Objective;

final class ExplainCommand implements Command {
  @Override public String name() { return "explain"; }
  @Override public String summary() { return "show why a layer gets its mapping: loop nest, cost, alternatives"; }
  @Override public String usage() {
    return "FILE.tdl --layer NAME [--target T] [--model M] [--objective cycles|energy|edp] [--json]";
  }

  @Override public Options options() {
    return new Options()
        .addOption(Option.builder().longOpt("layer").hasArg().argName("NAME").desc("the layer to explain, named as run's table names it").get())
        .addOption(Option.builder().longOpt("target").hasArg().argName("T").desc("the target: a name, or a .tdl file of targets (T.tdl, or T.tdl:NAME); " + TargetChoice.DEFAULT_HELP).get())
        .addOption(Option.builder().longOpt("model").hasArg().argName("M").desc("the model holding the layer").get())
        .addOption(Option.builder().longOpt("objective").hasArg().argName("O")
            .desc("what the mapper minimizes: cycles, energy or edp (default edp)").get())
        .addOption(Option.builder().longOpt("json")
            .desc("print one JSON object (described in docs/json.md) instead of text; errors too").get());
  }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) throws Exception {
    if (!cl.hasOption("layer")) throw new UsageException("explain needs --layer NAME");
    String layer = cl.getOptionValue("layer");
    String text = cl.getOptionValue("objective", Objective.EDP.toString());
    Objective objective = Objective.of(text).orElseThrow(
        () -> new UsageException("--objective takes " + Objective.choices() + ", got '" + text + "'"));
    String path = ModuleLoader.onePath(cl, "FILE.tdl");
    ModuleLoader.Loaded loaded = ModuleLoader.load(path, sources, io.err());
    Target target = TargetChoice.resolve(cl, loaded, sources);
    Compilation.checkTarget(loaded, target, cl);
    IrModule fused = new PassManager(PassManager.Instrumentation.defaults(io.err()).withTarget(target))
        .run(loaded.module(), Pipeline.NO_MAPPER, new DiagnosticEngine());
    Found found = find(fused, ModuleLoader.select(new ModuleLoader.Loaded(fused, loaded.mainModels(),
        loaded.targets(), loaded.path()), cl), layer);
    Operation op = found.op();
    boolean json = cl.hasOption("json");
    if (!json) io.out().print(formats(op));
    if (Mapping.of(op).isPresent() && !json) {
      io.out().print("note: layer " + layer + " carries a mapping in the IR, which run keeps as a pin; the search below"
          + " shows what the mapper would choose without it\n");
    }
    DiagnosticEngine diags = new DiagnosticEngine();
    MappingPlanner.Options d = MappingPlanner.Options.DEFAULT;   // the mapper pass's defaults, with explain's objective
    MappingPlanner.Options opts = new MappingPlanner.Options(objective, d.seed(), d.starts(), d.budget());
    var planned = MappingPlanner.plan(op, layer, target, MappingPlanner.Decide.ALL, opts, diags,
        line -> io.err().println("tdlc: mapping " + line));
    diags.throwIfErrors();
    if (planned.isEmpty()) {
      throw new UserError("layer '" + layer + "' (" + op.name() + ") is not mapped on the PE array; explain "
          + "covers conv2d (one group), matmul and two-operand einsums");
    }
    var predicted = org.tdlc.passes.mapping.Predictions.of(found.model(), op, target, planned.get().mapping(),
        new org.tdlc.ir.interp.WeightLoader());
    if (!json) {
      io.out().print(MappingReport.explain(layer, op, target, planned.get(), predicted, objective.toString()));
      return Main.OK;
    }
    ObjectNode o = Json.report(name());
    o.put("file", path);
    o.put("model", found.model().name());
    o.put("target", target.name());
    o.put("pipeline", Pipeline.NO_MAPPER.toString());
    o.put("mapping_in_ir", Mapping.of(op).isPresent());
    o.set("formats", formatsJson(op));
    MappingReport.json(o, layer, op, target, planned.get(), predicted, objective.toString());
    io.out().print(Json.write(o));
    return Main.OK;
  }

  /** The format_choice select-formats recorded on each weight the op reads, one line per weight. */
  static String formats(Operation op) {
    StringBuilder b = new StringBuilder();
    for (org.tdlc.ir.Value v : op.operands()) {
      Operation w = v.definingOp();
      if (w == null || !w.is(org.tdlc.ir.ops.Ops.WEIGHT)) continue;
      var choice = w.attributes().get("format_choice");
      if (choice.isEmpty() || !(choice.get() instanceof org.tdlc.ir.attr.DictAttr d)) continue;
      if (b.length() == 0) b.append("storage formats (select-formats, on the weights' data):\n");
      String name = w.attributes().has("name") ? w.attributes().getString("name") : v.nameHint();
      b.append("  ").append(name).append(": ").append(d.getString("chosen"));
      if (d.has("reason")) {
        b.append(" (").append(d.getString("reason")).append(")\n");
        continue;
      }
      boolean pinned = d.has("pinned");
      String other = pinned ? "best_other" : "runner_up";
      b.append(pinned ? " (pinned)" : "").append(", ").append(d.getInt("cycles")).append(" cycles, ")
          .append(d.getInt("bytes")).append(" bytes; ");
      if (d.has(other)) {
        b.append(pinned ? "best other " : "runner-up ").append(d.getString(other)).append(", ")
            .append(d.getInt(other + "_cycles")).append(" cycles, ").append(d.getInt(other + "_bytes")).append(" bytes; ");
      } else {
        b.append("the target stores nothing else; ");
      }
      b.append("density ").append(d.getFloat("density")).append('\n');
    }
    return b.length() == 0 ? "" : b.append('\n').toString();
  }

  /**
   * The format_choice of each weight the op reads, as JSON: weight, chosen, and either reason, or cycles, bytes,
   * density, pinned and the other format considered (the runner-up, or the best other one of a pinned weight).
   */
  static ArrayNode formatsJson(Operation op) {
    ArrayNode a = Json.array();
    for (org.tdlc.ir.Value v : op.operands()) {
      Operation w = v.definingOp();
      if (w == null || !w.is(org.tdlc.ir.ops.Ops.WEIGHT)) continue;
      var choice = w.attributes().get("format_choice");
      if (choice.isEmpty() || !(choice.get() instanceof org.tdlc.ir.attr.DictAttr d)) continue;
      ObjectNode f = a.addObject();
      f.put("weight", w.attributes().has("name") ? w.attributes().getString("name") : v.nameHint());
      f.put("chosen", d.getString("chosen"));
      if (d.has("reason")) {
        f.put("reason", d.getString("reason"));
        continue;
      }
      boolean pinned = d.has("pinned");
      String other = pinned ? "best_other" : "runner_up";
      f.put("pinned", pinned);
      f.put("cycles", d.getInt("cycles"));
      f.put("bytes", d.getInt("bytes"));
      f.put("density", d.getFloat("density"));
      if (d.has(other)) {
        ObjectNode o = f.putObject("other");
        o.put("role", other);
        o.put("format", d.getString(other));
        o.put("cycles", d.getInt(other + "_cycles"));
        o.put("bytes", d.getInt(other + "_bytes"));
      } else {
        f.putNull("other");
      }
    }
    return a;
  }

  private record Found(Model model, Operation op) {}

  private static Found find(IrModule module, List<Model> models, String layer) {
    List<String> names = new java.util.ArrayList<>();
    for (Model m : models) {   // by the name the run's table gives the layer (Model.layerName)
      for (int i = 0; i < m.ops().size(); i++) {
        Operation op = m.ops().get(i);
        if (op.results().size() != 1) continue;
        if (m.layerName(i).equals(layer)) return new Found(m, op);
        if (org.tdlc.ir.ops.IterationSpace.of(op).isPresent()) names.add(m.layerName(i));
      }
    }
    throw new UsageException("no layer named '" + layer + "'; the layers with a mapping are " + String.join(", ", names));
  }
}
