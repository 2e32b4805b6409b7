// select-formats: stores each weight in the format among its target's that minimizes FormatCosts on its
// actual data under the mapper's objective (cycles, energy or edp; ties to the smaller footprint; dense where
// sparsity does not pay), or in the format its `format` pin names. The choice goes
// into the weight's type (tensor<...xi8, csr>) and, with the runner-up and both costs, into a `format_choice`
// attribute that pass dumps and `tdlc explain` show. A weight read through a reshape, as a fused residual or as an
// output stays dense (StoredFormats).
// A pin to a format the target lacks is a located error at the weight, whatever pipeline runs the pass.
// With profile-inputs=N the reference interpreter runs on N seeded inputs and each MAC op's activation operands
// get their measured density and the most compact format at that density (SparseCodec.expectedBits) in an
// `activation_formats` attribute: reported only, activations are still stored and moved dense.
package org.tdlc.passes.transforms;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.Users;
import org.tdlc.ir.Value;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.interp.InterpreterException;
import org.tdlc.ir.interp.WeightLoader;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.ir.type.TensorType;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.StoredFormats;
import org.tdlc.passes.Pass;
import org.tdlc.passes.PassContext;
import org.tdlc.passes.PassInfo;
import org.tdlc.passes.Stage;
import org.tdlc.passes.mapping.LoopSpace;
import org.tdlc.passes.mapping.MappingCheck;
import org.tdlc.passes.mapping.MappingPlanner;
import org.tdlc.passes.mapping.Objective;

public final class SelectFormats implements Pass {
  public static final PassInfo INFO = PassInfo.of("select-formats",
      "Store each weight in the target's format that minimizes the mapper's objective on its data (pins honoured)")
      .option("objective", MappingPlanner.Options.DEFAULT.objective().toString(), "what the format's estimate minimizes, "
          + "as the mapper's option of the same name: " + Objective.choices() + "; ties go to the smaller footprint")
      .option("profile-inputs", "0", "run the reference interpreter on N seeded inputs and report the activations' "
          + "densities and best formats (0: off)")
      .requires(Stage.SHAPES).establishes(Stage.FORMATS_SELECTED);

  private final WeightLoader weights = new WeightLoader();
  private final int profileInputs;
  private final Objective objective;

  public SelectFormats(org.tdlc.passes.PassOptions options) {
    this.profileInputs = options.integer("profile-inputs");
    String text = options.string("objective");
    this.objective = Objective.of(text).orElseThrow(() -> new org.tdlc.passes.PipelineException(
        "select-formats: option 'objective' must be " + Objective.choices() + ", got '" + text + "'"));
    if (profileInputs < 0) {
      throw new org.tdlc.passes.PipelineException("select-formats: profile-inputs must be >= 0, got " + profileInputs);
    }
  }

  @Override public PassInfo info() { return INFO; }

  @Override public IrModule run(IrModule module, PassContext ctx) {
    if (ctx.target().isEmpty()) return module;
    Target target = ctx.target().get();
    return module.mapModels(m -> profile(select(m, target, ctx), target));
  }

  /** The activation_formats attribute on every MAC op, from the densities measured on profileInputs runs. */
  private Model profile(Model model, Target target) {
    if (profileInputs == 0) return model;
    Map<Value, long[]> counts = new java.util.IdentityHashMap<>();   // nonzeros, elements
    org.tdlc.ir.interp.Interpreter interpreter = new org.tdlc.ir.interp.Interpreter(weights);
    for (int seed = 1; seed <= profileInputs; seed++) {
      Map<String, Tensor> inputs = org.tdlc.ir.interp.Interpreter.randomInputs(model, seed);
      for (Operation op : model.ops(Ops.INPUT)) tally(counts, op.result(), inputs.get(op.attributes().getString("name")));
      interpreter.run(model, inputs, (op, result) -> {
        if (op.results().size() == 1) tally(counts, op.result(), result);
      });
    }
    ModelEdit edit = new ModelEdit(model);
    for (Operation op : model.ops()) {
      if (LoopSpace.of(op).isEmpty()) continue;
      Map<String, Attribute> report = new TreeMap<>();
      for (Value v : op.operands()) {
        long[] c = counts.get(v);
        if (c == null || v.definingOp().is(Ops.WEIGHT) || c[1] == 0) continue;
        report.put(v.nameHint() == null ? "operand" + op.operands().indexOf(v) : v.nameHint(),
            activation(target, v.type(), c[0] / (double) c[1]));
      }
      if (report.isEmpty()) continue;
      Operation rebuilt = op.rebuild(op.operands(), op.attributes().with("activation_formats", DictAttr.of(report)),
          null, op.location());
      edit.set(op, rebuilt);
      edit.replace(op.result(), rebuilt.result());
    }
    return edit.commit();
  }

