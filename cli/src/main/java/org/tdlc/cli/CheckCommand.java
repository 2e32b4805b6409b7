// tdlc check: parse, resolve, type and verify a .tdl or IR file, check its pins and mappings against the
// target (--target; without it the one target the file defines, else default), then print its graph IR, or with --json what it checked as data.
package org.tdlc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Value;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.text.IrPrinter;
import org.tdlc.ir.type.TensorType;
import org.tdlc.ir.verify.Verifier;

final class CheckCommand implements Command {
  @Override public String name() { return "check"; }
  @Override public String summary() { return "parse, type and verify a .tdl or IR file for a target and print its graph IR"; }
  @Override public String usage() { return "FILE.tdl|FILE.ir [--target T] [--no-locations] [--json]"; }

  @Override public Options options() {
    return new Options().addOption(Option.builder().longOpt("no-locations")
            .desc("print the IR without loc(...) source locations").get())
        .addOption(Option.builder().longOpt("target").hasArg().argName("T")
            .desc("the target format pins and mappings are checked against: a name, or a .tdl file of targets "
                + "(T.tdl, or T.tdl:NAME); " + TargetChoice.DEFAULT_HELP).get())
        .addOption(Option.builder().longOpt("json")
            .desc("print one JSON object (described in docs/json.md): the models checked, their inputs, weights, "
                + "outputs and layers, the file's targets and the IR; errors too").get());
  }

  @Override public int run(CommandLine cl, Io io, SourceCache sources) {
    String path = ModuleLoader.onePath(cl, "FILE.tdl");
    ModuleLoader.Loaded loaded = ModuleLoader.load(path, sources, io.err());
    var problems = Verifier.verify(loaded.module());
    if (!problems.isEmpty()) throw new CompileException(problems);
    Target target = TargetChoice.resolve(cl, loaded, sources);
    Compilation.checkTarget(loaded, target, cl);
    String ir = IrPrinter.print(loaded.module(), new IrPrinter.Options(!cl.hasOption("no-locations")));
    io.out().print(cl.hasOption("json") ? Json.write(json(path, loaded, target, ir)) : ir);
    return Main.OK;
  }

  /**
   * {tdlc_version, command, file, target, models, targets, ir}: per model (every model of the module, those
   * the file defines itself marked main) its inputs, weights and outputs with their types, its op count and
   * its layers (the ops other than input, weight and output, named as run names them).
   */
  static ObjectNode json(String path, ModuleLoader.Loaded loaded, Target target, String ir) {
    ObjectNode o = Json.report("check");
    o.put("file", path);
    o.put("target", target.name());
    ArrayNode models = o.putArray("models");
    for (Model m : loaded.module().models()) {
      ObjectNode model = models.addObject();
      model.put("name", m.name());
      model.put("main", loaded.mainModels().contains(m.name()));
      ArrayNode inputs = model.putArray("inputs"), weights = model.putArray("weights");
      ArrayNode outputs = model.putArray("outputs"), layers = model.putArray("layers");
      for (int i = 0; i < m.ops().size(); i++) {
        Operation op = m.ops().get(i);
        if (op.is(Ops.INPUT) || op.is(Ops.WEIGHT)) {
          ObjectNode t = tensor(op.attributes().has("name") ? op.attributes().getString("name") : op.result().nameHint(),
              op.result());
          if (op.is(Ops.WEIGHT)) {
            var f = op.result().type().format();
            t.put("format", f == null ? "dense" : f.keyword());
          }
          (op.is(Ops.INPUT) ? inputs : weights).add(t);
        } else if (op.is(Ops.OUTPUT)) {
          java.util.List<String> names = op.attributes().has("names") ? op.attributes().getStrings("names") : java.util.List.of();
          for (int k = 0; k < op.operands().size(); k++) {
            Value v = op.operand(k);
            outputs.add(tensor(k < names.size() ? names.get(k) : v.nameHint(), v));
          }
        } else {
          ObjectNode l = layers.addObject();
          l.put("name", m.layerName(i));
          l.put("op", op.shortName());
        }
      }
      model.put("ops", m.ops().size());
    }
    o.set("targets", Json.strings(loaded.targets().stream().map(Target::name).toList()));
    o.put("ir", ir);
    return o;
  }

  private static ObjectNode tensor(String name, Value v) {
    ObjectNode t = Json.object();
    t.put("name", name);
    TensorType tt = v.type();
    t.put("dtype", tt.element().keyword());
    t.set("shape", Json.ints(tt.shape().asList()));
    return t;
  }
}
