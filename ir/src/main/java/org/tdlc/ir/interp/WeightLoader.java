// Materializes tdl.weight ops: init random (seeded, with an exact non-zero count under density), zeros, or
// a .npy file whose dtype and shape must match the declaration. The interpreter, the passes (which choose
// formats from the actual zeros) and the backend (which packs the data) all get the same bits from here.
package org.tdlc.ir.interp;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tdlc.ir.Location;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Npy;
import org.tdlc.ir.data.NpyException;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.data.TensorInit;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.TensorType;

public final class WeightLoader {
  /**
   * Weights are immutable and deterministic, so one load per distinct declaration is enough: what decides
   * the bits is the type (without a storage format), init, seed, density and file, not the attributes that
   * passes add (format_choice, say).
   */
  private record Key(TensorType type, String init, Object seed, Object density, Path file) {}

  /**
   * Seeded weights (init random or zeros: their bits follow from the declaration alone), generated once per
   * process for every loader: compile's passes, the lowering and the reference interpreter of one `tdlc run`
   * read the same tensors (VGG-16's 138 M weights took a quarter of its compile time to generate twice).
   * Soft references: a collector short of memory may drop them, and they are generated again; a dropped one
   * leaves the map when its reference is next polled from CLEARED (a sweep of the whole map per weight made
   * loading N weights quadratic).
   */
  private static final Map<Key, SeededRef> SEEDED = new HashMap<>();
  private static final ReferenceQueue<Tensor> CLEARED = new ReferenceQueue<>();

  /** A seeded tensor the collector may drop, with the key to remove it by. */
  private static final class SeededRef extends SoftReference<Tensor> {
    final Key key;

    SeededRef(Key key, Tensor t) {
      super(t, CLEARED);
      this.key = key;
    }
  }

  private final Path fallbackDir;
  /** Weights read from files, once per loader; seeded ones live in SEEDED only, so the collector may drop them. */
  private final Map<Key, Tensor> files = new HashMap<>();

  /** Relative weight files of ops without a source file are read relative to the working directory. */
  public WeightLoader() { this(Path.of("")); }

  /** Relative weight files of ops without a source file are read relative to {@code fallbackDir}. */
  public WeightLoader(Path fallbackDir) { this.fallbackDir = fallbackDir; }

  /** Every weight of the model by name, in definition order. */
  public Map<String, Tensor> loadAll(Model model) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Operation op : model.ops(Ops.WEIGHT)) out.put(op.attributes().getString("name"), load(op));
    return out;
  }

  /** The data of one tdl.weight op, typed as declared; failures are InterpreterExceptions at the op. */
  public synchronized Tensor load(Operation weight) {
    if (!weight.is(Ops.WEIGHT)) throw new IllegalArgumentException("not a weight: " + weight);
    TensorType declared = weight.result().type();
    DictAttr attrs = weight.attributes();
    String init = attrs.getString("init");
    Path file = init.equals("file") ? resolve(weight) : null;
    Key key = new Key(declared.withFormat(null), init, attrs.has("seed") ? attrs.getInt("seed") : null,
        attrs.has("density") ? attrs.getFloat("density") : null, file);
    Tensor data = file == null ? seeded(key, weight) : files.computeIfAbsent(key, k -> fromFile(weight, file));
    return data.withType(declared);
  }

  private static Tensor seeded(Key key, Operation weight) {
    synchronized (SEEDED) {
      SeededRef ref = SEEDED.get(key);
      Tensor t = ref == null ? null : ref.get();
      if (t != null) return t;
    }
    TensorType declared = weight.result().type();
    DictAttr attrs = weight.attributes();
    Tensor t = switch (attrs.getString("init")) {
      case "random" -> attrs.has("density")
          ? TensorInit.random(declared, attrs.getInt("seed"), attrs.getFloat("density"))
          : TensorInit.random(declared, attrs.getInt("seed"));
      case "zeros" -> TensorInit.zeros(declared);
      default -> throw new InterpreterException(weight.location(), "weight " + attrs.getString("name")
          + ": init must be random, zeros or file, got '" + attrs.getString("init") + "'");
    };
    synchronized (SEEDED) {
      for (Reference<? extends Tensor> r; (r = CLEARED.poll()) != null; ) SEEDED.remove(((SeededRef) r).key, r);
      SEEDED.put(key, new SeededRef(key, t));
    }
    return t;
  }

  /**
   * The file an `init file` weight reads: its path as is when absolute, else relative to the .tdl file the
   * weight was declared in (its location), else relative to the fallback directory.
   */
  public Path resolve(Operation weight) {
    String written = weight.attributes().getString("path");
    Path path;
    try {
      path = Path.of(written);
    } catch (InvalidPathException e) {
      throw new InterpreterException(weight.location(), "weight " + weight.attributes().getString("name")
          + ": '" + written + "' is not a valid path: " + e.getReason());
    }
    if (path.isAbsolute()) return path;
    Location.FileLineCol where = weight.location().primary();
    if (where != null) {
      Path dir = Path.of(where.file()).getParent();
      return dir == null ? path : dir.resolve(path);
    }
    return fallbackDir.resolve(path);
  }

  private static Tensor fromFile(Operation weight, Path file) {
    String name = weight.attributes().getString("name");
    String label = weight.attributes().getString("path");
    TensorType declared = weight.result().type();
    Tensor t;
    try {
      t = Npy.read(file, label);
    } catch (NpyException e) {
      throw new InterpreterException(weight.location(), "weight " + name + ": " + e.getMessage());
    }
    if (!t.type().sameValues(declared)) {
      throw new InterpreterException(weight.location(), "weight " + name + ": " + label + " holds "
          + t.type().toSourceString() + " (dtype " + Npy.dtype(t.element()) + "), but " + name + " is declared "
          + declared.toSourceString());
    }
    return t;
  }
}
