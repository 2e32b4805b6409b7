// What --target names: a target the file defines or imports, a built-in, or a .tdl file of targets
// (FILE.tdl when it defines one target, FILE.tdl:NAME to choose among several). A value that ends in .tdl
// or names an existing file is read as a file, so a file's target is never "unknown target 'FILE.tdl'".
// Without --target, a file that itself defines exactly one target (as tdlc import scalesim, maestro and
// timeloop write them) runs on it; any other file on the built-in `default`.
package org.tdlc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.tdlc.frontend.Frontend;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.target.Target;

final class TargetChoice {
  private TargetChoice() {}

  /** What --target's help says of its default. */
  static final String DEFAULT_HELP = "default: the one target FILE itself defines, if it defines exactly one, else "
      + Targets.DEFAULT;

  static Target resolve(CommandLine cl, ModuleLoader.Loaded loaded, SourceCache sources) {
    return resolve(cl.getOptionValue("target"), loaded, sources);
  }

  /** The target {@code value} names, or without one the file's own single target, else the built-in default. */
  static Target resolve(String value, ModuleLoader.Loaded loaded, SourceCache sources) {
    if (value == null) {
      List<Target> own = own(loaded);
      if (own.size() == 1) return own.get(0);
    }
    return resolve(value, loaded.targets(), sources);
  }

  /** The targets the file itself defines (not its imports), in its order. */
  static List<Target> own(ModuleLoader.Loaded loaded) {
    Path file = Path.of(loaded.path()).toAbsolutePath().normalize();
    return loaded.targets().stream().filter(t -> t.loc().primary() != null
        && Path.of(t.loc().primary().file()).toAbsolutePath().normalize().equals(file)).toList();
  }

  static Target resolve(String value, List<Target> fileTargets, SourceCache sources) {
    if (value == null || !isFile(value)) return Targets.resolve(value, fileTargets);
    String file = value, name = null;
    int colon = value.lastIndexOf(':');
    if (!Files.isRegularFile(Path.of(value)) && colon > 0 && isFile(value.substring(0, colon))) {
      file = value.substring(0, colon);
      name = value.substring(colon + 1);
    }
    UserFiles.existing("--target " + value, file);
    List<Target> defined = new Frontend(new DiagnosticEngine(), sources).compile(file).targets();
    List<String> names = defined.stream().map(Target::name).toList();
    if (name != null) {
      for (Target t : defined) if (t.name().equals(name)) return t;
      throw new UserError("--target " + value + ": " + file + " defines no target '" + name + "'"
          + (names.isEmpty() ? "; it defines none" : "; its targets are " + String.join(", ", names)));
    }
    if (defined.size() == 1) return defined.get(0);
    if (defined.isEmpty()) throw new UserError("--target " + value + ": " + file + " defines no target");
    throw new UserError("--target " + value + ": " + file + " defines " + defined.size() + " targets ("
        + String.join(", ", names) + "); choose one with --target " + file + ":NAME");
  }

  /** FILE.tdl, an existing file, or FILE.tdl:NAME: a name of a target has none of these shapes. */
  private static boolean isFile(String value) {
    if (value.endsWith(".tdl") || Files.isRegularFile(Path.of(value))) return true;
    int colon = value.lastIndexOf(':');
    return colon > 0 && value.substring(0, colon).endsWith(".tdl");
  }
}