  private static void tally(Map<Value, long[]> counts, Value v, Tensor t) {
    if (t == null) return;
    long nnz = 0;
    for (int x : t.sharedArray()) if (x != 0) nnz++;
    long[] c = counts.computeIfAbsent(v, k -> new long[2]);
    c[0] += nnz;
    c[1] += t.elementCount();
  }

  /** The measured density, and the format with the fewest expected bits at it over the tensor's 2-D view. */
  private static DictAttr activation(Target target, TensorType type, double density) {
    int[] dims = type.shape().dims();
    int n = type.shape().elementCount();
    int rows = dims.length < 2 ? 1 : dims[0] == 1 && dims.length > 2 ? dims[1] : dims[0];
    int cols = rows == 0 ? 0 : n / rows;
    int bits = type.element().bytes() * 8;
    StorageFormat best = StorageFormat.DENSE;
    double bestBits = org.tdlc.machine.sparse.SparseCodec.expectedBits(StorageFormat.DENSE, rows, cols, bits, density);
    for (StorageFormat f : target.formats()) {
      double b = org.tdlc.machine.sparse.SparseCodec.expectedBits(f, rows, cols, bits, density);
      if (b < bestBits) {
        best = f;
        bestBits = b;
      }
    }
    return DictAttr.EMPTY.with("density", Attribute.of(Math.round(1e4 * density) / 1e4))
        .with("best", Attribute.of(best.keyword()))
        .with("best_bytes", Attribute.of((long) Math.ceil(bestBits / 8)))
        .with("dense_bytes", Attribute.of((long) n * type.element().bytes()));
  }

  private Model select(Model model, Target target, PassContext ctx) {
    ModelEdit edit = new ModelEdit(model);
    Users users = Users.of(model);
    MachineConfig machine = MachineConfig.of(target);
    for (Operation w : edit.ops()) {
      if (!w.is(Ops.WEIGHT)) continue;
      TensorType type = w.result().type();
      StorageFormat pin = w.attributes().get("format")
          .map(a -> a instanceof Attribute.StringAttr f ? StorageFormat.parse(f.value()).orElse(null) : null).orElse(null);
      if (pin != null && !target.supports(pin)) {
        ctx.diagnostics().error(w.location(), unsupportedPin(w, pin, target));
        continue;
      }
      DictAttr choice;
      StorageFormat chosen;
      if (!StoredFormats.directlyTiled(users, w.result())) {
        chosen = StorageFormat.DENSE;
        choice = DictAttr.EMPTY.with("chosen", Attribute.of("dense"))
            .with("reason", Attribute.of("read through a reshape, as a fused residual or as an output"));
      } else {
        Tensor data;
        try {
          data = weights.load(w);
        } catch (InterpreterException e) {
          continue;   // the lowering reports an unreadable weight file where it is declared
        }
        List<FormatCosts.Estimate> ranked = new java.util.ArrayList<>(FormatCosts.rank(target, machine,
            data.sharedArray(), type.shape().dims(), type.element().bytes() * 8, layer(users, w.result()), objective));
        // after a mapping pass, a format is a candidate only if every reader's mapping still fits with it
        ranked.removeIf(e -> e.format() != StorageFormat.DENSE && !fitsMappedReaders(users, w, e.format(), target));
        FormatCosts.Estimate best = ranked.get(0);
        FormatCosts.Estimate other = ranked.size() > 1 ? ranked.get(1) : best;
        long nnz = 0;
        for (int v : data.sharedArray()) if (v != 0) nnz++;
        if (pin != null && pin != StorageFormat.DENSE && !fitsMappedReaders(users, w, pin, target)) {
          ctx.diagnostics().error(w.location(), "weight '" + w.attributes().getString("name") + "' is pinned to format "
              + pin + ", but a layer reading it was mapped before select-formats ran and its tile does not fit the "
              + target.global().name() + " buffer with the " + pin + " block staged beside it; run select-formats before "
              + "the mapping passes");
          continue;
        }
        if (pin != null) {
          FormatCosts.Estimate pinned = ranked.stream().filter(e -> e.format() == pin).findFirst()
              .orElse(FormatCosts.estimate(machine, pin, data.sharedArray(), type.shape().dims(),
                  type.element().bytes() * 8, layer(users, w.result())));
          chosen = pin;
          FormatCosts.Estimate alt = best.format() == pin ? other : best;
          choice = describe(pinned, alt, "best_other").with("pinned", new Attribute.BoolAttr(true));
        } else {
          chosen = best.format();
          choice = describe(best, other, "runner_up");
        }
        choice = choice.with("density", Attribute.of(data.elementCount() == 0 ? 0.0
            : Math.round(1e4 * nnz / (double) data.elementCount()) / 1e4));
      }
      ctx.count("num-" + chosen.keyword(), 1);
      TensorType typed = new TensorType(type.element(), type.shape(), chosen);
      Operation rebuilt = w.rebuild(w.operands(), w.attributes().with("format_choice", choice), typed, w.location());
      edit.set(w, rebuilt);
      edit.replace(w.result(), rebuilt.result());
    }
    return edit.commit();
  }

