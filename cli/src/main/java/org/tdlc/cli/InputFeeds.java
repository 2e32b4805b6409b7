// The data a model runs on: --input NAME=FILE.npy for the inputs given, seeded random data (--seed)
// for the rest. A file of the wrong dtype or shape is an error that names both.
package org.tdlc.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.tdlc.ir.Model;
import org.tdlc.ir.Operation;
import org.tdlc.ir.data.Npy;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.data.TensorInit;
import org.tdlc.ir.ops.Ops;

final class InputFeeds {
  private InputFeeds() {}

  /** The --input files, by input name, before any model is chosen. */
  static Map<String, Path> files(CommandLine cl) {
    Map<String, Path> files = new LinkedHashMap<>();
    String[] specs = cl.getOptionValues("input");
    if (specs == null) return files;
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) throw new UsageException("--input takes NAME=FILE.npy, got '" + spec + "'");
      String name = spec.substring(0, eq);
      Path file = UserFiles.existing("--input " + spec, spec.substring(eq + 1));
      if (files.put(name, file) != null) {
        throw new UsageException("--input " + spec.substring(0, eq) + " is given twice");
      }
    }
    return files;
  }

  /** The files a command reads, which no output may replace: FILE and the --input files. */
  static java.util.List<Path> inputPaths(String file, Map<String, Path> files) {
    java.util.List<Path> all = new java.util.ArrayList<>();
    all.add(Path.of(file));
    all.addAll(files.values());
    return all;
  }

  static long seed(CommandLine cl) {
    String s = cl.getOptionValue("seed", "0");
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new UsageException("--seed takes an integer, got '" + s + "'");
    }
  }

  /** Inputs for one model: from files where given, seeded random data otherwise. */
  static Map<String, Tensor> forModel(Model model, Map<String, Path> files, long seed) {
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    for (Operation in : model.ops(Ops.INPUT)) {
      String name = in.attributes().getString("name");
      Path file = files.get(name);
      if (file == null) {
        inputs.put(name, TensorInit.randomInput(in.result().type(), name, seed));
        continue;
      }
      Tensor t = Npy.read(file);
      if (!t.type().sameValues(in.result().type())) {
        throw new UserError("--input " + name + ": " + file + " holds " + t.type().toSourceString()
            + " but model " + model.name() + " declares " + name + " : " + in.result().type().toSourceString());
      }
      inputs.put(name, t);
    }
    for (String name : files.keySet()) {
      if (!inputs.containsKey(name)) {
        throw new UsageException("--input " + name + ": model " + model.name() + " has no input named '" + name
            + "' (its inputs: " + String.join(", ", inputs.keySet()) + ")");
      }
    }
    return inputs;
  }
}