  /** Whether every reader of {@code w} that already carries a mapping still fits the buffer with {@code f}. */
  private static boolean fitsMappedReaders(Users users, Operation w, StorageFormat f, Target target) {
    for (Operation op : users.of(w.result())) if (!MappingCheck.fitsWith(op, w.result(), f, target)) return false;
    return true;
  }

  /** A weight pinned to a format the target lacks: the error every command reports at the weight. */
  public static String unsupportedPin(Operation w, StorageFormat pin, Target target) {
    String name = w.attributes().get("name").map(a -> a instanceof Attribute.StringAttr n ? n.value() : null).orElse("?");
    return "weight '" + name + "' is pinned to format " + pin + ", which target '" + target.name()
        + "' does not support (its formats: " + String.join(", ", target.formats().stream().map(StorageFormat::keyword)
        .toList()) + ")";
  }

  /** The choice and its costs, and the other estimate's unless it is the same format (a dense-only target). */
  private static DictAttr describe(FormatCosts.Estimate chosen, FormatCosts.Estimate other, String otherKey) {
    Map<String, Attribute> m = new TreeMap<>();
    m.put("chosen", Attribute.of(chosen.format().keyword()));
    m.put("cycles", Attribute.of(Math.round(chosen.cycles())));
    m.put("energy_pj", Attribute.of(Math.round(chosen.energyPj())));
    m.put("bytes", Attribute.of(chosen.bytes()));
    if (other.format() == chosen.format()) return DictAttr.of(m);
    m.put(otherKey, Attribute.of(other.format().keyword()));
    m.put(otherKey + "_cycles", Attribute.of(Math.round(other.cycles())));
    m.put(otherKey + "_energy_pj", Attribute.of(Math.round(other.energyPj())));
    m.put(otherKey + "_bytes", Attribute.of(other.bytes()));
    return DictAttr.of(m);
  }

  /** The MACs of every op reading the weight, and the bytes of their other operands and results. */
  private static FormatCosts.Layer layer(Users users, Value w) {
    long macs = 0;
    long other = 0;
    for (Operation op : users.of(w)) {
      macs += LoopSpace.of(op).map(LoopSpace::macs).orElse(0L);
      for (Value v : op.operands()) if (v != w) other += bytes(v.type());
      for (Value v : op.results()) other += bytes(v.type());
    }
    return new FormatCosts.Layer(macs, other);
  }

  private static long bytes(TensorType t) { return (long) t.shape().elementCount() * t.element().bytes(); }
}
